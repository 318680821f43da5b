"""The anonymous page cache: served without the database, purged by every change a reader would see.

Each test first reads the pages as a signed-out reader until they come from the cache
(`X-Page-Cache: hit`), makes one change the way editors make it (publish, unpublish, move,
restrict, translate, rename a vocabulary entry, change a document), then reads again. In en,
ru and ko: each language's address is its own entry, and one change must purge all of them.

The tests marked `KEEPERS` run twice: with the page cache, and with it off, where the parts each
worker keeps between requests (cards, maps, headers, citations: `portal.core.fragments`) must
follow the same changes.
"""

import datetime
import gzip
import io
import re
import time

from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.signals import request_started
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Collection

import pytest

from knowledge.models import KnowledgeIndexPage
from portal.core import page_cache
from tests.factories import (
    CountryFactory,
    make_collection_for_group,
    make_country_page,
    make_document,
    make_event,
    make_knowledge,
    publish_child,
    restrict_to_group,
)
from tests.portal.test_query_counts import Translator

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "ko"]
MARKER = "Quokka5519"


@pytest.fixture(autouse=True)
def keeper(settings, request):
    """What keeps pages between requests: the page cache (the default), or only the kept fragments."""
    settings.PAGE_CACHE_ENABLED = getattr(request, "param", "page cache") == "page cache"
    caches[page_cache.ALIAS].clear()
    yield
    caches[page_cache.ALIAS].clear()


KEEPERS = pytest.mark.parametrize("keeper", ["page cache", "kept fragments"], indirect=True)


def cached(client, url):
    """Read `url` as a signed-out reader until it comes from the cache; its text.

    The site's first request creates its settings row, and an answer made across a change is
    not stored: the third read at the latest is a hit. With the page cache off, the second read
    is made from the parts the first one left.
    """
    if not django_settings.PAGE_CACHE_ENABLED:
        for _attempt in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert page_cache.HEADER not in response
        return response.content.decode()
    for _attempt in range(3):
        response = client.get(url)
        assert response.status_code == 200, url
        if response[page_cache.HEADER] == "hit":
            return response.content.decode()
    raise AssertionError(f"{url} was never served from the cache")


def read(client, url):
    """Status and text at `url`, after any redirect (a document's address follows its title)."""
    response = client.get(url, follow=True)
    return response.status_code, response.content.decode()


def lists(built):
    """The addresses that list the brief: home, knowledge list, its country's profile, its theme's hub, search."""
    prefix = built["prefix"]
    return {
        "home": built["sections"]["home"].url,
        "knowledge": built["sections"]["knowledge"].url,
        "profile": built["kz_profile"].url,
        "hub": f"{prefix}themes/{built['theme'].slug}/",
        "search": f"{prefix}search/?q=Anchor",
    }


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_cached_page_is_served_without_the_database_and_says_who_may_keep_it(client, pages, code):
    built = pages(code)
    url = built["brief_read"].url
    client.get(built["sections"]["home"].url)  # the site's first request creates its settings
    first = client.get(url)
    assert first[page_cache.HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second[page_cache.HEADER] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    # Lighter by its templates' indentation, which no reader sees.
    assert b"\n    " not in second.content and built["brief_read"].title.encode() in second.content
    for response in (first, second):
        assert response["Content-Length"] == str(len(response.content))
    assert "public" in second["Cache-Control"] and "max-age=0" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=second["ETag"])
    assert not_modified.status_code == 304


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_browser_that_accepts_gzip_gets_the_cached_page_compressed(client, pages, code):
    built = pages(code)
    url = built["kz_profile"].url
    plain = cached(client, url).encode()
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response[page_cache.HEADER] == "hit"
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == plain
    assert len(response.content) < len(plain) / 2
    assert response["Content-Length"] == str(len(response.content))
    assert "Accept-Encoding" in response["Vary"] and "Cookie" in response["Vary"]
    identity = client.get(url)
    assert "Content-Encoding" not in identity and identity.content == plain
    assert response["ETag"] != identity["ETag"]
    assert client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


@pytest.mark.parametrize("code", LANGUAGES)
def test_signed_in_readers_never_use_the_shared_cache(client, pages, partner, code):
    built = pages(code)
    url = built["sections"]["knowledge"].url
    cached(client, url)
    client.force_login(partner)
    response = client.get(url)
    assert page_cache.HEADER not in response
    assert "private" in response["Cache-Control"]


@KEEPERS
@pytest.mark.parametrize("code", LANGUAGES)
def test_partner_only_items_never_reach_an_anonymous_reader_through_the_cache(client, pages, partner, roles, code):
    built = pages(code)
    secret = make_knowledge(built["brief"].get_parent(), title=f"{MARKER} brief", countries=[built["kz"]])
    restrict_to_group(secret, roles["partners"])
    secret_read = built["tr"].page(secret)
    # A partner reads everything first: nothing they were shown may be stored for others.
    client.force_login(partner)
    for url in [*lists(built).values(), secret_read.url]:
        client.get(url)
    client.logout()
    for name, url in lists(built).items():
        assert MARKER not in cached(client, url), name
    assert client.get(secret_read.url).status_code in {302, 403, 404}
    assert client.get(secret_read.url).status_code in {302, 403, 404}  # and not from the cache


@KEEPERS
@pytest.mark.parametrize("code", LANGUAGES)
def test_publishing_a_change_purges_the_page_and_every_list_in_every_language(client, pages, code):
    built = pages(code)
    addresses = {"brief": built["brief_read"].url, **lists(built)}
    for url in addresses.values():
        cached(client, url)
    page = built["brief_read"]
    page.title = f"{MARKER} new title"
    page.save_revision().publish()
    for name, url in addresses.items():
        if name == "search":
            continue  # the database engine finds the words it indexed, not the new title
        assert MARKER in read(client, url)[1], name


@KEEPERS
@pytest.mark.parametrize("code", LANGUAGES)
def test_unpublishing_purges_the_page_and_its_lists(client, pages, code):
    built = pages(code)
    title = built["brief_read"].title
    addresses = {"brief": built["brief_read"].url, **lists(built)}
    for name, url in addresses.items():
        if name != "search":
            assert title in cached(client, url), name
    built["brief_read"].unpublish()
    # In English the page is gone; a Russian or Korean reader is shown the English page instead.
    status, text = read(client, built["brief_read"].url)
    assert status == (404 if code == "en" else 200)
    assert f"<h1>{title}</h1>" not in text
    for name, url in lists(built).items():
        assert title not in read(client, url)[1], name


@KEEPERS
@pytest.mark.parametrize("code", LANGUAGES)
def test_moving_a_page_purges_its_old_address(client, pages, site, code):
    built = pages(code)
    old_url = built["brief_read"].url
    title = built["brief_read"].title
    cached(client, old_url)
    archive = publish_child(built["brief_read"].get_parent(), KnowledgeIndexPage(title="Archive", slug="archive"))
    built["brief_read"].move(archive, pos="last-child")
    response = client.get(old_url)
    assert response.get(page_cache.HEADER) != "hit"
    # Wagtail leaves a redirect at the old address; a Russian or Korean reader whose translation
    # moved is shown the English page, still there.
    assert response.status_code == 301 or f"<h1>{title}</h1>" not in response.content.decode()


@KEEPERS
@pytest.mark.parametrize("code", LANGUAGES)
def test_making_a_page_partner_only_purges_it_and_every_list(client, pages, roles, code):
    built = pages(code)
    title = built["brief_read"].title
    for name, url in lists(built).items():
        if name != "search":
            assert title in cached(client, url), name
    cached(client, built["brief_read"].url)
    restrict_to_group(built["brief_read"], roles["partners"])
    assert client.get(built["brief_read"].url).status_code in {302, 403}
    for name, url in lists(built).items():
        assert title not in read(client, url)[1], name


@KEEPERS
@pytest.mark.parametrize("code", ["ru", "ko"])
def test_publishing_a_translation_purges_the_readers_language(client, site, locales, code):
    brief = make_knowledge(site["knowledge"], title="Anchor brief")
    tr = Translator(code)
    for name in ("home", "knowledge"):
        tr.page(site[name])
    address = f"/{code}/knowledge/{brief.slug}/"
    listing = f"/{code}/knowledge/"
    # No translation yet: the reader is shown the English page, and it is cached.
    assert "Anchor brief" in cached(client, address)
    cached(client, listing)
    translated = tr.page(brief)
    assert read(client, address)[1].count(translated.title) >= 1
    assert translated.title in read(client, listing)[1]


@KEEPERS
@pytest.mark.parametrize("code", LANGUAGES)
def test_renaming_a_vocabulary_entry_purges_every_page_that_shows_it(client, pages, code):
    built = pages(code)
    for url in (built["brief_read"].url, built["sections"]["knowledge"].url):
        cached(client, url)
    theme = built["theme"] if code == "en" else built["theme"].get_translation(built["tr"].locale)
    theme.name = f"{MARKER} theme"
    theme.save()
    for url in (built["brief_read"].url, built["sections"]["knowledge"].url):
        assert MARKER in read(client, url)[1], url


@KEEPERS
@pytest.mark.parametrize("code", LANGUAGES)
def test_a_document_change_purges_its_landing_and_the_pages_that_attach_it(client, pages, roles, code):
    built = pages(code)
    document = make_document(f"{MARKER} report", countries=[built["kz"]])
    landing = f"{built['prefix']}documents/{document.pk}/{document.slug}/"
    profile = built["kz_profile"].url
    assert MARKER in cached(client, landing)
    assert MARKER in cached(client, profile)
    document.title = f"{MARKER} report, second edition"
    document.save()
    text = read(client, landing)[1]
    assert "second edition" in text
    citations = re.findall(r'<p class="citation-text"[^>]*>(.*?)</p>', text)
    assert len(citations) == 2 and all("second edition" in citation.lower() for citation in citations)
    assert "second edition" in read(client, profile)[1]
    # Moved into a partner-only collection: gone for signed-out readers, cached or not.
    document.collection = make_collection_for_group(roles["partners"])
    document.save()
    assert client.get(landing).status_code == 404
    assert MARKER not in read(client, profile)[1]


@KEEPERS
@pytest.mark.parametrize("code", LANGUAGES)
def test_changing_an_items_countries_purges_both_profiles_and_no_other(client, pages, site, code):
    built = pages(code)
    title = built["brief_read"].title
    extra = built["tr"].page(make_country_page(site["countries"], built["tr"].entry(CountryFactory(iso_code="TJ"))))
    assert title in cached(client, built["kz_profile"].url)
    assert title not in cached(client, built["kg_profile"].url)
    cached(client, extra.url)
    brief = built["brief_read"]  # each translation keeps its own countries
    brief.countries.set([built["kg"]])
    brief.save_revision().publish()
    assert title not in read(client, built["kz_profile"].url)[1]
    assert title in read(client, built["kg_profile"].url)[1]
    # A profile that never showed the brief keeps its cached copy.
    if django_settings.PAGE_CACHE_ENABLED:
        assert client.get(extra.url)[page_cache.HEADER] == "hit"


def test_an_event_page_is_cached_only_until_its_registration_closes(client, site):
    now = timezone.now()
    event = make_event(
        site["events"],
        title="Round table",
        start=now + datetime.timedelta(days=2),
        registration_url="https://example.org/register",
        registration_closes=now + datetime.timedelta(seconds=3),
    )
    assert "Register by" in cached(client, event.url)
    time.sleep(max(0, (event.registration_closes - timezone.now()).total_seconds()) + 1.1)
    response = client.get(event.url)
    assert response[page_cache.HEADER] == "miss"
    assert "Registration has closed." in response.content.decode()


def test_only_pages_that_say_what_purges_them_are_stored(client, site):
    """The sign-in page and a document's download are never stored, whoever asks."""
    for url in ("/en/login/",):
        client.get(url)
        assert client.get(url).get(page_cache.HEADER) != "hit"
    collection = Collection.get_first_root_node()
    document = make_document("Public report")
    assert document.collection == collection
    download = f"/en/documents/{document.pk}/{document.slug}/download/"
    client.get(download)
    assert page_cache.HEADER not in client.get(download)


@KEEPERS
@pytest.mark.parametrize("code", LANGUAGES)
def test_deleting_a_document_purges_the_profiles_that_listed_it(client, pages, code):
    built = pages(code)
    document = make_document(f"{MARKER} annual report", countries=[built["kz"]])
    assert MARKER in cached(client, built["kz_profile"].url)
    document.delete()
    assert MARKER not in read(client, built["kz_profile"].url)[1]


@KEEPERS
def test_an_alias_of_a_partner_only_page_never_reaches_the_public(client, site, roles):
    """Wagtail creates an alias live, without a publish: the lists must still hide it."""
    section = publish_child(site["knowledge"], KnowledgeIndexPage(title="Partner section", slug="partner-section"))
    restrict_to_group(section, roles["partners"])
    secret = make_knowledge(section, title=f"{MARKER} internal brief")
    listing = site["knowledge"].url
    assert MARKER not in cached(client, listing)
    secret.create_alias(parent=site["knowledge"], update_slug="internal-brief-alias")
    assert MARKER not in read(client, listing)[1]
    assert client.get(f"{listing}internal-brief-alias/").status_code in {302, 403}


def wsgi_get(path, **headers):
    """A GET through the site's WSGI application, as gunicorn or `make run` call it: status, headers, body."""
    from portal.wsgi import application

    path, _question, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": headers.pop("method", "GET"),
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "HTTP_HOST": "testserver",
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started["status"], started["headers"] = status, dict(response_headers)

    body = b"".join(application(environ, start_response))
    return int(started["status"][:3]), started["headers"], body


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_wsgi_front_answers_a_hit_as_django_would_without_running_it(client, pages, partner, code):
    built = pages(code)
    url = built["kz_profile"].url
    text = cached(client, url)
    django_requests = []

    def started(sender, **kwargs):
        django_requests.append(sender)

    request_started.connect(started, weak=False, dispatch_uid="wsgi-front-test")
    try:
        with CaptureQueriesContext(connection) as queries:
            status, headers, body = wsgi_get(url)
            gz_status, gz_headers, gz_body = wsgi_get(url, accept_encoding="gzip")
    finally:
        request_started.disconnect(dispatch_uid="wsgi-front-test")
    assert len(queries) == 0 and not django_requests  # Django's handler never ran
    assert (status, headers[page_cache.HEADER], body.decode()) == (200, "hit", text)
    assert headers["Content-Length"] == str(len(body)) and "Cookie" in headers["Vary"]
    assert headers["Content-Security-Policy"] == client.get(url)["Content-Security-Policy"]
    assert gz_status == 200 and gz_headers["Content-Encoding"] == "gzip" and gzip.decompress(gz_body) == body
    assert wsgi_get(url, if_none_match=headers["ETag"])[0] == 304
    head_status, head_headers, head_body = wsgi_get(url, method="HEAD")
    assert (head_status, head_body, head_headers["Content-Length"]) == (200, b"", str(len(body)))
    # A signed-in reader, and an address the cache never stored, go to Django.
    client.force_login(partner)
    session = client.cookies["sessionid"].value
    assert page_cache.HEADER not in wsgi_get(url, cookie=f"sessionid={session}")[1]
    assert wsgi_get(f"{url}?unknown=1")[1].get(page_cache.HEADER) != "hit"
