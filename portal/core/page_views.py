"""Wagtail's page-serving view, with the page found by `portal.core.routing` in one query."""

from wagtail import views as wagtail_views

from portal.core.routing import route_request


def serve(request, path):
    """Wagtail's `serve`: the same serve hooks (view restrictions) and page `serve`, routed by `route_request`.

    Wagtail keeps a request's route on the request (`Page.route_for_request`), so the
    translation notice and anything else asking for it later reuse this one.
    """
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route_request(request, path)
    return wagtail_views.serve(request, path)
