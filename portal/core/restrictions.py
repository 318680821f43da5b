"""One set of view restrictions for a page and all its translations.

A page, its translations (one `translation_key`, cross-language aliases included) and its
aliases are one family, and a family has one privacy rule. Wagtail copies a page's
restrictions onto a translation only when the translation is made; here every later change
(a restriction added, its groups changed, or removed, on any member) is copied onto the other
members at once, in the same transaction, so Wagtail's serve view, its admin and
`Page.objects.public()` agree with the gate in `portal.core.privacy`. A restriction on a
section reaches the translations of the section, and through them their subtrees.

The gate also reads families itself, so a member that sits outside a restricted tree (moved
there after it was translated) stays hidden even though no restriction is copied for it.
"""

from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_slug_changed, post_page_move

from portal.core.privacy import forget_rules

# Set while this module writes restrictions, so its own writes are not mirrored once more.
_mirroring: ContextVar[bool] = ContextVar("portal_restrictions_mirroring", default=False)
# Pages whose delete is under way: their restrictions go with them, the family's stay.
_deleting: ContextVar[frozenset[int]] = ContextVar("portal_restrictions_deleting", default=frozenset())


def translation_family(page: Page) -> list[Page]:
    """The other pages that share `page`'s privacy rule: its translations and its aliases."""
    keys = {page.translation_key}
    if page.alias_of_id:
        keys.update(Page.objects.filter(pk=page.alias_of_id).values_list("translation_key", flat=True))
    ids = set(Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True))
    return list(Page.objects.filter(Q(pk__in=ids) | Q(alias_of__in=ids)).exclude(pk=page.pk).order_by("path"))


def _spec(restriction: PageViewRestriction) -> tuple:
    return (
        restriction.restriction_type,
        restriction.password,
        frozenset(restriction.groups.values_list("pk", flat=True)),
    )


def _own_restrictions(page: Page) -> list[PageViewRestriction]:
    return list(PageViewRestriction.objects.filter(page=page).order_by("pk"))


def _make_equal(page: Page, specs: list[tuple]) -> None:
    """Give `page` exactly the restrictions described by `specs`, reusing the ones it has."""
    own = _own_restrictions(page)
    for restriction, (restriction_type, password, group_ids) in zip(own, specs, strict=False):
        if (restriction.restriction_type, restriction.password) != (restriction_type, password):
            restriction.restriction_type, restriction.password = restriction_type, password
            restriction.save()
        if set(restriction.groups.values_list("pk", flat=True)) != group_ids:
            restriction.groups.set(group_ids)
    for restriction_type, password, group_ids in specs[len(own) :]:
        restriction = PageViewRestriction(page=page, restriction_type=restriction_type, password=password)
        restriction.save()
        restriction.groups.set(group_ids)
    for restriction in own[len(specs) :]:
        restriction.delete()


def restrictions_mirror(*, page: Page) -> None:
    """Copy `page`'s own restrictions onto every member of its family (none: the family is public).

    Identical restrictions on `page` (Wagtail's copy of a translation's restriction next to
    ours) are kept once.
    """
    token = _mirroring.set(True)
    try:
        specs: list[tuple] = []
        for restriction in _own_restrictions(page):
            spec = _spec(restriction)
            if spec in specs:
                restriction.delete()
            else:
                specs.append(spec)
        for member in translation_family(page):
            _make_equal(member, specs)
    finally:
        _mirroring.reset(token)


def restrictions_adopt(*, page: Page) -> None:
    """Give a new page its family's restrictions, if a member has any and the page has none."""
    if PageViewRestriction.objects.filter(page=page).exists():
        return
    for member in translation_family(page):
        restrictions = _own_restrictions(member)
        if restrictions:
            token = _mirroring.set(True)
            try:
                _make_equal(page, [_spec(restriction) for restriction in restrictions])
            finally:
                _mirroring.reset(token)
            return


# --- Signals ---------------------------------------------------------------------------------


def _on_restriction_saved(sender, instance, raw=False, **kwargs):
    if raw or _mirroring.get():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        restrictions_mirror(page=page)


def _on_restriction_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"} or _mirroring.get():
        return
    # From a group's side (group.pageviewrestriction_set.add(...)) the restrictions are in pk_set.
    restrictions = PageViewRestriction.objects.filter(pk__in=pk_set or ()) if reverse else [instance]
    for page_id in {restriction.page_id for restriction in restrictions}:
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            restrictions_mirror(page=page)


def _on_page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _deleting.set(_deleting.get() | {instance.pk})


def _on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        forget_rules()
        _deleting.set(_deleting.get() - {instance.pk})


def _on_restriction_deleted(sender, instance, **kwargs):
    if _mirroring.get() or instance.page_id in _deleting.get():
        return  # Deleting a page takes its restrictions, never its translations'.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        restrictions_mirror(page=page)


def _on_page_created(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page):
        forget_rules()
        restrictions_adopt(page=instance)


def _forget_rules(sender, **kwargs):
    """A restriction, its groups, a page's place or a user's groups changed: the request's memo is stale."""
    forget_rules()


def _connect_forget_rules() -> None:
    for model in (PageViewRestriction, CollectionViewRestriction):
        name = model._meta.model_name
        post_save.connect(_forget_rules, sender=model, dispatch_uid=f"portal_{name}_forget_saved")
        post_delete.connect(_forget_rules, sender=model, dispatch_uid=f"portal_{name}_forget_deleted")
        m2m_changed.connect(_forget_rules, sender=model.groups.through, dispatch_uid=f"portal_{name}_forget_groups")
    m2m_changed.connect(
        _forget_rules, sender=get_user_model().groups.through, dispatch_uid="portal_user_groups_forget_rules"
    )
    # Restrictions are kept by path: a new, moved or deleted page changes what they cover.
    post_page_move.connect(_forget_rules, dispatch_uid="portal_page_moved_forget_rules")
    page_slug_changed.connect(_forget_rules, dispatch_uid="portal_page_slug_forget_rules")


def connect_family_restrictions() -> None:
    """Keep each family's restrictions one (called from `portal.apps`)."""
    post_save.connect(_on_restriction_saved, sender=PageViewRestriction, dispatch_uid="portal_pvr_family_saved")
    post_delete.connect(_on_restriction_deleted, sender=PageViewRestriction, dispatch_uid="portal_pvr_family_deleted")
    m2m_changed.connect(
        _on_restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="portal_pvr_family_groups",
    )
    pre_delete.connect(_on_page_deleting, dispatch_uid="portal_page_family_deleting")
    post_delete.connect(_on_page_deleted, dispatch_uid="portal_page_family_deleted")
    post_save.connect(_on_page_created, dispatch_uid="portal_page_family_created")
    _connect_forget_rules()
