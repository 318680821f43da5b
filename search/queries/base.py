"""The one interface both search engines implement.

An engine answers a search for one reader (`user`) in one language with a `SearchResult`;
which engine answers, and what happens when it fails, is decided in one place
(`search.queries.engine_for` and `KnowledgeSearch.search`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from django.utils.safestring import SafeString

from portal.core.items import ItemKey
from portal.core.privacy import partner_items_visible_to
from search import mappings
from search.models import SearchRecord
from search.queries import families
from search.queries.attachments import fold_attachments
from search.queries.results import Hit, Labels, PageMatch, SearchParams, SearchResult, hits_from_records, query_words


class SearchEngine(ABC):
    """Searches the portal as `user` sees it, in the reader's `language`."""

    name: ClassVar[str]  # what `SearchResult.engine` says: "database", "elasticsearch"

    def __init__(self, *, user, language: str, labels: Labels | None = None):
        self.user = user
        self.language = language
        self.labels = labels or Labels(language)
        self._partner: tuple[set[int], set[int]] | None = None

    @abstractmethod
    def search(self, params: SearchParams) -> SearchResult:
        """One page of hits with facet counts, for what `user` may see."""

    def partner_ids(self) -> tuple[set[int], set[int]]:
        """The partner-only pages and documents `portal.core.privacy` lets this user see, read once."""
        if self._partner is None:
            page_ids, document_ids = partner_items_visible_to(self.user)
            self._partner = (set(page_ids), set(document_ids))
        return self._partner

    def record_visible(self, record: SearchRecord) -> bool:
        """Whether a search record's audience admits this reader (before the last check of a hit)."""
        if record.audience == mappings.AUDIENCE_PUBLIC:
            return True
        page_ids, document_ids = self.partner_ids()
        return record.page_id in page_ids or record.document_id in document_ids

    def hits(
        self,
        keys: list[ItemKey],
        params: SearchParams,
        *,
        snippets: dict[ItemKey, SafeString] | None = None,
        pages: dict[ItemKey, PageMatch] | None = None,
    ) -> tuple[list[Hit], int]:
        """The hits of one page of found keys, one per item, in the reader's language where it
        exists (`search.queries.families`), attachments folded into their pages; and how many
        hits were folded away."""
        records = families.read_families(keys)
        keys, translations = families.in_reader_language(
            keys, records, language=self.language, params=params, visible=self.record_visible, pinned=pages or ()
        )
        words = query_words(params.q)
        hits = hits_from_records(
            keys,
            self.user,
            self.labels,
            records=records,
            snippets=snippets,
            pages=pages,
            translations=translations,
            words=words,
        )
        return fold_attachments(
            hits, user=self.user, language=self.language, params=params, labels=self.labels, words=words
        )
