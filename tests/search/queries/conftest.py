"""Helpers of the engine tests: searches on the corpus (`tests/search/conftest.py`)."""

from django.utils import translation

import pytest

from search.queries import KnowledgeSearch, SearchParams


@pytest.fixture(autouse=True)
def language_restored():
    """A request in /ru/ or /ko/ leaves its language active in this thread: later tests expect the default back."""
    with translation.override(translation.get_language()):
        yield


PUBLIC_ITEMS = 8  # the corpus minus one partner-only page and one partner-only document


def counts(result, facet):
    return {value.value: value.count for value in result.facets[facet]}


def titles(result):
    return [hit.title for hit in result.hits]


def es_search(user=None, **params):
    result = KnowledgeSearch(user=user, language="en").search(SearchParams(**params))
    assert result.engine == "elasticsearch" and not result.degraded
    return result
