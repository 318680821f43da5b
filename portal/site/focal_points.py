"""A partner country's focal point edits that country's profile, and nothing else, through review.

Each country profile family (the profile in the default language and its translations) has one
Wagtail group, "Focal point: Kyrgyzstan": `change_page` on every member of the family and nothing
more in the page tree (no add, no publish, no lock), so whatever its members save is a draft, and
"Submit to Country profile review" puts it in front of the reviewers (`portal.site.roles`), who
publish it; the statuses' history then names the focal point (`portal.site.services`). Other
countries, knowledge, events, vocabularies, settings and documents' admin are out of their reach:
they hold no other permission than admin access and `choose_document` on the collections every
reader may see, to cite evidence.

A focal point's group is found by what it may do, never by its name (an administrator may rename
it): it is the group whose page permissions are all on one profile family. `focal_points_ensure`
makes and refreshes one per family (`roles_ensure` calls it), and a new profile or translation gets
its family's at once (`focal_point_ensure`, a `post_save` in `portal.site.signal_handlers`).
"""

from __future__ import annotations

from collections import defaultdict

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet

from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page

from knowledge.document_audience import EVERYONE, collection_audiences
from portal.core.privacy import PARTNER_GROUP, documents_visible_to, pages_visible_to
from portal.site import models

PAGE_PERMISSIONS = ("change_page",)
COLLECTION_PERMISSION = "choose_document"
# Group names are unique: a second family for the same country, or a name an administrator took
# for another group, gets the ISO code and then a number.
_NAME = "Focal point: {country}"


def focal_point_group(profile: Page) -> Group | None:
    """The focal-point group of `profile`'s family: the group whose page permissions are all on it."""
    key = profile.translation_key
    elsewhere = GroupPagePermission.objects.exclude(page__translation_key=key).values("group")
    return (
        Group.objects.filter(page_permissions__page__translation_key=key)
        .exclude(pk__in=elsewhere)
        .distinct()
        .order_by("pk")
        .first()
    )


def focal_point_groups(groups: QuerySet) -> dict[int, object]:
    """Of `groups`, those that are focal points: {group id: their family's translation key}."""
    profile_type = ContentType.objects.get_for_model(models.CountryPage)
    families = defaultdict(set)
    for group_id, key, content_type in GroupPagePermission.objects.filter(group__in=groups).values_list(
        "group_id", "page__translation_key", "page__content_type"
    ):
        families[group_id].add((key, content_type == profile_type.pk))
    return {
        group_id: next(iter(keys))[0] for group_id, keys in families.items() if len(keys) == 1 and next(iter(keys))[1]
    }


def focal_point_profiles(user) -> QuerySet:
    """The profiles `user` is a focal point of, one per family (in the default language where there is one)."""
    if not user.is_authenticated:
        return models.CountryPage.objects.none()
    keys = set(focal_point_groups(user.groups.all()).values())
    profiles = models.CountryPage.objects.filter(translation_key__in=keys)
    default = profiles.filter(locale=Locale.get_default())
    elsewhere = profiles.exclude(translation_key__in=default.values("translation_key"))
    return (default | elsewhere).order_by("title")


def works_only_as_focal_point(user) -> bool:
    """Whether `user` reaches the admin only as a country's focal point (no other role, not a superuser).

    Such a user is a partner official, not staff: what any admin user may open (the page and
    document choosers, the translations report) shows them only what they may read.
    """
    if not user.is_authenticated or user.is_superuser:
        return False
    staff = user.groups.filter(
        permissions__content_type__app_label="wagtailadmin", permissions__codename="access_admin"
    )
    focal = focal_point_groups(staff)
    return bool(focal) and not staff.exclude(pk__in=focal.keys()).exists()


def _without_hidden(queryset, visible):
    """`queryset` without the rows `visible` leaves out, by id: the choosers' search filters only on indexed
    fields, and the privacy gate reads paths. The rows left out (drafts, partner-only) are the few."""
    everything = queryset.model.objects.all()
    hidden = everything.exclude(pk__in=visible(everything).values("pk"))
    return queryset.exclude(pk__in=list(hidden.values_list("pk", flat=True)))


def documents_for_focal_point_chooser(documents, request):
    """`construct_document_chooser_queryset`: a focal point cites only documents they may read.

    Their collection grants already leave partner-only collections out; the privacy gate also
    drops unreviewed uploads and any collection restricted since the grants were last refreshed.
    """
    if not works_only_as_focal_point(request.user):
        return documents
    return _without_hidden(documents, lambda everything: documents_visible_to(request.user, everything))


def pages_for_focal_point_chooser(pages, request):
    """`construct_page_chooser_queryset`: a focal point cites only pages they may read (live, not partner-only)."""
    if not works_only_as_focal_point(request.user):
        return pages
    return _without_hidden(pages, lambda everything: pages_visible_to(request.user, everything))


@transaction.atomic
def focal_points_ensure() -> dict[object, Group]:
    """A focal-point group for every country profile family, with its rights brought up to date."""
    collections = public_collections()
    groups = {}
    for profile in models.CountryPage.objects.order_by("locale_id", "pk"):
        if profile.translation_key not in groups:
            groups[profile.translation_key] = focal_point_ensure(profile, collections=collections)
    return groups


@transaction.atomic
def focal_point_ensure(profile: models.CountryPage, *, collections: list[Collection] | None = None) -> Group:
    """`profile`'s family's focal-point group, made if missing, with edit rights on every member of the family."""
    group = focal_point_group(profile)
    if group is None:
        group = Group.objects.create(name=_free_name(profile))
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    permissions = list(
        Permission.objects.filter(content_type=ContentType.objects.get_for_model(Page), codename__in=PAGE_PERMISSIONS)
    )
    for page in Page.objects.filter(translation_key=profile.translation_key):
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    _collections_grant(group, public_collections() if collections is None else collections)
    return group


def public_collections() -> list[Collection]:
    """The highest collections whose documents, and their descendants', every reader may see.

    Wagtail's collection permissions cover descendants, so a public collection with a partner-only
    one inside it is left out (its own documents with it) rather than opening the inner one.
    """
    everything = list(Collection.objects.all())
    audiences = collection_audiences(everything)
    closed = [collection.path for collection in everything if audiences[collection.pk] != EVERYONE]
    open_ = [
        collection
        for collection in everything
        if audiences[collection.pk] == EVERYONE and not any(path.startswith(collection.path) for path in closed)
    ]
    return [
        collection
        for collection in open_
        if not any(collection.path.startswith(other.path) and other.pk != collection.pk for other in open_)
    ]


def _collections_grant(group: Group, collections: list[Collection]) -> None:
    permission = Permission.objects.get(
        content_type=ContentType.objects.get_for_model(get_document_model()), codename=COLLECTION_PERMISSION
    )
    grants = GroupCollectionPermission.objects.filter(group=group, permission=permission)
    # A collection made partner-only since the last run loses the grant.
    grants.exclude(collection__in=collections).delete()
    for collection in collections:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def _free_name(profile: models.CountryPage) -> str:
    country = profile.country
    names = [_NAME.format(country=country.name), _NAME.format(country=f"{country.name} ({country.iso_code})")]
    for name in names:
        if not Group.objects.filter(name=name).exists():
            return name
    number = 2
    while Group.objects.filter(name=f"{names[-1]} {number}").exists():
        number += 1
    return f"{names[-1]} {number}"


def focal_point_may_cite(user, *, documents: set[int], pages: set[int]) -> tuple[set[int], set[int]]:
    """Of the `documents` and `pages` (ids) a status cites, those a focal point may not cite.

    The choosers offer them only what they may read; this refuses a forged id in a posted form,
    which would otherwise show them its title the next time the form is drawn. Anyone else may
    cite anything (readers see only the evidence the privacy gate lets them open).
    """
    if not works_only_as_focal_point(user):
        return set(), set()
    document_model = get_document_model()
    readable_documents = set(
        documents_visible_to(user, document_model.objects.filter(pk__in=documents)).values_list("pk", flat=True)
    )
    readable_pages = set(pages_visible_to(user, Page.objects.filter(pk__in=pages)).values_list("pk", flat=True))
    return documents - readable_documents, pages - readable_pages


def focal_points_join_partners(users, groups) -> None:
    """Members of a focal-point group are partner officials: they join the partner group too.

    A focal point reads what partners read, so what Wagtail's admin shows any editor (the titles
    of pages and documents their profile already cites, the explorer) shows them nothing they may
    not read. Called when users join groups (`portal.site.signal_handlers`).
    """
    if not focal_point_groups(groups):
        return
    partner_group, _created = Group.objects.get_or_create(name=PARTNER_GROUP)
    for user in users:
        user.groups.add(partner_group)
