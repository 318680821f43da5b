"""Reads of events: upcoming events before past ones, and past events a page at a time."""

import pytest

from events.listing import PAGE_SIZE
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_event_index_separates_upcoming_from_past(client, tree):
    text = client.get(tree["events"].url).text
    assert text.index("Webinar 2027") < text.index("Round table 2021")


def test_past_events_come_a_page_at_a_time(client, tree):
    for number in range(PAGE_SIZE + 1):
        make_event(tree["events"], title=f"Archived webinar {number}")
    first = client.get(tree["events"].url).text
    second = client.get(tree["events"].url, {"page": 2}).text
    assert 'rel="next"' in first
    archived_on_first = sum(f"Archived webinar {n}<" in first for n in range(PAGE_SIZE + 1))
    assert archived_on_first <= PAGE_SIZE
    assert "Round table 2021" in second or "Archived webinar" in second
