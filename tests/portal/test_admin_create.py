"""Every page type can be created and published in the admin, by posting its real form."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from events.models import EventPage
from knowledge.models import KnowledgeIndexPage, PolicyBriefPage, PolicyToolPage, PracticeNotePage
from portal.site.models import CountryIndexPage, CountryPage
from tests.factories import CountryFactory, ThemeFactory, build_site


@pytest.mark.django_db
class TestEveryPageTypeCanBeCreated(WagtailPageTestCase):
    def setUp(self):
        self.tree = build_site()
        self.kz = CountryFactory()
        self.theme = ThemeFactory()
        self.login()

    def knowledge_data(self, title, **extra):
        data = nested_form_data(
            {
                "title": title,
                "summary": "A short summary for lists.",
                "publication_date": "2021-04-28",
                "keywords": "police, training",
                "body": streamfield([("paragraph", rich_text("<p>Body text.</p>"))]),
                **extra,
            }
        )
        # Multi-valued fields go in as lists, which nested_form_data would flatten.
        data.update(countries=[self.kz.pk], themes=[self.theme.pk])
        return data

    def test_country_profile(self):
        data = nested_form_data(
            {
                "title": "Kazakhstan",
                "country": self.kz.pk,
                "summary": "Partner since 2017.",
                "partnership_status": "active",
                "partnership_start": "2017-09-01",
                "key_figures": inline_formset(
                    [{"label": "Crisis centres", "value": "3", "unit": "", "source": "UNDP", "as_of": "2020-08-18"}]
                ),
            }
        )
        self.assertCanCreate(self.tree["countries"], CountryPage, data)
        page = CountryPage.objects.get(title="Kazakhstan")
        assert page.live and page.key_figures.count() == 1

    def test_policy_brief(self):
        data = self.knowledge_data(
            "Funding one-stop centres", brief_authors=inline_formset([]), attachments=streamfield([])
        )
        self.assertCanCreate(self.tree["knowledge"], PolicyBriefPage, data)
        page = PolicyBriefPage.objects.get(title="Funding one-stop centres")
        assert [c.iso_code for c in page.countries.all()] == ["KZ"]
        assert [t.name for t in page.keywords.all()] == ["police", "training"]

    def test_practice_note(self):
        data = self.knowledge_data(
            "Hospital-based one-stop centre",
            context=rich_text("<p>Survivors had to visit many offices.</p>"),
            service_description=rich_text("<p>Counselling, medical care, police and legal aid in one place.</p>"),
            steps=streamfield(
                [
                    (
                        "step",
                        {
                            "title": "Intake",
                            "responsible": "Counsellor",
                            "description": rich_text("<p>First contact.</p>"),
                        },
                    )
                ]
            ),
            lessons=streamfield([("lesson", "Sustained funding matters.")]),
        )
        self.assertCanCreate(self.tree["knowledge"], PracticeNotePage, data)

    def test_policy_tool(self):
        data = self.knowledge_data(
            "Police training course",
            tool_kind="curriculum",
            intended_users="Police officers",
            attachments=streamfield([]),
        )
        self.assertCanCreate(self.tree["knowledge"], PolicyToolPage, data)

    def test_knowledge_and_country_index(self):
        self.assertCanCreate(self.tree["knowledge"], KnowledgeIndexPage, {"title": "Practice notes"})
        self.assertCanNotCreateAt(self.tree["home"].specific_class, PolicyBriefPage)
        self.assertCanNotCreateAt(CountryIndexPage, PolicyBriefPage)

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
                "follow_up_actions": streamfield([]),
            }
        )
        data["countries"] = [self.kz.pk]
        self.assertCanCreate(self.tree["events"], EventPage, data)
        event = EventPage.objects.get(title="Webinar with Albania")
        # 10:00 in Tirana (UTC+2 in summer time) is 08:00 UTC.
        assert event.start.isoformat() == "2018-03-28T08:00:00+00:00"
        assert event.local_start.strftime("%H:%M") == "10:00"


@pytest.mark.django_db
class TestEventValidation(WagtailPageTestCase):
    def setUp(self):
        self.tree = build_site()
        self.login()

    def test_event_that_ends_before_it_starts_is_refused_with_a_message(self):
        from django.urls import reverse

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
                "follow_up_actions": streamfield([]),
                "action-publish": "1",
            }
        )
        url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", self.tree["events"].pk])
        response = self.client.post(url, data)
        assert response.status_code == 200
        assert "cannot end before it starts" in response.content.decode()
        assert not EventPage.objects.filter(slug="backwards").exists()
