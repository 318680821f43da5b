"""What a search takes and returns, and the helpers both engines share."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Page

from portal.core.items import ItemKey, kind, kind_of, kinds
from portal.core.locale import default_locale, locale_for, vocabulary_in_locale
from portal.core.models import Country, Theme
from portal.core.privacy import documents_visible_to, pages_visible_to
from search import serializers, synonyms
from search.models import SearchRecord

SORT_RELEVANCE = "relevance"
SORT_DATE = "date"
FACETS = ("country", "theme", "kind", "language", "year")
FACET_LABELS = {
    "country": _("Country"),
    "theme": _("Theme"),
    "kind": _("Kind"),
    "language": _("Language"),
    "year": _("Year"),
}
# Elasticsearch pages no further than 10,000 hits (index.max_result_window).
MAX_RESULT_WINDOW = 10_000


# --- Parameters and results ----------------------------------------------------------------


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    countries: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    year: int | None = None
    sort: str = SORT_RELEVANCE
    page: int = 1

    def selected(self, facet: str) -> tuple[str, ...]:
        return {
            "country": self.countries,
            "theme": self.themes,
            "kind": self.kinds,
            "language": self.languages,
            "year": (str(self.year),) if self.year else (),
        }[facet]

    @property
    def has_filters(self) -> bool:
        return any(self.selected(name) for name in FACETS)


class FacetValue(NamedTuple):
    value: str
    label: str
    count: int
    selected: bool


class PageMatch(NamedTuple):
    """Where an engine found the words inside a document's file: the page, and its words marked."""

    number: int
    snippet: SafeString


def page_url(file_url: str, number: int | None) -> str:
    """`/documents/3/report.pdf`, 3 -> `/documents/3/report.pdf#page=3` (PDF viewers open that page)."""
    return f"{file_url}#page={number}" if file_url and number else file_url


@dataclass
class FoundIn:
    """A document attached to a page hit, in which the words were found (`search.queries.attachments`)."""

    title: str
    url: str  # the document's landing page
    file_url: str
    locale: str
    page: int | None = None
    snippet: SafeString = field(default_factory=lambda: mark_safe(""))  # noqa: S308 - empty

    @property
    def page_url(self) -> str:
        return page_url(self.file_url, self.page)

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "url": self.url,
            "file_url": self.file_url,
            "page": self.page,
            "page_url": self.page_url,
            "snippet": str(self.snippet),
        }


class Translation(NamedTuple):
    """Another language of a hit's item: a link the hit offers beside its own."""

    locale: str
    label: str  # the language's name in the reader's language
    url: str


@dataclass
class Hit:
    title: str
    url: str
    kind: str
    kind_label: str
    date: date | None
    locale: str
    snippet: SafeString
    countries: list[tuple[str, str]]
    key: ItemKey | None = None
    # A document's file (its `url` is its landing page) and the page of the file the words are on.
    file_url: str = ""
    page: int | None = None
    # The attachments of a page hit in which the words were found, each in place of its own hit.
    found_in: list[FoundIn] = field(default_factory=list)
    # The item's other languages this reader may see (`search.queries.families`).
    translations: list[Translation] = field(default_factory=list)
    # What the hit's item shares with its translations (`SearchRecord.family`); not shown.
    family: str = ""

    @property
    def page_url(self) -> str:
        return page_url(self.file_url, self.page)

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "url": self.url,
            "kind": self.kind,
            "kind_label": str(self.kind_label),
            "date": self.date.isoformat() if self.date else None,
            "locale": self.locale,
            "snippet": str(self.snippet),
            "countries": [{"code": code, "label": label} for code, label in self.countries],
            "file_url": self.file_url,
            "page": self.page,
            "page_url": self.page_url,
            "found_in": [found.as_dict() for found in self.found_in],
            "translations": [translation._asdict() for translation in self.translations],
        }


@dataclass
class SearchResult:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    page: int = 1
    num_pages: int = 1
    suggestion: str | None = None
    # The hits are those of `suggestion`: the words as typed found nothing.
    corrected: bool = False
    degraded: bool = False
    engine: str = ""

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "page": self.page,
            "num_pages": self.num_pages,
            "suggestion": self.suggestion,
            "corrected": self.corrected,
            "degraded": self.degraded,
            "hits": [hit.as_dict() for hit in self.hits],
            "facets": {name: [value._asdict() for value in values] for name, values in self.facets.items()},
        }


# --- Shared helpers --------------------------------------------------------------------------

_QUOTED = re.compile(r'"([^"]+)"')


def split_query(q: str) -> tuple[str, list[str]]:
    """Free text and "quoted phrases". Nothing else in the query has a meaning to the engine."""
    phrases = [" ".join(synonyms.tokens(match)) for match in _QUOTED.findall(q)]
    free = _QUOTED.sub(" ", q)
    return " ".join(synonyms.tokens(free)), [phrase for phrase in phrases if phrase]


def num_pages(total: int, size: int) -> int:
    return max(1, math.ceil(min(total, MAX_RESULT_WINDOW) / size))


def kind_label(key: str, *, plural: bool = False) -> str:
    """The reader-language name of a kind (`portal.core.items`); an unknown key as it is."""
    declared = kind(key)
    if declared is None:
        return key
    return str(declared.plural if plural else declared.label)


class Labels:
    """Reader-language names of facet values, keyed by their language-neutral codes."""

    def __init__(self, language: str):
        self.language = language
        locale = locale_for(language) or default_locale()
        self.countries = {c.iso_code: c.name for c in vocabulary_in_locale(model=Country, locale=locale)}
        self.themes = {t.slug: t.name for t in vocabulary_in_locale(model=Theme, locale=locale)}
        self.languages = {code: str(name) for code, name in settings.LANGUAGES}

    def label(self, facet: str, value: str) -> str:
        if facet == "country":
            return self.countries.get(value, value)
        if facet == "theme":
            return self.themes.get(value, value)
        if facet == "kind":
            return kind_label(value, plural=True)
        if facet == "language":
            return self.languages.get(value, value)
        return str(value)

    def order(self, facet: str, values: list[FacetValue]) -> list[FacetValue]:
        if facet == "kind":
            order = {declared.key: declared.order for declared in kinds()}
            return sorted(values, key=lambda v: order.get(v.value, float("inf")))
        if facet == "year":
            return sorted(values, key=lambda v: v.value, reverse=True)
        return sorted(values, key=lambda v: (-v.count, v.label.casefold()))


def build_facets(
    counts: dict[str, dict[str, int]], params: SearchParams, labels: Labels
) -> dict[str, list[FacetValue]]:
    facets = {}
    for name in FACETS:
        found = {str(value): count for value, count in counts.get(name, {}).items() if count}
        # A selected value stays listed at zero so the reader can untick it.
        for value in params.selected(name):
            found.setdefault(value, 0)
        values = [
            FacetValue(value, labels.label(name, value), count, value in params.selected(name))
            for value, count in found.items()
        ]
        facets[name] = labels.order(name, values)
    return facets


# Hangul syllables and jamo: Korean joins words and particles without spaces, so its words
# are matched as prefixes by both engines.
HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")


SCRIPTS = {
    "hangul": HANGUL,
    "cyrillic": re.compile("[\u0400-\u04ff]"),
    "latin": re.compile("[A-Za-z\u00c0-\u024f]"),
}
LANGUAGE_SCRIPTS = {"ko": "hangul", "ru": "cyrillic", "kk": "cyrillic", "ky": "cyrillic", "tg": "cyrillic"}


def written_for(text: str, language: str) -> bool:
    """Whether `text` is written in the script of the reader's `language` (Latin unless listed)."""
    return bool(SCRIPTS[LANGUAGE_SCRIPTS.get(language, "latin")].search(text))


def query_words(q: str) -> list[str]:
    """The words a snippet marks for this query: the free words and their synonyms' words."""
    free, _phrases = split_query(q)
    return [word for variant in synonyms.expand(free) for word in synonyms.tokens(variant)] if free else []


def highlight_terms(text: str, words: Iterable[str]) -> SafeString:
    """Escape `text` and wrap the query's words in <mark>: the database engine's snippet."""
    escaped = escape(text)
    words = sorted({escape(word) for word in words if len(word) > 1}, key=len, reverse=True)
    if not words:
        return mark_safe(escaped)  # noqa: S308 - escaped just above
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(word) for word in words) + r")", re.IGNORECASE)
    return mark_safe(pattern.sub(r"<mark>\1</mark>", escaped))  # noqa: S308 - input escaped first


def clean_highlight(fragment: str) -> SafeString:
    """A highlighter fragment with every tag but <mark> escaped.

    Elasticsearch already encodes the text (`encoder: html`); decoding and escaping each
    piece again means the page never depends on that setting being right.
    """
    pieces = re.split(r"(</?mark>)", fragment)
    safe = "".join(piece if piece in ("<mark>", "</mark>") else escape(html.unescape(piece)) for piece in pieces)
    return mark_safe(safe)  # noqa: S308 - every piece but the <mark> tags is escaped


def hit_for(obj, *, snippet: SafeString, labels: Labels) -> Hit:
    """A hit read from the object itself, for an item that has no search record yet."""
    serializer = serializers.serializer_for(obj)
    key = ItemKey.of(obj)
    url = obj.get_landing_url() if key.type == ItemKey.DOCUMENT else obj.get_url() or ""
    item_kind = kind_of(obj).key
    return Hit(
        title=obj.title,
        url=url,
        kind=item_kind,
        kind_label=kind_label(item_kind),
        date=serializer.prepare_date(obj),
        locale=serializer.prepare_locale(obj),
        snippet=snippet,
        countries=[(code, labels.label("country", code)) for code in sorted(serializer.prepare_countries(obj))],
        key=key,
    )


def hits_from_records(
    keys: Iterable[ItemKey | str],
    user,
    labels: Labels,
    *,
    records: dict[ItemKey, SearchRecord] | None = None,
    snippets: dict[ItemKey, SafeString] | None = None,
    pages: dict[ItemKey, PageMatch] | None = None,
    translations: dict[ItemKey, list[ItemKey]] | None = None,
    words=(),
) -> list[Hit]:
    """Hits for index keys, in order, from the search records, for what `user` may still see.

    A record holds everything a hit shows, so a page of results is three small queries
    whatever its kinds. Each item is checked once more through `portal.core.privacy` (an index
    can lag behind a restriction). Keys without a record yet are read from their objects.
    The snippet is the engine's highlight if given, else the summary with `words` marked.
    `records` (by key) saves reading them again when the caller has them. A document found
    on a page of its file (`pages`) shows that page's words and links to it. `translations` (by
    key) are the item's other languages, linked from its hit where `user` may see them.
    """
    keys = [ItemKey.parse(key) for key in keys]
    snippets = snippets or {}
    pages = pages or {}
    translations = translations or {}
    others = [other for key in keys for other in translations.get(key, ())]
    if records is None:
        found = SearchRecord.objects.filter(key__in=[str(key) for key in [*keys, *others]])
        records = {record.item_key: record for record in found}
    allowed, documents = visible_items([*keys, *others], user)
    missing = [key for key in keys if key not in records and key in allowed]
    objects = load_objects(missing, user) if missing else {}
    hits = []
    for key in keys:
        if key not in allowed:
            continue
        record = records.get(key)
        if record is None:
            obj = objects.get(key)
            if obj is not None:
                summary = getattr(obj, "summary", None) or getattr(obj, "description", "") or ""
                snippet = snippets.get(key) or highlight_terms(Truncator(summary).chars(240), words)
                hits.append(hit_for(obj, snippet=snippet, labels=labels))
            else:
                continue
        else:
            hits.append(hit_from_record(record, labels=labels, snippet=snippets.get(key), words=words))
        document = documents.get(key.pk) if key.type == ItemKey.DOCUMENT else None
        if document is not None:
            hit = hits[-1]
            hit.url, hit.file_url = document.get_landing_url(), document_file_url(document)
            match = pages.get(key)
            if match is not None:
                hit.page, hit.snippet = match.number, match.snippet or hit.snippet
        hits[-1].translations = [
            Translation(other.locale, labels.label("language", other.locale), _item_url(other, documents))
            for other_key in translations.get(key, ())
            if other_key in allowed and (other := records.get(other_key)) is not None
        ]
    return hits


def _item_url(record: SearchRecord, documents: dict[int, object]) -> str:
    """Where a record's item is read: a document's landing page, a page's address."""
    document = documents.get(record.document_id) if record.document_id else None
    return document.get_landing_url() if document is not None else record.url


def document_file_url(document) -> str:
    """The file a document hit links, and its pages: the landing page's download route (behind the
    privacy gate, counted, PDFs inline so `#page=N` opens that page), for a translation with a file
    of its own that file, in the language of the row's landing page."""
    args = (document.pk, document.slug)
    with translation.override(document.locale.language_code):
        if document.own_file:
            return reverse("document_download_language", args=(*args, document.locale.language_code))
        return reverse("document_download", args=args)


def hit_from_record(record: SearchRecord, *, labels: Labels, snippet: SafeString | None = None, words=()) -> Hit:
    """The hit a search record shows; its summary with `words` marked unless an engine gave a snippet."""
    return Hit(
        title=record.title,
        url=record.url,
        kind=record.kind,
        kind_label=kind_label(record.kind),
        date=record.date,
        locale=record.locale,
        snippet=snippet or highlight_terms(Truncator(record.summary).chars(240), words),
        countries=[(code, labels.label("country", code)) for code in record.country_codes],
        key=record.item_key,
        family=record.family,
    )


def visible_keys(keys: Iterable[ItemKey], user) -> set[ItemKey]:
    """The keys whose object `portal.core.privacy` lets `user` see now."""
    return visible_items(keys, user)[0]


def visible_items(keys: Iterable[ItemKey], user) -> tuple[set[ItemKey], dict[int, object]]:
    """The keys whose object `portal.core.privacy` lets `user` see now, and those documents by id.

    The documents come with the same query: a hit links a document's landing page and its file.
    """
    ids = ItemKey.group(keys)
    allowed: set[ItemKey] = set()
    documents: dict[int, object] = {}
    if ids[ItemKey.PAGE]:
        pages = pages_visible_to(user, Page.objects.filter(pk__in=ids[ItemKey.PAGE]))
        allowed |= {ItemKey.page(pk) for pk in pages.values_list("pk", flat=True)}
    if ids[ItemKey.DOCUMENT]:
        queryset = (
            get_document_model()
            .objects.filter(pk__in=ids[ItemKey.DOCUMENT])
            .select_related("locale")
            .defer("extracted_text")
        )
        documents = {document.pk: document for document in documents_visible_to(user, queryset)}
        allowed |= {ItemKey.document(pk) for pk in documents}
    return allowed, documents


def load_objects(keys: Iterable[ItemKey], user) -> dict[ItemKey, object]:
    """The objects of a searchable kind behind these keys that `user` may see, through `portal.core.privacy`."""
    ids = ItemKey.group(keys)
    found: dict[ItemKey, object] = {}
    if ids[ItemKey.PAGE]:
        pages = pages_visible_to(user, Page.objects.filter(pk__in=ids[ItemKey.PAGE])).specific()
        found.update({ItemKey.of(page): page for page in pages if kind_of(page) is not None})
    if ids[ItemKey.DOCUMENT]:
        documents = documents_visible_to(user, get_document_model().objects.filter(pk__in=ids[ItemKey.DOCUMENT]))
        found.update({ItemKey.of(document): document for document in documents})
    return found
