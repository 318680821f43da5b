from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from knowledge import selectors
from portal.core.blocks import ATTACHMENTS_HELP, AttachmentBlock
from portal.core.items import item_kind

from .base import KnowledgePage


@item_kind("policy-tool", order=40, section="knowledge")
class PolicyToolPage(KnowledgePage):
    class Kind(models.TextChoices):
        PROTOCOL = "protocol", _("Protocol")
        SOP = "sop", _("Standard operating procedure")
        CURRICULUM = "curriculum", _("Training curriculum")
        MANUAL = "manual", _("Manual")
        TEMPLATE = "template", _("Template")
        LEGAL_MODEL = "legal-model", _("Legal model")

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []

    tool_kind = models.CharField(_("kind of tool"), max_length=20, choices=Kind.choices)
    intended_users = models.CharField(
        _("intended users"), max_length=255, help_text=_("For example: police investigators, nurses, case managers.")
    )
    adaptation_notes = RichTextField(_("adaptation notes"), blank=True, features=["bold", "italic", "link", "ul"])
    adapted_from = models.ForeignKey(
        "knowledge.PolicyToolPage",
        verbose_name=_("adapted from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
    )
    attachments = StreamField(
        [("attachment", AttachmentBlock())], verbose_name=_("attachments"), blank=True, help_text=ATTACHMENTS_HELP
    )

    search_fields = [
        *KnowledgePage.search_fields,
        index.SearchField("intended_users"),
        index.SearchField("adaptation_notes"),
        index.FilterField("tool_kind"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("tool_kind"),
        FieldPanel("intended_users"),
        FieldPanel("body"),
        FieldPanel("adaptation_notes"),
        PageChooserPanel("adapted_from", "knowledge.PolicyToolPage"),
        FieldPanel("attachments"),
        *KnowledgePage.metadata_panels,
    ]

    class Meta:
        verbose_name = _("policy tool")
        verbose_name_plural = _("policy tools")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.policy_tool_lineage(tool=self, user=request.user))
        return context
