"""The sitemap names every public page in every language, each with its public translations (hreflang)."""

import re

import pytest

from tests.events.conftest import PARTNER_WORD, translate
from tests.factories import make_event, restrict_to_group

pytestmark = pytest.mark.django_db


def _urls(xml: str) -> dict[str, dict[str, str]]:
    """Each <loc> with its alternates {hreflang: href}."""
    found = {}
    for block in re.findall(r"<url>(.*?)</url>", xml, flags=re.S):
        location = re.search(r"<loc>(.*?)</loc>", block).group(1)
        found[location] = dict(re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', block))
    return found


def test_every_language_with_its_alternates_and_nothing_partner_only(client, site, locales, roles):
    webinar = make_event(site["events"], title="Webinar on shelters", slug="shelters")
    translate(webinar, locales["ru"], title="Вебинар о приютах")
    translate(webinar, locales["ko"], title="쉼터 웨비나")
    private = make_event(site["events"], title=f"Call {PARTNER_WORD}", slug="partner-call")
    translate(private, locales["ru"], title=f"Звонок {PARTNER_WORD}")
    restrict_to_group(private, roles["partners"])
    lone = make_event(site["events"], title="Only in English", slug="lone")

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in response.text
    urls = _urls(response.text)
    family = {code: f"http://localhost/{code}/events/shelters/" for code in ("en", "ru", "ko")}
    for code, location in family.items():
        assert urls[location] == {**family, "x-default": family["en"]}, code
    assert "http://localhost/ru/events/" in urls and "http://localhost/ko/" in urls
    assert urls[lone.get_full_url()] == {}
    # Neither the partner-only event nor its translation, as a page or as an alternate.
    assert "partner-call" not in response.text and PARTNER_WORD not in response.text
