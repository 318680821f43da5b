"""A slug clash is explained next to the title, on the tab where the editor typed it."""

from django.urls import reverse

from wagtail.test.utils.form_data import streamfield

import pytest

from knowledge.models import PolicyBriefPage
from tests.factories import make_knowledge
from tests.page_forms import PageFormTestCase


@pytest.mark.django_db
class TestSlugClash(PageFormTestCase):
    def add_url(self):
        return reverse("wagtailadmin_pages:add", args=("knowledge", "policybriefpage", self.tree["knowledge"].pk))

    def post_brief(self, title, slug):
        return self.client.post(self.add_url(), self.knowledge_data(title, slug=slug, attachments=streamfield([])))

    def test_a_draft_with_the_same_title_is_named_next_to_the_title(self):
        draft = PolicyBriefPage(title="Shelter standards", slug="shelter-standards", summary="Draft.", live=False)
        self.tree["knowledge"].add_child(instance=draft)
        response = self.post_brief("Shelter standards", "shelter-standards")
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert "A draft page here already has this title (“Shelter standards”)" in errors["title"][0]
        assert "slug" in errors
        assert PolicyBriefPage.objects.filter(slug="shelter-standards").count() == 1
        html = response.content.decode()
        assert "Open that draft from the list to carry on with it" in html

    def test_a_published_page_with_the_same_title_is_named_too(self):
        make_knowledge(self.tree["knowledge"], title="Referral", slug="referral")
        response = self.post_brief("Referral", "referral")
        assert "A published page here already has this title" in response.context["form"].errors["title"][0]

    def test_an_event_clash_is_explained_the_same_way(self):
        from tests.events.test_time_zones import _event_data

        url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", self.tree["events"].pk))
        first = _event_data("Study visit", "Asia/Seoul")
        first["slug"] = "study-visit"
        assert self.client.post(url, first).status_code == 302
        response = self.client.post(url, first)
        assert "already has this title (“Study visit”)" in response.context["form"].errors["title"][0]
