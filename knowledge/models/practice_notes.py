from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from knowledge.blocks import PracticeStepBlock
from portal.core.items import item_kind

from .base import KnowledgePage

FEATURES = ["bold", "italic", "link", "ul", "ol"]


@item_kind("practice-note", order=30, section="knowledge")
class PracticeNotePage(KnowledgePage):
    """A Sunflower Centre practice, written so another country can judge and adapt it."""

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []

    context = RichTextField(
        _("context"), features=FEATURES, help_text=_("The problem and the setting the practice answers.")
    )
    service_description = RichTextField(_("what the service does"), features=FEATURES)
    steps = StreamField(
        [("step", PracticeStepBlock())],
        verbose_name=_("how it is organised, step by step"),
        blank=True,
    )
    staffing = RichTextField(_("staffing"), features=FEATURES, blank=True)
    funding = RichTextField(_("funding"), features=FEATURES, blank=True)
    results = RichTextField(_("results"), features=FEATURES, blank=True)
    lessons = StreamField(
        [("lesson", blocks.TextBlock(label=_("lesson")))], verbose_name=_("lessons learned"), blank=True
    )
    transfer_conditions = RichTextField(
        _("conditions for transfer"),
        features=FEATURES,
        blank=True,
        help_text=_("What a partner country needs in place before adapting this practice."),
    )

    search_fields = [
        *KnowledgePage.search_fields,
        index.SearchField("context"),
        index.SearchField("service_description"),
        index.SearchField("steps"),
        index.SearchField("results"),
        index.SearchField("lessons"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("context"),
        FieldPanel("service_description"),
        FieldPanel("steps"),
        MultiFieldPanel([FieldPanel("staffing"), FieldPanel("funding")], heading=_("Staffing and funding")),
        FieldPanel("results"),
        FieldPanel("lessons"),
        FieldPanel("transfer_conditions"),
        FieldPanel("body"),
        *KnowledgePage.metadata_panels,
    ]

    class Meta:
        verbose_name = _("practice note")
        verbose_name_plural = _("practice notes")
