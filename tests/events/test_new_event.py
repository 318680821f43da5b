"""An organiser posts a webinar with only what matters: a webinar held online by default, an end that
may be left empty, and "Copy as a new event" starting the next edition from an earlier one."""

import datetime
import re
import zoneinfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from events.models import EventPage, EventSeries, EventSpeaker
from tests.events.admin_forms import new_event_form
from tests.factories import CountryFactory, OrganisationFactory, PersonFactory, ThemeFactory, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, roles, make_user):
    user = make_user("organiser", group=roles["organisers"])
    client.force_login(user)
    return user


@pytest.fixture
def earlier(site):
    """Last year's Kyrgyz webinar, with its series, countries, theme, organiser, speaker and recording."""
    series = EventSeries.objects.create(slug="police-webinars", title="Police webinars")
    event = make_event(
        site["events"],
        title="Police response webinar 2025",
        summary="How police units work with Sunflower Centres.",
        time_zone="Asia/Bishkek",
        series=series,
        countries=[CountryFactory(iso_code="KG", name="Kyrgyzstan")],
        recording_url="https://example.org/recording-2025",
    )
    event.themes.set([ThemeFactory(slug="police-response", name="Police response")])
    event.organisers.set([OrganisationFactory(name="UNDP Seoul Policy Centre")])
    EventSpeaker.objects.create(page=event, person=PersonFactory(name="Aigerim Example"), role="presenter")
    event.save_revision().publish()
    return event


def add_url(site, **query):
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", site["events"].pk])
    return f"{url}?copy_from={query['copy_from']}" if query else url


def test_a_new_event_starts_as_an_online_webinar(client, site, organiser):
    form = client.get(add_url(site)).context["form"]
    assert form.initial["event_type"] == "webinar"
    assert form.initial["is_online"] is True
    assert form.initial["time_zone"] == "Asia/Seoul"
    assert form.fields["end"].required is False


def test_an_empty_end_makes_a_90_minute_event(client, site, organiser):
    data = new_event_form()
    response = client.post(add_url(site), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    event = EventPage.objects.get(title="Webinar on helplines")
    seoul = zoneinfo.ZoneInfo("Asia/Seoul")
    assert event.start == datetime.datetime(2027, 3, 10, 16, 0, tzinfo=seoul)
    assert event.end == datetime.datetime(2027, 3, 10, 17, 30, tzinfo=seoul)


def test_copy_as_a_new_event_keeps_what_the_next_edition_shares_and_no_dates(client, site, organiser, earlier):
    response = client.get(add_url(site, copy_from=earlier.pk))
    assert response.status_code == 200
    form = response.context["form"]
    copy = form.instance
    assert copy.pk is None, "nothing is saved until the organiser saves"
    assert form.initial["title"] == "Police response webinar 2025"
    assert form.initial["summary"] == "How police units work with Sunflower Centres."
    assert form.initial["time_zone"] == "Asia/Bishkek"
    assert form.initial["series"] == earlier.series_id
    assert [country.iso_code for country in form.initial["countries"]] == ["KG"]
    assert [theme.slug for theme in form.initial["themes"]] == ["police-response"]
    assert [org.name for org in form.initial["organisers"]] == ["UNDP Seoul Policy Centre"]
    assert [(s.person.name, s.role) for s in copy.speakers.all()] == [("Aigerim Example", "presenter")]
    for empty in ("start", "end", "registration_url", "recording_url"):
        assert not form.initial.get(empty), empty
    html = response.content.decode()
    assert 'value="Police response webinar 2025"' in html
    assert "Aigerim Example" in html
    assert EventPage.objects.count() == 1


@pytest.mark.parametrize("copy_from", ["999999", "abc", "home", "²", "99999999999999999999999"])
def test_copying_something_that_is_not_an_event_one_may_edit_is_a_404(client, site, organiser, copy_from):
    if copy_from == "home":
        copy_from = str(site["home"].pk)
    response = client.get(add_url(site, copy_from=copy_from))
    assert response.status_code == 404


def test_the_events_list_offers_copy_as_a_new_event(client, site, organiser, earlier):
    html = client.get(reverse("event_pages:index")).content.decode()
    link = re.search(r'href="(/admin/events/copy/(\d+)/)"[^>]*>\s*(?:<svg.*?</svg>)?\s*Copy as a new event', html, re.S)
    assert link is not None
    assert link.group(2) == str(earlier.pk)
    response = client.get(link.group(1), follow=True)
    assert response.status_code == 200
    assert response.context["form"].initial["title"] == "Police response webinar 2025"


def test_the_copy_button_costs_no_query_per_event(client, site, organiser, earlier):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("event_pages:index")).status_code == 200
        return len(queries)

    few = count()
    for number in range(5):
        make_event(site["events"], title=f"Another webinar {number}")
    assert count() <= few + 2


def test_a_partner_only_event_is_not_copied_into_a_public_page(client, site, organiser, earlier, roles):
    restriction = PageViewRestriction.objects.create(page=earlier, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([roles["partners"]])
    response = client.get(add_url(site, copy_from=earlier.pk), follow=True)
    assert response.status_code == 200
    assert "is for partner officials only" in response.text
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_explore", args=[site["events"].pk])
    assert EventPage.objects.count() == 1


@pytest.mark.parametrize("slug", ["feed", "calendar", "series"])
def test_an_address_taken_by_the_lists_routes_is_refused(client, site, organiser, slug):
    data = new_event_form(title=slug.capitalize(), slug=slug, summary="A webinar.")
    response = client.post(add_url(site), data)
    assert response.status_code == 200
    assert f"The address “{slug}” belongs to this section itself (its feed, calendar or comparison)." in response.text
    assert not EventPage.objects.filter(slug=slug).exists()


def test_an_empty_end_is_90_minutes_of_real_time_across_the_change_to_summer_time(client, site, organiser):
    data = nested_form_data(
        {
            "title": "Night call with Tirana",
            "slug": "night-call-with-tirana",
            "event_type": "webinar",
            "summary": "A call across the clock change.",
            "start": "2026-03-29 01:30",
            "time_zone": "Europe/Tirane",
            "is_online": "on",
            "status": "scheduled",
            "speakers": inline_formset([]),
            "body": streamfield([]),
            "agenda": streamfield([]),
            "materials": streamfield([]),
            "produced": streamfield([]),
            "follow_up_actions": streamfield([]),
        }
    )
    assert client.post(add_url(site), data).status_code == 302
    event = EventPage.objects.get(slug="night-call-with-tirana")
    assert event.end - event.start == datetime.timedelta(minutes=90)
    assert event.local_end.strftime("%H:%M") == "04:00"  # 01:30 CET + 90 minutes, the clocks gone forward at 02:00
