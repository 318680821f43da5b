"""Blocks shared by every free-form body on the site.

Labels are sentence case nouns ("Heading", "Paragraph", "Document link"), the same words in the
block menu and on each block, and every field says what it is for; the menu's description says
when to use the block.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Subsection"))],
        default="h2",
        help_text=_("A subsection belongs to the section above it."),
    )

    class Meta:
        label = _("Heading")
        icon = "title"
        template = "portal/blocks/heading_block.html"
        description = _("A section heading that also appears in the page outline.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(
        label=_("Said by"), required=False, max_length=200, help_text=_("A name, and a role if it helps.")
    )

    class Meta:
        label = _("Quote")
        icon = "openquote"
        template = "portal/blocks/quote_block.html"
        description = _("A short quotation with the name of who said it.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("note", _("Note")), ("warning", _("Content warning")), ("lesson", _("Lesson learned"))],
        default="note",
    )
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])

    class Meta:
        label = _("Callout")
        icon = "warning"
        template = "portal/blocks/callout_block.html"
        description = _("A highlighted note, lesson or content warning.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        label = _("Document link")
        icon = "doc-full"
        template = "portal/blocks/document_link_block.html"
        description = _("A link to a document, with its format and size.")


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"), help_text=_("Choose a document, or upload a new one."))
    description = blocks.CharBlock(
        label=_("Description"),
        required=False,
        max_length=255,
        help_text=_("One line on what the file is, such as “Slides of the opening session”."),
    )

    class Meta:
        # Reached through a bare "+" (a list of one kind of block has no menu): the block says what it adds.
        label = _("Attached document")
        icon = "doc-full"
        template = "portal/blocks/attachment_block.html"
        description = _("A document readers can download from this page, with a line on what it is.")
        help_text = _(
            "Readers see the document's title, format and size with a download link, and your line below "
            "it. A partner-only or unreviewed document is shown only to those who may open it."
        )


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        icon="pilcrow",
        description=_("Text, with links and lists."),
    )
    image = ImageBlock(label=_("Image"), description=_("A picture with its description for people who cannot see it."))
    quote = QuoteBlock()
    callout = CalloutBlock()
    document = DocumentLinkBlock()

    class Meta:
        template = "portal/blocks/body_block.html"


# What an attachment list says above its "+" button, which alone would not say what it adds.
ATTACHMENTS_HELP = _(
    "Add each file with the + button below: choose a document or upload one, and describe it in a line."
)
