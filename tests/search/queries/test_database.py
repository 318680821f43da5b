"""The database engine: the same counts as Elasticsearch, and facets counted under the other filters."""

import pytest

from search.queries import DatabaseEngine, SearchParams
from search.queries.database import ROW_COLUMNS, filter_and_count
from tests.search.queries.conftest import counts, es_search


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"countries": ("KZ",)},
        {"countries": ("KZ", "AL"), "kinds": ("brief", "policy-tool")},
        {"themes": ("health-response",), "languages": ("en",)},
        {"year": 2024},
        {"q": "police"},
    ],
)
def test_database_engine_counts_like_elasticsearch(indexed, params):
    es = es_search(**params)
    db = DatabaseEngine(user=None, language="en").search(SearchParams(**params))
    assert db.total == es.total
    for facet in ("country", "theme", "kind", "language", "year"):
        assert counts(db, facet) == counts(es, facet), facet


def test_a_row_failing_one_filter_still_counts_for_that_facet():
    def row(pk, countries, kind, year):
        values = {"id": pk, "countries": countries, "themes": "", "kind": kind, "locale": "en", "year": year}
        return tuple(values.get(column) for column in ROW_COLUMNS)

    rows = [row(1, "KZ KR", "brief", 2024), row(2, "AL", "brief", 2024), row(3, "AL", "event", 2021)]
    found, counts = filter_and_count(rows, SearchParams(countries=("KZ",), kinds=("brief",)))
    assert found == [1]
    assert counts["country"] == {"KZ": 1, "KR": 1, "AL": 1}  # row 2 fails only the country filter
    assert counts["kind"] == {"brief": 1}  # row 3 fails both filters: counted nowhere
    assert counts["year"] == {"2024": 1}
