"""Reports → Programme dashboard: who may open it, what it shows, its charts and its CSV files."""

import csv
import io
import re

from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest
from defusedxml import ElementTree as ET

from portal.dashboard.sections import SECTION_KEYS
from tests.portal.dashboard.conftest import PARTNER_ONLY_TITLE

pytestmark = pytest.mark.django_db

# The charts; Wagtail's own icons are SVGs too, without a namespace.
SVG = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg".*?</svg>', re.S)
NUMBER = re.compile(r"^\d+(\.\d+)?$")


def url(**params):
    path = reverse("portal_programme_dashboard")
    return path if not params else f"{path}?{'&'.join(f'{key}={value}' for key, value in params.items())}"


def speak(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def csv_rows(response) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff"), "a byte order mark, for spreadsheet programs"
    return list(csv.reader(io.StringIO(body[1:])))


def test_sign_in_first(client, programme):
    response = client.get(url())
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_partners_focal_points_and_other_editors_are_turned_away(
    client, programme, roles, partner, focal_point, make_user
):
    client.force_login(partner)
    response = client.get(url())
    assert response.status_code in (302, 403), "partner officials have no admin access"
    assert "Programme dashboard" not in response.text

    for user in (focal_point, make_user("specialist", group=roles["specialists"])):
        client.force_login(user)
        # Wagtail's answer to an admin page one may not open: back to the admin's home, with a message.
        for refused in (client.get(url()), client.get(url(format="csv", section="top-documents"))):
            assert refused.status_code == 302
            assert refused["Location"] == reverse("wagtailadmin_home")
        home = client.get(url(), follow=True).text
        assert "do not have permission" in home
        assert "SECRET-7731" not in home and "dating violence" not in home
        assert url() not in client.get(reverse("wagtailadmin_home")).text, "no menu item"


@pytest.mark.parametrize("who", ["reviewer", "administrator", "superuser"])
def test_reviewers_and_administrators_open_it_from_the_reports_menu(client, programme, roles, make_user, who):
    user = make_user("root", superuser=True) if who == "superuser" else make_user(who, group=roles[f"{who}s"])
    client.force_login(user)

    assert url() in client.get(reverse("wagtailadmin_home")).text
    response = client.get(url())
    assert response.status_code == 200
    for key in SECTION_KEYS:
        assert f'id="dashboard-{key}"' in response.text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Programme dashboard", "Kazakhstan", "Russian"]),
        ("ru", ["Казахстан", "Русский"]),
        ("ko", ["러시아어"]),
    ],
)
def test_the_page_in_each_admin_language(client, programme, reviewer, language, words):
    speak(reviewer, language)
    client.force_login(reviewer)

    response = client.get(url())

    assert response.status_code == 200
    html = response.text
    assert f'lang="{language}"' in html
    for word in words:
        assert word in html, word
    # The searches keep the language they were typed in.
    assert '<th scope="row" lang="ru">' in html and "насилие в школе" in html
    charts = SVG.findall(html)
    assert len(charts) == 5  # events, countries, documents ×2, downloads; the lists have none
    for chart in charts:
        svg = ET.fromstring(chart)
        # Nothing fetched from elsewhere, no script; plain numbers whatever the language writes decimals with.
        for element in svg.iter():
            assert element.tag.split("}")[-1] in {"svg", "title", "g", "text", "rect"}
            for name, value in element.attrib.items():
                assert (
                    "href" not in name
                    and "url(" not in value
                    and "http" not in value.replace("http://www.w3.org/2000/svg", "")
                )
                if element.tag != svg.tag and name in {"x", "y", "width", "height"}:
                    assert NUMBER.match(value), (name, value)
        assert all(NUMBER.match(number) for number in svg.get("viewBox").split())
        # A text alternative: the chart is an image named by its title; the table follows it.
        title_id = svg.get("aria-labelledby")
        assert svg.get("role") == "img"
        assert svg.find(f"{{http://www.w3.org/2000/svg}}title[@id='{title_id}']").text.strip()
    # Every section with figures has its table, captioned: the charts' text alternative.
    captioned = re.findall(r'<table class="listing" id="dashboard-([\w-]+)-table">\s*<caption', html)
    assert captioned == list(SECTION_KEYS)


def test_the_charts_say_the_tables_figures(client, programme, reviewer):
    client.force_login(reviewer)
    html = client.get(url()).text
    chart = SVG.search(html[html.index('id="dashboard-events"') :]).group(0)
    assert re.findall(r'<text x="\d+" y="[\d.]+" text-anchor="end"[^>]*>(.*?)</text>', chart) == ["2023", "2024"]
    assert re.findall(r'<text x="[\d.]+" y="[\d.]+" font-size="13" fill="currentColor">(\d+)</text>', chart) == [
        "2",
        "1",
    ]


def test_partner_only_titles_reach_only_those_who_may_see_them(client, programme, reviewer, blind_reviewer):
    client.force_login(blind_reviewer)
    html = client.get(url()).text
    assert "SECRET-7731" not in html
    assert "A document you may not see" in html
    for key in SECTION_KEYS:
        response = client.get(url(format="csv", section=key))
        assert response.status_code == 200
        assert "SECRET-7731" not in response.content.decode()

    # A reviewer sees partner-only documents in the admin anyway: named, and marked.
    client.force_login(reviewer)
    rows = csv_rows(client.get(url(format="csv", section="top-documents")))
    assert rows == [
        ["Document", "Who may see it", "Downloads"],
        ["Referral protocol", "Public", "10"],
        [PARTNER_ONLY_TITLE, "Partner-only", "7"],
    ]


def test_csv_per_section_with_headers_in_the_users_language_and_no_formulas(client, programme, reviewer):
    client.force_login(reviewer)

    response = client.get(url(format="csv", section="zero-results"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="programme-zero-results-')
    rows = csv_rows(response)
    assert rows[0] == ["Search terms", "Language", "Searches", "Days"]
    assert rows[1:] == [
        ["dating violence apps", "English", "3", "1"],
        ['\'=hyperlink("http://evil")', "English", "1", "1"],
        ["насилие в школе", "Russian", "2", "2"],
    ]

    events = csv_rows(client.get(url(format="csv", section="events")))
    assert events[0][0] == "Year" and events[0][-2:] == ["Total", "Of which partner-only"]
    assert [row[0] for row in events[1:]] == ["2023", "2024"]
    assert [row[-2:] for row in events[1:]] == [["2", "0"], ["1", "1"]]

    verification = csv_rows(client.get(url(format="csv", section="verification")))
    assert verification[1:] == [
        ["Kyrgyzstan", "Police unit", "Planned", "Never"],
        ["Kyrgyzstan", "Shelter", "Pilot", "2018-04-01"],
    ]

    speak(reviewer, "ru")
    russian = csv_rows(client.get(url(format="csv", section="countries")))
    assert ["Казахстан", "KZ", "1", "2", "2"] in russian[1:]


@pytest.mark.parametrize(
    "params", [{"format": "xlsx", "section": "events"}, {"format": "csv", "section": "nope"}, {"format": "csv"}]
)
def test_an_unknown_export_is_a_400_that_says_what_to_ask_for(client, programme, reviewer, params):
    client.force_login(reviewer)
    response = client.get(reverse("portal_programme_dashboard"), params)
    assert response.status_code == 400
    assert "format=csv" in response.content.decode() and "zero-results" in response.content.decode()
