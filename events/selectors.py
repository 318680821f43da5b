"""Reads of events, always through the privacy rules in `portal.core.privacy`.

The page models call these (`from events import selectors`), so the models are read
through their module (`models.EventPage`), which either side may import first.
"""

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Locale

from events import models
from portal.core.locale import in_locale_with_fallback, under_section
from portal.core.privacy import pages_visible_to

PAST_PAGE_SIZE = 12


def _events(user, queryset):
    return pages_visible_to(user, queryset).select_related("host_country", "series").prefetch_related("countries")


def events_split_by_time(*, index, user, page_number=None) -> dict:
    """Every upcoming event (few, soonest first), and past events a page at a time."""
    now = timezone.now()
    events = _events(
        user, in_locale_with_fallback(models.EventPage.objects.filter(under_section(index)), locale=index.locale)
    )
    past = Paginator(events.filter(end__lt=now).order_by("-start"), PAST_PAGE_SIZE)
    return {
        "upcoming_events": list(events.filter(end__gte=now).order_by("start")),
        "past_events": past.get_page(page_number),
    }


def events_upcoming_and_recent(*, locale: Locale, user, limit: int = 3) -> dict:
    now = timezone.now()
    events = _events(user, in_locale_with_fallback(models.EventPage.objects.all(), locale=locale))
    return {
        "upcoming_events": list(events.filter(end__gte=now).order_by("start")[:limit]),
        "recent_events": list(events.filter(end__lt=now).order_by("-start")[:limit]),
    }


def events_for_country(*, iso_code: str, locale: Locale, user, limit: int = 12) -> list:
    queryset = in_locale_with_fallback(models.EventPage.objects.all(), locale=locale).filter(
        Q(countries__iso_code=iso_code) | Q(host_country__iso_code=iso_code)
    )
    return list(_events(user, queryset.distinct()).order_by("-start")[:limit])


def event_series_siblings(*, event, user) -> list:
    if not event.series_id:
        return []
    queryset = models.EventPage.objects.filter(series_id=event.series_id, locale=event.locale).exclude(pk=event.pk)
    return list(_events(user, queryset).order_by("start"))
