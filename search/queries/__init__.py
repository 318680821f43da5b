"""Cross-country search: one query builder, two engines, one result shape.

`KnowledgeSearch(user=…, language=…).search(params)` answers from Elasticsearch when it is
configured and reachable, and from the database engine (Wagtail's database search backend
plus ORM aggregation) otherwise. When Elasticsearch is configured but fails, the database
answers and the result says `degraded=True`, so the page can tell the reader.

Both engines return ids that are then loaded from the database through `portal.core.privacy`,
so an item a reader may not see never reaches them, even from a stale index.
"""

import logging
from dataclasses import replace

from django.conf import settings

from search import conf
from search.client import ENGINE_ERRORS, breaker
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
    "SearchParams",
    "SearchResult",
]

logger = logging.getLogger(__name__)


class KnowledgeSearch:
    """Search the whole portal as `user` sees it, in the reader's `language`."""

    def __init__(self, *, user, language: str | None = None, request=None):
        self.user = user
        self.language = (language or settings.LANGUAGE_CODE).split("-")[0]
        self.request = request

    def _engines(self):
        labels = Labels(self.language)
        kwargs = {"user": self.user, "language": self.language, "request": self.request, "labels": labels}
        database = DatabaseEngine(**kwargs)
        if not conf.elasticsearch_enabled():
            return None, database
        if breaker.is_open():
            return "open", database
        return ElasticsearchEngine(**kwargs), database

    def _run(self, method: str, *args, **kwargs):
        primary, database = self._engines()
        if primary is None:
            return getattr(database, method)(*args, **kwargs), False
        if primary != "open":
            try:
                return getattr(primary, method)(*args, **kwargs), False
            except ENGINE_ERRORS as error:
                breaker.trip()
                logger.warning("search: Elasticsearch failed (%s); answering from the database", error)
        return getattr(database, method)(*args, **kwargs), True

    def search(self, params: SearchParams) -> SearchResult:
        result, degraded = self._run("search", params)
        return replace(result, degraded=degraded) if degraded else result

    def related(self, obj, *, limit: int = 4) -> list[Hit]:
        hits, _ = self._run("related", obj, limit=limit)
        return hits
