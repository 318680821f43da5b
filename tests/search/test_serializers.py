"""Pages and documents as the index stores them."""

from wagtail.models import PageViewRestriction

from portal.core.items import kinds
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


def test_a_kind_without_a_serializer_of_its_own_reads_its_search_fields(corpus, monkeypatch):
    """A new page kind is searchable once declared: `PageSerializer` reads the model's `search_fields`."""
    monkeypatch.delitem(serializers.SERIALIZERS, "practice-note")
    note = corpus["sunflower"]
    assert type(serializers.serializer_for(note)) is serializers.PageSerializer
    assert serializers.searched_text_fields(type(note))[:3] == ("body", "context", "service_description")
    data = serializers.serialize(note)
    assert data["kind"] == "practice-note"
    assert "police statements and counselling" in data["body"] and "<p>" not in data["body"]
    assert data["countries"] == ["KR"] and data["themes"] == ["health-response", "police-response"]
    assert data["date"].isoformat() == "2023-03-01"


def test_rebuilds_read_one_queryset_per_kind_in_the_kinds_order(db):
    models = [queryset.model for _serializer, queryset in serializers.searchable_querysets()]
    assert models == [kind.model for kind in kinds()]
