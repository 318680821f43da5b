"""Calendar files of events: the right instants in any zone, one UID per event, SEQUENCE that grows."""

import datetime

from wagtail.models import Locale

import icalendar
import pytest

from tests.events.conftest import local, translate
from tests.factories import make_event

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def _calendar(client, url, query=None) -> icalendar.Calendar:
    response = client.get(url, query or {})
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def _only_event(calendar) -> icalendar.Event:
    (vevent,) = calendar.walk("VEVENT")
    return vevent


def _utc(vevent, name) -> datetime.datetime:
    return vevent.decoded(name).astimezone(UTC)


def test_an_event_across_the_daylight_saving_change_keeps_both_instants(client, site):
    # Tirana moves its clocks from 02:00 to 03:00 on 29 March 2026: +01:00 at the start, +02:00 at the end.
    event = make_event(
        site["events"],
        title="Overnight workshop in Tirana",
        is_online=False,
        venue="Rogner Hotel",
        city="Tirana",
        time_zone="Europe/Tirane",
        start=local("Europe/Tirane", 2026, 3, 28, 20, 0),
        end=local("Europe/Tirane", 2026, 3, 29, 10, 0),
    )
    vevent = _only_event(_calendar(client, f"{event.url}calendar/"))
    assert _utc(vevent, "DTSTART") == datetime.datetime(2026, 3, 28, 19, 0, tzinfo=UTC)
    assert _utc(vevent, "DTEND") == datetime.datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Tirane"
    assert str(vevent["LOCATION"]) == "Rogner Hotel, Tirana"
    assert str(vevent["URL"]) == event.get_full_url()


def test_a_half_hour_zone_comes_out_at_the_right_instant_with_its_timezone(client, kyrgyz_events):
    calendar = _calendar(client, "/en/events/calendar/", {"country": "KG", "theme": "police-response"})
    kabul = next(v for v in calendar.walk("VEVENT") if str(v["SUMMARY"]) == "Regional meeting in Kabul")
    assert _utc(kabul, "DTSTART") == datetime.datetime(2024, 3, 10, 4, 30, tzinfo=UTC)
    assert _utc(kabul, "DTEND") == datetime.datetime(2024, 3, 10, 13, 0, tzinfo=UTC)
    # The file describes the zone itself (RFC 5545 VTIMEZONE), for programs without the IANA database.
    zones = {str(zone["TZID"]): zone for zone in calendar.walk("VTIMEZONE")}
    assert {"Asia/Kabul", "Asia/Bishkek", "Europe/Tirane"} <= set(zones)
    offsets = {component["TZOFFSETTO"].to_ical() for component in zones["Asia/Kabul"].subcomponents}
    assert "+0430" in offsets
    for vevent in calendar.walk("VEVENT"):
        assert {"UID", "DTSTAMP", "SEQUENCE", "URL", "STATUS"} <= set(vevent)


def test_uid_stays_and_sequence_grows_when_the_event_is_updated(client, site):
    event = make_event(site["events"], title="Webinar on referral", time_zone="Asia/Almaty")
    url = f"{event.url}calendar/"
    first = _only_event(_calendar(client, url))
    assert str(first["UID"]) == f"event-{event.translation_key}@localhost"
    assert first["SEQUENCE"] == 0

    event.end += datetime.timedelta(hours=1)
    event.save_revision().publish()
    second = _only_event(_calendar(client, url))
    assert str(second["UID"]) == str(first["UID"])
    assert second["SEQUENCE"] == 1
    assert _utc(second, "DTEND") == event.end.astimezone(UTC).replace(microsecond=0)
    assert second.decoded("DTSTAMP") >= first.decoded("DTSTAMP")

    # The Russian page is the same event in a calendar: same UID, and its publication counts too.
    russian = translate(event, Locale.objects.get_or_create(language_code="ru")[0], title="Вебинар о направлении")
    in_russian = _only_event(_calendar(client, f"{russian.url}calendar/"))
    assert str(in_russian["UID"]) == str(first["UID"])
    assert str(in_russian["SUMMARY"]) == "Вебинар о направлении"
    assert in_russian["SEQUENCE"] == 2
    assert _only_event(_calendar(client, url))["SEQUENCE"] == 2


def test_a_cancelled_event_says_so(client, site):
    event = make_event(site["events"], title="Cancelled round table")
    event.status = "cancelled"
    event.save_revision().publish()
    assert _only_event(_calendar(client, f"{event.url}calendar/"))["STATUS"] == "CANCELLED"


def test_an_unknown_event_has_no_calendar(client, site):
    assert client.get("/en/events/no-such-event/calendar/").status_code == 404


def test_the_event_page_offers_its_calendar(client, site):
    event = make_event(site["events"], title="Webinar with Senegal")
    assert f'href="{event.url}calendar/"' in client.get(event.url).text
