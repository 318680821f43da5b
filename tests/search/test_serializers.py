from wagtail.models import PageViewRestriction

from search import mappings, serializers
from search.synonyms import expand


def test_practice_note_is_flattened_to_plain_text(corpus):
    data = serializers.serialize(corpus["sunflower"])
    assert data["kind"] == mappings.KIND_PRACTICE_NOTE
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


def test_synonyms_expand_both_ways(db):
    assert "gender based violence shelters" in expand("GBV shelters")
    assert "gbv" in expand("gender-based violence")
    assert "해바라기센터" in expand("Sunflower Centre")
    assert expand("police protocol") == ["police protocol"]


def test_synonyms_are_kept_in_the_admin(client, make_user):
    client.force_login(make_user("admin", superuser=True))
    listing = client.get("/admin/snippets/search/synonym/", {"q": "GBV"})
    assert listing.status_code == 200
    assert "GBV = gender-based violence" in listing.content.decode()
    assert client.get("/admin/snippets/search/synonym/add/").status_code == 200
