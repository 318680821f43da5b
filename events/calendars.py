"""Calendar files of events (RFC 5545, written by the icalendar library).

One file per event (`<event address>calendar/`) and one per filtered list
(`/en/events/calendar/?country=KG&theme=police-response`, the events that list shows:
`events.listing`). Times keep the event's own zone: DTSTART and DTEND name it (TZID) and the
file carries its VTIMEZONE, so a calendar program in Seoul shows a Tirana meeting at the
right moment across daylight-saving changes, and Kabul's half-hour offset survives.

Each event has one UID in every language and every file (`event-<translation_key>@<host>`),
so importing it again, or from another language, updates the entry instead of adding one;
SEQUENCE counts the publications of the event's family (`events.listing`), so a calendar
program takes a changed time or a cancellation as newer. DTSTAMP is the last publication.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.text import slugify
from django.utils.translation import gettext as _

import icalendar

from events import listing

PRODUCT_ID = "-//UNDP Seoul Policy Centre//DSP Knowledge Exchange//EN"

# The organiser's word (`EventPage.status`) as RFC 5545 says it; anything else is as planned.
_STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def event_uid(event, *, host: str) -> str:
    return f"event-{event.translation_key}@{host}"


def _location(event) -> str:
    country = event.in_language.get("host_country") if hasattr(event, "in_language") else event.host_country
    parts = [event.venue, event.city, country.name if country else ""]
    if event.is_online:
        parts.append(event.online_platform or _("Online"))
    return ", ".join(part for part in parts if part)


def _vevent(event, *, request, sequence: int) -> icalendar.Event:
    zone = event.tz
    url = event.get_full_url(request)
    vevent = icalendar.Event()
    # The site's own host name, whichever address the file was asked at.
    vevent.add("uid", event_uid(event, host=urlsplit(url).hostname or "localhost"))
    vevent.add("sequence", sequence)
    vevent.add("dtstamp", (event.last_published_at or event.latest_revision_created_at).astimezone(datetime.UTC))
    vevent.add("dtstart", event.start.astimezone(zone))
    vevent.add("dtend", event.end.astimezone(zone))
    vevent.add("summary", event.title)
    vevent.add("description", event.summary)
    vevent.add("url", url)
    location = _location(event)
    if location:
        vevent.add("location", location)
    vevent.add("status", _STATUS.get(getattr(event, "status", ""), "CONFIRMED"))
    return vevent


def calendar_of(events, *, request, name: str) -> bytes:
    """One VCALENDAR holding `events`, each with its zone's VTIMEZONE."""
    counts = listing.event_publication_counts(events)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        # SEQUENCE starts at 0 with the first publication.
        sequence = max(counts.get(event.translation_key, 1) - 1, 0)
        calendar.add_component(_vevent(event, request=request, sequence=sequence))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(events, *, request, name: str, filename: str) -> HttpResponse:
    response = HttpResponse(
        calendar_of(events, request=request, name=name), content_type="text/calendar; charset=utf-8"
    )
    # Opened by the calendar program, or saved under a name that says what it holds.
    response["Content-Disposition"] = f'inline; filename="{slugify(filename) or "events"}.ics"'
    return response


def bad_request(form) -> HttpResponse:
    return HttpResponseBadRequest(form.error_message(), content_type="text/plain; charset=utf-8")
