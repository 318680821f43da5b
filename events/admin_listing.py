"""The admin's Events menu: every event of every language, by date, with its type and language."""

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageStatusColumn, PageTitleColumn

from events.models import EventIndexPage, EventPage
from portal.core.admin_listings import SectionListingViewSet, language_column
from portal.core.l10n import city_name


def event_when(event: EventPage) -> str:
    """The start as the clock read where the event took place, with its city: "2 May 2024, 10:00 (Kabul)"."""
    start = formats.date_format(event.local_start, "j M Y, H:i")
    return f"{start} ({city_name(event.time_zone)})"


class EventListingViewSet(SectionListingViewSet):
    model = EventPage
    section_models = (EventIndexPage, EventPage)
    icon = "date"
    menu_label = _("Events")
    menu_order = 110
    name = "event_pages"
    url_prefix = "events"
    columns = [
        PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        Column("start", label=_("Starts"), accessor=event_when, sort_key="start", width="20%"),
        Column("event_type", label=_("Type of event"), accessor="kind_label", sort_key="event_type", width="14%"),
        language_column(),
        PageStatusColumn("status", label=_("Status"), sort_key="live", width="12%"),
    ]
