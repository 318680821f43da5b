"""The Elasticsearch engine: one request per search, facets from aggregations.

A second, small request asks for a "did you mean" only when the first one found almost
nothing: the phrase suggester is among the costliest parts of a search, and a query that
finds plenty needs no correction.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from portal.privacy import partner_items_visible_to
from search import conf, mappings, serializers, synonyms
from search.client import get_client
from search.queries.results import (
    SORT_DATE,
    Hit,
    Labels,
    SearchParams,
    SearchResult,
    build_facets,
    clean_highlight,
    hit_for,
    load_objects,
    num_pages,
    split_query,
)


class ElasticsearchEngine:
    name = "elasticsearch"
    TEXT_FIELDS = {"title": 4, "summary": 2, "body": 1, "attachment": 1}
    HIGHLIGHT_FIELDS = mappings.HIGHLIGHT_FIELDS
    # Fewer hits than this and the reader gets a "did you mean" (a second request).
    SUGGEST_BELOW = 3

    def __init__(self, *, user, language: str, request=None, labels: Labels | None = None):
        self.user = user
        self.language = language
        self.request = request
        self.labels = labels or Labels(language)
        self.client = get_client()
        self._privacy_filter: dict | None = None

    # Query parts ------------------------------------------------------------------------
    def base_fields(self) -> list[str]:
        """The language-neutral text fields with their boosts."""
        return [f"{name}^{boost}" for name, boost in self.TEXT_FIELDS.items()]

    def fields(self) -> list[str]:
        """Neutral fields, the reader's language fields (stemmed) and the keyword texts."""
        fields = self.base_fields()
        if self.language in mappings.STEMMED_LANGUAGES:
            fields += [
                f"{mappings.language_field(name, self.language)}^{boost}" for name, boost in self.TEXT_FIELDS.items()
            ]
        return [*fields, "keywords.text^2", "organisations.text"]

    def text_query(self, q: str) -> dict | None:
        free, phrases = split_query(q)
        fields = self.fields()
        # Fuzziness and word order are judged on the neutral fields only: a stemmed copy of
        # the same text adds cost (every fuzzy expansion and position read twice), not hits.
        base_fields = self.base_fields()
        must = [{"multi_match": {"query": phrase, "type": "phrase", "fields": fields}} for phrase in phrases]
        should = []
        if free:
            should += [
                # Every word somewhere in the item: precise multi-word matches.
                {"multi_match": {"query": free, "type": "cross_fields", "fields": fields, "operator": "and"}},
                # Typos forgiven, most words in one field.
                {
                    "multi_match": {
                        "query": free,
                        "type": "best_fields",
                        "fields": base_fields,
                        "fuzziness": "AUTO",
                        "prefix_length": 1,
                        "max_expansions": 30,
                        "minimum_should_match": "2<75%",
                    }
                },
                # The words as written, in order: worth most.
                {"multi_match": {"query": free, "type": "phrase", "fields": base_fields, "boost": 3}},
            ]
            # Synonym variants: all their words, forgiving inflection by fuzziness where the
            # node has no stemmer for the language; main fields only, to keep the query small.
            should += [
                {
                    "multi_match": {
                        "query": variant,
                        "type": "best_fields",
                        "fields": base_fields,
                        "operator": "and",
                        "fuzziness": "AUTO",
                        "prefix_length": 2,
                        "max_expansions": 20,
                    }
                }
                for variant in synonyms.expand(free)[1:]
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

    @staticmethod
    def highlight_query(q: str) -> dict:
        """What the highlighter marks: the reader's words and their synonyms, without fuzziness.

        Highlighting the full query (fuzzy, every language sub-field) costs more than the
        search itself; this cheaper query marks the same words in the shown fields.
        """
        free, phrases = split_query(q)
        texts = [*synonyms.expand(free), *phrases] if free else phrases
        fields = list(ElasticsearchEngine.HIGHLIGHT_FIELDS)
        return {
            "bool": {
                "should": [{"multi_match": {"query": text, "fields": fields}} for text in texts],
                "minimum_should_match": 1,
            }
        }

    def privacy_filter(self) -> dict:
        """Public items, plus the partner-only items `portal.privacy` lets this user see.

        Read once per engine (one request), from `portal.privacy`.
        """
        if self._privacy_filter is None:
            self._privacy_filter = self._read_privacy_filter()
        return self._privacy_filter

    def _read_privacy_filter(self) -> dict:
        public = {"term": {"audience": mappings.AUDIENCE_PUBLIC}}
        page_ids, document_ids = partner_items_visible_to(self.user)
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

    def aggregations(self, filters: dict[str, dict]) -> dict:
        """Each facet counts under every filter but its own, so its other values stay visible."""
        aggs = {}
        for name, es_field in self.FACET_FIELDS.items():
            others = [clause for other, clause in filters.items() if other != name]
            aggs[name] = {
                "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
                "aggs": {"values": {"terms": {"field": es_field, "size": 100}}},
            }
        return aggs

    def body(self, params: SearchParams, size: int) -> dict:
        text = self.text_query(params.q)
        query: dict = {
            "bool": {
                "must": [text] if text else [{"match_all": {}}],
                "filter": [self.privacy_filter()],
                # The reader's own language first, when relevance decides.
                "should": [{"term": {"locale": {"value": self.language, "boost": 0.5}}}],
            }
        }
        filters = self.facet_filters(params)
        body: dict = {
            "query": query,
            "aggs": self.aggregations(filters),
            "from": (params.page - 1) * size,
            "size": size,
            "track_total_hits": True,
            "_source": ["kind", "countries", "page_id", "doc_id"],
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
                "fields": {name: {"number_of_fragments": 1, "fragment_size": 200} for name in self.HIGHLIGHT_FIELDS},
            }
        return body

    @staticmethod
    def suggest_body(q: str) -> dict | None:
        """A request for "did you mean" alone (no hits, no counts); None if there are no free words."""
        free, _ = split_query(q)
        if not free:
            return None
        return {
            "size": 0,
            "track_total_hits": False,
            "suggest": {
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
            },
        }

    # Running it ---------------------------------------------------------------------------
    def search(self, params: SearchParams) -> SearchResult:
        size = conf.page_size()
        response = self.client.search(index=conf.alias_name(), **self.body(params, size))
        total = response["hits"]["total"]["value"]
        counts = {
            name: {
                str(bucket["key"]): bucket["doc_count"]
                for bucket in response["aggregations"][name]["values"]["buckets"]
            }
            for name in self.FACET_FIELDS
        }
        raw_hits = response["hits"]["hits"]
        keys = [self._key(hit) for hit in raw_hits]
        kinds = {key: raw["_source"].get("kind") for key, raw in zip(keys, raw_hits, strict=True)}
        objects = load_objects(keys, self.user, kinds=kinds)
        hits = []
        for key, raw in zip(keys, raw_hits, strict=True):
            obj = objects.get(key)
            if obj is None:
                continue  # Gone, unpublished or restricted since it was indexed.
            hits.append(
                hit_for(
                    obj,
                    request=self.request,
                    snippet=self._snippet(raw, obj),
                    countries=raw["_source"].get("countries", []),
                    labels=self.labels,
                )
            )
        return SearchResult(
            hits=hits,
            total=total,
            facets=build_facets(counts, params, self.labels),
            page=params.page,
            num_pages=num_pages(total, size),
            suggestion=self.suggestion(params) if total < self.SUGGEST_BELOW else None,
            engine=self.name,
        )

    def suggestion(self, params: SearchParams) -> str | None:
        body = self.suggest_body(params.q)
        if body is None:
            return None
        return self._suggestion(self.client.search(index=conf.alias_name(), **body), params)

    @staticmethod
    def _key(hit: dict) -> str:
        source = hit["_source"]
        return f"document:{source['doc_id']}" if source.get("doc_id") else f"page:{source['page_id']}"

    @staticmethod
    def _snippet(hit: dict, obj) -> SafeString:
        for name in ("summary", "body", "attachment"):
            fragments = hit.get("highlight", {}).get(name)
            if fragments:
                return clean_highlight(fragments[0])
        summary = getattr(obj, "summary", None) or getattr(obj, "description", "") or ""
        return escape(Truncator(summary).chars(240))

    @staticmethod
    def _suggestion(response: dict, params: SearchParams) -> str | None:
        for entry in response.get("suggest", {}).get("did_you_mean", []):
            for option in entry.get("options", []):
                text = option.get("text", "")
                if text and synonyms.tokens(text) != synonyms.tokens(params.q):
                    return text
        return None

    def related(self, obj, *, limit: int = 4) -> list[Hit]:
        key = serializers.object_key(obj)
        query = {
            "bool": {
                "must": [
                    {
                        "more_like_this": {
                            # Shared words, countries and themes make items related.
                            "fields": ["title", "summary", "body", "countries", "themes"],
                            "like": [{"_index": conf.alias_name(), "_id": mappings.document_id(key)}],
                            "min_term_freq": 1,
                            "min_doc_freq": 1,
                            "max_query_terms": 25,
                            "minimum_should_match": "10%",
                        }
                    }
                ],
                "filter": [self.privacy_filter(), {"term": {"locale": serializers.serialize(obj)["locale"]}}],
            }
        }
        response = self.client.search(
            index=conf.alias_name(), query=query, size=limit * 2, _source=["kind", "countries", "page_id", "doc_id"]
        )
        raw_hits = response["hits"]["hits"]
        keys = [self._key(hit) for hit in raw_hits]
        kinds = {key: raw["_source"].get("kind") for key, raw in zip(keys, raw_hits, strict=True)}
        objects = load_objects(keys, self.user, kinds=kinds)
        hits = []
        for key, raw in zip(keys, raw_hits, strict=True):
            if key in objects and len(hits) < limit:
                found = objects[key]
                hits.append(
                    hit_for(
                        found,
                        request=self.request,
                        snippet=self._snippet({}, found),
                        countries=raw["_source"].get("countries", []),
                        labels=self.labels,
                    )
                )
        return hits
