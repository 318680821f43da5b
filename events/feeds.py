"""Atom and RSS feeds of the events list, filtered as the page is (`portal.core.feeds`).

They hold exactly the events the filtered page lists (`events.listing`), latest first; each
entry says when the event takes place on its own clock, with the zone's name.
"""

from django.utils import formats
from django.utils.translation import gettext as _

from events import listing
from portal.core.feeds import FilteredListFeed, rss
from portal.core.l10n import time_zone_label


class EventsFeed(FilteredListFeed):
    def list_items(self, *, index, filters, limit):
        return listing.events_listed(index=index, user=None, **filters)[:limit]

    def item_description(self, item):
        when = formats.date_format(item.start.astimezone(item.tz), "DATETIME_FORMAT")
        zone = time_zone_label(item.time_zone, item.start)
        return _("%(when)s, %(zone)s. %(summary)s") % {"when": when, "zone": zone, "summary": item.summary}

    def item_categories(self, item):
        return [item.get_event_type_display(), *super().item_categories(item)]


EventsRssFeed = rss(EventsFeed)
