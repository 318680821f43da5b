"""Blocks shared by every free-form body on the site."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=200)
    level = blocks.ChoiceBlock(label=_("level"), choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2")

    class Meta:
        icon = "title"
        template = "portal/blocks/heading_block.html"
        description = _("A section heading that also appears in the page outline.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "portal/blocks/quote_block.html"
        description = _("A short quotation with the name of who said it.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("note", _("Note")), ("warning", _("Content warning")), ("lesson", _("Lesson learned"))],
        default="note",
    )
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        template = "portal/blocks/callout_block.html"
        description = _("A highlighted note, lesson or content warning.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(label=_("link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = "portal/blocks/document_link_block.html"
        description = _("A link to a document, with its format and size.")


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(label=_("description"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        template = "portal/blocks/attachment_block.html"
        description = _("A downloadable file with a one-line description.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"), features=["bold", "italic", "link", "document-link", "ol", "ul"], icon="pilcrow"
    )
    image = ImageBlock(label=_("image"))
    quote = QuoteBlock()
    callout = CalloutBlock()
    document = DocumentLinkBlock()

    class Meta:
        template = "portal/blocks/body_block.html"
