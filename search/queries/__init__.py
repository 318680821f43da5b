"""Cross-country search: one engine interface, two engines, one result shape.

`KnowledgeSearch(user=…, language=…).search(params)` is what the page, the API and the feeds
call. `engine_for` picks the engine: Elasticsearch when it is configured and has not failed
in the last few seconds (`search.client.breaker`, which lets one search a window try it
again), the database engine (Wagtail's database
search backend plus counting in Python) otherwise. When Elasticsearch fails, the database
answers; whenever Elasticsearch is configured and the database answered, the result says
`degraded=True`, so the page can tell the reader.

Both engines (`SearchEngine` subclasses) return keys whose hits are then built through
`portal.core.privacy`, so an item a reader may not see never reaches them, even from a
stale index.
"""

import logging
from dataclasses import replace
from functools import cached_property

from django.conf import settings

from search import conf
from search.client import ENGINE_ERRORS, breaker
from search.queries.base import SearchEngine
from search.queries.database import DatabaseEngine
from search.queries.elasticsearch import ElasticsearchEngine
from search.queries.results import (
    FACET_LABELS,
    FACETS,
    MAX_RESULT_WINDOW,
    SORT_DATE,
    SORT_RELEVANCE,
    FacetValue,
    Hit,
    Labels,
    SearchParams,
    SearchResult,
)

__all__ = [
    "FACETS",
    "FACET_LABELS",
    "MAX_RESULT_WINDOW",
    "SORT_DATE",
    "SORT_RELEVANCE",
    "DatabaseEngine",
    "ElasticsearchEngine",
    "FacetValue",
    "Hit",
    "KnowledgeSearch",
    "SearchEngine",
    "SearchParams",
    "SearchResult",
    "engine_for",
]

logger = logging.getLogger(__name__)


def engine_for(*, user, language: str, labels: Labels | None = None) -> SearchEngine:
    """The engine that answers now: Elasticsearch if configured and not failing lately, else the database."""
    if conf.elasticsearch_enabled() and breaker.allow():
        return ElasticsearchEngine(user=user, language=language, labels=labels)
    return DatabaseEngine(user=user, language=language, labels=labels)


class KnowledgeSearch:
    """Search the whole portal as `user` sees it, in the reader's `language`."""

    def __init__(self, *, user, language: str | None = None):
        self.user = user
        self.language = (language or settings.LANGUAGE_CODE).split("-")[0]

    @cached_property
    def labels(self) -> Labels:
        """Facet value names in the reader's language, read once for the engine and any fallback."""
        return Labels(self.language)

    def engine(self) -> SearchEngine:
        return engine_for(user=self.user, language=self.language, labels=self.labels)

    def search(self, params: SearchParams) -> SearchResult:
        """The engine's answer; the database's, marked degraded, when Elasticsearch fails or failed lately.

        Elasticsearch gets `SEARCH_REQUEST_TIMEOUT` for the whole search (one budget for all its
        requests, no retries), so the database still answers within two seconds.
        """
        try:
            result = self.engine().search(params)
            if result.engine == ElasticsearchEngine.name:
                breaker.reset()
        except ENGINE_ERRORS as error:
            breaker.trip()
            logger.warning("search: Elasticsearch failed (%s); answering from the database", error)
            result = DatabaseEngine(user=self.user, language=self.language, labels=self.labels).search(params)
        if conf.elasticsearch_enabled() and result.engine == DatabaseEngine.name:
            return replace(result, degraded=True)
        return result
