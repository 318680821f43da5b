"""The database engine: Wagtail's database search backend ranks, the ORM filters and counts.

It answers when no Elasticsearch is configured, and as the fallback when the node fails.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Count, F, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear
from django.utils.html import escape
from django.utils.text import Truncator

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or, Phrase, PlainText

from knowledge.models import KnowledgeDocument
from portal.privacy import documents_visible_to, pages_visible_to
from search import conf, mappings, serializers, synonyms
from search.queries.results import (
    FACETS,
    SORT_RELEVANCE,
    Hit,
    Labels,
    SearchParams,
    SearchResult,
    build_facets,
    highlight_terms,
    hit_for,
    load_objects,
    num_pages,
    split_query,
)


@dataclass(frozen=True)
class KindSource:
    """How to filter and count one kind of item with the ORM."""

    kind: str
    country_paths: tuple[str, ...]
    theme_path: str | None
    language_path: str
    date_path: str


DATABASE_SOURCES = {
    mappings.KIND_COUNTRY: KindSource(
        mappings.KIND_COUNTRY, ("country__iso_code",), None, "locale__language_code", "last_published_at"
    ),
    mappings.KIND_BRIEF: KindSource(
        mappings.KIND_BRIEF, ("countries__iso_code",), "themes__slug", "locale__language_code", "publication_date"
    ),
    mappings.KIND_PRACTICE_NOTE: KindSource(
        mappings.KIND_PRACTICE_NOTE,
        ("countries__iso_code",),
        "themes__slug",
        "locale__language_code",
        "publication_date",
    ),
    mappings.KIND_POLICY_TOOL: KindSource(
        mappings.KIND_POLICY_TOOL, ("countries__iso_code",), "themes__slug", "locale__language_code", "publication_date"
    ),
    mappings.KIND_EVENT: KindSource(
        mappings.KIND_EVENT,
        ("countries__iso_code", "host_country__iso_code"),
        "themes__slug",
        "locale__language_code",
        "start",
    ),
    mappings.KIND_DOCUMENT: KindSource(
        mappings.KIND_DOCUMENT, ("countries__iso_code",), "themes__slug", "language", "publication_date"
    ),
}


def ranked_ids(backend, query, model) -> list[int]:
    """Ids of `model` objects matching `query`, best first, without loading the objects."""
    results = backend.search(query, model.objects.all())
    scored = _sqlite_scores(backend, results, model)
    if scored is not None:
        # The backend's own order: its score ascending (SQLite's bm25 is negative), then newest id.
        return [pk for pk, _ in sorted(scored, key=lambda row: (row[1], -row[0]))]
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return list(get_queryset().values_list("pk", flat=True))
    return [obj.pk for obj in results]


def _sqlite_scores(backend, results, model) -> list[tuple[int, float]] | None:
    """(id, score) of every match in one FTS5 pass, on Wagtail's SQLite search backend.

    That backend ranks by a correlated subquery that repeats the full-text match for every
    matching row: quadratic in the number of matches (seconds for a few thousand). Scoring
    the matches in one pass with the backend's own match and rank expressions gives the same
    order. Anything else (PostgreSQL, MySQL, the fallback backend) uses the public API.
    """
    try:
        from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry, SQLiteSearchBackend
        from modelsearch.query import Or, Phrase, PlainText
        from modelsearch.utils import get_descendants_content_types_pks
    except ImportError:  # pragma: no cover - another search backend
        return None
    if not isinstance(backend, SQLiteSearchBackend):
        return None
    compiler = results.query_compiler
    config = compiler.get_config(backend)
    query = normalize(compiler.query)
    if not isinstance(query, PlainText | Phrase | Or):
        return None
    match = MatchExpression(compiler.fields or compiler.FTS_TABLE_FIELDS, compiler.build_search_query(query, config))
    rank = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    rows = (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(index_entry__content_type__in=get_descendants_content_types_pks(model))
        .annotate(score=rank)
        .values_list("index_entry__object_id", "score")
    )
    best: dict[int, float] = {}
    for object_id, score in rows:
        pk = int(object_id)
        if pk not in best or score < best[pk]:
            best[pk] = score
    return list(best.items())


def _id_list(ids) -> str:
    return ",".join(str(int(pk)) for pk in ids)


def _ids_in(model, id_list: str) -> RawSQL:
    """`pk IN (1,2,…)` with the ids written into the SQL.

    A subquery would repeat the full-text match in every count, and `pk__in=[…]` makes Django
    prepare each of thousands of parameters again for each of the ~30 counts of a search
    (most of the engine's time). The ids are integers read from the search index, so
    writing them into the statement is safe, and no parameter limit applies.
    """
    column = f"{connection.ops.quote_name(model._meta.db_table)}.{connection.ops.quote_name(model._meta.pk.column)}"
    return RawSQL(f"{column} IN ({id_list})", [], output_field=BooleanField())  # noqa: S611 - integers only


class DatabaseEngine:
    """The same search over the ORM: Wagtail's database search backend ranks, SQL counts.

    Per search: one full-text pass per object family (pages, documents) for the ranked ids,
    then grouped SQL counts restricted to those ids, and one page of objects loaded.
    """

    name = "database"

    def __init__(self, *, user, language: str, request=None, labels: Labels | None = None):
        self.user = user
        self.language = language
        self.request = request
        self.labels = labels or Labels(language)
        self._visible: dict[str, object] = {}

    def visible(self, kind: str):
        """What `user` may see of `kind`; the privacy gate's restrictions are read once per engine."""
        if kind not in self._visible:
            model = serializers.KIND_MODELS[kind]
            if kind == mappings.KIND_DOCUMENT:
                queryset = documents_visible_to(self.user, model.objects.all())
            else:
                queryset = pages_visible_to(self.user, model.objects.all())
            self._visible[kind] = queryset
        return self._visible[kind].all()

    def filtered(self, kind: str, params: SearchParams, *, ignore: str | None = None, matched=None):
        """Visible items of `kind` under every filter but `ignore`; None if a filter rules the kind out.

        `matched` (from `matches`) narrows them to the items that match the text.
        """
        source = DATABASE_SOURCES[kind]
        if ignore != "kind" and params.kinds and kind not in params.kinds:
            return None
        queryset = self.visible(kind)
        if matched is not None:
            ids = matched["document" if kind == mappings.KIND_DOCUMENT else "page"]
            if not ids:
                return None
            queryset = queryset.filter(_ids_in(queryset.model, ids))
        if ignore != "country" and params.countries:
            condition = Q()
            for path in source.country_paths:
                condition |= Q(**{f"{path}__in": params.countries})
            queryset = queryset.filter(condition)
        if ignore != "theme" and params.themes:
            if source.theme_path is None:
                return None
            queryset = queryset.filter(**{f"{source.theme_path}__in": params.themes})
        if ignore != "language" and params.languages:
            queryset = queryset.filter(**{f"{source.language_path}__in": params.languages})
        if ignore != "year" and params.year:
            queryset = queryset.filter(**{f"{source.date_path}__year": params.year})
        return queryset

    def matches(self, params: SearchParams) -> dict[str, dict[int, int]] | None:
        """Rank of every item matching the text, per family of object; None for no text."""
        free, phrases = split_query(params.q)
        parts = [PlainText(variant, operator="and") for variant in synonyms.expand(free)] if free else []
        parts += [Phrase(phrase) for phrase in phrases]
        if not parts:
            return None
        query = parts[0] if len(parts) == 1 else Or(parts)
        backend = get_search_backend()
        ranks: dict[str, dict[int, int]] = {}
        for group, model in (("page", Page), ("document", KnowledgeDocument)):
            ranks[group] = {pk: rank for rank, pk in reversed(list(enumerate(ranked_ids(backend, query, model))))}
        return ranks

    def search(self, params: SearchParams) -> SearchResult:
        size = conf.page_size()
        ranks = self.matches(params)
        # The matched ids go into each count as a literal list, written once per search.
        matched = {group: _id_list(ids) for group, ids in ranks.items()} if ranks is not None else None

        # Every matching item with its date, then order and cut one page.
        candidates: list[tuple[str, int, object]] = []
        for kind, source in DATABASE_SOURCES.items():
            queryset = self.filtered(kind, params, matched=matched)
            if queryset is None:
                continue
            candidates += [(kind, pk, when) for pk, when in queryset.values_list("pk", source.date_path).distinct()]
        total = len(candidates)

        def date_key(item) -> float:
            when = item[2]
            if when is None:
                return float("-inf")
            return float(when.toordinal()) if not hasattr(when, "timestamp") else when.timestamp() / 86400

        if ranks is not None and params.sort == SORT_RELEVANCE:

            def rank(item) -> tuple:
                group = "document" if item[0] == mappings.KIND_DOCUMENT else "page"
                return (ranks[group][item[1]], -date_key(item))

            candidates.sort(key=rank)
        else:
            candidates.sort(key=lambda item: (-date_key(item), -item[1]))

        start = (params.page - 1) * size
        window = candidates[start : start + size]
        keys = [f"document:{pk}" if kind == mappings.KIND_DOCUMENT else f"page:{pk}" for kind, pk, _ in window]
        kinds = {key: kind for key, (kind, _, _) in zip(keys, window, strict=True)}
        objects = load_objects(keys, self.user, kinds=kinds, with_countries=True)
        words = [word for variant in synonyms.expand(split_query(params.q)[0]) for word in synonyms.tokens(variant)]
        hits = []
        for key in keys:
            obj = objects.get(key)
            if obj is None:
                continue
            serializer = (
                serializers.DocumentSerializer()
                if isinstance(obj, KnowledgeDocument)
                else serializers.PAGE_SERIALIZERS[type(obj)]()
            )
            summary = serializer.prepare_summary(obj)
            hits.append(
                hit_for(
                    obj,
                    request=self.request,
                    snippet=highlight_terms(Truncator(summary).chars(240), words),
                    countries=serializer.prepare_countries(obj),
                    labels=self.labels,
                )
            )
        return SearchResult(
            hits=hits,
            total=total,
            facets=build_facets(self.facet_counts(params, matched), params, self.labels),
            page=params.page,
            num_pages=num_pages(total, size),
            engine=self.name,
        )

    def facet_counts(self, params: SearchParams, matched=None) -> dict[str, dict[str, int]]:
        """Counts per facet value, each facet under every filter but its own: grouped SQL, no objects."""
        counts: dict[str, dict[str, int]] = {name: defaultdict(int) for name in FACETS}
        for facet in FACETS:
            for kind, source in DATABASE_SOURCES.items():
                queryset = self.filtered(kind, params, ignore=facet, matched=matched)
                if queryset is None:
                    continue
                rows: list[tuple[object, int]] = []
                if facet == "kind":
                    rows = [(kind, queryset.values("pk").distinct().count())]
                elif facet == "country" and len(source.country_paths) > 1:
                    # One item may name a country twice (host and subject): count it once.
                    pairs: set[tuple[int, object]] = set()
                    for path in source.country_paths:
                        pairs |= set(queryset.filter(**{f"{path}__isnull": False}).values_list("pk", path))
                    rows = list(Counter(value for _, value in pairs).items())
                else:
                    path = {
                        "country": source.country_paths[0],
                        "theme": source.theme_path,
                        "language": source.language_path,
                        "year": source.date_path,
                    }[facet]
                    if path is None:
                        continue
                    if facet == "year":
                        queryset = queryset.filter(**{f"{path}__isnull": False}).annotate(
                            search_facet=ExtractYear(path)
                        )
                    else:
                        queryset = queryset.filter(**{f"{path}__isnull": False}).annotate(search_facet=F(path))
                    rows = list(
                        queryset.order_by()
                        .values("search_facet")
                        .annotate(n=Count("pk", distinct=True))
                        .values_list("search_facet", "n")
                    )
                for value, count in rows:
                    if value not in (None, "") and count:
                        counts[facet][str(value)] += count
        return counts

    def related(self, obj, *, limit: int = 4) -> list[Hit]:
        from knowledge.models import KnowledgePage
        from knowledge.selectors import knowledge_related_items

        if not isinstance(obj, KnowledgePage):
            return []
        items = knowledge_related_items(page=obj, user=self.user, limit=limit)
        hits = []
        for item in items:
            page = item.specific
            serializer = serializers.PAGE_SERIALIZERS[type(page)]()
            hits.append(
                hit_for(
                    page,
                    request=self.request,
                    snippet=escape(Truncator(page.summary).chars(240)),
                    countries=serializer.prepare_countries(page),
                    labels=self.labels,
                )
            )
        return hits
