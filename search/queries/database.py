"""The database engine: search records matched by Wagtail's database backend, counted in Python.

It answers when no Elasticsearch is configured, and as the fallback when the node fails.
It reads `SearchRecord` rows (written by `search.indexing` from the same serialized
documents as the Elasticsearch index), which carry their facet values and audience. A search
is one read of the matching rows (joined to their full-text scores), the filters and
facet counts worked out from those rows, and one page of records.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from dataclasses import replace
from operator import itemgetter

from django.db import connection
from django.db.models import F

from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or, Phrase, PlainText

from portal.core.items import ItemKey
from search import conf, mappings, records, synonyms, wordforms
from search.models import SearchRecord
from search.queries import spelling
from search.queries.attachments import database_page_matches
from search.queries.base import SearchEngine
from search.queries.fulltext import ranked_ids, scores_sql
from search.queries.results import (
    FACETS,
    SORT_DATE,
    SORT_RELEVANCE,
    SearchParams,
    SearchResult,
    build_facets,
    num_pages,
    split_query,
)

# What the engine reads of every candidate record: the id, one column per facet, then who may see it.
ROW_COLUMNS = ("id", "countries", "themes", "kind", "locale", "year", "audience", "page_id", "document_id", "family")
FACET_COLUMNS = {"country": 1, "theme": 2, "kind": 3, "language": 4, "year": 5}
AUDIENCE, PAGE_ID, DOCUMENT_ID, FAMILY = 6, 7, 8, 9
MULTI_VALUED = frozenset({"country", "theme"})
# bm25 scores are negative (lower is better): the reader's language counts this much more.
OWN_LANGUAGE_BOOST = 1.5


def _values(facet: str, raw) -> list[str]:
    """The facet values held in one column value: space-separated codes, or a single value."""
    if facet in MULTI_VALUED:
        return raw.split()
    return [str(raw)] if raw not in (None, "") else []


def _newest_first():
    """Date descending with undated records last, in a form the (date, id) index can serve.

    SQLite already sorts NULL last in descending order, and spelling it out (`NULLS LAST`)
    stops it from reading the index in order: a sort of every row instead.
    """
    if connection.vendor == "sqlite":
        return F("date").desc()
    return F("date").desc(nulls_last=True)


def filter_and_count(
    rows: list[tuple], params: SearchParams, *, families: bool = True
) -> tuple[list[int], dict[str, Counter]]:
    """Ids of the rows that pass every filter (in row order), and the facet counts.

    Each facet is counted under every filter but its own, so its other values stay visible:
    a row that fails exactly one filter still counts for that facet. Rows are tallied by
    their raw column values (few distinct ones), which are split into facet values once.
    """
    checks = []
    for facet in FACETS:
        wanted = set(params.selected(facet))
        if wanted:
            checks.append((facet, FACET_COLUMNS[facet], {}, wanted))
    passed: list[tuple] = []
    failed_once: dict[str, list[tuple]] = {facet: [] for facet, *_ in checks}
    for row in rows:
        failed = None
        for facet, column, memo, wanted in checks:
            raw = row[column]
            passes = memo.get(raw)
            if passes is None:
                passes = memo[raw] = not wanted.isdisjoint(_values(facet, raw))
            if not passes:
                if failed is not None:
                    break  # Two filters fail: the row counts nowhere.
                failed = facet
        else:
            (passed if failed is None else failed_once[failed]).append(row)
    counts: dict[str, Counter] = {facet: Counter() for facet in FACETS}
    if families:  # Some item has several records (translations): count items.
        _count_families(passed, failed_once, counts)
        return [row[0] for row in passed], counts
    for facet, column in FACET_COLUMNS.items():
        tally = Counter(map(itemgetter(column), passed))
        tally.update(map(itemgetter(column), failed_once.get(facet, ())))
        for raw, count in tally.items():
            for value in _values(facet, raw):
                counts[facet][value] += count
    return [row[0] for row in passed], counts


def _count_families(passed: list[tuple], failed_once: dict[str, list[tuple]], counts: dict[str, Counter]) -> None:
    """Facet counts of items, not rows: a value counts once per family that has it.

    Each facet reads its (family, column value) pairs once, as a set. A single-valued facet
    counts those pairs; a multi-valued one (countries, themes) splits each distinct column
    value once, and only a family whose translations disagree on the value is merged by hand.
    """
    for facet, column in FACET_COLUMNS.items():
        rows = (*passed, *failed_once.get(facet, ()))
        pairs = {(row[FAMILY] or row[0], row[column]) for row in rows}
        if facet not in MULTI_VALUED:
            for raw, count in Counter(raw for _family, raw in pairs).items():
                for value in _values(facet, raw):
                    counts[facet][value] += count
            continue
        families = Counter(family for family, _raw in pairs)
        tally: Counter = Counter()
        merged: dict = {}
        for family, raw in pairs:
            if families[family] == 1:
                tally[raw] += 1
            else:
                merged.setdefault(family, set()).update(_values(facet, raw))
        for raw, count in tally.items():
            for value in _values(facet, raw):
                counts[facet][value] += count
        for values in merged.values():
            for value in values:
                counts[facet][value] += 1


def _key(row: tuple) -> ItemKey:
    return ItemKey.page(row[PAGE_ID]) if row[PAGE_ID] else ItemKey.document(row[DOCUMENT_ID])


def has_translations(rows: list[tuple]) -> bool:
    """Whether some item has more than one of these records (its translations)."""
    return len({row[FAMILY] or row[0] for row in rows}) < len(rows)


def one_per_family(found: list[int], rows: list[tuple]) -> list[int]:
    """The ids in order, keeping the first (best) record of each item: an item and its translations are one hit."""
    family_of = {row[0]: row[FAMILY] or row[0] for row in rows}
    seen: set = set()
    kept = []
    for pk in found:
        family = family_of[pk]
        if family not in seen:
            seen.add(family)
            kept.append(pk)
    return kept


class CandidateCache:
    """The candidate rows of recent searches, kept while the search records stay as they are.

    A reader who ticks a facet, sorts or turns a page searches the same words again; their
    candidate rows (ids, facet values, audience: never what a reader may see) come from here
    instead of the full-text match. Entries are keyed on the records' version
    (`search.records.current_version`, read per search), so any write of any process empties
    the cache before a reader could see a stale row. At most `max_rows` rows in all.
    """

    def __init__(self, max_rows: int = 200_000):
        self.max_rows = max_rows
        self._version: str | None = None
        self._entries: OrderedDict = OrderedDict()
        self._rows = 0
        self._lock = threading.Lock()

    def get(self, version: str, key: tuple):
        with self._lock:
            if version != self._version:
                return None
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, version: str, key: tuple, entry: tuple) -> None:
        size = len(entry[0])
        if size > self.max_rows:
            return
        with self._lock:
            if version != self._version:
                self._version, self._entries, self._rows = version, OrderedDict(), 0
            if key in self._entries:
                return
            self._entries[key] = entry
            self._rows += size
            while self._rows > self.max_rows:
                _key, (old_rows, _scores) = self._entries.popitem(last=False)
                self._rows -= len(old_rows)

    def clear(self) -> None:
        with self._lock:
            self._version, self._entries, self._rows = None, OrderedDict(), 0


CANDIDATES = CandidateCache()


class DatabaseEngine(SearchEngine):
    """The same search over the database: one read of the candidate records, then Python.

    Per search: the id, facet values and audience of every record matching the text (or of
    every record), newest first; the rows this reader may see; filters and counts from those
    rows; one page of records; a last check of that page through `portal.core.privacy`.
    """

    name = "database"

    @property
    def _stem_languages(self) -> tuple[str, ...]:
        """The reader's words are stemmed as the reader's language and as their script's default."""
        return (self.language, "")

    def visible_rows(self, rows: list[tuple]) -> list[tuple]:
        """The rows this reader may find: public ones, and partner-only ones `portal.core.privacy` allows."""
        page_ids, document_ids = self.partner_ids()
        public = mappings.AUDIENCE_PUBLIC
        if not page_ids and not document_ids:
            return [row for row in rows if row[AUDIENCE] == public]
        return [
            row
            for row in rows
            if row[AUDIENCE] == public or row[PAGE_ID] in page_ids or row[DOCUMENT_ID] in document_ids
        ]

    def text_query(self, params: SearchParams):
        """The reader's words (and their synonyms) and "phrases" as a Wagtail query; None for no text.

        Each variant is asked as written and as stems (`search.wordforms`): "обучение полиции"
        finds "обучения полиции", and an item with the words as written matches both, ranking first.
        """
        free, phrases = split_query(params.q)
        variants = synonyms.expand(free) if free else []
        stemmed = [stem for variant in variants for stem in wordforms.stemmed_variants(variant, self._stem_languages)]
        parts = [PlainText(variant, operator="and") for variant in dict.fromkeys([*variants, *stemmed])]
        parts += [Phrase(phrase) for phrase in phrases]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Or(parts)

    def candidates(self, params: SearchParams) -> tuple[list[tuple], dict[int, float] | None]:
        """Rows (`ROW_COLUMNS`) of the records matching the text, newest first, and their scores (lower is better).

        With no text, every record and no scores. Recent answers come from `CANDIDATES`.
        """
        query = self.text_query(params)
        ranked = params.sort == SORT_RELEVANCE
        backend = get_search_backend()
        scored = scores_sql(backend, query, SearchRecord, rank=ranked) if query is not None else None
        if query is None:
            key: tuple = ("all",)
        elif scored is not None:
            key = ("scored", scored[0], tuple(scored[1]), ranked)
        else:
            free, phrases = split_query(params.q)
            key = ("ranked", self.language, tuple(synonyms.expand(free)) if free else (), tuple(phrases))
        key = (connection.alias, *key)
        version = records.current_version()
        found = CANDIDATES.get(version, key) if version else None
        if found is None:
            found = self._read_candidates(backend, query, scored)
            if version:
                CANDIDATES.put(version, key, found)
        return found

    @staticmethod
    def _read_candidates(backend, query, scored) -> tuple[list[tuple], dict[int, float] | None]:
        if query is None:
            return list(SearchRecord.objects.order_by(_newest_first(), "-id").values_list(*ROW_COLUMNS)), None
        if scored is None:
            ids = ranked_ids(backend, query, SearchRecord)
            rows = SearchRecord.objects.filter(id__in=ids).order_by(_newest_first(), "-id").values_list(*ROW_COLUMNS)
            return list(rows), {pk: rank for rank, pk in enumerate(ids)}
        # One statement: the full-text scores, computed once (MATERIALIZED), joined to the records.
        sql, sql_params = scored
        quote = connection.ops.quote_name
        columns = ", ".join(f"r.{quote(column)}" for column in ROW_COLUMNS)
        statement = (
            f"WITH m(object_id, score) AS MATERIALIZED ({sql}) "  # noqa: S608 - names and compiled SQL only
            f"SELECT {columns}, m.score FROM m JOIN {quote(SearchRecord._meta.db_table)} r "
            f"ON r.id = CAST(m.object_id AS INTEGER) ORDER BY r.date DESC, r.id DESC"
        )
        with connection.cursor() as cursor:
            cursor.execute(statement, sql_params)
            fetched = cursor.fetchall()
        return [row[:-1] for row in fetched], {row[0]: row[-1] for row in fetched}

    def search(self, params: SearchParams) -> SearchResult:
        size = conf.page_size()
        rows, scores = self.candidates(params)
        visible = self.visible_rows(rows)
        families = has_translations(visible)
        found, counts = filter_and_count(visible, params, families=families)
        if scores is not None and params.sort == SORT_RELEVANCE:
            found.sort(key=self._relevance(rows, scores))  # Stable: newest first among equal scores.
        if families:
            found = one_per_family(found, visible)
        start = (params.page - 1) * size
        result = self._result(params, found[start : start + size], rows, len(found), counts, size)
        if not found and params.q and spelling.available(get_search_backend()):
            corrected = self._suggestion(params)
            if corrected is not None:
                # Nothing matched the words as typed: the reader sees what the correction finds,
                # and is told so (as Elasticsearch forgives the same typos in its second request).
                result = self.search(replace(params, q=corrected))
                result.suggestion, result.corrected = corrected, True
        return result

    def _suggestion(self, params: SearchParams) -> str | None:
        """The reader's words with typos corrected (`search.queries.spelling`), if they find what this reader may see.

        The vocabulary holds partner-only words too: a correction is offered only when its own
        search, with the same filters and for the same reader, finds something.
        """
        free, phrases = split_query(params.q)
        if phrases:
            return None  # A phrase is asked for as written.
        corrected = spelling.suggest(free, self.language)
        if corrected is None:
            return None
        # Sorted by date: whether anything matches needs no bm25, a third of the match's time.
        rows, _scores = self.candidates(replace(params, q=corrected, page=1, sort=SORT_DATE))
        found, _counts = filter_and_count(self.visible_rows(rows), params, families=False)
        return corrected if found else None

    def _relevance(self, rows: list[tuple], scores: dict[int, float]):
        """Sort key for ids: the text score (lower is better), the reader's own language favoured.

        As in the Elasticsearch engine, other languages stay in the results, a step behind.
        """
        language = {row[0]: row[FACET_COLUMNS["language"]] for row in rows}
        own = self.language

        def key(pk: int) -> float:
            score = scores[pk]
            return score * OWN_LANGUAGE_BOOST if language.get(pk) == own and score < 0 else score

        return key

    def _result(self, params, window: list[int], rows: list[tuple], total: int, counts, size: int) -> SearchResult:
        wanted = set(window)
        key_of = {row[0]: _key(row) for row in rows if row[0] in wanted}
        keys = [key_of[pk] for pk in window]
        documents = [key.pk for key in keys if key.type == ItemKey.DOCUMENT]
        pages = {ItemKey.document(pk): match for pk, match in database_page_matches(documents, params.q).items()}
        hits, merged = self.hits(keys, params, pages=pages)
        return SearchResult(
            hits=hits,
            total=total - merged,
            facets=build_facets(counts, params, self.labels),
            page=params.page,
            num_pages=num_pages(total, size),
            engine=self.name,
        )
