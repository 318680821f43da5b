"""Reads for site-wide pages: home, country index and country profiles.

The page models call these (`from portal.site import selectors`), so the models are read
through their module (`models.CountryPage`), which either side may import first.
Vocabulary entries come attached in the reader's language (`in_language`).
"""

import datetime
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django.utils import timezone

from wagtail.models import Locale

from events.selectors import events_for_country, events_upcoming_and_recent, follow_ups_open_for_country
from knowledge.models import KnowledgeDocument
from knowledge.selectors import knowledge_items_for_country, knowledge_items_latest
from portal.core.locale import (
    active_locale,
    attach_in_language,
    in_locale_with_fallback,
    reader_language,
    under_section,
)
from portal.core.page_family import ancestors
from portal.core.privacy import documents_visible_to, pages_visible_to
from portal.site import comparison, models


def home_page_sections(*, home, user) -> dict:
    countries = (
        pages_visible_to(user, in_locale_with_fallback(models.CountryPage.objects.all(), locale=home.locale))
        .select_related("country")
        .order_by("title")
    )
    return {
        "latest_knowledge": knowledge_items_latest(locale=home.locale, user=user, limit=6),
        **events_upcoming_and_recent(locale=home.locale, user=user, limit=3),
        "country_profiles": countries,
    }


def country_profiles_by_region(*, index, user) -> list[tuple[str, list]]:
    profiles = (
        pages_visible_to(
            user, in_locale_with_fallback(models.CountryPage.objects.filter(under_section(index)), locale=index.locale)
        )
        .select_related("country")
        .order_by("title")
    )
    regions: dict[str, list] = {}
    for profile in attach_in_language(list(profiles), ["country"]):
        regions.setdefault(profile.country.get_region_display(), []).append(profile)
    return sorted(regions.items())


def country_profile_in_language(*, profile) -> None:
    """Attach to a country profile its partner organisations in the reader's language."""
    attach_in_language([profile], ["national_counterparts", "un_partners"])


# How far back a profile's timeline reaches, per kind of activity: a partnership of many years
# still renders in one page, and the query count stays the same whatever the country did.
TIMELINE_LIMIT = 100


def _country_documents(*, country, locale: Locale, user, limit: int) -> list:
    # A document once, in the reader's language when it has been translated.
    return list(
        in_locale_with_fallback(
            documents_visible_to(user, KnowledgeDocument.objects.filter(countries__iso_code=country.iso_code)),
            locale=locale,
        )
        .select_related("locale")
        .distinct()
        .order_by("-publication_date", "-pk")[:limit]
    )


def country_activity(*, country, locale: Locale, user, limit: int = 12) -> dict:
    """What the programme did with one country: events, knowledge items, documents, follow-ups still open, timeline.

    Each kind is read once, up to `TIMELINE_LIMIT` items: the lists show the newest `limit`,
    the timeline all of them, and the follow-ups come from the same events when they are all
    there, so a profile pays for its activity once.
    """
    events = events_for_country(iso_code=country.iso_code, locale=locale, user=user, limit=TIMELINE_LIMIT)
    knowledge = knowledge_items_for_country(iso_code=country.iso_code, locale=locale, user=user, limit=TIMELINE_LIMIT)
    documents = _country_documents(country=country, locale=locale, user=user, limit=TIMELINE_LIMIT)
    return {
        "country_events": events[:limit],
        "country_knowledge": knowledge[:limit],
        "country_documents": documents[:limit],
        "country_follow_ups": follow_ups_open_for_country(
            iso_code=country.iso_code,
            locale=locale,
            user=user,
            events=events if len(events) < TIMELINE_LIMIT else None,
        ),
        "country_timeline": _timeline(events, knowledge, documents, reader=reader_language()),
    }


@dataclass(frozen=True)
class TimelineEntry:
    """One dated activity of a country's timeline: an event, a knowledge item or a document."""

    date: datetime.date
    item: Any
    is_document: bool = False
    # The language of the item's words when it is not the reader's (an untranslated item), else "".
    language: str = ""


def _document_language(document, reader: str) -> str:
    code = document.locale.language_code
    return "" if code == reader else code


def _timeline(events, knowledge, documents, *, reader: str) -> list[tuple[int, list]]:
    entries = [
        *(TimelineEntry(date=timezone.localtime(event.start, event.tz).date(), item=event) for event in events),
        *(TimelineEntry(date=item.publication_date, item=item) for item in knowledge),
        *(
            TimelineEntry(
                date=document.publication_date,
                item=document,
                is_document=True,
                language=_document_language(document, reader),
            )
            for document in documents
        ),
    ]
    entries.sort(key=lambda entry: entry.date, reverse=True)
    return [(year, list(group)) for year, group in groupby(entries, key=lambda entry: entry.date.year)]


def country_timeline(
    *, country, user, locale: Locale | None = None, limit: int = TIMELINE_LIMIT
) -> list[tuple[int, list]]:
    """The country's DSP activities by year, newest first: events by their start (on the event's own
    clock), knowledge items and documents by their publication date.

    Each kind is read through its own selector or the privacy gate, in the reader's language with
    the default language where a translation is missing; a constant number of queries. `locale` is
    the reader's, the active language's by default (an untranslated profile is served in another).
    A profile reads it with the rest of its activity (`country_activity`).
    """
    locale = locale or active_locale()
    return _timeline(
        events_for_country(iso_code=country.iso_code, locale=locale, user=user, limit=limit),
        knowledge_items_for_country(iso_code=country.iso_code, locale=locale, user=user, limit=limit),
        _country_documents(country=country, locale=locale, user=user, limit=limit),
        reader=reader_language(),
    )


def country_compare_options(*, profile, user, locale: Locale) -> dict:
    """What a profile's "Compare with…" form offers: the other profiles the reader may compare, and where.

    The others come with their country in the reader's language (`profile.in_language.country`);
    the form goes to the comparison route of the countries index in the reader's language.
    """
    profiles = comparison.comparable_profiles(user=user, locale=locale)
    if profile.country.iso_code not in profiles:
        return {"compare_others": [], "compare_url": "", "compare_max_others": 0}
    others = [other for code, other in profiles.items() if code != profile.country.iso_code]
    attach_in_language(others, ["country"], language=locale.language_code)
    # The profile's parent, from its ancestors as the request read them (`portal.core.page_family`).
    index = next(
        (
            page.specific_deferred
            for page in reversed(ancestors(profile))
            if page.specific_class is models.CountryIndexPage
        ),
        None,
    )
    if index is not None and not index.live:
        index = None
    if index is not None and index.locale_id != locale.pk:
        translated = models.CountryIndexPage.objects.live().filter(translation_key=index.translation_key, locale=locale)
        index = translated.first() or index
    compare_url = index.url + index.reverse_subpage("compare") if index is not None else ""
    return {"compare_others": others, "compare_url": compare_url, "compare_max_others": comparison.MAX_COUNTRIES - 1}
