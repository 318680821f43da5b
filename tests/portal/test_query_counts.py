"""Database work per page does not grow with the number of related items."""

import itertools
import string

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from events.models import EventSpeaker
from knowledge.models import PracticeNotePage
from portal.site.models import CountryKeyFigure
from tests.factories import (
    CountryFactory,
    PersonFactory,
    ThemeFactory,
    make_country_page,
    make_event,
    make_knowledge,
)

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # warm per-process caches (site root, locales) as a running site has
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def grow(site, n, country, theme):
    for i in range(n):
        make_knowledge(site["knowledge"], title=f"Brief {i}", countries=[country], themes=[theme])
        make_event(site["events"], title=f"Event {i}", countries=[country])


def test_queries_do_not_grow_with_related_items(client, site):
    kz, theme = CountryFactory(), ThemeFactory()
    country_page = make_country_page(site["countries"], kz)
    note = make_knowledge(site["knowledge"], PracticeNotePage, title="Anchor note", countries=[kz], themes=[theme])
    event = make_event(site["events"], title="Anchor event", countries=[kz])
    urls = {
        "home": site["home"].url,
        "knowledge": site["knowledge"].url,
        "events": site["events"].url,
        "country": country_page.url,
        "note": note.url,
        "event": event.url,
        "countries": site["countries"].url,
    }

    codes = (a + b for a in "QX" for b in string.ascii_uppercase)
    names = itertools.count(1)

    def add_related(n):
        grow(site, n, kz, theme)
        for i in range(n):
            EventSpeaker.objects.create(page=event, person=PersonFactory())
            CountryKeyFigure.objects.create(
                page=country_page, label=f"Figure {i}", value=i, source="USPC", as_of="2020-01-01"
            )
            make_country_page(site["countries"], CountryFactory(iso_code=next(codes), name=f"Land {next(names)}"))

    add_related(1)
    with_one = {name: queries_for(client, url) for name, url in urls.items()}
    add_related(49)
    with_fifty = {name: queries_for(client, url) for name, url in urls.items()}
    # Same number of queries for every page type, whether 1 or 50 items are related to it.
    assert with_fifty == with_one
