from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.core.privacy import ViewRestrictionsMixin
from portal.core.routing import DefaultLanguageRouteMixin
from portal.site import selectors


class HomePage(ViewRestrictionsMixin, DefaultLanguageRouteMixin, Page):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "portal.CountryIndexPage",
        "knowledge.KnowledgeIndexPage",
        "events.EventIndexPage",
    ]
    max_count_per_parent = 1

    introduction = models.TextField(_("introduction"), blank=True)
    mission = RichTextField(_("about the partnership"), blank=True, features=["bold", "italic", "link"])

    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("mission")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.home_page_sections(home=self, user=request.user))
        return context
