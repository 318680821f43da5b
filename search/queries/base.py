"""The one interface both search engines implement.

An engine answers a search for one reader (`user`) in one language with a `SearchResult`;
which engine answers, and what happens when it fails, is decided in one place
(`search.queries.engine_for` and `KnowledgeSearch.search`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from search.queries.results import Labels, SearchParams, SearchResult


class SearchEngine(ABC):
    """Searches the portal as `user` sees it, in the reader's `language`."""

    name: ClassVar[str]  # what `SearchResult.engine` says: "database", "elasticsearch"

    def __init__(self, *, user, language: str, labels: Labels | None = None):
        self.user = user
        self.language = language
        self.labels = labels or Labels(language)

    @abstractmethod
    def search(self, params: SearchParams) -> SearchResult:
        """One page of hits with facet counts, for what `user` may see."""
