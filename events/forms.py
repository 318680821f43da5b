import datetime
import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import time_zone_choices
from portal.core.page_forms import SectionPageForm

# The date-times an organiser types on the event's own clock.
LOCAL_TIMES = ("start", "end", "registration_closes")
# An event whose end is left empty lasts this long: most of the programme's events are webinars.
DEFAULT_LENGTH = datetime.timedelta(minutes=90)
# A new event starts as the most common kind: an online webinar.
NEW_EVENT_DEFAULTS = {"event_type": "webinar", "is_online": True}


class EventPageForm(SectionPageForm):
    """Start, end and the registration's closing time are typed as the clock read where the event took place.

    They are stored as UTC; this form converts using the event's own time zone both ways,
    so an organiser in Seoul entering a Tirana webinar does not need to do arithmetic.
    """

    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        initial="Asia/Seoul",
        help_text=_("The city whose clock the event kept, such as Kabul or Tirane."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "time_zone" in self.fields:
            self.fields["time_zone"].choices = time_zone_choices(current=self.instance.time_zone)
        if "end" in self.fields:
            self.fields["end"].required = False
            self.fields["end"].help_text = _("Leave empty for a 90-minute event.")
        if not self.instance.pk and not self.is_bound and not self.instance.event_type:
            for name, value in NEW_EVENT_DEFAULTS.items():
                if name in self.fields:
                    self.initial[name] = value
        if self.instance.pk and self.instance.start and not self.is_bound:
            tz = zoneinfo.ZoneInfo(self.instance.time_zone)
            for name in LOCAL_TIMES:
                value = getattr(self.instance, name)
                if value and name in self.fields:
                    self.initial[name] = timezone.make_naive(value, tz)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        if zone_name:
            tz = zoneinfo.ZoneInfo(zone_name)
            current = timezone.get_current_timezone()
            for name in LOCAL_TIMES:
                value = cleaned.get(name)
                if value is not None:
                    cleaned[name] = timezone.make_aware(timezone.make_naive(value, current), tz)
        if cleaned.get("start") and not cleaned.get("end") and "end" in self.fields and not self.has_error("end"):
            # Ninety minutes of real time, whatever the clock does meanwhile (a change to summer time).
            start = cleaned["start"]
            cleaned["end"] = (start.astimezone(datetime.UTC) + DEFAULT_LENGTH).astimezone(start.tzinfo)
        return cleaned
