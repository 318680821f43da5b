"""Hits built from the search records, checked once more through the privacy gate."""

from search.models import SearchRecord
from search.queries.results import Labels, hits_from_records


def test_a_hit_without_a_record_yet_is_read_from_its_object(corpus):
    police, secret = corpus["police"], corpus["secret"]
    SearchRecord.objects.filter(key__in=[f"page:{police.pk}", f"page:{secret.pk}"]).delete()
    hits = hits_from_records([f"page:{police.pk}", f"page:{secret.pk}"], None, Labels("en"))
    assert [(hit.title, [code for code, _ in hit.countries]) for hit in hits] == [
        ("Police investigation protocol", ["AL", "KZ"])
    ]  # and the partner-only page stays hidden from the public
