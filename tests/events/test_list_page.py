"""The events list filters like the knowledge list: country (host or participant), theme, type, year, with pages."""

import datetime

from django.utils import timezone

import pytest

from events.listing import PAGE_SIZE
from tests.events.conftest import every_title
from tests.factories import CountryFactory, make_event

pytestmark = pytest.mark.django_db


def _listed(html: str, titles) -> set[str]:
    return {title for title in titles if f">{title}<" in html}


def test_a_country_lists_the_events_it_hosted_or_took_part_in(client, kyrgyz_events):
    html = client.get("/en/events/", {"country": "KG"}).text
    assert _listed(html, every_title(kyrgyz_events)) == {
        "Round table hosted in Bishkek",
        "Webinar with Kyrgyz police",
        "Regional meeting in Kabul",
        "Budget webinar for Bishkek",
    }
    # The same controls as the knowledge list, the country chosen.
    assert '<option value="KG" selected>Kyrgyzstan</option>' in html
    for name in ("country", "theme", "kind", "year"):
        assert f'name="{name}"' in html


def test_type_and_year_filter_too(client, kyrgyz_events):
    html = client.get("/en/events/", {"kind": "technical-meeting", "year": 2024}).text
    assert _listed(html, every_title(kyrgyz_events)) == {"Regional meeting in Kabul"}
    assert client.get("/en/events/", {"kind": "technical-meeting", "year": 2023}).text.count("Regional meeting") == 0


def test_a_bad_value_is_shown_beside_the_filters_with_a_400(client, kyrgyz_events):
    response = client.get("/en/events/", {"kind": "picnic"})
    assert response.status_code == 400
    assert 'class="error-summary"' in response.text and "picnic" in response.text


def test_both_lists_come_a_page_at_a_time_and_the_pages_keep_the_filters(client, site):
    kg = CountryFactory(iso_code="KG", name="Kyrgyzstan")
    soon = timezone.now() + datetime.timedelta(days=3)
    for number in range(PAGE_SIZE + 1):
        make_event(site["events"], title=f"Past KG webinar {number}", countries=[kg])
        make_event(site["events"], title=f"Coming KG webinar {number}", countries=[kg], start=soon)
    make_event(site["events"], title="Elsewhere webinar")
    first = client.get("/en/events/", {"country": "KG"}).text
    assert "Elsewhere webinar" not in first
    assert 'href="?country=KG&amp;page=2" rel="next"' in first
    assert 'href="?country=KG&amp;upcoming_page=2" rel="next"' in first
    second = client.get("/en/events/", {"country": "KG", "page": 2, "upcoming_page": 2}).text
    past = {f"Past KG webinar {n}" for n in range(PAGE_SIZE + 1)}
    coming = {f"Coming KG webinar {n}" for n in range(PAGE_SIZE + 1)}
    assert len(_listed(first, past)) == PAGE_SIZE and len(_listed(second, past)) == 1
    assert len(_listed(first, coming)) == PAGE_SIZE and len(_listed(second, coming)) == 1


def test_the_filtered_list_offers_its_filter_by_email(client, kyrgyz_events):
    """Its email link keeps the country and theme; the event type, unknown to search, becomes "event"."""
    html = client.get("/en/events/", {"country": "KG", "theme": "police-response", "kind": "webinar"}).text
    assert 'href="/en/alerts/subscribe/?country=KG&amp;theme=police-response&amp;kind=event"' in html
    subscribe = client.get("/en/alerts/subscribe/", {"country": "KG", "theme": "police-response", "kind": "event"})
    assert subscribe.status_code == 200
    assert "Kyrgyzstan" in subscribe.text and "Police response" in subscribe.text
