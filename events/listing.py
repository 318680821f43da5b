"""Reads of the events list, through the privacy rules in `portal.core.privacy`.

One selector, `_events_filtered`, chooses the events of a filtered list; the page
(`events_split_by_time`), its feeds (`events.feeds`) and its calendar (`events.calendars`)
all read it, so a feed or a calendar holds exactly what the page lists. Filters are those of
`portal.core.list_filters` (`country`, `theme`, `kind` = the event type, `year`).
"""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, prefetch_related_objects
from django.utils import timezone

from wagtail.models import PageLogEntry

from events import models, selectors
from portal.core.locale import attach_in_language, in_locale_with_fallback, under_section
from portal.core.privacy import pages_visible_to

PAGE_SIZE = 12


def _in_section(index):
    return in_locale_with_fallback(models.EventPage.objects.filter(under_section(index)), locale=index.locale)


def _visible(user, queryset):
    # Countries are read with the other vocabularies, for every list of the page at once (`attach_in_language`).
    return pages_visible_to(user, queryset).select_related("host_country", "series")


def _events_filtered(*, index, user, country: str = "", theme: str = "", kind: str = "", year=None):
    """The events below `index` that `user` may read, filtered as the list's form says."""
    queryset = _in_section(index)
    if country:
        # An event is a country's when the country hosted it or took part in it.
        queryset = queryset.filter(Q(countries__iso_code=country) | Q(host_country__iso_code=country))
    if theme:
        queryset = queryset.filter(themes__slug=theme)
    if kind:
        queryset = queryset.filter(event_type=kind)
    if year:
        queryset = queryset.filter(start__year=year)
    return _visible(user, queryset.distinct())


def _page(queryset, number) -> Page:
    page = Paginator(queryset, PAGE_SIZE).get_page(number)
    page.object_list = list(page.object_list)
    return page


def events_split_by_time(*, index, user, page_number=None, upcoming_page_number=None, **filters) -> dict:
    """Upcoming events (soonest first) and past events (latest first), each a page at a time."""
    now = timezone.now()
    events = _events_filtered(index=index, user=user, **filters)
    upcoming = _page(events.filter(end__gte=now).order_by("start", "pk"), upcoming_page_number)
    past = _page(events.filter(end__lt=now).order_by("-start", "-pk"), page_number)
    cards = [*upcoming.object_list, *past.object_list]
    prefetch_related_objects(cards, "countries")
    attach_in_language(cards, selectors.CARD_VOCABULARIES)
    return {"upcoming_events": upcoming, "past_events": past}


def events_listed(*, index, user, **filters) -> list:
    """Every event the filtered list shows, upcoming and past, latest first: what its feeds and calendar hold."""
    events = (
        _events_filtered(index=index, user=user, **filters)
        .prefetch_related("countries", "organisers", "partners", "themes")
        .order_by("-start", "-pk")
    )
    return attach_in_language(list(events), selectors.PAGE_VOCABULARIES)


def event_in_section(*, index, slug: str, user):
    """The event at `slug` below `index`, in the index's language or else the default one, if `user` may read it."""
    event = _visible(user, _in_section(index).filter(slug=slug)).first()
    return attach_in_language([event], selectors.PAGE_VOCABULARIES)[0] if event else None


def event_publication_counts(events) -> dict:
    """How often each event's family (its translations) was published, by `translation_key`.

    A calendar's SEQUENCE (`events.calendars`): it grows with every publication of the event
    in any language, and is the same in every language, as the UID is.
    """
    keys = {event.translation_key for event in events}
    rows = (
        PageLogEntry.objects.filter(action="wagtail.publish", page__translation_key__in=keys)
        .values("page__translation_key")
        .annotate(count=Count("pk"))
    )
    return {row["page__translation_key"]: row["count"] for row in rows}
