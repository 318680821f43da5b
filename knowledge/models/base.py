"""The shared base of every knowledge item: briefs, practice notes and policy tools."""

import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from knowledge import selectors
from portal.core import fragments, page_cache
from portal.core.blocks import BodyBlock
from portal.core.models.taxonomy import in_default_locale
from portal.core.page_forms import SectionPageForm
from portal.core.privacy import ViewRestrictionsMixin


class KnowledgePageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.KnowledgePage", on_delete=models.CASCADE, related_name="tagged_items")


class KnowledgePage(ViewRestrictionsMixin, Page):
    """Concrete so that lists, facets and search can query every kind in one table."""

    is_creatable = False
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    base_form_class = SectionPageForm
    # The anonymous page cache (`portal.core.page_cache`): related items, attachments and a
    # tool's events; a knowledge publish purges the knowledge lists.
    page_cache_section = "knowledge"

    def page_cache_dependencies(self):
        return [page_cache.list_tag(section) for section in ("knowledge", "events", "documents")]

    summary = models.TextField(
        _("summary"), max_length=800, help_text=_("Two or three sentences for lists and search.")
    )
    publication_date = models.DateField(_("publication date"), default=datetime.date.today)
    countries = ParentalManyToManyField(
        "portal.Country", verbose_name=_("countries"), blank=True, related_name="+", limit_choices_to=in_default_locale
    )
    themes = ParentalManyToManyField(
        "portal.Theme", verbose_name=_("themes"), blank=True, related_name="+", limit_choices_to=in_default_locale
    )
    organisations = ParentalManyToManyField(
        "portal.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    keywords = ClusterTaggableManager(through=KnowledgePageTag, blank=True, verbose_name=_("keywords"))
    content_warning = models.BooleanField(
        _("describes violence"),
        default=False,
        help_text=_("Shows a content warning above the text."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("publication_date"),
        index.RelatedFields("countries", [index.SearchField("name"), index.FilterField("iso_code")]),
        index.RelatedFields("themes", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("keywords", [index.SearchField("name")]),
    ]
    metadata_panels = [
        MultiFieldPanel(
            [
                FieldPanel("publication_date"),
                FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("organisations"),
                FieldPanel("keywords"),
                FieldPanel("content_warning"),
            ],
            heading=_("Classification"),
        )
    ]

    class Meta:
        verbose_name = _("knowledge item")
        verbose_name_plural = _("knowledge items")

    @property
    def kind_label(self):
        return self.specific_class._meta.verbose_name if self.specific_class else self._meta.verbose_name

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selectors.knowledge_item_in_language(page=self, user=request.user)
        # The same list for every signed-out reader: kept until a change (`portal.core.fragments`).
        context["related_items"] = fragments.kept(
            ("knowledge-related", self.pk),
            lambda: selectors.knowledge_related_items(page=self, user=request.user),
            request=request,
        )
        return context
