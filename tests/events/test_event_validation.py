"""What the admin refuses on an event, with a message the organiser can act on (a form error, never a 500)."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from events.models import EventPage
from tests.factories import OrganisationFactory
from tests.page_forms import PageFormTestCase


def _event_data(title, **extra):
    return nested_form_data(
        {
            "title": title,
            "event_type": "webinar",
            "summary": "A webinar with partners.",
            "start": "2026-12-09 16:00",
            "end": "2026-12-09 17:30",
            "time_zone": "Asia/Seoul",
            "is_online": "on",
            "status": "scheduled",
            "speakers": inline_formset([]),
            "body": streamfield([]),
            "agenda": streamfield([]),
            "materials": streamfield([]),
            "produced": streamfield([]),
            "follow_up_actions": streamfield([]),
            **extra,
        }
    )


@pytest.mark.django_db
class TestEventValidation(PageFormTestCase):
    def _post(self, data):
        url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", self.tree["events"].pk))
        return self.client.post(url, data)

    def test_registration_closing_after_the_end_is_refused(self):
        response = self._post(
            _event_data(
                "Late registration",
                registration_url="https://example.org/register",
                registration_closes="2026-12-09 18:00",
            )
        )
        assert response.status_code == 200
        assert not EventPage.objects.filter(title="Late registration").exists()
        assert response.context["form"].errors["registration_closes"] == [
            "Registration cannot close after the event ends. Choose an earlier time."
        ]
        assert "Registration cannot close after the event ends." in response.content.decode()

    def test_a_closing_time_without_a_link_is_refused(self):
        response = self._post(_event_data("No link", registration_closes="2026-12-07 18:00"))
        assert response.status_code == 200
        assert not EventPage.objects.filter(title="No link").exists()
        assert response.context["form"].errors["registration_url"] == [
            "Give the registration link, or leave the closing time empty."
        ]

    def test_registration_fields_on_the_events_clock(self):
        """The closing time is typed on the event's clock, like start and end: 18:00 in Seoul is 09:00 UTC."""
        self.assertCanCreate(
            self.tree["events"],
            EventPage,
            _event_data(
                "Budgeting webinar",
                registration_url="https://example.org/register",
                registration_closes="2026-12-07 18:00",
                joining_instructions=rich_text("<p>The link is sent by email.</p>"),
                status="postponed",
                status_note="New date to follow.",
            ),
        )
        event = EventPage.objects.get(title="Budgeting webinar")
        assert event.registration_closes.isoformat() == "2026-12-07T09:00:00+00:00"
        assert event.local_registration_closes.strftime("%H:%M") == "18:00"
        assert event.status == "postponed"
        assert not event.registration_is_open

    def test_a_follow_up_with_owner_organisation_and_status(self):
        owner = OrganisationFactory()
        self.assertCanCreate(
            self.tree["events"],
            EventPage,
            _event_data(
                "Round table",
                follow_up_actions=streamfield(
                    [
                        (
                            "action",
                            {
                                "action": "Draft a workplan",
                                "organisation": owner.pk,
                                "owner": "",
                                "due": "2027-01-31",
                                "status": "in-progress",
                            },
                        )
                    ]
                ),
            ),
        )
        (block,) = EventPage.objects.get(title="Round table").follow_up_actions
        assert block.value["organisation"] == owner
        assert block.value["status"] == "in-progress"
        assert block.value.status_label() == "In progress"
