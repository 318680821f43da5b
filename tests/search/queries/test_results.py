"""Hits built from the search records, checked once more through the privacy gate."""

from search.models import SearchRecord
from search.queries.results import FacetValue, Labels, hits_from_records, kind_label


def test_a_hit_without_a_record_yet_is_read_from_its_object(corpus):
    police, secret = corpus["police"], corpus["secret"]
    SearchRecord.objects.filter(key__in=[f"page:{police.pk}", f"page:{secret.pk}"]).delete()
    hits = hits_from_records([f"page:{police.pk}", f"page:{secret.pk}"], None, Labels("en"))
    assert [(hit.title, [code for code, _ in hit.countries]) for hit in hits] == [
        ("Police investigation protocol", ["AL", "KZ"])
    ]  # and the partner-only page stays hidden from the public


def test_kinds_are_named_and_ordered_as_declared(db):
    labels = Labels("en")
    assert kind_label("brief") == "Policy brief"
    assert kind_label("practice-note", plural=True) == "Practice notes"
    assert kind_label("novel") == "novel"  # an unknown key as it is
    values = [FacetValue(key, labels.label("kind", key), 1, False) for key in ("document", "brief", "country-profile")]
    assert [value.value for value in labels.order("kind", values)] == ["country-profile", "brief", "document"]
