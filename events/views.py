"""A series page: every event of one `EventSeries`, first to last, at `/<lang>/events/series/<slug>/`.

A series is a snippet, not a page, so it is served here rather than by Wagtail's page tree; no
event page can sit at that address (event pages have no children).
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from events import selectors
from portal.core import page_cache


@require_safe
def event_series(request, slug: str):
    found = selectors.event_series_for_reader(slug=slug, user=request.user)
    if found is None:
        raise Http404
    series, events = found
    page_cache.depends_on(page_cache.list_tag("events"))
    return TemplateResponse(request, "events/event_series.html", {"page": None, "series": series, "events": events})
