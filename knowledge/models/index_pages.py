from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from knowledge import forms, selectors
from portal.core.routing import DefaultLanguageRouteMixin


class KnowledgeIndexPage(DefaultLanguageRouteMixin, Page):
    """Lists the knowledge items below it, filtered by country, theme and kind."""

    parent_page_types = ["portal.HomePage", "knowledge.KnowledgeIndexPage"]
    subpage_types = [
        "knowledge.PolicyBriefPage",
        "knowledge.PracticeNotePage",
        "knowledge.PolicyToolPage",
        "knowledge.KnowledgeIndexPage",
    ]

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("knowledge index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = forms.KnowledgeFilterForm(request.GET or None, locale=self.locale)
        filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
        context["filter_form"] = form
        context["items"] = selectors.knowledge_items_filtered(
            index=self, user=request.user, page_number=request.GET.get("page"), **filters
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        form = response.context_data["filter_form"]
        if form.is_bound and form.errors:
            # The page still renders, with the errors beside the filters, but says 400.
            response.status_code = 400
        return response
