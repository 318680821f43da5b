"""Finding the page an address asks for, in one query, and falling back to the default language.

Wagtail routes a path one level at a time: each page reads its child by slug, then that
child's specific row, so a page three levels down costs eight queries before it is served.
Here the whole path is read at once: every page whose depth and slug fit one component of the
path (the reader's tree, the default-language tree the fallback routes to, and the site root's
translations), with their locales, in one query. The walk down then follows Wagtail's rules
exactly (`Page.route`, `RoutablePageMixin.route` and `DefaultLanguageRouteMixin.route`), reading
the specific row of the served page only. A page class with a `route` of its own is handed the
rest of the path and routes it as Wagtail would.

The pages walked through are left in the request memo as the served page's ancestors
(`portal.core.page_family`) for the breadcrumbs, the language menu and the privacy check.
Routing decides only which page an address names: Wagtail's serve view and the serve hooks
(`portal.wagtail_hooks`) then check view restrictions, whichever way the page was found.
"""

from __future__ import annotations

import functools

from django.db.models import Q
from django.http import Http404
from django.urls import Resolver404
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from portal.core import page_family, request_memo
from portal.core.locale import default_locale

# The request memo's namespace for routing.
MEMO = "routing"


class DefaultLanguageRouteMixin:
    """Section pages that route to the default-language page when a translation is missing.

    `/ru/countries/uzbekistan/` finds the Russian countries index, which has no Russian
    Uzbekistan profile yet: rather than a 404, the English profile is served at that
    address (with the "not yet translated" notice) until the translation is published.
    """

    def route(self, request, path_components):
        walk = _Walk(request, self, _candidates(self, path_components), base_depth=self.depth)
        return walk.route(self, path_components)


# The `route` methods whose rules the walk follows; a page class with any other routes itself.
_KNOWN_ROUTES = {Page.route, RoutablePageMixin.route, DefaultLanguageRouteMixin.route}
_KNOWN_RESOLVERS = {RoutablePageMixin.resolve_subpage}


@functools.cache
def _walkable(cls) -> bool:
    for klass in cls.__mro__:
        if "route" in klass.__dict__ and klass.__dict__["route"] not in _KNOWN_ROUTES:
            return False
        if "resolve_subpage" in klass.__dict__ and klass.__dict__["resolve_subpage"] not in _KNOWN_RESOLVERS:
            return False
    return True


def _candidates(start: Page, components, *, also: Q | None = None) -> list[Page]:
    """Every page that may sit on the path below `start`: at each level, the pages with that level's slug."""
    condition = also or Q()
    for level, slug in enumerate(components, start=1):
        condition |= Q(depth=start.depth + level, slug=slug)
    if not condition:
        return []
    return list(Page.objects.filter(condition).select_related("locale"))


class _Walk:
    """One path's walk down the tree, over the pages read at once (`_candidates`)."""

    def __init__(self, request, start: Page, candidates, *, base_depth: int):
        self.request = request
        self.base_depth = base_depth  # `_candidates` read the path's first component at this depth + 1
        self.children = {(page.path[: -Page.steplen], page.slug): page for page in candidates}
        self.by_path = {page.path: page for page in candidates}
        self.by_path.setdefault(start.path, start)
        self.translations = {(page.translation_key, page.locale_id): page for page in candidates}

    def _child(self, parent: Page, slug: str, index: int) -> Page:
        """The child `slug` of `parent`, for the path's component at `index`."""
        # The candidates hold every page of that depth and slug: what is not among them does not exist.
        if parent.depth == self.base_depth + index:
            child = self.children.get((parent.path, slug))
            if child is None:
                raise Http404
        else:  # a fallback into a tree of another shape: read the child as Wagtail does
            try:
                child = parent.get_children().select_related("locale").get(slug=slug)
            except Page.DoesNotExist as error:
                raise Http404 from error
        child._cached_parent_obj = parent
        return child

    def route(self, page: Page, components, index: int = 0) -> RouteResult:
        """Route `components`, the rest of the path from its component at `index`, below `page`."""
        cls = page.specific_class or type(page)
        if not _walkable(cls):
            return self._served(page).route(self.request, list(components))
        if issubclass(cls, DefaultLanguageRouteMixin):
            try:
                return self._route_here(page, cls, components, index)
            except Http404:
                default = default_locale()
                if not components or page.locale_id == default.pk:
                    raise
                original = self.translations.get((page.translation_key, default.pk))
                if original is None:
                    original = page.get_translation_or_none(default)
                if original is None:
                    raise
                return self.route(original, components, index)
        return self._route_here(page, cls, components, index)

    def _route_here(self, page: Page, cls, components, index: int) -> RouteResult:
        if issubclass(cls, RoutablePageMixin) and page.live:
            path = "/" + "".join(f"{component}/" for component in components)
            try:
                cls.get_resolver().resolve(path)
            except Resolver404:
                pass
            else:
                served = self._served(page)
                match = served.resolve_subpage(path)
                self.request.routable_resolver_match = match
                view, args, kwargs = match
                return RouteResult(served, args=(view, args, kwargs))
        if components:
            child = self._child(page, components[0], index)
            return self.route(child, components[1:], index + 1)
        if not page.live:
            raise Http404
        return RouteResult(self._served(page))

    def _served(self, page: Page) -> Page:
        """The page's specific row (its locale kept), its ancestors left for the rest of the request."""
        specific = page.specific
        if "locale" in page._state.fields_cache:
            specific.locale = page.locale
        found = [self.by_path.get(path) for path in page_family._ancestor_paths(page)]
        if all(found):
            page_family.remember_ancestors(specific, found)
        return specific


def _reader_root(site_root: Page, roots) -> Page:
    """`site_root.localized`: its live translation in the active language, else the site root itself."""
    try:
        language = get_supported_content_language_variant(translation.get_language() or "")
    except LookupError:
        return site_root
    for root in roots:
        if root.locale.language_code == language:
            return root if root.live else site_root
    return site_root


def _path(page: Page) -> str:
    return page.path


def section_pages(root: Page) -> tuple[Page, ...]:
    """The root's live children (the main navigation), in the tree's order, once per request."""
    return request_memo.memoised(
        (MEMO, "sections", root.pk), lambda: tuple(root.get_children().live().select_related("locale"))
    )


def _read_top(root: Page, components=()) -> tuple[list[Page], Page]:
    """The pages the path may name, with the site root's translations and every section, in one query.

    Returns them and the site root in the reader's language; that root and its sections (the
    navigation) are kept for the rest of the request.
    """
    sections = Q(depth=root.depth + 1)
    candidates = _candidates(
        root, components, also=Q(translation_key=root.translation_key, depth=root.depth) | sections
    )
    roots = [page for page in candidates if page.translation_key == root.translation_key and page.depth == root.depth]
    start = _reader_root(next((page for page in roots if page.pk == root.pk), root), roots)
    request_memo.memoised((MEMO, "site-root"), lambda: start)
    if start.depth == root.depth:
        below = sorted((page for page in candidates if page.path[: -Page.steplen] == start.path), key=_path)
        request_memo.memoised((MEMO, "sections", start.pk), lambda: tuple(page for page in below if page.live))
    return candidates, start


def site_root(request) -> Page | None:
    """The site's root page in the reader's language (`Site.root_page.localized`), once per request."""

    def read():
        site = Site.find_for_request(request)
        return _read_top(site.root_page)[1] if site else None

    return request_memo.memoised((MEMO, "site-root"), read)


def route_request(request, path: str) -> RouteResult | None:
    """What `Page.route_for_request` answers, from one read of every page the path may name."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    candidates, start = _read_top(site.root_page, components)
    try:
        return _Walk(request, start, candidates, base_depth=site.root_page.depth).route(start, components)
    except Http404:
        return None
