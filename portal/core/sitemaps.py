"""The sitemap (`/sitemap.xml`): every page the public may read, in every language."""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.core.privacy import pages_visible_to


class PublicSitemap(Sitemap):
    """Wagtail's sitemap reads the site's root page only; ours reads each language's tree, through the gate."""

    def items(self):
        roots = Q()
        for root in self.get_wagtail_site().root_page.get_translations(inclusive=True):
            roots |= Q(path__startswith=root.path)
        pages = pages_visible_to(None, Page.objects.filter(roots))
        return pages.order_by("path").defer_streamfields().specific()
