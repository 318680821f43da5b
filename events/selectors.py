"""Reads of events, always through the privacy rules in `portal.core.privacy`.

The page models call these (`from events import selectors`), so the models are read
through their module (`models.EventPage`), which either side may import first.
Vocabulary entries and documents come attached in the reader's language (`in_language`).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q, prefetch_related_objects
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from events import models
from events.choices import FollowUpStatus
from portal.core.locale import (
    attach_in_language,
    block_values,
    default_locale,
    entries_in_language,
    in_locale_with_fallback,
    locale_for,
    reader_language,
    vocabulary_entries_by_pk,
)
from portal.core.models.taxonomy import Organisation
from portal.core.privacy import attached_documents_visible_to, documents_visible_to, pages_visible_to

# What an event shows of its vocabularies: on its card, and on its own page.
CARD_VOCABULARIES = ("countries",)
PAGE_VOCABULARIES = ("host_country", "series", "organisers", "partners", "countries", "themes")


def _events(user, queryset):
    return pages_visible_to(user, queryset).select_related("host_country", "series").prefetch_related("countries")


def _cards(queryset) -> list:
    return attach_in_language(list(queryset), CARD_VOCABULARIES)


def events_upcoming_and_recent(*, locale: Locale, user, limit: int = 3) -> dict:
    now = timezone.now()
    events = _events(user, in_locale_with_fallback(models.EventPage.objects.all(), locale=locale))
    # Both lists' countries in one read.
    events = events.prefetch_related(None)
    upcoming = list(events.filter(end__gte=now).order_by("start")[:limit])
    recent = list(events.filter(end__lt=now).order_by("-start")[:limit])
    prefetch_related_objects(upcoming + recent, *CARD_VOCABULARIES)
    return {"upcoming_events": _cards(upcoming), "recent_events": _cards(recent)}


def events_for_country(*, iso_code: str, locale: Locale, user, limit: int = 12) -> list:
    queryset = in_locale_with_fallback(models.EventPage.objects.all(), locale=locale).filter(
        Q(countries__iso_code=iso_code) | Q(host_country__iso_code=iso_code)
    )
    return _cards(_events(user, queryset.distinct()).order_by("-start")[:limit])


def event_series_siblings(*, event, user) -> list:
    if not event.series_id:
        return []
    queryset = models.EventPage.objects.filter(series_id=event.series_id, locale_id=event.locale_id).exclude(
        pk=event.pk
    )
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


def event_follow_ups_in_language(*, event) -> None:
    """Attach to each follow-up action of `event` its owner organisation in the reader's language."""
    attach_in_language(block_values(event.follow_up_actions, field="organisation"), ["organisation"])


def event_produced_items(*, event, user) -> dict:
    """What `event` produced that `user` may open: knowledge pages and documents, in the organiser's order.

    Pages come in the reader's language where translated and live, else as chosen; documents in
    the reader's language. A partner-only or unreviewed item, a draft or a deleted one is left out,
    so a public reader does not even learn its title.
    """
    page_ids = [block.value.pk for block in event.produced or () if block.block_type == "page" and block.value]
    document_ids = [block.value.pk for block in event.produced or () if block.block_type == "document" and block.value]
    return {
        "pages": _produced_pages(page_ids, user=user),
        "documents": _produced_documents(document_ids, user=user),
    }


def _produced_pages(page_ids: list[int], *, user) -> list:
    if not page_ids:
        return []
    chosen = {page.pk: page for page in Page.objects.filter(pk__in=page_ids)}
    locale = locale_for(reader_language())
    translated = {}
    if locale is not None:
        translated = {
            page.translation_key: page
            for page in Page.objects.filter(
                translation_key__in=[page.translation_key for page in chosen.values()], locale=locale, live=True
            )
        }
    shown = [translated.get(chosen[pk].translation_key, chosen[pk]) for pk in page_ids if pk in chosen]
    visible = {
        page.pk: page
        for page in pages_visible_to(user, Page.objects.filter(pk__in=[page.pk for page in shown])).specific()
    }
    pages = [visible[page.pk] for page in shown if page.pk in visible]
    return attach_in_language(pages, ["countries"]) if all(hasattr(page, "countries") for page in pages) else pages


def _produced_documents(document_ids: list[int], *, user) -> list:
    if not document_ids:
        return []
    visible = {
        document.pk: document
        for document in documents_visible_to(user, get_document_model().objects.filter(pk__in=document_ids))
    }
    return entries_in_language([visible[pk] for pk in dict.fromkeys(document_ids) if pk in visible])


@dataclass(frozen=True)
class FollowUp:
    """One follow-up action still to do, with the event that agreed it."""

    action: str
    organisation: object
    owner: str
    due: datetime.date | None
    status: str
    event: object

    @property
    def status_label(self) -> str:
        return FollowUpStatus(self.status).label

    @property
    def is_overdue(self) -> bool:
        return self.due is not None and self.due < timezone.localdate()


def follow_ups_open_for_country(*, iso_code: str, locale: Locale, user, events: list | None = None) -> list[FollowUp]:
    """Open and in-progress follow-up actions of the published events `user` may see about one country.

    Soonest due first, those without a date last. Read from the stored block data, so a profile
    costs the same few queries however many events and actions there are. `events` are all of
    the country's events as `events_for_country` gives them, when the caller has read them already.
    """
    if events is None:
        events = list(
            pages_visible_to(
                user,
                in_locale_with_fallback(models.EventPage.objects.all(), locale=locale).filter(
                    Q(countries__iso_code=iso_code) | Q(host_country__iso_code=iso_code)
                ),
            )
            .distinct()
            .order_by("-start")
        )
    rows = []
    for event in events:
        for block in event.follow_up_actions.raw_data:
            value = block.get("value") or {}
            if block.get("type") != "action" or value.get("status") == FollowUpStatus.DONE:
                continue
            rows.append((event, value))
    organisations = vocabulary_entries_by_pk(Organisation, (value.get("organisation") for _event, value in rows))
    in_language = dict(zip(organisations, entries_in_language(organisations.values()), strict=True))
    follow_ups = [
        FollowUp(
            action=value.get("action", ""),
            organisation=in_language.get(value.get("organisation")),
            owner=value.get("owner") or "",
            due=datetime.date.fromisoformat(value["due"]) if value.get("due") else None,
            status=value.get("status") or FollowUpStatus.OPEN,
            event=event,
        )
        for event, value in rows
    ]
    return sorted(follow_ups, key=lambda item: (item.due is None, item.due or datetime.date.min))


def event_series_for_reader(*, slug: str, user) -> tuple | None:
    """(the series in the reader's language, its events `user` may see, first to last), or None for no such series.

    The events are the reader's language versions where translated, else the originals, each once.
    """
    family = models.EventSeries.objects.filter(
        translation_key__in=models.EventSeries.objects.filter(slug=slug).values("translation_key")
    )
    original = family.filter(locale=default_locale()).first() or family.first()
    if original is None:
        return None
    (series,) = entries_in_language([original])
    locale = locale_for(reader_language()) or default_locale()
    queryset = in_locale_with_fallback(models.EventPage.objects.filter(series__in=family), locale=locale)
    return series, _cards(_events(user, queryset).order_by("start", "pk"))
