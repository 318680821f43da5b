"""Blocks of knowledge items: the steps of a practice."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class PracticeStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"), max_length=200)
    responsible = blocks.CharBlock(label=_("who does it"), required=False, max_length=200)
    description = blocks.RichTextBlock(label=_("what happens"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "list-ol"
        template = "knowledge/blocks/practice_step_block.html"
        description = _("One step of how the service is organised, and who carries it out.")
