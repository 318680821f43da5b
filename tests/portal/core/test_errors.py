"""portal/core/errors.py: a database that cannot answer is a 503 in the reader's language, anything else the 500 page.

The real thing, a PostgreSQL stopped and started under traffic against gunicorn, is
tests/portal/test_database_restart.py; here the errors are raised by views, on any database.
"""

from django.db import InterfaceError, OperationalError
from django.test import Client, RequestFactory
from django.urls import path
from django.utils import translation

import pytest

from portal import urls as portal_urls
from portal.core import errors

pytestmark = pytest.mark.django_db

HEADING = "The site is temporarily unavailable"


def database_refused(request, language):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


def connection_closed(request, language):
    raise InterfaceError("connection already closed")


def broken(request):
    raise RuntimeError("a view that fails")


# This module's own failing routes in front of the site's, and the site's error handler.
urlpatterns = [
    path("<str:language>/test-database-refused/", database_refused),
    path("<str:language>/test-connection-closed/", connection_closed),
    path("test-broken/", broken),
    *portal_urls.urlpatterns,
]
handler500 = portal_urls.handler500


def heading_in(language: str) -> str:
    with translation.override(language):
        return translation.gettext(HEADING)


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("language", ["en", "ru", "ko"])
@pytest.mark.parametrize("route", ["test-database-refused", "test-connection-closed"])
def test_a_database_that_cannot_answer_is_a_503_in_the_readers_language(language, route):
    response = Client(raise_request_exception=False).get(f"/{language}/{route}/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Language"] == language
    assert heading_in(language) in response.content.decode()
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_the_russian_and_korean_pages_are_translated():
    assert len({heading_in(language) for language in ("en", "ru", "ko")}) == 3


@pytest.mark.urls(__name__)
def test_any_other_failure_is_still_the_500_page():
    response = Client(raise_request_exception=False).get("/test-broken/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "Retry-After" not in response


def test_the_503_page_is_made_without_a_query(django_assert_num_queries):
    request = RequestFactory().get("/ko/search/?q=police")
    with django_assert_num_queries(0):
        response = errors.database_unavailable(request)
    assert heading_in("ko") in response.content.decode()
