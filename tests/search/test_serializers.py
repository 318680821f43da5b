from wagtail.models import PageViewRestriction

from search import mappings, serializers


def test_practice_note_is_flattened_to_plain_text(corpus):
    data = serializers.serialize(corpus["sunflower"])
    assert data["kind"] == "practice-note"
    assert data["title"] == "How the Sunflower Centre model works"
    assert "police statements and counselling" in data["body"]
    assert "<p>" not in data["body"]
    assert data["countries"] == ["KR"]
    assert data["themes"] == ["health-response", "police-response"]
    assert data["date"].isoformat() == "2023-03-01"
    assert data["year"] == 2023
    assert data["locale"] == "en"
    assert data["audience"] == mappings.AUDIENCE_PUBLIC
    assert data["page_id"] == corpus["sunflower"].pk
    assert data["doc_id"] is None
    assert data["title_en"] == data["title"] and "title_ru" not in data


def test_every_kind_serializes(corpus):
    kinds = {
        serializers.serialize(corpus[name])["kind"] for name in ("kz_profile", "webinar", "police", "funding", "report")
    }
    assert kinds == {"country-profile", "event", "policy-tool", "brief", "document"}
    assert serializers.serialize(corpus["kz_profile"])["countries"] == ["KZ"]
    assert "1366 helpline" in serializers.serialize(corpus["report"])["attachment"]


def test_partner_only_page_and_document_are_marked(corpus):
    assert serializers.serialize(corpus["secret"])["audience"] == mappings.AUDIENCE_PARTNER
    assert serializers.serialize(corpus["secret_doc"])["audience"] == mappings.AUDIENCE_PARTNER
    assert serializers.serialize(corpus["report"])["audience"] == mappings.AUDIENCE_PUBLIC
    PageViewRestriction.objects.create(page=corpus["police"], restriction_type=PageViewRestriction.LOGIN)
    assert serializers.serialize(corpus["police"])["audience"] == mappings.AUDIENCE_PARTNER
