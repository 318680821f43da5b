"""Translations of pages go live through their section's review workflow.

A page submitted for translation becomes a draft in the target language
(`WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False`); until it is published readers of that
language get the original with the fallback notice (`portal.core.routing`, `portal.core.i18n`).
A translator fills it in wagtail-localize's editor, whose strings are kept in its translation
memory, and "Submit for review" writes them into a draft revision of the page and starts the
section's workflow (`portal.site.roles`: reviewers for knowledge and country profiles,
organisers for events), so the page waits under "Awaiting your review" on their dashboard.
Approving it, or "Publish in <language>" in the editor, makes it live.

Translators translate: they never edit an original (`refuse_originals_to_translators`), and
wagtail-localize's "Convert to alias page", which throws a translation away for a copy of the
original, is offered only to people who may publish the page.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.models import GroupPagePermission, Locale, Page, WorkflowState
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.convert import convert_to_alias

from portal.site.roles import ROLE_GROUPS

SUBMIT = "submit-for-review"
SAVE = "save-draft"
# The name of the button that carries SUBMIT or SAVE (`wagtail_localize/admin/edit_translation.html`).
ACTION_FIELD = "portal-translation-action"
CONVERT_TO_ALIAS = "localize-convert-to-alias"


def page_translation(page: Page) -> Translation | None:
    """The wagtail-localize translation that fills `page`, if it is the target of one."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .select_related("source", "target_locale")
        .first()
    )


def page_is_original(page: Page) -> bool:
    """Whether `page` is an original its translations are made from, rather than a translation.

    A wagtail-localize target is a translation and a wagtail-localize source an original.
    Otherwise (pages copied for translation, as the demo makes them) a page in the default
    language is the original, and a page in another language is a translation when its family
    has a page in the default language.
    """
    if page_translation(page) is not None:
        return False
    if TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).exists():
        return True
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return True
    return not Page.objects.filter(translation_key=page.translation_key, locale_id=default.pk).exists()


def edits_only_as_translator(user, page: Page) -> bool:
    """Whether `user`'s right to edit `page` comes from the translators' role alone.

    Someone who also writes, reviews or organises for the section keeps that role's rights.
    """
    if user.is_superuser:
        return False
    grants = GroupPagePermission.objects.filter(group__user=user, page__in=page.get_ancestors(inclusive=True)).exclude(
        group__name=ROLE_GROUPS["translators"]
    )
    editing = Q(permission__codename__in=["change_page", "publish_page"])
    if page.owner_id == user.pk:
        editing |= Q(permission__codename="add_page")
    return not grants.filter(editing).exists()


def refuse_originals_to_translators(request, page):
    """`before_edit_page`: a translator opening the editor of an original is sent back."""
    if not page_is_original(page) or not edits_only_as_translator(request.user, page):
        return None
    messages.error(
        request,
        _("Translators do not edit originals. Choose “Translate this page”, or open the translation in your language."),
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


def translation_save_draft(*, translation: Translation, user) -> None:
    """Write the translation memory's words into a draft revision of the target page."""
    translation.save_target(user=user, publish=False)


def translation_submit_for_review(*, translation: Translation, page: Page, user) -> WorkflowState | None:
    """Save the translation as a draft and put it in front of the section's reviewers.

    Returns the workflow state, or None when no workflow covers the page (it stays a draft).
    A translation sent back for changes is resubmitted; one already waiting is submitted
    again with the new wording, as Wagtail's "Restart workflow" does.
    """
    translation_save_draft(translation=translation, user=user)
    page = page.specific_class.objects.get(pk=page.pk)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return page.current_workflow_state
    workflow = page.get_workflow()
    if workflow is None:
        return None
    if state is not None:
        state.cancel(user=user)
    workflow.start(page, user)
    return page.current_workflow_state


def handle_translation_editor_action(request, page):
    """`before_edit_page`: the translation editor's "Submit for review" and "Save draft"."""
    action = request.POST.get(ACTION_FIELD) if request.method == "POST" else None
    if action not in (SUBMIT, SAVE):
        return None
    translation = page_translation(page)
    perms = page.permissions_for_user(request.user)
    if translation is None or not perms.can_edit() or perms.page_locked():
        raise PermissionDenied
    names = {"title": page.get_admin_display_title(), "language": translation.target_locale.get_display_name()}
    if action == SAVE:
        translation_save_draft(translation=translation, user=request.user)
        messages.success(request, _("Saved the %(language)s translation of “%(title)s” as a draft.") % names)
    elif translation_submit_for_review(translation=translation, page=page, user=request.user) is None:
        messages.warning(
            request,
            _(
                "Saved the %(language)s translation of “%(title)s” as a draft. No review is set up "
                "for this section: ask an administrator to publish it."
            )
            % names,
        )
    else:
        messages.success(
            request,
            _("Submitted the %(language)s translation of “%(title)s” for review. It goes live once published.") % names,
        )
    return redirect(request.get_full_path())


def translation_action_menu(menu_items, request, context):
    """`construct_page_action_menu`: on a translation, what a translator needs comes first.

    For someone who may not publish the page, "Submit for review" is the primary action and
    "Convert to alias page" (which discards the translation) is not offered.
    """
    page = context.get("page")
    if context.get("view") != "edit" or page is None:
        return
    if page.permissions_for_user(request.user).can_publish():
        return
    menu_items[:] = [item for item in menu_items if item.name != CONVERT_TO_ALIAS]
    if page_is_original(page):
        return
    submit = [item for item in menu_items if item.name == "action-submit"]
    menu_items[:] = submit + [item for item in menu_items if item.name != "action-submit"]


def convert_to_alias_for_publishers(request, page_id):
    """wagtail-localize's "Convert to alias page", which needs only the edit right, for publishers only."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        messages.error(request, _("Only someone who may publish this page can replace its translation."))
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return convert_to_alias(request, page_id)
