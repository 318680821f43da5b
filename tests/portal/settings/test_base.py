"""The site's own address follows PORT (portal/settings/base.py): `make run` with `PORT=8765` links to port
8765 from the API (`detail_url`), not to 8000; an explicit WAGTAILADMIN_BASE_URL still wins."""

import importlib.util
import os
from unittest import mock

import pytest

pytestmark = pytest.mark.django_db


def load_base_settings(**environ):
    """portal/settings/base.py as a process with these variables loads it, without making it Django's settings."""
    spec = importlib.util.find_spec("portal.settings.base")
    module = importlib.util.module_from_spec(spec)
    clean = {key: value for key, value in os.environ.items() if key not in ("PORT", "WAGTAILADMIN_BASE_URL")}
    with mock.patch.dict(os.environ, {**clean, **environ}, clear=True):
        spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8765"}, "http://127.0.0.1:8765"),
        ({"PORT": ""}, "http://127.0.0.1:8000"),
        ({"PORT": "8765", "WAGTAILADMIN_BASE_URL": "https://dsp.example.org"}, "https://dsp.example.org"),
    ],
)
def test_the_sites_address_follows_port(environ, expected):
    loaded = load_base_settings(**environ)
    addresses = {"admin": loaded.WAGTAILADMIN_BASE_URL, "api": loaded.WAGTAILAPI_BASE_URL}
    assert addresses == {"admin": expected, "api": expected}


def test_with_port_set_the_apis_detail_url_uses_that_port(client, settings, tree):
    settings.WAGTAILAPI_BASE_URL = load_base_settings(PORT="8765").WAGTAILAPI_BASE_URL
    response = client.get("/api/v2/pages/", HTTP_HOST="127.0.0.1:8765")
    assert response.status_code == 200
    items = response.json()["items"]
    assert items
    for item in items:
        assert item["meta"]["detail_url"] == f"http://127.0.0.1:8765/api/v2/pages/{item['id']}/"
