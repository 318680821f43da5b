"""The one place that decides who may see partner-only content.

Every route that lists or serves pages or documents (templates' lists, country profiles,
the API, search, feeds) narrows its queryset here. Wagtail's own view restrictions
(`PageViewRestriction`, `CollectionViewRestriction`) are the source of truth, so an editor
who sets privacy in the admin protects the item everywhere at once.
"""

from django.contrib.auth.models import AnonymousUser, Group
from django.db.models import Q, QuerySet

from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, CollectionViewRestriction, Page, PageViewRestriction

from portal.core import page_cache, request_memo, shared_reads
from portal.core.page_family import ancestors, page_family

PARTNER_GROUP = "Partner officials"
# The request memo's namespace for restrictions and group memberships.
MEMO = "privacy"


# What a memo holds of a restriction: (pk, type, path of its page or collection).
Rule = tuple[int, str, str]


def _rules(model) -> tuple[Rule, ...]:
    """Every view restriction of `model`, shared across requests until one changes (`portal.core.shared_reads`).

    Saving, deleting or regrouping a restriction purges it, and so does a page move; the admin
    moves a collection after saving it, in one transaction, and the purge repeated at the commit
    comes after the move.
    """
    target = "page" if model is PageViewRestriction else "collection"
    return shared_reads.shared(
        (MEMO, model._meta.label, "rules"),
        lambda: tuple(model.objects.order_by("pk").values_list("pk", "restriction_type", f"{target}__path")),
    )


def _rule_group_ids(model) -> dict[int, frozenset[int]]:
    """The groups each restriction of `model` lets in, by restriction, once per request."""

    def read():
        through = model.groups.through
        owner = model.groups.field.m2m_field_name()
        found: dict[int, set[int]] = {}
        for restriction_id, group_id in through.objects.values_list(f"{owner}_id", "group_id"):
            found.setdefault(restriction_id, set()).add(group_id)
        return {pk: frozenset(ids) for pk, ids in found.items()}

    return shared_reads.shared((MEMO, model._meta.label, "groups"), read)


def _user_group_ids(user) -> frozenset[int]:
    return request_memo.memoised(
        (MEMO, "user-groups", user.pk), lambda: frozenset(user.groups.values_list("pk", flat=True))
    )


def may_use_admin(user) -> bool:
    """Whether `user` may open Wagtail's admin, from the groups privacy reads anyway: no permission queries.

    Decides whether a page carries Wagtail's userbar. Admin access is given through groups here
    (`portal.management`'s roles); a permission given to one user directly is not looked at.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(_user_group_ids(user) & _admin_group_ids())


def _admin_group_ids() -> frozenset[int]:
    def read():
        groups = Group.objects.filter(
            permissions__content_type__app_label="wagtailadmin", permissions__codename="access_admin"
        )
        return frozenset(groups.values_list("pk", flat=True))

    return shared_reads.shared((MEMO, "admin-groups"), read)


def _blocked_rules(model, user) -> list[Rule]:
    """The restrictions of `model` that keep `user` out. An anonymous reader costs no groups query."""
    user = user or AnonymousUser()
    if user.is_superuser:
        return []
    blocked = []
    for rule in _rules(model):
        restriction_type = rule[1]
        if restriction_type == BaseViewRestriction.LOGIN:
            passes = user.is_authenticated
        elif restriction_type == BaseViewRestriction.GROUPS:
            passes = user.is_authenticated and bool(
                _user_group_ids(user) & _rule_group_ids(model).get(rule[0], frozenset())
            )
        else:
            # Password-protected items are shown only through their own page, never in lists.
            passes = False
        if not passes:
            blocked.append(rule)
    return blocked


def is_restricted(page) -> bool:
    """Whether any view restriction covers the page, whoever reads (Wagtail's `PageQuerySet.public()`)."""
    return any(page.path.startswith(path) for _pk, _type, path in _rules(PageViewRestriction))


class ViewRestrictionsMixin:
    """Page models: `get_view_restrictions` from the request's rules (Wagtail's serve check reads nothing more).

    Wagtail reads the page's ancestors, then their restrictions, for every page it serves. The
    restrictions that apply are those on the page or an ancestor, that is on a path the page's
    path starts with; the request already holds every restriction's path (`_rules`), so a page
    no restriction covers gets an empty queryset (no query) and a covered one the same rows as
    Wagtail's. Where the page or an ancestor is an alias (whose source's restrictions apply),
    Wagtail's own reading is used.
    """

    def get_view_restrictions(self):
        if self.alias_of_id or any(ancestor.alias_of_id for ancestor in ancestors(self)):
            return super().get_view_restrictions()
        ids = [pk for pk, _type, path in _rules(PageViewRestriction) if self.path.startswith(path)]
        return PageViewRestriction.objects.filter(pk__in=ids)


def forget_rules() -> None:
    """Drop this request's memo of restrictions and group memberships (a restriction or group changed)."""
    request_memo.forget(MEMO)


def _covered(paths) -> Q | None:
    """Pages at or below any of `paths`, with every translation and alias of each of them.

    A page and its translations (one `translation_key`, cross-language aliases included) and
    its aliases share one privacy rule. `portal.core.restrictions` copies every restriction onto
    the whole family, so Wagtail's own checks agree; reading the family here too keeps a
    translation hidden when it sits outside the restricted tree (a page moved into a private
    section after it was translated). None when there are no paths.
    """
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    if not condition:
        return None
    outside = _family_outside(tuple(paths), condition)
    # Through `id` (a filter field of Wagtail's search), so API v2 searches can apply it too.
    return condition | Q(id__in=outside) if outside else condition


def _family_outside(paths: tuple[str, ...], condition: Q) -> list[int]:
    """Ids of the translations and aliases of covered pages that sit outside `paths`.

    Shared across requests (`portal.core.shared_reads`): a new family member adopts its family's
    restrictions when it is created (`portal.core.restrictions`), which purges everything, and a
    publish purges its section's list.
    """

    def read() -> list[int]:
        covered = Page.objects.filter(condition)
        family = Page.objects.filter(
            Q(translation_key__in=covered.values("translation_key")) | Q(alias_of__in=covered.values("pk"))
        )
        return list(family.exclude(condition).values_list("pk", flat=True))

    return shared_reads.shared((MEMO, "family-outside", paths), read, tags=page_cache.every_list())


def pages_visible_to(user, queryset: QuerySet) -> QuerySet:
    """Live pages in `queryset` that `user` may read; drafts never appear."""
    queryset = queryset.live()
    blocked = _blocked_rules(PageViewRestriction, user)
    if not blocked:
        return queryset
    return queryset.exclude(_covered(sorted({path for _pk, _type, path in blocked})))


def user_can_view_page(user, page) -> bool:
    return pages_visible_to(user, type(page).objects.filter(pk=page.pk)).exists()


def page_hidden_by_its_family(user, page) -> bool:
    """Whether only a restriction over one of the page's translations keeps `user` from it.

    Wagtail's serve view checks the page's own and inherited restrictions (and asks for a
    password where one is set); this is the rest of the family's rule, for the serve hook
    in `portal.wagtail_hooks`. It is read even where the page has restrictions of its own,
    which may be weaker than its family's (a sign-in where the original asks for a group);
    only a password is left to Wagtail's own form.
    """
    passwords = any(rule[1] == BaseViewRestriction.PASSWORD for rule in _rules(PageViewRestriction))
    if passwords and page.get_view_restrictions().filter(restriction_type=BaseViewRestriction.PASSWORD).exists():
        return False
    if not page.live:
        return True
    blocked = sorted({path for _pk, _type, path in _blocked_rules(PageViewRestriction, user)})
    if not blocked:
        return False
    # What `_covered` selects, read from the family the language menu and the notice share: the
    # page is hidden when it, any of its translations or the page it mirrors lies under a blocked path.
    family = page_family(page)
    relatives = [page, *family.members, *([family.alias_source] if family.alias_source else [])]
    return any(relative.path.startswith(path) for relative in relatives for path in blocked)


def pages_sharing_privacy(page) -> QuerySet:
    """The page, the pages below it and every translation and alias of those: what its restriction covers."""
    return Page.objects.filter(_covered([page.path]))


def restricted_page_ids() -> QuerySet:
    """Ids of every page behind any restriction, translations included, for marking items as partner-only."""
    condition = _covered(sorted({path for _pk, _type, path in _rules(PageViewRestriction)}))
    return Page.objects.filter(condition).values_list("pk", flat=True) if condition is not None else Page.objects.none()


def documents_visible_to(user, queryset: QuerySet) -> QuerySet:
    """Documents in `queryset` that `user` may read: reviewed ones their collection lets them see.

    A document nobody has reviewed yet (`KnowledgeDocument.reviewed`) reaches no reader, whoever
    they are: editors see it in the admin only.
    """
    return in_collections_visible_to(user, queryset.filter(reviewed=True))


def in_collections_visible_to(user, queryset: QuerySet, *, field: str = "collection") -> QuerySet:
    """Rows of `queryset` whose collection (`field`) lets `user` see its documents.

    For anything kept in a document collection (a document, an earlier file of one): the same
    collection view restrictions as `documents_visible_to`, review aside. A row without a
    collection is not excluded here: its caller decides who may see it.
    """
    blocked = _blocked_rules(CollectionViewRestriction, user)
    if not blocked:
        return queryset
    condition = Q()
    for path in sorted({path for _pk, _type, path in blocked}):
        condition |= Q(**{f"{field}__path__startswith": path})
    return queryset.exclude(condition)


def attached_documents_visible_to(user, values: list) -> list:
    """Blank `value.in_language["document"]` of the block values whose document `user` may not download.

    For the attachments and document links of a page: a reader is shown only what they may
    download, its title included. One query for the whole list; call after `attach_in_language`.
    """
    documents = [value.in_language.get("document") for value in values]
    ids = [document.pk for document in documents if document is not None]
    if not ids:
        return values
    visible = set(
        documents_visible_to(user, get_document_model().objects.filter(pk__in=ids)).values_list("pk", flat=True)
    )
    for value, document in zip(values, documents, strict=True):
        if document is not None and document.pk not in visible:
            value.in_language["document"] = None
    return values


def partner_items_visible_to(user) -> tuple[list[int], list[int]]:
    """(page ids, document ids) of the partner-only items `user` may see.

    What a search index that marks items public or partner-only needs to know of a reader:
    the public ones plus these. An anonymous reader passes no view restriction (login and
    group restrictions need a user; password-protected items are never listed), so the
    answer for them is known without asking the database.
    """
    if user is None or not user.is_authenticated:
        return [], []
    restricted_pages = Page.objects.filter(pk__in=restricted_page_ids())
    page_ids = list(pages_visible_to(user, restricted_pages).values_list("pk", flat=True))
    documents = get_document_model().objects.all()
    public_documents = documents_visible_to(None, documents).values("pk")
    restricted_documents = documents.exclude(pk__in=public_documents)
    document_ids = list(documents_visible_to(user, restricted_documents).values_list("pk", flat=True))
    return page_ids, document_ids


def collection_restriction_ids(collection) -> set[int]:
    """The view restrictions that apply to a collection's documents: its own and its ancestors'."""
    return set(
        CollectionViewRestriction.objects.filter(collection__in=collection.get_ancestors(inclusive=True)).values_list(
            "pk", flat=True
        )
    )


def collection_is_more_public(*, old, new) -> bool:
    """Whether moving a document from `old` to `new` could show it to someone `old` kept it from.

    Restrictions only ever narrow who may read, so `new` keeps every reader out that `old`
    did when it carries all of `old`'s restrictions.
    """
    return not collection_restriction_ids(old) <= collection_restriction_ids(new)
