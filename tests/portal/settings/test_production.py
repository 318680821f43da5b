"""Static files as production serves them: fingerprinted, compressed, cached for a year or more.

Runs the real `collectstatic --noinput` once for the module (every app's files, Wagtail admin's included: about
30 s) with the static storage and WHITENOISE_* settings read from portal/settings/production.py (whitenoise's
`CompressedManifestStaticFilesStorage`) into a temporary STATIC_ROOT, then checks that:

- the site's own CSS and JS (`static/css`, `static/js`) are written under content-hashed names listed in the
  manifest, with gzip and Brotli copies that decompress to the same bytes;
- a rendered page links only fingerprinted static URLs;
- the project's WhiteNoise middleware, reached through Django's test client, serves a fingerprinted file with
  `Cache-Control: max-age=<a year or more>, public, immutable`, an unfingerprinted name without `immutable`, and
  the gzip or Brotli copy to a browser that sends `Accept-Encoding` for it.
"""

import gzip
import importlib.util
import json
import os
import re
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

import brotli
import pytest

ONE_YEAR = 365 * 24 * 60 * 60
PROJECT_STATIC = settings.BASE_DIR / "static"
SITE_ASSETS = sorted(
    path.relative_to(PROJECT_STATIC).as_posix()
    for pattern in ("css/**/*.css", "js/**/*.js")
    for path in PROJECT_STATIC.glob(pattern)
)

# Every test-client request ends with Django's request_finished handler, which touches the database connection.
pytestmark = pytest.mark.django_db


def load_production_settings():
    """portal/settings/production.py as a deploy loads it, without making it Django's settings."""
    spec = importlib.util.find_spec("portal.settings.production")
    module = importlib.util.module_from_spec(spec)
    with mock.patch.dict(os.environ, {"DJANGO_SECRET_KEY": "test-only", "DJANGO_ALLOWED_HOSTS": "localhost"}):
        spec.loader.exec_module(module)
    return module


PRODUCTION = load_production_settings()


def production_static(static_root):
    """Production's static storage and WhiteNoise settings, with STATIC_ROOT in a temporary directory.

    test.py swaps in the plain StaticFilesStorage and sets WHITENOISE_USE_FINDERS = True; production leaves the
    latter at WhiteNoise's default (DEBUG, so False) and serves only what collectstatic wrote.
    """
    whitenoise = {name: getattr(PRODUCTION, name) for name in dir(PRODUCTION) if name.startswith("WHITENOISE_")}
    return override_settings(
        STATIC_ROOT=static_root,
        STATIC_URL=PRODUCTION.STATIC_URL,
        STORAGES={**settings.STORAGES, "staticfiles": PRODUCTION.STORAGES["staticfiles"]},
        **{"WHITENOISE_USE_FINDERS": False, **whitenoise},
    )


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("static_collected")
    with production_static(root):
        call_command("collectstatic", "--noinput", verbosity=0)
    # A second override, as a fresh production process: the storage reads the manifest back from disk.
    with production_static(root):
        yield root


@pytest.fixture(scope="module")
def manifest(static_root):
    return json.loads((static_root / "staticfiles.json").read_text())["paths"]


def fetch(url, accept_encoding=None):
    """GET through the full middleware stack with a new client, so WhiteNoise starts from this module's settings."""
    headers = {"Accept-Encoding": accept_encoding} if accept_encoding else {}
    response = Client().get(url, headers=headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    response.close()
    return response, body


def cache_control(response):
    directives = {}
    for part in response["Cache-Control"].split(","):
        name, _, value = part.strip().partition("=")
        directives[name.lower()] = value
    return directives


def test_production_fingerprints_and_compresses_static_files():
    assert PRODUCTION.STORAGES["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in PRODUCTION.MIDDLEWARE


def test_the_site_has_css_and_js_to_check():
    assert any(name.endswith(".css") for name in SITE_ASSETS)
    assert any(name.endswith(".js") for name in SITE_ASSETS)


@pytest.mark.parametrize("name", SITE_ASSETS)
def test_site_css_and_js_get_a_new_address_whenever_their_content_changes(static_root, manifest, name):
    stem, _, ext = name.rpartition(".")
    hashed = manifest.get(name)
    assert hashed is not None, f"{name} is missing from staticfiles.json"
    assert re.fullmatch(re.escape(stem) + r"\.[0-9a-f]{12}\." + re.escape(ext), hashed)
    assert (static_root / hashed).is_file()


@pytest.mark.parametrize("name", SITE_ASSETS)
@pytest.mark.parametrize(("suffix", "decompress"), [(".gz", gzip.decompress), (".br", brotli.decompress)])
def test_site_css_and_js_are_stored_precompressed(static_root, manifest, name, suffix, decompress):
    hashed = static_root / manifest[name]
    compressed = hashed.with_name(hashed.name + suffix)
    assert compressed.is_file(), f"no {suffix} copy of {manifest[name]}"
    assert decompress(compressed.read_bytes()) == hashed.read_bytes()


def test_pages_link_only_fingerprinted_static_files(static_root, manifest, site):
    response, body = fetch(site["home"].url)
    assert response.status_code == 200
    linked = set(re.findall(r'(?:href|src)="' + re.escape(settings.STATIC_URL) + r'([^"?#]+)', body.decode()))
    assert {manifest["css/site.css"], manifest["js/quick-exit.js"]} <= linked
    assert linked <= set(manifest.values()), f"unfingerprinted static URLs: {linked - set(manifest.values())}"


@pytest.mark.parametrize("name", SITE_ASSETS)
def test_browsers_keep_fingerprinted_files_for_at_least_a_year(static_root, manifest, name):
    response, body = fetch(settings.STATIC_URL + manifest[name])
    assert response.status_code == 200
    assert body == (static_root / manifest[name]).read_bytes()
    directives = cache_control(response)
    assert int(directives["max-age"]) >= ONE_YEAR, response["Cache-Control"]
    assert "immutable" in directives and "public" in directives, response["Cache-Control"]


def test_an_unfingerprinted_name_is_not_cached_forever(static_root):
    # Still served (old links keep working), but a deploy must be able to change it.
    response, _ = fetch(settings.STATIC_URL + "css/site.css")
    assert response.status_code == 200
    directives = cache_control(response)
    assert "immutable" not in directives
    assert int(directives["max-age"]) < ONE_YEAR


@pytest.mark.parametrize("name", SITE_ASSETS)
@pytest.mark.parametrize(("encoding", "decompress"), [("gzip", gzip.decompress), ("br", brotli.decompress)])
def test_browsers_that_accept_compression_get_the_compressed_copy(static_root, manifest, name, encoding, decompress):
    original = (static_root / manifest[name]).read_bytes()
    response, body = fetch(settings.STATIC_URL + manifest[name], accept_encoding=f"{encoding}, deflate")
    assert response.status_code == 200
    assert response["Content-Encoding"] == encoding
    assert "accept-encoding" in response["Vary"].lower()
    assert len(body) < len(original)
    assert decompress(body) == original
    assert "immutable" in cache_control(response)


def test_browsers_that_do_not_accept_compression_get_the_plain_file(static_root, manifest):
    response, body = fetch(settings.STATIC_URL + manifest["css/site.css"], accept_encoding="identity")
    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert body == (static_root / manifest["css/site.css"]).read_bytes()


def test_production_workers_keep_their_database_connection_and_leave_the_running_settings_alone():
    default = PRODUCTION.DATABASES["default"]
    assert default["CONN_MAX_AGE"] == 600 and default["CONN_HEALTH_CHECKS"] is True
    # Reading production's module changed nothing in the settings the tests run on.
    assert settings.DATABASES["default"].get("CONN_MAX_AGE", 0) == 0
