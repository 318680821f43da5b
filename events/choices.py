import functools
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    STUDY_MISSION = "study-mission", _("Study mission")
    ROUND_TABLE = "round-table", _("Round table")
    TECHNICAL_MEETING = "technical-meeting", _("Technical meeting")
    PARTNERSHIP_SIGNING = "partnership-signing", _("Partnership signing")


class EventStatus(models.TextChoices):
    """What the organiser decides. "Upcoming", "open for registration" and "held" follow from the dates."""

    SCHEDULED = "scheduled", _("As planned")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


class EventPhase(models.TextChoices):
    """The status a reader sees: the organiser's decision, else what the dates and registration say."""

    OPEN_FOR_REGISTRATION = "open-for-registration", _("Open for registration")
    UPCOMING = "upcoming", _("Upcoming")
    UNDER_WAY = "under-way", _("Under way")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in-progress", _("In progress")
    DONE = "done", _("Done")


# The regions of the IANA time zone database whose zones are named after a city
# ("Asia/Kabul"); the database's other names are aliases kept for old data ("US/Eastern",
# "Etc/GMT+5", "Cuba") and would only make the list longer.
_TIME_ZONE_REGIONS = {
    "Africa": _("Africa"),
    "America": _("Americas"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
    "Asia": _("Asia"),
    "Atlantic": _("Atlantic"),
    "Australia": _("Australia"),
    "Europe": _("Europe"),
    "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific"),
}


def validate_time_zone(value: str) -> None:
    """Any zone of the IANA database this machine knows, aliases included: stored values stay valid."""
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone. Choose the city whose clock the event kept."),
            code="invalid_time_zone",
            params={"value": value},
        )


def _city(name: str) -> str:
    # "America/Argentina/Buenos_Aires" -> "Argentina / Buenos Aires"
    return " / ".join(part.replace("_", " ") for part in name.split("/")[1:])


@functools.cache
def _grouped_time_zones() -> tuple:
    by_region: dict[str, list[tuple[str, str]]] = {region: [] for region in _TIME_ZONE_REGIONS}
    for name in zoneinfo.available_timezones():
        region = name.split("/", 1)[0]
        if region in by_region and "/" in name:
            by_region[region].append((name, _city(name)))
    return tuple((region, tuple(sorted(zones, key=lambda zone: zone[1]))) for region, zones in by_region.items())


def time_zone_choices(*, current: str | None = None) -> list:
    """The whole time zone database as choices, by region and city ("Asia" → "Kabul"), UTC first.

    `current` (an event's stored zone) is offered even when it is an alias the list leaves out,
    so editing an older event never turns its zone into an error.
    """
    choices: list = [("UTC", _("UTC (coordinated universal time)"))]
    choices += [(_TIME_ZONE_REGIONS[region], list(zones)) for region, zones in _grouped_time_zones()]
    listed = {"UTC"} | {name for _region, zones in _grouped_time_zones() for name, _label in zones}
    if current and current not in listed and current in zoneinfo.available_timezones():
        choices.insert(1, (current, current))
    return choices
