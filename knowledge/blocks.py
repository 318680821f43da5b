"""Blocks of knowledge items: attachments and the steps of a practice."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(label=_("description"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        template = "knowledge/blocks/attachment_block.html"
        description = _("A downloadable file with a one-line description.")


class PracticeStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"), max_length=200)
    responsible = blocks.CharBlock(label=_("who does it"), required=False, max_length=200)
    description = blocks.RichTextBlock(label=_("what happens"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "list-ol"
        template = "knowledge/blocks/practice_step_block.html"
        description = _("One step of how the service is organised, and who carries it out.")
