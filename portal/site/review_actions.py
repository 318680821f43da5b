"""The review workflow's words in the admin: one way to publish during review, messages that say what happened.

A reviewer holds the publish right too, so on a page awaiting their approval Wagtail offered
both "Publish" and "Approve and publish", and after approving said only "Page '…' has been
updated". While a page's review is in progress and the user may act on its step, the page's
menu keeps the workflow's own actions; the message after a workflow action says what it did.
Wagtail's own default workflow (its first migration names it, and its task, "Moderators
approval" after a group none of the roles is in) is called "Review" (`default_workflow_rename`).
"""

from django.contrib import messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.models import Task, Workflow

WAGTAIL_DEFAULT_NAME = "Moderators approval"
DEFAULT_WORKFLOW = "Review"


@transaction.atomic
def default_workflow_rename() -> None:
    """Rename Wagtail's default workflow and its task, once; a name an administrator chose is kept."""
    Workflow.objects.filter(name=WAGTAIL_DEFAULT_NAME).update(name=DEFAULT_WORKFLOW)
    Task.objects.filter(name=WAGTAIL_DEFAULT_NAME).update(name=str(_("Moderator review")))


def keep_workflow_actions_during_review(menu_items, request, context):
    """`construct_page_action_menu`: no plain "Publish" beside "Approve and publish"."""
    page = context.get("page")
    if page is None or page.pk is None:
        return
    task_state = page.current_workflow_task_state
    if task_state is None:
        return
    task = task_state.task.specific
    if task.get_actions(page, request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def say_what_the_workflow_action_did(request, page):
    """`after_edit_page`: replace "has been updated" by what the approval or request for changes did."""
    action = request.POST.get("workflow-action-name")
    if not request.POST.get("action-workflow-action") or action not in ("approve", "reject"):
        return
    title = page.get_admin_display_title()
    if action == "reject":
        message = _("Changes to “%(title)s” have been requested; its author can see your comment.")
    elif page.current_workflow_state is None and page.live:
        message = _("“%(title)s” is approved and published.")
    else:
        message = _("“%(title)s” is approved and has gone on to the next review step.")
    # Django's message storage has no public way to take back a message: the edit view's own
    # "has been updated" is the last queued one.
    storage = messages.get_messages(request)
    queued = getattr(storage, "_queued_messages", None)
    if queued and queued[-1].level == messages.SUCCESS:
        queued.pop()
    messages.success(request, message % {"title": title})
