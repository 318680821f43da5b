from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from events.choices import FollowUpStatus


class AgendaItemStructValue(blocks.StructValue):
    def time_range(self):
        start, end = self.get("start_time"), self.get("end_time")
        if start and end:
            return f"{start:%H:%M}–{end:%H:%M}"
        return f"{start:%H:%M}" if start else ""


class AgendaItemBlock(blocks.StructBlock):
    day = blocks.IntegerBlock(label=_("day"), min_value=1, default=1)
    start_time = blocks.TimeBlock(label=_("start"), required=False)
    end_time = blocks.TimeBlock(label=_("end"), required=False)
    title = blocks.CharBlock(label=_("session"), max_length=255)
    speakers = blocks.CharBlock(label=_("speakers"), required=False, max_length=255)

    class Meta:
        icon = "time"
        template = "events/blocks/agenda_item_block.html"
        description = _("One session of the agenda, in the event's own time zone.")
        value_class = AgendaItemStructValue


class FollowUpActionStructValue(blocks.StructValue):
    def is_open(self) -> bool:
        """Open or in progress: what a country profile lists as still to do."""
        return self.get("status") != FollowUpStatus.DONE

    def status_label(self) -> str:
        return FollowUpStatus(self.get("status") or FollowUpStatus.OPEN).label


class FollowUpActionBlock(blocks.StructBlock):
    action = blocks.CharBlock(label=_("action"), max_length=255)
    organisation = SnippetChooserBlock(
        "portal.Organisation",
        label=_("owner organisation"),
        required=False,
        help_text=_("The organisation that takes the action."),
    )
    owner = blocks.CharBlock(
        label=_("who"),
        required=False,
        max_length=200,
        help_text=_("Who, as readers should read it (“USPC and UNDP Albania”); empty: the organisation's name."),
    )
    due = blocks.DateBlock(label=_("due"), required=False)
    status = blocks.ChoiceBlock(label=_("status"), choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN)

    class Meta:
        icon = "tick"
        template = "events/blocks/follow_up_action_block.html"
        description = _("An agreed next step, who takes it, by when, and how far it has come.")
        value_class = FollowUpActionStructValue


class ProducedItemsBlock(blocks.StreamBlock):
    """What an event produced: knowledge pages and documents.

    Pages are named by model string, so events never imports knowledge; each item is shown only
    to readers who may see it (`events.selectors.event_produced_items`).
    """

    page = blocks.PageChooserBlock(
        label=_("Knowledge page"),
        page_type=["knowledge.PolicyBriefPage", "knowledge.PracticeNotePage", "knowledge.PolicyToolPage"],
        description=_("A policy brief, practice note or policy tool that came out of the event."),
    )
    document = DocumentChooserBlock(
        label=_("Document"), description=_("A report, declaration or other document that came out of the event.")
    )
