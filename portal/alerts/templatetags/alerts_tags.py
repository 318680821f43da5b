from django import template
from django.http import QueryDict
from django.urls import reverse

from portal.alerts.filters import PARAMETERS
from portal.core.items import kinds

register = template.Library()


@register.simple_tag(takes_context=True)
def alert_subscribe_url(context, section: str | None = None, kind: str | None = None) -> str:
    """The subscribe page for what the current list or search shows: its filter parameters.

    A section's list (`section="knowledge"`) without a kind chosen shows that section's kinds,
    so the subscription names them; a search without one follows every kind. A list of one
    kind (`kind="event"`) names it instead of its own "kind" filter: the events list's kinds are
    event types (webinar, study mission), which the search's filters, and so alerts, do not have.
    """
    request = context["request"]
    query = QueryDict(mutable=True)
    for name in PARAMETERS:
        values = [value for value in request.GET.getlist(name) if value]
        if values:
            query.setlist(name, values)
    if kind:
        query.setlist("kind", [kind])
    elif section and not query.getlist("kind"):
        query.setlist("kind", [declared.key for declared in kinds(section=section)])
    url = reverse("alerts:subscribe")
    return f"{url}?{query.urlencode()}" if query else url
