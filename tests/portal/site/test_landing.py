"""Each role lands where its work is, and the section listings show what matters there."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from knowledge.models import PracticeNotePage
from tests.factories import make_event, make_knowledge

pytestmark = pytest.mark.django_db

ADMIN_HOME = "/admin/"


def _column_labels(response):
    return [str(column.label) for column in response.context["table"].columns.values()]


def test_organiser_lands_in_events(client, site, roles, make_user):
    client.force_login(make_user("organiser", group=roles["organisers"]))
    response = client.get(ADMIN_HOME)
    assert response.status_code == 302
    assert response["Location"] == reverse("event_pages:index")


def test_specialist_lands_in_knowledge(client, site, roles, make_user):
    client.force_login(make_user("specialist", group=roles["specialists"]))
    response = client.get(ADMIN_HOME)
    assert response["Location"] == reverse("knowledge_pages:index")


def test_translator_lands_in_their_queue(client, site, roles, make_user):
    client.force_login(make_user("translator", group=roles["translators"]))
    response = client.get(ADMIN_HOME)
    assert response["Location"] == reverse("portal_translation_status")


@pytest.mark.parametrize("who", ["reviewer", "admin"])
def test_reviewers_and_administrators_keep_the_dashboard(client, site, roles, make_user, who):
    user = make_user(who, superuser=True) if who == "admin" else make_user(who, group=roles["reviewers"])
    client.force_login(user)
    response = client.get(ADMIN_HOME)
    assert response.status_code == 200
    assert "wagtailadmin/home.html" in [template.name for template in response.templates]


def test_signed_out_visitor_is_asked_to_sign_in(client, site):
    response = client.get(ADMIN_HOME)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_organiser_menu_has_events_and_no_page_explorer(client, site, roles, make_user):
    client.force_login(make_user("organiser", group=roles["organisers"]))
    html = client.get(reverse("event_pages:index")).content.decode()
    # The sidebar's menu is JSON in the page: Events is there, Knowledge and the explorer are not.
    assert '"url": "/admin/events/"' in html
    assert '"url": "/admin/knowledge/"' not in html
    assert '"name": "explorer"' not in html


def test_reviewer_keeps_the_page_explorer(client, site, roles, make_user):
    # Reviewers also publish country profiles, which have no listing of their own.
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    html = client.get(reverse("knowledge_pages:index")).content.decode()
    assert '"name": "explorer"' in html


def test_event_listing_shows_dates_in_the_events_own_clock(client, site, roles, make_user):
    start = datetime.datetime(2024, 5, 2, 5, 30, tzinfo=datetime.UTC)
    make_event(
        site["events"],
        title="Kabul round table",
        start=start,
        end=start + datetime.timedelta(hours=2),
        time_zone="Asia/Kabul",
    )
    client.force_login(make_user("organiser", group=roles["organisers"]))
    response = client.get(reverse("event_pages:index"))
    html = response.content.decode()
    assert "Kabul round table" in html
    assert "2 May 2024, 10:00 (Kabul)" in html
    for header in ("Starts", "Type of event", "Language", "Status"):
        assert header in html
    assert "Updated" not in _column_labels(response)


def test_event_listing_sorts_by_date(client, site, roles, make_user):
    now = timezone.now()
    make_event(site["events"], title="Later event", start=now + datetime.timedelta(days=30))
    make_event(site["events"], title="Earlier event", start=now + datetime.timedelta(days=3))
    client.force_login(make_user("organiser", group=roles["organisers"]))
    html = client.get(reverse("event_pages:index"), {"ordering": "start"}).content.decode()
    assert html.index("Earlier event") < html.index("Later event")


def test_knowledge_listing_shows_kind_language_and_review_state(client, site, roles, make_user):
    make_knowledge(site["knowledge"], PracticeNotePage, title="Hospital one-stop centre")
    specialist = make_user("specialist", group=roles["specialists"])
    draft = make_knowledge(site["knowledge"], title="Brief in review")
    draft.save_revision(user=specialist)
    workflow = draft.get_workflow()
    workflow.start(draft, specialist)
    client.force_login(specialist)
    response = client.get(reverse("knowledge_pages:index"))
    html = response.content.decode()
    assert _column_labels(response)[:4] == ["Title", "Kind", "Language", "Review"]
    assert "Practice note" in html
    assert "English" in html
    assert "Awaiting Reviewer approval" in html


def test_listings_are_refused_to_roles_without_pages_there(client, site, roles, make_user):
    client.force_login(make_user("partner-official", group=roles["partners"]))
    assert client.get(reverse("event_pages:index")).status_code in (302, 403)
