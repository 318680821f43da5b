"""Where each role lands in the admin, and what its menu leaves out.

The admin's home is Wagtail's dashboard; a role with one place of work starts there instead:
organisers in Events, policy specialists in Knowledge, translators in their queue (Reports →
Translations), a country's focal point on the edit page of their country's profile (where its
"Sunflower model" tab is). Administrators and reviewers keep the dashboard, whose "Awaiting your review"
panel is the reviewers' queue. Roles whose pages all sit in a section with its own listing
(organisers, specialists) lose the page explorer, which would open on the root of every
language ("pages created here will not be accessible").
"""

from django.shortcuts import redirect
from django.urls import reverse

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.home import HomeView
from wagtail.models import Page, TaskState

from events.models import EventIndexPage
from knowledge.models import KnowledgeIndexPage
from portal.site.focal_points import focal_point_profiles
from portal.site.roles import ROLE_GROUPS

# In order: a user in several groups lands where the first of them works.
_LANDINGS = (
    ("organisers", "event_pages:index"),
    ("specialists", "knowledge_pages:index"),
    ("translators", "portal_translation_status"),
)
_SECTION_INDEXES = (EventIndexPage, KnowledgeIndexPage)

_dashboard = HomeView.as_view()


def admin_start_url(user) -> str | None:
    """The admin address `user` starts at, or None for the dashboard."""
    if not user.is_authenticated or user.is_superuser:
        return None
    groups = set(user.groups.values_list("name", flat=True))
    for role, url_name in _LANDINGS:
        if ROLE_GROUPS[role] in groups:
            return reverse(url_name)
    profile = focal_point_profiles(user).first()
    if profile is not None:
        return reverse("wagtailadmin_pages:edit", args=[profile.pk])
    return None


def works_only_in_sections(user) -> bool:
    """True when every page right of `user` is on a section with its own listing (events, knowledge)."""
    if not user.is_authenticated or user.is_superuser:
        return False
    pages = Page.objects.filter(group_permissions__group__user=user)
    return pages.exists() and not pages.not_type(*_SECTION_INDEXES).exists()


def awaits_review(user) -> bool:
    """Whether something waits for `user`'s review (an organiser's event translation, say)."""
    return TaskState.objects.reviewable_by(user).filter(status=TaskState.STATUS_IN_PROGRESS).exists()


@require_admin_access
def admin_home(request):
    """The admin's home: the role's place of work, else Wagtail's dashboard; the dashboard too while
    something waits for this user's review, which its "Awaiting your review" panel lists."""
    url = admin_start_url(request.user)
    if url and not awaits_review(request.user):
        return redirect(url)
    return _dashboard(request)


def hide_explorer_for_section_roles(request, menu_items):
    """`construct_main_menu`: no page explorer for those whose pages all have a section listing."""
    if works_only_in_sections(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "explorer"]
