"""The admin's translation status report: every item × every other language, for admin users."""

import re

from django.urls import reverse

import pytest

from tests.factories import make_knowledge
from tests.pages import text_of
from tests.portal.translations import republish

pytestmark = pytest.mark.django_db


def report_states(html: str) -> dict[str, dict[str, str]]:
    """{item title: {language code: the state an editor reads}} from the report's tables."""
    states = {}
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        header = re.search(r'<th scope="row"[^>]*>(.*?)</th>', row, re.S)
        if header is None:
            continue
        title = text_of(re.sub(r"<div.*?</div>", "", header.group(1), flags=re.S))
        cells = re.findall(r'<td data-language="(\w+)" data-state="[\w-]+">(.*?)</td>', row, re.S)
        states[title] = {code: text_of(re.sub(r'<span class="w-sr-only">.*?</span>', "", cell)) for code, cell in cells}
    return states


def test_report_shows_up_to_date_changed_and_missing(client, site, locales, translate, make_user):
    current = make_knowledge(site["knowledge"])
    changed = make_knowledge(site["knowledge"], title="Police training course", summary="Training for investigators.")
    make_knowledge(site["knowledge"], title="Shelter standards", summary="Minimum standards.")
    translate(current, locales["ru"])
    translate(changed, locales["ru"])
    republish(changed)
    client.force_login(make_user("admin", superuser=True))

    response = client.get(reverse("portal_translation_status"), {"language": "ru"})

    assert response.status_code == 200
    html = response.text
    states = report_states(html)
    assert states["Funding a one-stop centre"] == {"ru": "up to date"}
    assert states["Police training course"] == {"ru": "source changed since"}
    assert states["Shelter standards"] == {"ru": "missing"}
    assert "<caption" in html and '<th scope="col">Russian</th>' in html
    assert 'data-language="ko"' not in html, "filtered to Russian"


def test_report_lists_every_language_and_the_vocabularies(client, site, locales, make_user):
    from tests.factories import CountryFactory

    kazakhstan = CountryFactory()
    russian = kazakhstan.copy_for_translation(locales["ru"])
    russian.name = "Казахстан"
    russian.save()
    client.force_login(make_user("admin", superuser=True))

    states = report_states(client.get(reverse("portal_translation_status")).text)
    assert states["Kazakhstan"] == {"ko": "missing", "ru": "up to date"}
    assert states["Knowledge"] == {"ko": "missing", "ru": "missing"}


def test_report_is_for_admin_users_and_refuses_unknown_languages(client, site, locales, roles, make_user):
    url = reverse("portal_translation_status")
    assert client.get(url).status_code == 302, "anonymous readers are sent to sign in"

    client.force_login(make_user("translator", group=roles["translators"]))
    assert client.get(url).status_code == 200
    assert client.get(url, {"language": "xx"}).status_code == 400

    client.force_login(make_user("partner", group=roles["partners"]))
    assert client.get(url).status_code in (302, 403), "partner officials have no admin access"


def test_report_is_in_the_reports_menu(client, site, make_user):
    client.force_login(make_user("admin", superuser=True))
    assert reverse("portal_translation_status") in client.get(reverse("wagtailadmin_home")).text
