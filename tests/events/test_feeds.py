"""The events list's Atom and RSS feeds hold exactly what the filtered page lists, in every language."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import feedparser
import icalendar
import pytest

from tests.events.conftest import PARTNER_WORD, every_title, expected_titles
from tests.factories import OrganisationFactory, ThemeFactory, make_event

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ru", "ko")
KG_POLICE = {"country": "KG", "theme": "police-response"}


def _titles_on_page(html: str, universe: set[str]) -> set[str]:
    return {title for title in universe if f">{title}<" in html}


def _feed_titles(response) -> set[str]:
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return {entry.title for entry in parsed.entries}


def _calendar_titles(response) -> set[str]:
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_feed_and_calendar_list_the_same_events(client, kyrgyz_events, language):
    expected = expected_titles(kyrgyz_events, language)
    page = client.get(f"/{language}/events/", KG_POLICE)
    assert page.status_code == 200
    assert _titles_on_page(page.text, every_title(kyrgyz_events)) == expected

    atom = client.get(f"/{language}/events/feed/", KG_POLICE)
    assert atom.status_code == 200 and atom["Content-Type"].startswith("application/atom+xml")
    assert _feed_titles(atom) == expected
    rss = client.get(f"/{language}/events/feed/rss/", KG_POLICE)
    assert rss.status_code == 200 and "<rss" in rss.text
    assert _feed_titles(rss) == expected

    calendar = client.get(f"/{language}/events/calendar/", KG_POLICE)
    assert calendar.status_code == 200 and calendar["Content-Type"].startswith("text/calendar")
    assert _calendar_titles(calendar) == expected


def test_feed_entries_link_to_the_events_and_say_when_they_take_place(client, kyrgyz_events):
    parsed = feedparser.parse(client.get("/en/events/feed/", KG_POLICE).content)
    kabul = next(entry for entry in parsed.entries if entry.title == "Regional meeting in Kabul")
    assert kabul.link == kyrgyz_events["kabul"].get_full_url()
    assert "10 March 2024, 09:00, Kabul (UTC+4:30)." in kabul.summary
    assert parsed.feed.link.endswith("/en/events/?country=KG&theme=police-response")


def test_the_page_advertises_its_feeds_and_calendar_with_its_filters(client, kyrgyz_events):
    html = client.get("/en/events/", KG_POLICE).text
    links = dict(re.findall(r'<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)">', html))
    query = "?country=KG&amp;theme=police-response"
    assert links == {
        "application/atom+xml": f"/en/events/feed/{query}",
        "application/rss+xml": f"/en/events/feed/rss/{query}",
        "text/calendar": f"/en/events/calendar/{query}",
    }
    # Followed, each holds what the page lists.
    atom = client.get(links["application/atom+xml"].replace("&amp;", "&"))
    assert _feed_titles(atom) == expected_titles(kyrgyz_events, "en")
    unfiltered = client.get("/ru/events/").text
    assert '<link rel="alternate" type="application/atom+xml" title="' in unfiltered
    assert 'href="/ru/events/feed/">' in unfiltered


@pytest.mark.parametrize("route", ["", "feed/", "feed/rss/", "calendar/"])
def test_a_bad_filter_is_a_400_with_a_message(client, kyrgyz_events, route):
    response = client.get(f"/en/events/{route}", {"country": "XX", "year": "soon"})
    assert response.status_code == 400
    assert "XX" in response.text and "Year" in response.text
    if route == "":
        assert 'class="error-summary"' in response.text
        assert 'type="application/atom+xml"' not in response.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_partner_only_events_are_in_no_public_feed_or_calendar(client, kyrgyz_events, partner, language):
    routes = [f"/{language}/events/{route}" for route in ("", "feed/", "feed/rss/", "calendar/")]
    for route in routes:
        for query in ({}, KG_POLICE):
            response = client.get(route, query)
            assert response.status_code == 200 and PARTNER_WORD not in response.text, route
    own_calendar = f"/en/events/{kyrgyz_events['partner_only'].slug}/calendar/"
    assert client.get(own_calendar).status_code == 404
    # A partner official sees the event on the page and may add it to a calendar; a list's
    # feeds and calendar stay public, as they are fetched and shared without a session.
    client.force_login(partner)
    assert PARTNER_WORD in client.get(f"/{language}/events/").text
    assert PARTNER_WORD in client.get(own_calendar).text
    for route in routes[1:]:
        assert PARTNER_WORD not in client.get(route).text, route


@pytest.mark.parametrize("route", ["/en/events/feed/", "/en/events/calendar/"])
def test_a_longer_list_costs_no_more_queries(client, site, route):
    """Feeds and calendars read each event's organisers, partners and themes with the others, not one by one."""
    for number in range(3):
        event = make_event(site["events"], title=f"Webinar {number}")
        event.organisers.set([OrganisationFactory(name=f"Organiser {number}")])
        event.themes.set([ThemeFactory(slug=f"theme-{number}", name=f"Theme {number}")])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(route).status_code == 200
        return len(queries)

    count()  # the site, the locales and the vocabularies' caches filled
    few = count()
    for number in range(3, 9):
        event = make_event(site["events"], title=f"Webinar {number}")
        event.organisers.set([OrganisationFactory(name=f"Organiser {number}")])
        event.themes.set([ThemeFactory(slug=f"theme-{number}", name=f"Theme {number}")])
    count()  # the new entries changed the vocabularies: read once more (portal.core.shared_reads)
    assert count() == few
