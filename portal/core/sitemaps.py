"""The sitemap (`/sitemap.xml`): every page the public may read, in every language, with its hreflang alternates."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.core import page_cache
from portal.core.privacy import pages_visible_to


class PublicSitemap(Sitemap):
    """Wagtail's sitemap reads the site's root page only; ours reads each language's tree, through the gate.

    Each address names its translations the public may read (`<xhtml:link rel="alternate"
    hreflang>`, Django's sitemap template), itself included, and the default language's as
    `x-default`, as search engines ask; a translation that is partner-only is named nowhere.
    """

    def _public_pages(self):
        roots = Q()
        for root in self.get_wagtail_site().root_page.get_translations(inclusive=True):
            roots |= Q(path__startswith=root.path)
        return pages_visible_to(None, Page.objects.filter(roots)).order_by("path")

    def items(self):
        page_cache.depends_on(page_cache.ALL)  # every public page, in every language
        return self._public_pages().defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        # The families, from the public pages only: one query, addresses from Wagtail's cached site roots.
        families = defaultdict(list)
        family_of = {}
        for member in self._public_pages().select_related("locale"):
            location = member.get_full_url(self.request)
            families[member.translation_key].append((member.locale.language_code, location))
            family_of[location] = member.translation_key
        for url in urls:
            members = sorted(families.get(family_of.get(url["location"]), []))
            if len(members) < 2:
                continue
            url["alternates"] = [{"lang_code": code, "location": location} for code, location in members]
            default = next((location for code, location in members if code == settings.LANGUAGE_CODE), None)
            if default:
                url["alternates"].append({"lang_code": "x-default", "location": default})
        return urls
