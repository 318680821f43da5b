"""`manage.py rebuild_search_index`: the records always, the index when Elasticsearch is configured."""

from django.core.management import call_command

from search import conf, mappings
from search.client import get_client
from search.models import SearchRecord
from search.queries import DatabaseEngine, SearchParams
from tests.search.conftest import stored


def titles(q="", **filters) -> list[str]:
    return [hit.title for hit in DatabaseEngine(user=None, language="en").search(SearchParams(q=q, **filters)).hits]


def test_rebuild_indexes_every_live_item_and_swaps_alias(es, corpus, capsys):
    call_command("rebuild_search_index", "--no-progress")
    first = mappings.indices_behind_alias(get_client(), conf.alias_name())
    call_command("rebuild_search_index", "--no-progress")
    second = mappings.indices_behind_alias(get_client(), conf.alias_name())
    out = capsys.readouterr().out
    assert "Indexed 10 items" in out
    assert "1 old indices removed" in out
    assert len(first) == len(second) == 1 and first != second
    assert not get_client().indices.exists(index=first[0])
    assert stored(f"page:{corpus['sunflower'].pk}")["title"] == "How the Sunflower Centre model works"
    assert stored(f"page:{corpus['partner_section'].pk}") is None  # index pages are not search results


def test_rebuild_command_writes_the_records_without_elasticsearch(corpus, capsys):
    SearchRecord.objects.all().delete()
    call_command("rebuild_search_index", "--no-progress")
    out = capsys.readouterr().out
    assert "Wrote 10 search records" in out
    assert "Skipped Elasticsearch" in out
    assert titles("Sunflower") == ["How the Sunflower Centre model works"]
    call_command("rebuild_search_index", "--no-progress")
    assert SearchRecord.objects.count() == 10  # idempotent
