"""Roles: who may edit, publish and approve what, the review workflows, and both in a new language's tree at once."""

from html import unescape

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import LocaleSynchronization, StringTranslation

import pytest

from knowledge.models import PolicyBriefPage
from portal.site.roles import ROLE_GROUPS
from tests.factories import make_event, make_knowledge
from tests.portal.translations import RUSSIAN

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_roles_exist_with_admin_access(roles):
    for key in ("specialists", "reviewers", "organisers", "translators", "administrators"):
        assert roles[key].permissions.filter(codename="access_admin").exists(), key
    assert not roles["partners"].permissions.filter(codename="access_admin").exists()


def test_roles_ensure_is_idempotent(site, roles):
    from django.contrib.auth.models import Group

    from wagtail.models import GroupPagePermission, WorkflowPage

    from portal.site.roles import roles_ensure

    counts = (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    roles_ensure(site_root=site["home"])
    assert counts == (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count())


def test_event_organiser_cannot_edit_knowledge_but_can_edit_events(client, site, roles, make_user):
    organiser = make_user("organiser", group=roles["organisers"])
    brief = make_knowledge(site["knowledge"])
    event = make_event(site["events"])
    client.force_login(organiser)
    assert client.get(edit_url(brief)).status_code in (302, 403)
    assert client.get(edit_url(event)).status_code == 200
    add_brief = reverse("wagtailadmin_pages:add", args=["knowledge", "policybriefpage", site["knowledge"].pk])
    assert client.get(add_brief).status_code in (302, 403)


def test_specialist_cannot_publish_but_can_submit_for_review(client, site, roles, make_user):
    specialist = make_user("specialist", group=roles["specialists"])
    brief = make_knowledge(site["knowledge"], title="Brief awaiting review")
    client.force_login(specialist)
    data = {
        "title": "Brief awaiting review (revised)",
        "slug": brief.slug,
        "summary": brief.summary,
        "publication_date": "2024-11-12",
        "brief_authors-TOTAL_FORMS": "0",
        "brief_authors-INITIAL_FORMS": "0",
        "brief_authors-MIN_NUM_FORMS": "0",
        "brief_authors-MAX_NUM_FORMS": "1000",
        "body-count": "0",
        "attachments-count": "0",
        "keywords": "",
    }
    client.post(edit_url(brief), {**data, "action-publish": "action-publish"})
    brief.refresh_from_db()
    assert brief.title == "Brief awaiting review", "a specialist must not be able to publish"

    response = client.post(edit_url(brief), {**data, "action-submit": "action-submit"})
    assert response.status_code == 302
    brief.refresh_from_db()
    state = brief.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert brief.title == "Brief awaiting review", "the live page changes only once approved"


def test_reviewer_approves_and_the_change_goes_live(client, site, roles, make_user):
    specialist = make_user("specialist", group=roles["specialists"])
    reviewer = make_user("reviewer", group=roles["reviewers"])
    brief = make_knowledge(site["knowledge"], title="Original title")
    brief.title = "Reviewed title"
    revision = brief.save_revision(user=specialist)
    workflow = brief.get_workflow()
    assert workflow is not None, "knowledge pages must be guarded by the review workflow"
    workflow.start(brief, specialist)
    task_state = brief.current_workflow_task_state
    client.force_login(reviewer)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[brief.pk, "approve", task_state.pk]),
        {"comment": "Clear and accurate."},
    )
    assert response.status_code in (200, 302)
    brief = PolicyBriefPage.objects.get(pk=brief.pk)
    assert brief.title == "Reviewed title"
    assert brief.live_revision_id == revision.pk or brief.live_revision.content["title"] == "Reviewed title"


def test_translator_can_edit_but_not_publish(client, site, roles, make_user):
    translator = make_user("translator", group=roles["translators"])
    brief = make_knowledge(site["knowledge"])
    perms = Page.objects.get(pk=brief.pk).permissions_for_user(translator)
    assert perms.can_edit()
    assert not perms.can_publish()


def test_translator_cannot_publish_a_translation(client, site, locales, roles, translate, make_user):
    translator = make_user("translator", group=roles["translators"])
    brief = make_knowledge(site["knowledge"])
    russian = translate(brief, locales["ru"])
    # The translator's new wording waits in wagtail-localize's translation memory…
    StringTranslation.objects.filter(locale=locales["ru"], data=RUSSIAN["Funding a one-stop centre"]).update(
        data="Черновик переводчика"
    )
    client.force_login(translator)

    response = client.post(reverse("wagtailadmin_pages:edit", args=[russian.pk]), {"action": "publish"})

    assert response.status_code in (302, 403)
    assert not Page.objects.get(pk=russian.pk).permissions_for_user(translator).can_publish()
    html = client.get(russian.url).text
    assert "Финансирование центра «одного окна»" in unescape(html), "readers still see the published wording"
    assert "Черновик переводчика" not in html


def test_translator_can_edit_the_russian_translation(site, locales, roles, translate, make_user):
    from portal.site.roles import roles_ensure

    translator = make_user("translator", group=roles["translators"])
    russian = translate(make_knowledge(site["knowledge"]), locales["ru"])
    roles_ensure(site_root=site["home"])
    assert Page.objects.get(pk=russian.pk).permissions_for_user(translator).can_edit()


# --- A new language's tree -------------------------------------------------------------------


class FrenchWords(dict):
    """Every source string "translated" into French for wagtail-localize's PO round trip."""

    def __missing__(self, msgid):
        return f"FR {msgid}"


def grants(page) -> set[tuple[str, str]]:
    """The roles' rights on one page, as (group, permission) pairs."""
    return set(GroupPagePermission.objects.filter(page=page).values_list("group__name", "permission__codename"))


def in_french(page, french) -> Page:
    return Page.objects.get(pk=page.get_translation(french).pk)


def assert_same_roles_and_workflows(site, locale):
    for section in ("home", "countries", "knowledge", "events"):
        english = site[section]
        other = english.get_translation(locale)
        assert grants(other) == grants(english) != set(), section
        if section != "home":
            workflow = Page.objects.get(pk=other.pk).get_workflow()
            assert workflow is not None and workflow == english.get_workflow(), section


@pytest.fixture
def french():
    return Locale.objects.get_or_create(language_code="fr")[0]


def test_a_locale_synchronised_from_english_gets_the_roles_and_workflows_at_once(site, roles, french, make_user):
    # What the admin's Settings → Locales → "Synchronise content from English" saves: the French
    # tree appears as aliases of the English pages.
    LocaleSynchronization.objects.create(locale=french, sync_from=site["home"].locale)

    assert_same_roles_and_workflows(site, french)
    organiser = make_user("organiser", group=roles["organisers"])
    translator = make_user("translator", group=roles["translators"])
    specialist = make_user("specialist", group=roles["specialists"])
    assert in_french(site["events"], french).permissions_for_user(organiser).can_publish_subpage()
    assert in_french(site["home"], french).permissions_for_user(translator).can_edit()
    assert in_french(site["knowledge"], french).permissions_for_user(specialist).can_add_subpage()


def test_a_translated_home_and_sections_get_the_roles_and_workflows_at_once(site, roles, french, translate, make_user):
    for section in ("home", "countries", "knowledge", "events"):
        translate(site[section], french, FrenchWords())

    assert_same_roles_and_workflows(site, french)
    reviewer = make_user("reviewer", group=roles["reviewers"])
    assert in_french(site["knowledge"], french).permissions_for_user(reviewer).can_publish_subpage()


def test_a_new_tree_attaches_only_the_roles_that_exist(site, french):
    Group.objects.filter(name__in=ROLE_GROUPS.values()).delete()
    site["home"].copy_for_translation(french, alias=True)

    # Roles are made by `roles_ensure` (migrate, load_demo), not as a side effect of a page.
    assert not Group.objects.filter(name__in=ROLE_GROUPS.values()).exists()
    assert not GroupPagePermission.objects.filter(page__locale=french).exists()
