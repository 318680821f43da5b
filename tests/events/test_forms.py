"""The event form: start and end are typed in the event's own time zone and stored as UTC."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from events.models import EventPage
from tests.page_forms import PageFormTestCase


@pytest.mark.django_db
class TestEventPageForm(PageFormTestCase):
    def test_event_in_its_own_time_zone(self):
        data = nested_form_data(
            {
                "title": "Webinar with Albania",
                "event_type": "webinar",
                "summary": "Second webinar of the series.",
                "start": "2018-03-28 10:00",
                "end": "2018-03-28 12:00",
                "time_zone": "Europe/Tirane",
                "is_online": "on",
                "speakers": inline_formset([]),
                "body": streamfield([]),
                "agenda": streamfield(
                    [
                        (
                            "item",
                            {
                                "day": "1",
                                "start_time": "10:00",
                                "end_time": "10:30",
                                "title": "Opening",
                                "speakers": "",
                            },
                        )
                    ]
                ),
                "materials": streamfield([]),
                "produced": streamfield([]),
                "status": "scheduled",
                "follow_up_actions": streamfield([]),
            }
        )
        data["countries"] = [self.kz.pk]
        self.assertCanCreate(self.tree["events"], EventPage, data)
        event = EventPage.objects.get(title="Webinar with Albania")
        # 10:00 in Tirana (UTC+2 in summer time) is 08:00 UTC.
        assert event.start.isoformat() == "2018-03-28T08:00:00+00:00"
        assert event.local_start.strftime("%H:%M") == "10:00"
