"""The site's answer to an unexpected error: a 503 while the database is away, else the 500 page.

`portal.urls` names `server_error` as Django's `handler500`. Django calls it for an exception
from any view or middleware (each middleware's exceptions become a response where they are raised,
so no middleware could see them all), while the exception is still being handled.

When the database cannot be reached (restarting, failed over, its host gone), every query raises
`OperationalError` or `InterfaceError`, in a view or in a middleware that reads the session or
the shared reads. Readers then get a short page in their language saying the site is
temporarily unavailable, `503` with `Retry-After`, rather than "something went wrong": nothing
is broken on their side and trying again shortly works. Each worker reconnects by itself on the
next request once the database answers (`CONN_HEALTH_CHECKS` in production), so nothing has to
be restarted.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views import defaults

# Seconds a client (or a proxy in front) may wait before asking again: a database restart
# or failover takes seconds to a minute.
RETRY_AFTER_SECONDS = 30
# What libpq and psycopg raise when the server is refused, gone mid-query or shutting down
# (Django wraps them in these), and SQLite's "unable to open database file".
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """Django's `handler500`: the 503 page for a database that cannot answer, else Django's own 500 page."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable(request)
    return defaults.server_error(request, template_name)


def database_unavailable(request) -> HttpResponse:
    """`503` with `Retry-After`, rendered without a query: no request context, so no context processor runs.

    The language comes from the address's prefix, as `PortalLocaleMiddleware` would activate it,
    which may not have run yet when the failure came from an earlier middleware.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        content = loader.render_to_string("503.html")
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Content-Language"] = language
    # Nobody keeps the outage page: a proxy, a CDN or the browser asks again next time.
    patch_cache_control(response, no_store=True)
    return response
