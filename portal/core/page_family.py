"""A page's relatives, read once per request: its ancestors, its translations and theirs.

The language menu (`portal.core.language_links`), the translation notice (`portal.core.i18n`),
an event's Open Graph alternates (`events.metadata`), the breadcrumbs and the serve-time privacy
check (`portal.core.privacy.page_hidden_by_its_family`) all ask about the same relatives of the
page being served. They share one read here, kept in the request memo (`portal.core.request_memo`):
never across requests, and read afresh outside a GET or HEAD request.

Routing (`portal.core.routing`) has already read the pages on the way to the served page, so it
leaves them here as that page's ancestors; any other page's ancestors are read when first asked for.
"""

from __future__ import annotations

from django.db.models import Q

from wagtail.models import Page

from portal.core import request_memo

# The request memo's namespace for page relatives.
MEMO = "page-family"


def _ancestor_paths(page: Page) -> list[str]:
    """The tree paths of the page's ancestors below the tree's root node, top first."""
    step = Page.steplen
    return [page.path[:end] for end in range(2 * step, len(page.path), step)]


def remember_ancestors(page: Page, ancestors) -> None:
    """Keep `ancestors` (what routing walked through) as the page's for the rest of the request."""
    request_memo.memoised((MEMO, "ancestors", page.pk), lambda: tuple(ancestors))


def ancestors(page: Page) -> tuple[Page, ...]:
    """The page's ancestors below the tree's root node (the home page first), with their locales."""
    return request_memo.memoised(
        (MEMO, "ancestors", page.pk),
        lambda: tuple(page.get_ancestors().filter(depth__gt=1).select_related("locale")),
    )


class PageFamily:
    """Every translation of a page and of each of its ancestors, drafts included, in one query.

    `members` share the page's `translation_key` (the page's own row among them, aliases in
    other languages too); `alias_source` is the page an alias mirrors. Callers that show links
    keep the live ones; the privacy check reads them all, as a restriction covers drafts too.
    """

    def __init__(self, page: Page):
        self.page = page
        self.ancestors = ancestors(page)
        keys = {page.translation_key, *(ancestor.translation_key for ancestor in self.ancestors)}
        condition = Q(translation_key__in=keys)
        if page.alias_of_id:
            condition |= Q(pk=page.alias_of_id)
        rows = list(Page.objects.filter(condition).select_related("locale").order_by("path"))
        self._by_path = {row.path: row for row in rows}
        self._by_key: dict = {}
        for row in rows:
            self._by_key.setdefault(row.translation_key, []).append(row)
        self.members = tuple(self._by_key.get(page.translation_key, ()))
        self.alias_source = self._by_path_pk(page.alias_of_id)

    def _by_path_pk(self, pk):
        if pk is None:
            return None
        return next((row for row in self._by_path.values() if row.pk == pk), None)

    def live_members(self) -> list[Page]:
        return [member for member in self.members if member.live]

    def member(self, *, locale_id: int, live: bool = True) -> Page | None:
        """The page's translation in a locale (live only, unless `live=False`)."""
        for member in self.members:
            if member.locale_id == locale_id and (member.live or not live):
                return member
        return None

    def ancestors_of(self, member: Page) -> tuple[Page, ...]:
        """The ancestors of one of the members, from the rows already read where they are among them."""
        if member.pk == self.page.pk:
            return self.ancestors
        found = [self._by_path.get(path) for path in _ancestor_paths(member)]
        if all(found):
            return tuple(found)
        return ancestors(member)

    def live_translations(self, pages) -> dict[tuple[str, str], Page]:
        """Live translations of `pages` (ancestors), by (translation_key, language code)."""
        keys = {page.translation_key for page in pages}
        missing = keys - self._by_key.keys()
        rows = [row for key in keys & self._by_key.keys() for row in self._by_key[key]]
        if missing:
            rows += list(Page.objects.filter(translation_key__in=missing).select_related("locale"))
        return {(row.translation_key, row.locale.language_code): row for row in rows if row.live}


def page_family(page: Page) -> PageFamily:
    """The page's family, read once per request."""
    return request_memo.memoised((MEMO, "family", page.pk), lambda: PageFamily(page))
