"""Response headers set by portal/core/middleware.py: the Content-Security-Policy (strict on every
public page, error pages and the sign-in at every address included; the admin's own looser one) and
`Cache-Control: private` on whatever depends on who is signed in."""

import gzip
import re
from html.parser import HTMLParser

from django.http import HttpResponse
from django.template import engines
from django.test import Client
from django.urls import path

import pytest

from portal import urls as portal_urls
from tests.factories import make_document

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Data blocks are not run, so the policy does not apply to them.
DATA_TYPES = {"application/json", "application/ld+json", "importmap"}


def broken(request):
    raise RuntimeError("a view that fails")


def inline_with_nonce(request):
    template = engines["django"].from_string(
        '<script nonce="{{ request.csp_nonce }}">document.title = "x";</script>'
        '<style nonce="{{ request.csp_nonce }}">p { color: red; }</style>'
    )
    return HttpResponse(template.render(request=request))


# This module's own routes in front of the site's, for the failing and the nonce-using views.
urlpatterns = [
    path("test-broken/", broken),
    path("test-inline/", inline_with_nonce),
    *portal_urls.urlpatterns,
]


class InlineCode(HTMLParser):
    """Inline scripts and style elements with their nonce, and every `style` attribute."""

    def __init__(self):
        super().__init__()
        self.inline = []
        self.style_attributes = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.style_attributes.append(tag)
        if tag == "style" or (tag == "script" and "src" not in attrs and attrs.get("type") not in DATA_TYPES):
            self.inline.append((tag, attrs.get("nonce")))


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: " ".join(part.split()[1:]) for part in header.split(";") if part.strip()}


def assert_strict(response):
    directives = policy(response)
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    for name, value in STRICT.items():
        assert directives[name] == value, name
    # Nothing from another origin: every source is a keyword or the request's nonce.
    for value in directives.values():
        for source in value.split():
            assert source.startswith("'"), source
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    parser = InlineCode()
    parser.feed(response.content.decode())
    for tag, tag_nonce in parser.inline:
        assert nonce and tag_nonce == nonce.group(1), f"inline <{tag}> without the response's nonce"
    assert parser.style_attributes == [], "style attributes are not covered by nonces"


@pytest.fixture
def public_addresses(tree):
    return {
        "home": tree["home"].url,
        "knowledge item": tree["brief"].url,
        "knowledge list": tree["knowledge"].url,
        "event": tree["past"].url,
        "country profile": tree["korea"].url,
        "search": "/en/search/?q=police",
        "search, bad input": "/en/search/?country=NOPE",
        "sign-in": "/en/login/",
        "not found": "/en/no-such-page/",
        "russian home": "/ru/",
    }


def test_every_public_page_carries_the_strict_policy(client, public_addresses):
    for name, url in public_addresses.items():
        response = client.get(url)
        assert response.status_code in (200, 400, 404), name
        assert_strict(response)


@pytest.mark.urls(__name__)
def test_the_500_page_carries_the_strict_policy_too(site):
    response = Client(raise_request_exception=False).get("/test-broken/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert_strict(response)


def test_a_refused_form_gets_the_sites_page_under_the_strict_policy(site):
    response = Client(enforce_csrf_checks=True).post("/en/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "The form could not be sent" in response.content.decode()
    assert_strict(response)


@pytest.mark.urls(__name__)
def test_an_inline_script_or_style_runs_only_with_the_responses_nonce(client):
    response = client.get("/test-inline/")
    nonce = re.search(r"'nonce-([^']+)'", policy(response)["script-src"]).group(1)
    assert f"'nonce-{nonce}'" in policy(response)["style-src"]
    assert response.content.decode().count(f'nonce="{nonce}"') == 2
    # A new nonce for every response.
    assert f"'nonce-{nonce}'" not in client.get("/test-inline/")["Content-Security-Policy"]


def test_a_signed_in_editors_page_keeps_the_strict_policy(client, tree, make_user):
    client.force_login(make_user("editor", superuser=True))
    response = client.get(tree["brief"].url)
    assert response.status_code == 200
    assert_strict(response)


def test_the_admins_sign_in_address_carries_the_strict_policy(client, site):
    # A GET goes on to /<lang>/login/; the redirect itself is the site's too.
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert_strict(response)
    assert_strict(client.get(response["Location"]))


@pytest.mark.parametrize("url", ["/admin/login/", "/en/login/"])
def test_a_wrong_password_is_answered_under_the_strict_policy(client, make_user, url):
    make_user("editor", superuser=True)
    response = client.post(url, {"username": "editor", "password": "wrong"})
    assert response.status_code == 200
    assert "password" in response.content.decode()
    assert_strict(response)


def test_a_locked_out_sign_in_at_the_admins_address_keeps_the_strict_policy(client, make_user, settings):
    make_user("editor", superuser=True)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert response.status_code == 429
    assert_strict(response)


def test_the_admin_has_its_own_policy(client, site, make_user):
    client.force_login(make_user("editor", superuser=True))
    directives = policy(client.get("/admin/"))
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    # Its previews frame admin addresses: same origin only.
    assert directives["frame-ancestors"] == "'self'"
    assert "nonce-" not in directives["script-src"]


# --- Cache-Control ----------------------------------------------------------------------


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_anonymous_public_pages_keep_their_cache_headers(client, settings, public_addresses):
    answers = {name: client.get(url) for name, url in public_addresses.items()}
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if not name.endswith("PrivateWhenSignedInMiddleware")]
    for name, url in public_addresses.items():
        without = client.get(url)
        assert answers[name].get("Cache-Control") == without.get("Cache-Control"), name
        assert answers[name].get("Vary") == without.get("Vary"), name
    assert "private" not in cache_control(answers["home"])


def test_pages_lists_and_search_for_a_signed_in_reader_are_private(client, public_addresses, make_user):
    client.force_login(make_user("official"))
    for name, url in public_addresses.items():
        response = client.get(url)
        assert "private" in cache_control(response), name
        assert "public" not in cache_control(response), name


def test_search_api_for_a_signed_in_reader_is_private(client, tree, make_user):
    client.force_login(make_user("official"))
    response = client.get("/en/search/api/?q=police")
    assert response.status_code in (200, 404)
    assert "private" in cache_control(response)


def test_the_admin_is_private_signed_in_or_not(client, site, make_user):
    assert "private" in cache_control(client.get("/admin/login/"))
    client.force_login(make_user("editor", superuser=True))
    assert "private" in cache_control(client.get("/admin/"))
    assert "private" in cache_control(client.get("/admin/pages/"))


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["en", "ru", "ko"])
def test_pages_reach_a_browser_that_accepts_gzip_compressed_and_files_as_stored(client, site, partner, code):
    client.force_login(partner)  # a signed-in reader's pages are never the page cache's
    plain = client.get(f"/{code}/")
    packed = client.get(f"/{code}/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    # Django's BREACH mitigation pads each answer, so compare the pages, not the bytes.
    page = gzip.decompress(packed.content).decode()
    assert f'<html lang="{code}"' in page and len(packed.content) < len(plain.content) / 2
    assert "Content-Encoding" not in plain
    document = make_document("Annual report")
    download = client.get(f"/{code}/documents/{document.pk}/{document.slug}/download/", HTTP_ACCEPT_ENCODING="gzip")
    assert download.status_code == 200 and "Content-Encoding" not in download
