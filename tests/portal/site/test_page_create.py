"""A new page exists only once its author saves it (portal/site/page_create.py): the create view has no
autosave, and a background save of a half-filled new page is refused; editing keeps autosave."""

from django.urls import resolve, reverse

import pytest

from knowledge.models import PolicyBriefPage
from tests.factories import make_knowledge

pytestmark = pytest.mark.django_db

# What the editor's form carries when Wagtail's autosave runs on it (wagtailadmin/pages/create.html,
# edit.html): the `w-autosave` Stimulus controller, its interval and the header's indicator.
AUTOSAVE_MARKS = ("w-autosave#save", "data-w-autosave-interval-value", 'id="w-autosave-indicator"')
# Autosave posts the form with this header (Wagtail's `w-autosave` controller); a button posts it as a page.
AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


def brief_form(**fields):
    """A policy brief's editor form, half filled: a title and the date (which a draft needs), no summary."""
    data = {
        "title": "Half-written brief",
        "slug": "",
        "summary": "",
        "publication_date": "2024-11-12",
        "brief_authors-TOTAL_FORMS": "0",
        "brief_authors-INITIAL_FORMS": "0",
        "brief_authors-MIN_NUM_FORMS": "0",
        "brief_authors-MAX_NUM_FORMS": "1000",
        "body-count": "0",
        "attachments-count": "0",
        "keywords": "",
    }
    return {**data, **fields}


@pytest.fixture
def specialist(client, roles, make_user):
    user = make_user("specialist", group=roles["specialists"])
    client.force_login(user)
    return user


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["knowledge", "policybriefpage", parent.pk])


def test_wagtails_add_address_is_served_by_the_view_without_autosave(site):
    assert resolve(add_url(site["knowledge"])).url_name == "admin_page_create"


def test_the_create_view_has_no_autosave(client, site, specialist):
    response = client.get(add_url(site["knowledge"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="page-edit-form"' in html
    for mark in AUTOSAVE_MARKS:
        assert mark not in html, mark
    # The form still warns before leaving with unsaved edits, as it does without autosave.
    assert "w-unsaved" in html


def test_the_edit_view_keeps_autosave(client, site, specialist):
    brief = make_knowledge(site["knowledge"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[brief.pk])).content.decode()
    for mark in AUTOSAVE_MARKS:
        assert mark in html, mark


def test_a_background_save_of_a_new_page_makes_no_page(client, site, specialist):
    response = client.post(add_url(site["knowledge"]), brief_form(), **AUTOSAVE)

    assert response.status_code == 400
    assert response.json()["success"] is False
    assert response.json()["error_code"] == "autosave_disabled"
    assert not PolicyBriefPage.objects.filter(title="Half-written brief").exists()
    # Starting again with the same title meets no draft of the first attempt.
    assert client.get(add_url(site["knowledge"])).status_code == 200


def test_the_same_background_save_still_autosaves_an_existing_page(client, site, specialist):
    brief = make_knowledge(site["knowledge"], title="Brief being edited")
    data = brief_form(
        title="Brief being edited, revised",
        slug=brief.slug,
        summary=brief.summary,
    )

    response = client.post(reverse("wagtailadmin_pages:edit", args=[brief.pk]), data, **AUTOSAVE)

    assert response.status_code == 200
    assert response.json()["success"] is True
    assert PolicyBriefPage.objects.get(pk=brief.pk).get_latest_revision_as_object().title == (
        "Brief being edited, revised"
    )


def test_saving_a_draft_creates_the_page(client, site, specialist):
    response = client.post(add_url(site["knowledge"]), brief_form(slug="half-written-brief"))

    assert response.status_code == 302
    page = PolicyBriefPage.objects.get(title="Half-written brief")
    assert not page.live
    assert page.owner == specialist


def test_a_signed_out_visitor_is_sent_to_sign_in(client, site):
    response = client.get(add_url(site["knowledge"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert response["Cache-Control"] and "no-cache" in response["Cache-Control"]
