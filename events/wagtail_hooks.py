from urllib.parse import urlencode

from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies.pages import PagePermissionPolicy
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


def copy_as_new_event(request, page_id: int):
    """Where "Copy as a new event" leads: the event form under the event's own list, started from it.

    The listing's button only names the event (working out each row's list would cost a query
    per row); the create view checks that this user may add there and may edit the event.
    """
    event = get_object_or_404(EventPage.objects.only("pk", "path", "depth"), pk=page_id)
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", event.get_parent().pk])
    return redirect(f"{url}?{urlencode({'copy_from': event.pk})}")


@hooks.register("register_admin_urls")
def register_copy_as_new_event_url():
    return [path("events/copy/<int:page_id>/", copy_as_new_event, name="events_copy_as_new")]


@hooks.register("register_page_listing_more_buttons")
def copy_as_new_event_button(page, user, view_name=None, next_url=None):
    """ "Copy as a new event": the next edition of an event, started from this one, dates left empty."""
    if issubclass(page.specific_class, EventPage) and PagePermissionPolicy().user_has_permission(user, "add"):
        yield ListingButton(
            _("Copy as a new event"), reverse("events_copy_as_new", args=[page.pk]), icon_name="copy", priority=30
        )
