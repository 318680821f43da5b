from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.admin_listing import EventListingViewSet
from events.models import EventSeries


class EventSeriesViewSet(SnippetViewSet):
    model = EventSeries
    icon = "date"
    list_display = ["title", "slug"]
    list_filter = ["locale"]


register_snippet(EventSeriesViewSet)


@hooks.register("register_admin_viewset")
def register_event_listing():
    return EventListingViewSet()
