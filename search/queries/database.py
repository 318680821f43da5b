"""The database engine: Wagtail's database search backend ranks, the ORM filters and counts.

It answers when no Elasticsearch is configured, and as the fallback when the node fails.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
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


class DatabaseEngine:
    """The same search over the ORM: Wagtail's database search backend ranks, SQL counts."""

    name = "database"

    def __init__(self, *, user, language: str, request=None, labels: Labels | None = None):
        self.user = user
        self.language = language
        self.request = request
        self.labels = labels or Labels(language)

    def visible(self, kind: str):
        model = serializers.KIND_MODELS[kind]
        if kind == mappings.KIND_DOCUMENT:
            return documents_visible_to(self.user, model.objects.all())
        return pages_visible_to(self.user, model.objects.all())

    def filtered(self, kind: str, params: SearchParams, *, ignore: str | None = None):
        """Visible items of `kind` under every filter but `ignore`; None if a filter rules the kind out."""
        source = DATABASE_SOURCES[kind]
        if ignore != "kind" and params.kinds and kind not in params.kinds:
            return None
        queryset = self.visible(kind)
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
        """Rank of every item matching the text, per kind of object; None for no text."""
        free, phrases = split_query(params.q)
        parts = [PlainText(variant, operator="and") for variant in synonyms.expand(free)] if free else []
        parts += [Phrase(phrase) for phrase in phrases]
        if not parts:
            return None
        query = parts[0] if len(parts) == 1 else Or(parts)
        backend = get_search_backend()
        ranks: dict[str, dict[int, int]] = {"page": {}, "document": {}}
        for group, model in (("page", Page), ("document", KnowledgeDocument)):
            results = backend.search(query, model.objects.only("pk"))
            for rank, obj in enumerate(results):
                ranks[group].setdefault(obj.pk, rank)
        return ranks

    def search(self, params: SearchParams) -> SearchResult:
        size = conf.page_size()
        ranks = self.matches(params)

        def matched(kind: str, pk: int) -> bool:
            return ranks is None or pk in ranks["document" if kind == mappings.KIND_DOCUMENT else "page"]

        # Every matching item with its date, then order and cut one page.
        candidates: list[tuple[str, int, object]] = []
        for kind, source in DATABASE_SOURCES.items():
            queryset = self.filtered(kind, params)
            if queryset is None:
                continue
            for pk, when in queryset.values_list("pk", source.date_path).distinct():
                if matched(kind, pk):
                    candidates.append((kind, pk, when))
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
        objects = load_objects(keys, self.user)
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

    def facet_counts(self, params: SearchParams, matched) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {name: defaultdict(int) for name in FACETS}
        for facet in FACETS:
            for kind, source in DATABASE_SOURCES.items():
                queryset = self.filtered(kind, params, ignore=facet)
                if queryset is None:
                    continue
                pairs: set[tuple[int, object]] = set()
                if facet == "kind":
                    pairs = {(pk, kind) for pk in queryset.values_list("pk", flat=True)}
                elif facet == "country":
                    for path in source.country_paths:
                        pairs |= set(queryset.filter(**{f"{path}__isnull": False}).values_list("pk", path))
                elif facet == "theme" and source.theme_path:
                    pairs = set(
                        queryset.filter(**{f"{source.theme_path}__isnull": False}).values_list("pk", source.theme_path)
                    )
                elif facet == "language":
                    pairs = set(queryset.values_list("pk", source.language_path))
                elif facet == "year":
                    pairs = set(
                        queryset.filter(**{f"{source.date_path}__isnull": False})
                        .annotate(search_year=ExtractYear(source.date_path))
                        .values_list("pk", "search_year")
                    )
                for pk, value in pairs:
                    if value not in (None, "") and matched(kind, pk):
                        counts[facet][str(value)] += 1
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
