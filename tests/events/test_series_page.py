"""A series page lists every event of one series the reader may see, first to last, in their language."""

import datetime

from django.utils import timezone

from wagtail.models import Locale

import pytest

from events.models import EventSeries
from tests.factories import make_event, restrict_to_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(site, roles):
    webinars = EventSeries.objects.create(slug="dsp-webinars-albania", title="DSP webinars with Albania")
    now = timezone.now()
    make_event(site["events"], title="Second webinar", series=webinars, start=now - datetime.timedelta(days=300))
    make_event(site["events"], title="First webinar", series=webinars, start=now - datetime.timedelta(days=400))
    make_event(site["events"], title="Next webinar", series=webinars, start=now + datetime.timedelta(days=20))
    private = make_event(site["events"], title="Partner debrief zqxseriesprivate", series=webinars)
    restrict_to_group(private, roles["partners"])
    make_event(site["events"], title="Unrelated webinar")
    return webinars


def test_the_events_of_a_series_in_order(client, series):
    response = client.get("/en/events/series/dsp-webinars-albania/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>DSP webinars with Albania</h1>" in html
    positions = [html.index(title) for title in ("First webinar", "Second webinar", "Next webinar")]
    assert positions == sorted(positions)
    assert "Unrelated webinar" not in html
    assert "zqxseriesprivate" not in html


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_the_series_page_in_every_language(client, series, language):
    response = client.get(f"/{language}/events/series/dsp-webinars-albania/")
    assert response.status_code == 200
    assert "First webinar" in response.content.decode()
    assert "zqxseriesprivate" not in response.content.decode()


def test_a_partner_sees_the_partner_only_event(client, series, partner):
    client.force_login(partner)
    assert "zqxseriesprivate" in client.get("/en/events/series/dsp-webinars-albania/").content.decode()


def test_the_series_title_in_the_readers_language(client, series):
    russian = Locale.objects.create(language_code="ru")
    translated = series.copy_for_translation(russian)
    translated.title = "Вебинары DSP с Албанией"
    translated.save()
    assert "Вебинары DSP с Албанией" in client.get("/ru/events/series/dsp-webinars-albania/").content.decode()


def test_an_unknown_series_is_a_404(client, site):
    assert client.get("/en/events/series/no-such-series/").status_code == 404


def test_an_event_page_links_to_its_series(client, series, site):
    event = series.events.get(title="Second webinar")
    html = client.get(event.url).content.decode()
    assert 'href="/en/events/series/dsp-webinars-albania/"' in html
