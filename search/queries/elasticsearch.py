"""The Elasticsearch engine: one request per search, facets from aggregations.

The first request matches the words exactly. Only when they find almost nothing (before any
filter) does a second request ask again with typos forgiven and a "did you mean": fuzzy
matching and the phrase suggester are the costliest parts of a search, and a query that
finds plenty needs neither.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict

from django.utils.safestring import SafeString

from portal.core.items import ItemKey
from search import conf, mappings, records, synonyms
from search.client import ENGINE_ERRORS, Budget, get_client
from search.queries.base import SearchEngine
from search.queries.results import (
    HANGUL,
    SORT_DATE,
    Labels,
    PageMatch,
    SearchParams,
    SearchResult,
    build_facets,
    clean_highlight,
    num_pages,
    split_query,
    written_for,
)


class MatchedCounts:
    """How many items a reader's words found before any facet, remembered for a few seconds.

    It only decides which request a search starts with: words that found nothing a moment
    ago go straight to the forgiving request, instead of repeating an exact one that would
    find nothing again while the reader ticks facets or turns pages. Keyed on the
    search records' version, which every index write changes too. The forgiving request then
    keeps the exact clauses as well, so even an outdated count costs time, never a result.
    """

    def __init__(self, seconds: float = 15.0, size: int = 2048):
        self.seconds = seconds
        self.size = size
        self._counts: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> int | None:
        with self._lock:
            entry = self._counts.get(key)
            if entry is None or time.monotonic() - entry[1] > self.seconds:
                return None
            return entry[0]

    def put(self, key: tuple, matched: int) -> None:
        with self._lock:
            self._counts[key] = (matched, time.monotonic())
            self._counts.move_to_end(key)
            while len(self._counts) > self.size:
                self._counts.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._counts.clear()


MATCHED = MatchedCounts()


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"
    TEXT_FIELDS = {"title": 4, "summary": 2, "body": 1, "attachment": 1}
    HIGHLIGHT_FIELDS = mappings.HIGHLIGHT_FIELDS
    # Fewer hits than this and the reader gets a "did you mean" (a second request).
    SUGGEST_BELOW = 3

    def __init__(self, *, user, language: str, labels: Labels | None = None):
        super().__init__(user=user, language=language, labels=labels)
        self.client = get_client()
        self._privacy_filter: dict | None = None

    # Query parts ------------------------------------------------------------------------
    def base_fields(self) -> list[str]:
        """The language-neutral text fields with their boosts."""
        return [f"{name}^{boost}" for name, boost in self.TEXT_FIELDS.items()]

    def fields(self) -> list[str]:
        """Neutral fields, the reader's language copies (stemmed, or split by nori) and the keyword texts."""
        fields = self.base_fields()
        if self.language in mappings.LANGUAGE_COPIES:
            fields += [
                f"{mappings.language_field(name, self.language)}^{boost}" for name, boost in self.TEXT_FIELDS.items()
            ]
        return [*fields, "keywords.text^2", "organisations.text"]

    def text_query(self, q: str, *, forgiving: bool = False, exact: bool = True) -> dict | None:
        """The reader's words as an Elasticsearch query; None when there are none.

        Exact by default: every word somewhere in the item, with a bonus for the words in
        order, and synonym groups matched the same way. `forgiving` adds typo tolerance
        (fuzziness), which costs several times more on a large index, so `search` asks for it
        only when the exact words find almost nothing. `exact=False` leaves out the exact
        clauses, for a retry after they found nothing at all.
        """
        free, phrases = split_query(q)
        fields = self.fields()
        # Fuzziness and word order are judged on the neutral fields only: a stemmed copy of
        # the same text adds cost (every fuzzy expansion and position read twice), not hits.
        base_fields = self.base_fields()
        must = [{"multi_match": {"query": phrase, "type": "phrase", "fields": fields}} for phrase in phrases]
        should = []
        if free and exact:
            should += [
                # Every word somewhere in the item: precise multi-word matches.
                {"multi_match": {"query": free, "type": "cross_fields", "fields": fields, "operator": "and"}},
                # The words as written, in order: worth most.
                {"multi_match": {"query": free, "type": "phrase", "fields": base_fields, "boost": 3}},
            ]
            # Korean words as prefixes of the indexed words (해바라기 in 해바라기센터에서): the
            # neutral fields keep Korean compounds and particles in one token (nori splits them
            # only in the Korean copies, `title_ko`, which a Korean reader's fields include).
            if HANGUL.search(free):
                should.append(
                    {
                        "bool": {
                            "must": [
                                {"multi_match": {"query": word, "type": "bool_prefix", "fields": base_fields}}
                                for word in free.split()
                            ]
                        }
                    }
                )
            # Synonym variants: all their words, in any main field or its language copy (so a
            # variant's inflected forms are found as the reader's own words are).
            should += [
                {"multi_match": {"query": variant, "type": "best_fields", "fields": fields, "operator": "and"}}
                for variant in synonyms.expand(free)[1:]
            ]
        # Typos are forgiven in titles and summaries, where an item names its subject: in the
        # long texts, every fuzzy expansion of every word costs more than it finds.
        headline_fields = [f"{name}^{boost}" for name, boost in self.TEXT_FIELDS.items() if boost > 1]
        if free and forgiving:
            # Typos forgiven, most words in one field.
            should.append(
                {
                    "multi_match": {
                        "query": free,
                        "type": "best_fields",
                        "fields": headline_fields,
                        "fuzziness": "AUTO",
                        "prefix_length": 1,
                        "max_expansions": 30,
                        "minimum_should_match": "2<75%",
                    }
                }
            )
            # Synonyms with inflection forgiven where the node has no stemmer for the language:
            # those written in the reader's script only, the costliest clauses of all.
            should += [
                {
                    "multi_match": {
                        "query": variant,
                        "type": "best_fields",
                        "fields": headline_fields,
                        "operator": "and",
                        "fuzziness": "AUTO",
                        "prefix_length": 2,
                        "max_expansions": 20,
                    }
                }
                for variant in synonyms.expand(free)[1:]
                if written_for(variant, self.language)
            ]
        if not must and not should:
            return None
        query: dict = {"bool": {}}
        if must:
            query["bool"]["must"] = must
        if should:
            query["bool"]["should"] = should
            query["bool"]["minimum_should_match"] = 0 if must else 1
        return query

    def language_fields(self, names) -> list[str]:
        """The reader's language copies of `names` (`summary` -> `summary_ru`), if the language has them."""
        if self.language not in mappings.LANGUAGE_COPIES:
            return []
        return [mappings.language_field(name, self.language) for name in names]

    def highlight_fields(self, names, **options) -> dict:
        """Each field marked with its own matches and its language copy's, on the field's text.

        The copy is left out of `_source` and holds the same text, so the unified highlighter
        marks "centres" in `summary` where the query's stem matched `summary_en`.
        https://www.elastic.co/guide/en/elasticsearch/reference/8.19/highlighting.html#matched-fields
        """
        fields = {}
        for name in names:
            parent, _, leaf = name.rpartition(".")  # `pages.text`: the copy is `pages.text_<lang>`
            copies = [f"{parent}.{copy}" if parent else copy for copy in self.language_fields([leaf])]
            fields[name] = {**options, "matched_fields": [name, *copies]} if copies else dict(options)
        return fields

    def page_query(self, q: str) -> dict | None:
        """The exact clauses of `text_query` over the pages of a file (`pages.text`), one page at a time."""
        free, phrases = split_query(q)
        fields = ["pages.text"]
        if self.language in mappings.LANGUAGE_COPIES:
            fields.append(f"pages.{mappings.language_field('text', self.language)}")
        must = [{"multi_match": {"query": phrase, "type": "phrase", "fields": fields}} for phrase in phrases]
        should = []
        if free:
            should.append({"multi_match": {"query": free, "type": "cross_fields", "fields": fields, "operator": "and"}})
            if HANGUL.search(free):
                should.append(
                    {
                        "bool": {
                            "must": [
                                {"multi_match": {"query": word, "type": "bool_prefix", "fields": ["pages.text"]}}
                                for word in free.split()
                            ]
                        }
                    }
                )
            should += [
                {"match": {"pages.text": {"query": variant, "operator": "and"}}}
                for variant in synonyms.expand(free)[1:]
            ]
        if not must and not should:
            return None
        query: dict = {"bool": {"must": must, "should": should, "minimum_should_match": 0 if must else 1}}
        return query

    def page_clause(self, q: str) -> dict | None:
        """The page of the file the words are on, with its words marked (`inner_hits`); adds nothing to the score.

        It only says where: the item itself is found by `attachment`, the whole text.
        """
        query = self.page_query(q)
        if query is None:
            return None
        return {
            "nested": {
                "path": "pages",
                "score_mode": "max",
                "boost": 0,
                "query": query,
                "inner_hits": {
                    "size": 1,
                    "_source": ["pages.number"],
                    "highlight": {
                        "pre_tags": ["<mark>"],
                        "post_tags": ["</mark>"],
                        "encoder": "html",
                        "fields": self.highlight_fields(["pages.text"], number_of_fragments=1, fragment_size=200),
                    },
                },
            }
        }

    def highlight_query(self, q: str) -> dict:
        """What the highlighter marks: the reader's words and their synonyms, without fuzziness.

        Highlighting the full query (fuzzy, every language sub-field) costs more than the
        search itself, and a fuzzy highlight query more than that (it is rewritten for every
        hit); this cheaper query marks the same words in the shown fields. A hit found only
        by a near spelling gets its summary with the words marked by `hits_from_records`.
        """
        free, phrases = split_query(q)
        texts = [*synonyms.expand(free), *phrases] if free else phrases
        fields = [*self.HIGHLIGHT_FIELDS, *self.language_fields(self.HIGHLIGHT_FIELDS)]
        return {
            "bool": {
                "should": [{"multi_match": {"query": text, "fields": fields}} for text in texts],
                "minimum_should_match": 1,
            }
        }

    def privacy_filter(self) -> dict:
        """Public items, plus the partner-only items `portal.core.privacy` lets this user see.

        Read once per engine (one request), from `portal.core.privacy`.
        """
        if self._privacy_filter is None:
            self._privacy_filter = self._read_privacy_filter()
        return self._privacy_filter

    def _read_privacy_filter(self) -> dict:
        public = {"term": {"audience": mappings.AUDIENCE_PUBLIC}}
        page_ids, document_ids = (sorted(ids) for ids in self.partner_ids())
        should: list[dict] = [public]
        if page_ids:
            should.append({"terms": {"page_id": page_ids}})
        if document_ids:
            should.append({"terms": {"doc_id": document_ids}})
        return {"bool": {"should": should, "minimum_should_match": 1}} if len(should) > 1 else public

    @staticmethod
    def facet_filters(params: SearchParams) -> dict[str, dict]:
        filters = {}
        if params.countries:
            filters["country"] = {"terms": {"countries": list(params.countries)}}
        if params.themes:
            filters["theme"] = {"terms": {"themes": list(params.themes)}}
        if params.kinds:
            filters["kind"] = {"terms": {"kind": list(params.kinds)}}
        if params.languages:
            filters["language"] = {"terms": {"locale": list(params.languages)}}
        if params.year:
            filters["year"] = {"term": {"year": params.year}}
        return filters

    FACET_FIELDS = {"country": "countries", "theme": "themes", "kind": "kind", "language": "locale", "year": "year"}

    # An item and its translations share it: one hit per item (`collapse`), counted once.
    FAMILY_FIELD = "translation_key"
    # Distinct items are counted exactly up to this many (Elasticsearch's `cardinality`).
    # (Its memory grows with the count, up to 8 bytes a unit of precision, for each facet value.)
    ITEM_COUNT_PRECISION = 10_000
    FACET_COUNT_PRECISION = 3_000

    def items(self, precision: int | None = None) -> dict:
        """How many items (families, not records) fall in a bucket."""
        threshold = precision or self.ITEM_COUNT_PRECISION
        return {"cardinality": {"field": self.FAMILY_FIELD, "precision_threshold": threshold}}

    def aggregations(self, filters: dict[str, dict]) -> dict:
        """Each facet counts items under every filter but its own, so its other values stay visible."""
        aggs = {}
        for name, es_field in self.FACET_FIELDS.items():
            others = [clause for other, clause in filters.items() if other != name]
            aggs[name] = {
                "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
                "aggs": {
                    "values": {
                        "terms": {"field": es_field, "size": 100},
                        "aggs": {"items": self.items(self.FACET_COUNT_PRECISION)},
                    }
                },
            }
        # Aggregations ignore the post filter: this counts what the words find, before any facet.
        aggs["matched"] = {"filter": {"match_all": {}}}
        # And this, the items that pass every filter: the number of hits.
        aggs["found"] = {
            "filter": {"bool": {"filter": list(filters.values())}} if filters else {"match_all": {}},
            "aggs": {"items": self.items()},
        }
        return aggs

    def body(self, params: SearchParams, size: int, *, forgiving: bool = False, exact: bool = True) -> dict:
        text = self.text_query(params.q, forgiving=forgiving, exact=exact)
        query: dict = {
            "bool": {
                "must": [text] if text else [{"match_all": {}}],
                "filter": [self.privacy_filter()],
                # The reader's own language first, when relevance decides.
                "should": [{"term": {"locale": {"value": self.language, "boost": 0.5}}}],
            }
        }
        page_clause = self.page_clause(params.q) if text else None
        if page_clause is not None:
            query["bool"]["should"].append(page_clause)
        filters = self.facet_filters(params)
        body: dict = {
            # A shard copy that could not answer (a node stopping mid-search, with no other copy
            # to ask) fails the whole search, so the database answers: never a silently short list.
            "allow_partial_search_results": False,
            "query": query,
            "aggs": self.aggregations(filters),
            "from": (params.page - 1) * size,
            "size": size,
            "track_total_hits": True,
            "_source": ["page_id", "doc_id"],
            # One hit per item: its best record (the reader's language is swapped in after).
            "collapse": {"field": self.FAMILY_FIELD},
            "sort": (
                [{"date": {"order": "desc", "missing": "_last"}}, "_score"]
                if params.sort == SORT_DATE
                else ["_score", {"date": {"order": "desc", "missing": "_last"}}]
            ),
        }
        if filters:
            body["post_filter"] = {"bool": {"filter": list(filters.values())}}
        if text:
            body["highlight"] = {
                "pre_tags": ["<mark>"],
                "post_tags": ["</mark>"],
                "encoder": "html",
                "highlight_query": self.highlight_query(params.q),
                "fields": self.highlight_fields(self.HIGHLIGHT_FIELDS, number_of_fragments=1, fragment_size=200),
            }
        return body

    @staticmethod
    def suggest_clause(free: str) -> dict:
        """The "did you mean" part of a request, for the reader's free words.

        The suggester draws on every item's titles and summaries, partner-only and unreviewed
        ones too: `visible_suggestion` checks a correction before the reader sees it.
        """
        return {
            "did_you_mean": {
                "text": free,
                "phrase": {
                    "field": "suggest",
                    "size": 1,
                    "max_errors": 2,
                    "gram_size": 3,
                    "direct_generator": [{"field": "suggest", "suggest_mode": "always", "min_word_length": 3}],
                },
            }
        }

    def visible_suggestion(self, suggestion: str | None, budget: Budget) -> str | None:
        """The correction, if its words find an item this reader may see; else None.

        One count request, within the search's time budget: a typo must never reveal a word of a
        title the reader may not read. (The suggester's own `collate` needs the mustache module,
        which a node built from the test distribution lacks.)
        """
        if not suggestion:
            return None
        text = self.text_query(suggestion)
        if text is None:
            return None
        query = {"bool": {"must": [text], "filter": [self.privacy_filter()]}}
        try:
            found = budget.client(self.client).count(index=conf.alias_name(), query=query)["count"]
        except ENGINE_ERRORS:
            return None
        return suggestion if found else None

    # Running it ---------------------------------------------------------------------------
    def search(self, params: SearchParams) -> SearchResult:
        size = conf.page_size()
        budget = Budget(conf.request_timeout())
        free, _ = split_query(params.q)
        # Index writes go with record writes (`search.indexing.sync`): a new records version
        # means the counts may have changed, and none is remembered before the first write.
        version = records.current_version() if free else None
        words_key = (
            version,
            conf.alias_name(),
            self.language,  # the reader's language fields are searched too
            " ".join(params.q.split()),
            json.dumps(self.privacy_filter(), sort_keys=True),
        )
        remembered = MATCHED.get(words_key) if version else None
        matched = remembered
        response = None
        if matched != 0:
            response = budget.client(self.client).search(index=conf.alias_name(), **self.body(params, size))
            matched = self._matched(response)
            if version:
                MATCHED.put(words_key, matched)
        suggestion = None
        # "Did you mean" and typo tolerance are about the words: when they find almost nothing
        # before any filter, one more request asks again forgiving typos, with a suggestion.
        # Both share one time budget; when the second cannot finish in what is left, the first
        # request's hits are the answer, without a suggestion.
        if matched < self.SUGGEST_BELOW and free:
            # Exact clauses that just found nothing are left out of the retry: they cost, and add
            # nothing. A remembered count keeps them, in case the index has changed since.
            body = self.body(params, size, forgiving=True, exact=matched > 0 or remembered is not None)
            body["suggest"] = self.suggest_clause(free)
            try:
                forgiving = budget.client(self.client).search(index=conf.alias_name(), **body)
            except ENGINE_ERRORS:
                if response is None:
                    raise
                forgiving = None
            if forgiving is not None:
                suggestion = self.visible_suggestion(self._suggestion(forgiving, params), budget)
                if response is None or self._matched(forgiving) > matched:
                    response = forgiving
        total = response["aggregations"]["found"]["items"]["value"]
        counts = {
            name: {
                str(bucket["key"]): bucket["items"]["value"]
                for bucket in response["aggregations"][name]["values"]["buckets"]
            }
            for name in self.FACET_FIELDS
        }
        raw_hits = response["hits"]["hits"]
        keys = [self._key(hit) for hit in raw_hits]
        snippets = {key: snippet for key, raw in zip(keys, raw_hits, strict=True) if (snippet := self._highlight(raw))}
        pages = {key: match for key, raw in zip(keys, raw_hits, strict=True) if (match := self._page_match(raw))}
        hits, merged = self.hits(keys, params, snippets=snippets, pages=pages)
        return SearchResult(
            hits=hits,
            total=total - merged,
            facets=build_facets(counts, params, self.labels),
            page=params.page,
            num_pages=num_pages(total, size),
            suggestion=suggestion,
            engine=self.name,
        )

    @staticmethod
    def _matched(response: dict) -> int:
        """How many items the words found before any facet filter (the post filter)."""
        return response["aggregations"]["matched"]["doc_count"]

    @staticmethod
    def _key(hit: dict) -> ItemKey:
        source = hit["_source"]
        return ItemKey.document(source["doc_id"]) if source.get("doc_id") else ItemKey.page(source["page_id"])

    @staticmethod
    def _highlight(hit: dict) -> SafeString | None:
        for name in ("summary", "body", "attachment"):
            fragments = hit.get("highlight", {}).get(name)
            if fragments:
                return clean_highlight(fragments[0])
        return None

    @staticmethod
    def _page_match(hit: dict) -> PageMatch | None:
        """The page of its file on which a document was found, from the nested query's inner hit."""
        found = hit.get("inner_hits", {}).get("pages", {}).get("hits", {}).get("hits", [])
        if not found:
            return None
        number = found[0].get("_source", {}).get("number")
        fragments = found[0].get("highlight", {}).get("pages.text")
        if not number:
            return None
        return PageMatch(number, clean_highlight(fragments[0]) if fragments else clean_highlight(""))

    @staticmethod
    def _suggestion(response: dict, params: SearchParams) -> str | None:
        for entry in response.get("suggest", {}).get("did_you_mean", []):
            for option in entry.get("options", []):
                text = option.get("text", "")
                if text and synonyms.tokens(text) != synonyms.tokens(params.q):
                    return text
        return None
