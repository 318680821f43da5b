from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from knowledge import selectors
from portal.core import fragments
from portal.core.blocks import ATTACHMENTS_HELP, AttachmentBlock
from portal.core.items import item_kind

from .base import KnowledgePage


@item_kind("brief", order=20, section="knowledge")
class PolicyBriefPage(KnowledgePage):
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []

    attachments = StreamField(
        [("attachment", AttachmentBlock())], verbose_name=_("attachments"), blank=True, help_text=ATTACHMENTS_HELP
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        InlinePanel("brief_authors", heading=_("Authors"), label=_("author")),
        FieldPanel("body"),
        FieldPanel("attachments"),
        *KnowledgePage.metadata_panels,
    ]

    class Meta:
        verbose_name = _("policy brief")
        verbose_name_plural = _("policy briefs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = fragments.kept(
            ("brief-authors", self.pk), lambda: selectors.policy_brief_authors(brief=self), request=request
        )
        return context


class PolicyBriefAuthor(Orderable):
    page = ParentalKey(PolicyBriefPage, on_delete=models.CASCADE, related_name="brief_authors")
    person = models.ForeignKey("portal.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
