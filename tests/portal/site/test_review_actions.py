"""Review in the admin: one way to publish in review, messages that say what happened, a clear workflow name."""

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import GroupApprovalTask, Page, Task, Workflow, WorkflowPage, WorkflowTask

import pytest

from portal.site.review_actions import DEFAULT_WORKFLOW, WAGTAIL_DEFAULT_NAME, default_workflow_rename
from portal.site.roles import roles_ensure
from tests.factories import make_knowledge

pytestmark = pytest.mark.django_db


def brief_in_review(site, specialist, title="Brief in review"):
    brief = make_knowledge(site["knowledge"], title=title, slug="brief-in-review")
    brief.title = f"{title} (revised)"
    brief.save_revision(user=specialist)
    brief.get_workflow().start(brief, specialist)
    return brief


def edit_data(brief):
    return {
        "title": brief.title,
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


def wagtails_default_workflow():
    """What Wagtail's migration 0048 makes from its "Moderators" group's publish right on the root."""
    workflow = Workflow.objects.get_or_create(name=WAGTAIL_DEFAULT_NAME)[0]
    task = GroupApprovalTask.objects.get_or_create(name=WAGTAIL_DEFAULT_NAME)[0]
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def test_wagtails_default_workflow_is_called_review(db):
    wagtails_default_workflow()
    # roles_ensure runs after every migrate.
    roles_ensure()
    assert not Workflow.objects.filter(name=WAGTAIL_DEFAULT_NAME).exists()
    assert not Task.objects.filter(name=WAGTAIL_DEFAULT_NAME).exists()
    assert Workflow.objects.filter(name=DEFAULT_WORKFLOW).exists()


def test_a_name_an_administrator_chose_is_kept(db):
    wagtails_default_workflow()
    Workflow.objects.filter(name=WAGTAIL_DEFAULT_NAME).update(name="Legal check")
    default_workflow_rename()
    assert Workflow.objects.filter(name="Legal check").exists()


def test_the_submit_button_no_longer_names_moderators(client, site, roles, make_user):
    WorkflowPage.objects.update_or_create(
        page=Page.get_first_root_node(), defaults={"workflow": wagtails_default_workflow()}
    )
    roles_ensure()
    # A home-level page falls to the root's default workflow.
    client.force_login(make_user("admin", superuser=True))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[site["home"].pk])).content.decode()
    assert "Moderators approval" not in html
    assert "Submit to Review" in html


def test_the_reviewer_sees_approve_and_publish_but_no_plain_publish(client, site, roles, make_user):
    specialist = make_user("specialist", group=roles["specialists"])
    brief = brief_in_review(site, specialist)
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[brief.pk])).content.decode()
    assert "Approve and Publish" in html
    assert 'name="action-publish"' not in html


def test_publish_is_still_there_when_nothing_is_in_review(client, site, roles, make_user):
    brief = make_knowledge(site["knowledge"], title="Published brief")
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[brief.pk])).content.decode()
    assert 'name="action-publish"' in html


def test_approving_says_approved_and_published(client, site, roles, make_user):
    specialist = make_user("specialist", group=roles["specialists"])
    brief = brief_in_review(site, specialist)
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    data = {**edit_data(brief), "action-workflow-action": "true", "workflow-action-name": "approve"}
    response = client.post(reverse("wagtailadmin_pages:edit", args=[brief.pk]), data)
    assert response.status_code == 302
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert said == ["“Brief in review (revised)” is approved and published."]
    assert Page.objects.get(pk=brief.pk).title == "Brief in review (revised)"


def test_requesting_changes_says_so(client, site, roles, make_user):
    specialist = make_user("specialist", group=roles["specialists"])
    brief = brief_in_review(site, specialist)
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    data = {**edit_data(brief), "action-workflow-action": "true", "workflow-action-name": "reject"}
    response = client.post(reverse("wagtailadmin_pages:edit", args=[brief.pk]), data)
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert said == ["Changes to “Brief in review (revised)” have been requested; its author can see your comment."]
