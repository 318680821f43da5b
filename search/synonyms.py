"""Synonym groups kept by editors (`search.models.Synonym`), applied to the reader's query.

Expansion happens in the query, not in the index analyzer: it works the same on both
engines (and on Elasticsearch distributions without the synonym filter), and an editor's
change takes effect at once instead of after a rebuild.
"""

from __future__ import annotations

import re

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from search.models import Synonym

CACHE_KEY = "search:synonym-groups:v1"
CACHE_SECONDS = 300
_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Words as the engines see them: case-folded, split on anything that is not a letter or digit."""
    return [word.casefold() for word in _WORD.findall(text)]


def synonym_groups() -> list[list[str]]:
    groups = cache.get(CACHE_KEY)
    if groups is None:
        groups = [synonym.term_list for synonym in Synonym.objects.all()]
        groups = [group for group in groups if len(group) > 1]
        cache.set(CACHE_KEY, groups, CACHE_SECONDS)
    return groups


def _find(haystack: list[str], needle: list[str]) -> int:
    for start in range(len(haystack) - len(needle) + 1):
        if haystack[start : start + len(needle)] == needle:
            return start
    return -1


def expand(query: str, *, limit: int = 8) -> list[str]:
    """The query itself, then variants with a known term swapped for its synonyms.

    "GBV shelters" -> ["GBV shelters", "gender based violence shelters", ...]. Longer terms
    are matched first, so "technology-facilitated GBV" is replaced as a whole.
    """
    words = tokens(query)
    variants = [query]
    seen = {tuple(words)}
    if not words:
        return variants
    candidates = [(tokens(term), group) for group in synonym_groups() for term in group]
    candidates.sort(key=lambda item: -len(item[0]))
    used_groups: set[int] = set()
    for term_words, group in candidates:
        if not term_words or id(group) in used_groups:
            continue
        start = _find(words, term_words)
        if start < 0:
            continue
        used_groups.add(id(group))
        for alternative in group:
            replaced = words[:start] + tokens(alternative) + words[start + len(term_words) :]
            if tuple(replaced) not in seen:
                seen.add(tuple(replaced))
                variants.append(" ".join(replaced))
            if len(variants) >= limit:
                return variants
    return variants


def _clear_cache(**kwargs):
    cache.delete(CACHE_KEY)


def connect_cache_invalidation():
    post_save.connect(_clear_cache, sender=Synonym, dispatch_uid="search_synonyms_saved")
    post_delete.connect(_clear_cache, sender=Synonym, dispatch_uid="search_synonyms_deleted")
