"""Helpers of the engine tests: searches on the corpus (`tests/search/conftest.py`)."""

from search.queries import KnowledgeSearch, SearchParams

PUBLIC_ITEMS = 8  # the corpus minus one partner-only page and one partner-only document


def counts(result, facet):
    return {value.value: value.count for value in result.facets[facet]}


def titles(result):
    return [hit.title for hit in result.hits]


def es_search(user=None, **params):
    result = KnowledgeSearch(user=user, language="en").search(SearchParams(**params))
    assert result.engine == "elasticsearch" and not result.degraded
    return result
