"""Reads of the theme hubs: every theme with what it gathers, and one theme's items across countries.

A theme is a vocabulary entry (`portal.core.models.Theme`), keyed by its language-neutral slug;
content links to the default-language entry and readers see theirs. Every list goes through the
privacy gate (`pages_visible_to`, `documents_visible_to`) and shows items in the reader's
language, with the default language where a translation is missing.
"""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet

from wagtail.models import Locale

from events.models import EventPage
from knowledge.models import KnowledgeDocument, KnowledgePage
from portal.core.locale import attach_in_language, entries_in_language, in_locale_with_fallback, vocabulary_in_locale
from portal.core.models import Country, Theme
from portal.core.privacy import documents_visible_to, pages_visible_to

PAGE_SIZE = 12


@dataclass(frozen=True)
class ThemeSummary:
    """A theme in the reader's language and how many items of each kind the reader may see under it."""

    theme: Theme
    knowledge: int
    events: int
    documents: int

    @property
    def total(self) -> int:
        return self.knowledge + self.events + self.documents


def _knowledge(*, locale: Locale, user) -> QuerySet:
    return pages_visible_to(user, in_locale_with_fallback(KnowledgePage.objects.all(), locale=locale))


def _events(*, locale: Locale, user) -> QuerySet:
    return pages_visible_to(user, in_locale_with_fallback(EventPage.objects.all(), locale=locale))


def _documents(*, locale: Locale, user) -> QuerySet:
    return in_locale_with_fallback(documents_visible_to(user, KnowledgeDocument.objects.all()), locale=locale)


def _counts_by_theme(queryset: QuerySet) -> Counter:
    # `order_by()` drops the models' default ordering, which would otherwise split the groups.
    rows = queryset.order_by().values("themes__slug").annotate(n=Count("pk", distinct=True))
    return Counter({row["themes__slug"]: row["n"] for row in rows if row["themes__slug"]})


def themes_with_counts(*, locale: Locale, user) -> list[ThemeSummary]:
    """Every theme, by name in the reader's language, with its items' counts: four queries and the translations."""
    knowledge = _counts_by_theme(_knowledge(locale=locale, user=user))
    events = _counts_by_theme(_events(locale=locale, user=user))
    documents = _counts_by_theme(_documents(locale=locale, user=user))
    return [
        ThemeSummary(
            theme=theme, knowledge=knowledge[theme.slug], events=events[theme.slug], documents=documents[theme.slug]
        )
        for theme in vocabulary_in_locale(model=Theme, locale=locale)
    ]


def theme_for_reader(*, slug: str, locale: Locale) -> Theme | None:
    """The theme `slug` in the reader's language (else the default language's entry), or None if unknown."""
    original = Theme.objects.filter(slug=slug, locale__language_code=settings.LANGUAGE_CODE).first()
    if original is None:
        return None
    return entries_in_language([original], language=locale.language_code)[0]


def theme_countries(*, locale: Locale) -> list[Country]:
    """The countries a theme's items may be narrowed to, by name in the reader's language."""
    return vocabulary_in_locale(model=Country, locale=locale)


def _page(queryset, *, page_number, fields) -> PaginatorPage:
    page = Paginator(queryset, PAGE_SIZE).get_page(page_number)
    page.object_list = attach_in_language(list(page.object_list), fields)
    return page


def theme_items(*, theme: Theme, locale: Locale, user, country: str = "", page_numbers: dict | None = None) -> dict:
    """The theme's knowledge items, events and documents the reader may see, across countries, newest first.

    `country` (an ISO code) narrows all three to items about that country (an event also by its
    host country). Each list is paginated on its own (`page_numbers`: {"knowledge": 2, ...}), so
    the page costs the same number of queries whatever the number of items.
    """
    page_numbers = page_numbers or {}
    knowledge = _knowledge(locale=locale, user=user).filter(themes__slug=theme.slug)
    events = _events(locale=locale, user=user).filter(themes__slug=theme.slug)
    documents = _documents(locale=locale, user=user).filter(themes__slug=theme.slug)
    if country:
        knowledge = knowledge.filter(countries__iso_code=country)
        events = events.filter(Q(countries__iso_code=country) | Q(host_country__iso_code=country))
        documents = documents.filter(countries__iso_code=country)
    knowledge = (
        knowledge.distinct().order_by("-publication_date", "-pk").prefetch_related("countries").specific(defer=True)
    )
    events = events.distinct().order_by("-start", "-pk").select_related("host_country").prefetch_related("countries")
    documents = documents.distinct().order_by("-publication_date", "-pk").prefetch_related("countries")
    return {
        "knowledge": _page(knowledge, page_number=page_numbers.get("knowledge"), fields=["countries"]),
        "events": _page(events, page_number=page_numbers.get("events"), fields=["countries"]),
        "documents": _page(documents, page_number=page_numbers.get("documents"), fields=["countries"]),
    }
