"""The language menu: every interface language, on every page, each linking to this page.

The menu lists the same languages everywhere (`settings.LANGUAGES`), in the same order, so a
reader finds their language where they found it on the last page. Each links to what the reader
is reading, in that language:

* a Wagtail page: its live translation; where there is none, the address at which that
  language's tree serves the default-language page (its deepest translated ancestor, whose
  `DefaultLanguageRouteMixin` routes the rest of the path to the original, or the language
  prefix swapped where that language has no tree at all). Such a link is marked
  `is_translated=False`, and the page it leads to carries the "not yet translated" notice;
* any other route (search, document pages, sign-in): the same route in that language.

The query string is kept, so a filtered list or a search stays filtered in the other language
(filter values are language-neutral keys: `country=KZ`, `theme=police`), unless it is longer than
`MAX_KEPT_QUERY`: no reader's filter is, and a page that answers a forged one with a 400 should
not repeat it once per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, translate_url
from django.utils import translation
from django.utils.encoding import escape_uri_path

from wagtail.models import Page

from portal.core.page_family import page_family
from portal.core.routing import DefaultLanguageRouteMixin

MAX_KEPT_QUERY = 1000


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # the language's own name for itself: "Русский", "한국어"
    url: str  # with the query string
    full_url: str  # for <link rel="alternate">: only a real translation has one
    is_current: bool
    is_translated: bool  # False: the page is not in this language yet (the link serves the original)


def _local_name(code: str) -> str:
    try:
        return translation.get_language_info(code)["name_local"]
    except KeyError:
        return code


def _with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query and url else url


def _swap_prefix(url: str, code: str) -> str:
    """'/en/knowledge/x/' → '/fr/knowledge/x/': the language's own prefix on a default-language page."""
    return re.sub(r"^(/|https?://[^/]+/)[\w-]+/", lambda match: f"{match.group(1)}{code}/", url, count=1)


class _PageFamily:
    """A page's live translations and its ancestors' (`portal.core.page_family`, read once per request)."""

    def __init__(self, page: Page, request: HttpRequest | None):
        self.request = request
        family = page_family(page)
        self.by_code = {member.locale.language_code: member for member in family.live_members()}
        self.by_code.setdefault(page.locale.language_code, page)
        # Fallbacks are found from the default-language original, whose tree every language routes to.
        self.original = self.by_code.get(settings.LANGUAGE_CODE, page)
        self.ancestors = list(family.ancestors_of(self.original))
        self.ancestor_translations = family.live_translations(self.ancestors)

    def url(self, code: str) -> tuple[str, str, bool]:
        """(url, full_url, is_translated) of this page for readers of `code`."""
        member = self.by_code.get(code)
        if member is not None:
            url = member.get_url(self.request) or ""
            if member.alias_of_id:  # an alias mirrors the original's words: not a translation
                return url, "", False
            return url, member.get_full_url(self.request) or "", True
        return self._fallback_url(code), "", False

    def _fallback_url(self, code: str) -> str:
        rest = [self.original.slug]
        for ancestor in reversed(self.ancestors):
            found = self.ancestor_translations.get((ancestor.translation_key, code))
            if found is not None:
                base = found.get_url(self.request) or ""
                if base and issubclass(found.specific_class or Page, DefaultLanguageRouteMixin):
                    return base + "/".join(rest) + "/"
                return base  # a section that cannot serve the original: its nearest page in that language
            rest.insert(0, ancestor.slug)
        # No page of this language's tree: Wagtail serves the default-language tree at its prefix.
        return _swap_prefix(self.original.get_url(self.request) or "", code)


def _route_below(page: Page, request: HttpRequest | None) -> str:
    """The part of the address a routable page's route answers ("compare/"), "" for the page itself."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or not hasattr(page, "reverse_subpage"):
        return ""
    try:
        return page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return ""


def language_links(*, request: HttpRequest | None, page: Page | None = None) -> list[LanguageLink]:
    """The menu's links, one per interface language, in the settings' order."""
    current = translation.get_language()
    query = request.META.get("QUERY_STRING", "") if request is not None else ""
    if len(query) > MAX_KEPT_QUERY:
        query = ""
    if isinstance(page, Page):
        family = _PageFamily(page, request)
        # A route below the page (the countries index's comparison) is the same route in every language.
        route = _route_below(page, request)
        links = []
        for code, _name in settings.LANGUAGES:
            url, full_url, is_translated = family.url(code)
            links.append(
                LanguageLink(
                    code=code,
                    name=_local_name(code),
                    url=_with_query(url + route if url else url, query),
                    full_url=full_url + route if full_url else full_url,
                    is_current=code == current,
                    is_translated=is_translated,
                )
            )
        return links

    match = getattr(request, "resolver_match", None)
    keep_route = match is not None and match.url_name not in (None, "wagtail_serve")
    return [
        LanguageLink(
            code=code,
            name=_local_name(code),
            url=_with_query(translate_url(escape_uri_path(request.path), code), query) if keep_route else f"/{code}/",
            full_url="",
            is_current=code == current,
            is_translated=True,
        )
        for code, _name in settings.LANGUAGES
    ]
