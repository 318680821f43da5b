from django.utils.translation import gettext_lazy as _

from wagtail import blocks


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


class FollowUpActionBlock(blocks.StructBlock):
    action = blocks.CharBlock(label=_("action"), max_length=255)
    owner = blocks.CharBlock(label=_("who"), required=False, max_length=200)
    due = blocks.DateBlock(label=_("due"), required=False)

    class Meta:
        icon = "tick"
        template = "events/blocks/follow_up_action_block.html"
        description = _("An agreed next step, who takes it and by when.")
