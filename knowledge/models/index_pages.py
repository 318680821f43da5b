from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from knowledge import feeds, forms, selectors
from portal.core import page_cache
from portal.core.list_pages import FilteredListPageMixin
from portal.core.privacy import ViewRestrictionsMixin
from portal.core.routing import DefaultLanguageRouteMixin


class KnowledgeIndexPage(ViewRestrictionsMixin, DefaultLanguageRouteMixin, FilteredListPageMixin, Page):
    """Lists the knowledge items below it, filtered by country, theme, kind and year, with its feeds."""

    parent_page_types = ["portal.HomePage", "knowledge.KnowledgeIndexPage"]
    subpage_types = [
        "knowledge.PolicyBriefPage",
        "knowledge.PracticeNotePage",
        "knowledge.PolicyToolPage",
        "knowledge.KnowledgeIndexPage",
    ]

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    def page_cache_dependencies(self):
        """The anonymous page cache (`portal.core.page_cache`): the list and its feeds show knowledge items."""
        return [page_cache.list_tag("knowledge"), page_cache.list_tag("documents")]

    feed_class = feeds.KnowledgeFeed
    rss_feed_class = feeds.KnowledgeRssFeed

    class Meta:
        verbose_name = _("knowledge index")

    def filter_form(self, request):
        return forms.knowledge_filter_form(request, locale=self.locale)

    def list_context(self, request, filters):
        page_number = request.GET.get("page")
        return {
            "items": selectors.knowledge_items_filtered(
                index=self, user=request.user, page_number=page_number, **filters
            )
        }
