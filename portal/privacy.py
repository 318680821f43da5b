"""The one place that decides who may see partner-only content.

Every route that lists or serves pages or documents (templates' lists, country profiles,
the API, search, feeds) narrows its queryset here. Wagtail's own view restrictions
(`PageViewRestriction`, `CollectionViewRestriction`) are the source of truth, so an editor
who sets privacy in the admin protects the item everywhere at once.

The checks are SQL subqueries, not lists read into Python: a list costs the same whatever
the number of restrictions, and nothing is cached that could go stale between processes.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr

from wagtail.models import BaseViewRestriction, CollectionViewRestriction, PageViewRestriction

PARTNER_GROUP = "Partner officials"


def _prefix_of(outer_path, restricted_path: str) -> Substr:
    """The start of the outer row's tree path, as long as the restricted node's path.

    Equal to the restricted node's path exactly when the outer row is that node or below it.
    """
    return Substr(outer_path, 1, Length(restricted_path))


def _blocking(restrictions: QuerySet, user) -> QuerySet:
    """The restrictions in `restrictions` that `user` does not pass.

    Password-protected items count as blocked for everyone: they are shown only through
    their own page, never in lists.
    """
    if user is None or not user.is_authenticated:
        return restrictions
    if user.is_superuser:
        return restrictions.none()
    passed = Q(restriction_type=BaseViewRestriction.LOGIN) | Q(
        restriction_type=BaseViewRestriction.GROUPS, groups__in=user.groups.all()
    )
    return restrictions.exclude(pk__in=restrictions.filter(passed).values("pk"))


def pages_visible_to(user, queryset: QuerySet) -> QuerySet:
    """Live pages in `queryset` that `user` may read; drafts never appear."""
    # A restriction covers its page and every page below it: their paths start with its path.
    covering = (
        _blocking(PageViewRestriction.objects.all(), user)
        .filter(page__path=_prefix_of(OuterRef("path"), "page__path"))
    )
    return queryset.live().exclude(Exists(covering))


def user_can_view_page(user, page) -> bool:
    return pages_visible_to(user, type(page).objects.filter(pk=page.pk)).exists()


def restricted_page_ids() -> QuerySet:
    """Ids of every page behind any restriction, for marking items as partner-only."""
    from wagtail.models import Page

    covering = PageViewRestriction.objects.filter(page__path=_prefix_of(OuterRef("path"), "page__path"))
    return Page.objects.filter(Exists(covering)).values_list("pk", flat=True)


def documents_visible_to(user, queryset: QuerySet) -> QuerySet:
    covering = (
        _blocking(CollectionViewRestriction.objects.all(), user)
        .filter(collection__path=_prefix_of(OuterRef("collection__path"), "collection__path"))
    )
    return queryset.exclude(Exists(covering))
