"""The events list page's behaviour, kept beside `models.py`: filters, pages, feeds and calendars.

`EventIndexPage` takes it as a mixin (`portal.core.list_pages`: the filters, the 400 for a bad
value, `feed/` and `feed/rss/`) and adds the calendars: `calendar/` for the filtered list and
`<event slug>/calendar/` for one event. A list's calendar, like its feeds, lists what the
public may read, whoever asks: it is subscribed to and shared without the reader's session.
One event's file is read like its page, so a partner official may add a partner-only event.
"""

from django.http import Http404
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import path, re_path

from events import calendars, feeds, listing
from events.filters import event_filter_form
from portal.core.list_filters import with_query
from portal.core.list_pages import FilteredListPageMixin


class EventListMixin(FilteredListPageMixin):
    # `calendar/` and `<event>/calendar/` are routes; `series/<slug>/` is the series page (portal/urls.py).
    reserved_child_slugs = ("feed", "calendar", "series")
    feed_class = feeds.EventsFeed
    rss_feed_class = feeds.EventsRssFeed

    def filter_form(self, request):
        return event_filter_form(request, locale=self.locale)

    def list_context(self, request, filters):
        return listing.events_split_by_time(
            index=self,
            user=request.user,
            page_number=request.GET.get("page"),
            upcoming_page_number=request.GET.get("upcoming_page"),
            **filters,
        )

    def alternate_links(self, request, form):
        links = super().alternate_links(request, form)
        if links:
            calendar_url = with_query(f"{self.get_url(request)}calendar/", form.query_string())
            links.append({"type": "text/calendar", "title": _("Calendar (iCalendar)"), "href": calendar_url})
        return links

    @path("calendar/", name="calendar")
    def list_calendar(self, request):
        form = self.filter_form(request)
        if form.is_bound and not form.is_valid():
            return calendars.bad_request(form)
        events = listing.events_listed(index=self, user=None, **form.filters)
        return calendars.calendar_response(events, request=request, name=self.title, filename=self.slug)

    @re_path(r"^([-\w]+)/calendar/$", name="event_calendar")
    def event_calendar(self, request, slug):
        event = listing.event_in_section(index=self, slug=slug, user=request.user)
        if event is None:
            raise Http404
        return calendars.calendar_response([event], request=request, name=event.title, filename=event.slug)
