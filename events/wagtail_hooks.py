from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.admin_listing import EventListingViewSet
from events.models import EventPage, EventSeries


class EventSeriesViewSet(SnippetViewSet):
    model = EventSeries
    icon = "date"
    list_display = ["title", "slug"]
    list_filter = ["locale"]


register_snippet(EventSeriesViewSet)


@hooks.register("register_admin_viewset")
def register_event_listing():
    return EventListingViewSet()


@hooks.register("register_page_listing_more_buttons")
def copy_as_new_event_button(page, user, view_name=None, next_url=None):
    """ "Copy as a new event": the next edition of an event, started from this one, dates left empty."""
    if not issubclass(page.specific_class, EventPage):
        return
    parent = page.get_parent()
    if not parent.permissions_for_user(user).can_add_subpage():
        return
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", parent.pk])
    yield ListingButton(
        _("Copy as a new event"), f"{url}?{urlencode({'copy_from': page.pk})}", icon_name="copy", priority=30
    )
