"""Events and their index: they render for a reader, and an event cannot end before it starts."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from events.models import EventPage
from tests.page_forms import PageFormTestCase
from tests.pages import assert_page_renders

pytestmark = pytest.mark.django_db


class TestEventValidation(PageFormTestCase):
    def test_event_that_ends_before_it_starts_is_refused_with_a_message(self):
        data = nested_form_data(
            {
                "title": "Backwards",
                "slug": "backwards",
                "event_type": "webinar",
                "summary": "x",
                "start": "2018-03-28 12:00",
                "end": "2018-03-28 10:00",
                "time_zone": "UTC",
                "is_online": "on",
                "speakers": inline_formset([]),
                "body": streamfield([]),
                "agenda": streamfield([]),
                "materials": streamfield([]),
                "produced": streamfield([]),
                "status": "scheduled",
                "follow_up_actions": streamfield([]),
                "action-publish": "1",
            }
        )
        url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", self.tree["events"].pk])
        response = self.client.post(url, data)
        assert response.status_code == 200
        assert "cannot end before it starts" in response.content.decode()
        assert not EventPage.objects.filter(slug="backwards").exists()


@pytest.mark.parametrize(("key", "expected"), [("events", "Webinar 2027"), ("past", "Round table 2021")])
def test_page_renders_with_its_content(client, tree, key, expected):
    assert_page_renders(client, tree[key], expected)
