"""An event's time zone: any city of the time zone database, Kabul included, stored values kept valid."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from events.choices import time_zone_choices
from events.models import EventPage
from tests.page_forms import PageFormTestCase


def _event_data(title, time_zone):
    return nested_form_data(
        {
            "title": title,
            "event_type": "webinar",
            "summary": "A webinar with partners.",
            "start": "2024-05-02 10:00",
            "end": "2024-05-02 12:00",
            "time_zone": time_zone,
            "is_online": "on",
            "speakers": inline_formset([]),
            "body": streamfield([]),
            "agenda": streamfield([]),
            "materials": streamfield([]),
            "produced": streamfield([]),
            "status": "scheduled",
            "follow_up_actions": streamfield([]),
        }
    )


def _flat(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield value, label


def test_choices_are_the_whole_database_by_city():
    flat = dict(_flat(time_zone_choices()))
    assert flat["Asia/Kabul"] == "Kabul"
    assert flat["America/Argentina/Buenos_Aires"] == "Argentina / Buenos Aires"
    assert "UTC" in flat
    # The programme's former twelve are all still there, and hundreds more.
    for name in ("Asia/Seoul", "Europe/Tirane", "Asia/Almaty", "Africa/Dakar", "America/New_York"):
        assert name in flat
    assert len(flat) > 300
    # Aliases such as "US/Eastern" would double the list.
    assert "US/Eastern" not in flat


def test_a_stored_alias_is_still_offered_when_editing():
    flat = dict(_flat(time_zone_choices(current="US/Eastern")))
    assert "US/Eastern" in flat


@pytest.mark.django_db
class TestEventTimeZone(PageFormTestCase):
    def test_an_event_in_kabul(self):
        self.assertCanCreate(self.tree["events"], EventPage, _event_data("Kabul round table", "Asia/Kabul"))
        event = EventPage.objects.get(title="Kabul round table")
        # Kabul is UTC+4:30 all year.
        assert event.start.isoformat() == "2024-05-02T05:30:00+00:00"
        assert event.local_start.strftime("%H:%M") == "10:00"

    def test_an_unknown_zone_is_a_form_error_not_a_500(self):
        url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", self.tree["events"].pk))
        response = self.client.post(url, _event_data("Nowhere", "Mars/Olympus_Mons"))
        assert response.status_code == 200
        assert not EventPage.objects.filter(title="Nowhere").exists()
        assert "time_zone" in response.context["form"].errors

    def test_the_admin_form_lists_kabul(self):
        url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", self.tree["events"].pk))
        response = self.client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert '<option value="Asia/Kabul">Kabul</option>' in html
        assert '<optgroup label="Asia">' in html
