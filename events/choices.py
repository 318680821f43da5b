from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    STUDY_MISSION = "study-mission", _("Study mission")
    ROUND_TABLE = "round-table", _("Round table")
    TECHNICAL_MEETING = "technical-meeting", _("Technical meeting")
    PARTNERSHIP_SIGNING = "partnership-signing", _("Partnership signing")


# Time zones the programme meets in; an event keeps its own so times read as local.
TIME_ZONES = [
    ("Asia/Seoul", "Asia/Seoul"),
    ("Europe/Tirane", "Europe/Tirane"),
    ("Asia/Jakarta", "Asia/Jakarta"),
    ("Asia/Almaty", "Asia/Almaty"),
    ("Asia/Bishkek", "Asia/Bishkek"),
    ("Asia/Tashkent", "Asia/Tashkent"),
    ("Asia/Dushanbe", "Asia/Dushanbe"),
    ("Asia/Ashgabat", "Asia/Ashgabat"),
    ("Africa/Dakar", "Africa/Dakar"),
    ("Europe/Paris", "Europe/Paris"),
    ("America/New_York", "America/New_York"),
    ("UTC", "UTC"),
]
