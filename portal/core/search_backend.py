"""Wagtail's database search backend, made safe for any text a reader or an editor types.

Every search box that reaches Wagtail's search (the admin's pages, documents, images and
snippets, API v2's `?search=`, the portal's database engine) goes through the backend named
in `WAGTAILSEARCH_BACKENDS`. The database backends pass words to SQLite FTS5 in double quotes
without escaping the quotes inside them, hand a phrase to FTS5 as raw syntax, and combine the
words of a query recursively (a few thousand words exhaust Python's stack). So before the
backend sees a query, its words are cleaned here, in one place: control characters and double
quotes removed, a phrase reduced to plain words, at most `MAX_WORDS` words kept. A query left
with no words finds nothing, as an empty query does.
https://www.sqlite.org/fts5.html#full_text_query_syntax
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from modelsearch.backends import database
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText, SearchQuery

# Far more than anyone types into a search box; few enough for the backends' recursion.
MAX_WORDS = 64

_WORD = re.compile(r"\w+")


def clean_text(text: str) -> str:
    """The text without control characters and double quotes, its spaces collapsed."""
    kept = "".join(" " if unicodedata.category(char)[0] in "CZ" or char == '"' else char for char in text)
    return " ".join(kept.split()[:MAX_WORDS])


def clean_phrase(text: str) -> str:
    """Only the words of a phrase, in lower case (FTS5 reads AND, OR, NOT and NEAR as operators)."""
    return " ".join(_WORD.findall(text.casefold())[:MAX_WORDS])


def clean_query(query):
    """The query with every word cleaned; None when no word is left.

    A string stays a string; a parsed query (the admin's pages search parses quotes and
    filters) keeps its shape, without the parts that are left empty.
    """
    if isinstance(query, str):
        return clean_text(query) or None
    if isinstance(query, PlainText):
        text = clean_text(query.query_string)
        return PlainText(text, operator=query.operator, boost=query.boost) if text else None
    if isinstance(query, Phrase):
        text = clean_phrase(query.query_string)
        return Phrase(text) if text else None
    if isinstance(query, Boost):
        subquery = clean_query(query.subquery)
        return Boost(subquery, query.boost) if subquery is not None else None
    if isinstance(query, Not):
        subquery = clean_query(query.subquery)
        return Not(subquery) if subquery is not None else None
    if isinstance(query, And | Or):
        subqueries = [cleaned for subquery in query.subqueries if (cleaned := clean_query(subquery)) is not None]
        subqueries = subqueries[:MAX_WORDS]
        if not subqueries:
            return None
        return type(query)(subqueries) if len(subqueries) > 1 else subqueries[0]
    return query  # MatchAll, Fuzzy and the like carry no raw syntax


class SafeQueriesMixin:
    """Cleans every query before the backend compiles it (see the module's docstring)."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str | SearchQuery):
            query = clean_query(query)
            if query is None:
                return EmptySearchResults()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


@cache
def _safe_class(backend_class: type) -> type:
    return type(f"Safe{backend_class.__name__}", (SafeQueriesMixin, backend_class), {})


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend's module
    """The database backend modelsearch picks for this database, with safe queries.

    On PostgreSQL the index's words are kept as written (the `simple` text search
    configuration), whatever the server's default: the engine adds its own stems in every
    language (`search.wordforms`), where an English configuration would stem every text as
    English and leave Russian and Korean words alone.
    """
    params = {"SEARCH_CONFIG": "simple", **params}
    backend = database.SearchBackend(params)
    return _safe_class(type(backend))(params)
