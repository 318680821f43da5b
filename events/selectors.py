"""Reads of events, always through the privacy rules in `portal.core.privacy`.

The page models call these (`from events import selectors`), so the models are read
through their module (`models.EventPage`), which either side may import first.
Vocabulary entries and documents come attached in the reader's language (`in_language`).
"""

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Locale

from events import models
from portal.core.locale import attach_in_language, block_values, in_locale_with_fallback, under_section
from portal.core.privacy import attached_documents_visible_to, pages_visible_to

PAST_PAGE_SIZE = 12

# What an event shows of its vocabularies: on its card, and on its own page.
CARD_VOCABULARIES = ("countries",)
PAGE_VOCABULARIES = ("host_country", "series", "organisers", "partners", "countries", "themes")


def _events(user, queryset):
    return pages_visible_to(user, queryset).select_related("host_country", "series").prefetch_related("countries")


def _cards(queryset) -> list:
    return attach_in_language(list(queryset), CARD_VOCABULARIES)


def events_split_by_time(*, index, user, page_number=None) -> dict:
    """Every upcoming event (few, soonest first), and past events a page at a time."""
    now = timezone.now()
    events = _events(
        user, in_locale_with_fallback(models.EventPage.objects.filter(under_section(index)), locale=index.locale)
    )
    past = Paginator(events.filter(end__lt=now).order_by("-start"), PAST_PAGE_SIZE).get_page(page_number)
    past.object_list = _cards(past.object_list)
    return {
        "upcoming_events": _cards(events.filter(end__gte=now).order_by("start")),
        "past_events": past,
    }


def events_upcoming_and_recent(*, locale: Locale, user, limit: int = 3) -> dict:
    now = timezone.now()
    events = _events(user, in_locale_with_fallback(models.EventPage.objects.all(), locale=locale))
    return {
        "upcoming_events": _cards(events.filter(end__gte=now).order_by("start")[:limit]),
        "recent_events": _cards(events.filter(end__lt=now).order_by("-start")[:limit]),
    }


def events_for_country(*, iso_code: str, locale: Locale, user, limit: int = 12) -> list:
    queryset = in_locale_with_fallback(models.EventPage.objects.all(), locale=locale).filter(
        Q(countries__iso_code=iso_code) | Q(host_country__iso_code=iso_code)
    )
    return _cards(_events(user, queryset.distinct()).order_by("-start")[:limit])


def event_series_siblings(*, event, user) -> list:
    if not event.series_id:
        return []
    queryset = models.EventPage.objects.filter(series_id=event.series_id, locale=event.locale).exclude(pk=event.pk)
    return _cards(_events(user, queryset).order_by("start"))


def event_in_language(*, event, user) -> None:
    """Attach to `event` its vocabularies and its materials and body documents in the reader's language.

    Only documents `user` may download are attached; `event.in_language["materials"]` lists
    the material blocks whose document is among them.
    """
    attach_in_language([event], PAGE_VOCABULARIES)
    values = block_values(event.body, event.materials, field="document")
    attached_documents_visible_to(user, attach_in_language(values, ["document"]))
    event.in_language["materials"] = [
        block for block in event.materials or () if getattr(block.value, "in_language", {}).get("document")
    ]


def event_speakers(*, event) -> list:
    """The event's speakers, each with its person and their organisation in the reader's language."""
    speakers = list(event.speakers.select_related("person__organisation"))
    return attach_in_language(speakers, ["person", "person.organisation"])
