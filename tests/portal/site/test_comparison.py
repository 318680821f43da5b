"""The country comparison: `/<lang>/countries/compare/?country=KR&country=KG&country=KZ` and its CSV.

Statuses are set through the profiles (as an editor's publish would), then read as a reader
sees them: components as rows and countries as columns in the order of the address, the
reference country marked, each status in words with its note, evidence, verification date and
a "Needs verification" flag past the configured age; each other country's gaps against the
reference, by status. Bad choices are a 400 with the form and its message, never a 500, and a
partner-only profile or document is, for the public, as if it did not exist.
"""

import csv
import datetime
import io
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale, Site

import pytest
from bs4 import BeautifulSoup

from portal.core.models import SiteSettings
from portal.site.models import ComponentStatus, ServiceComponent, StatusLevel
from tests.factories import CountryFactory, make_country_page, make_knowledge, restrict_to_group
from tests.portal.translations import RUSSIAN

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ru", "ko")
PRIVATE_DOCUMENT_WORD = "zqxcomparedocsecret"
PRIVATE_NOTE_WORD = "zqxcomparenotesecret"
TODAY = timezone.localdate()
RECENT = TODAY - datetime.timedelta(days=10)

COMPONENTS = [
    ("one-stop-centre", "Hospital-based one-stop service", "Больничный центр", "병원 기반 원스톱"),
    ("counselling", "Counselling", "Консультирование", "상담"),
    ("police-on-site", "Police investigation on site", "Полиция на месте", "현장 경찰 수사"),
    ("staffing-training", "Multidisciplinary staffing and training", "Кадры и обучение", "다학제 인력과 교육"),
]
INJECTION = '=HYPERLINK("https://evil.example","click")'


class Words(dict):
    """Every source string of a page "translated" for wagtail-localize's PO round trip."""

    def __init__(self, code):
        super().__init__(RUSSIAN if code == "ru" else {})
        self.code = code

    def __missing__(self, msgid):
        return f"[{self.code}] {msgid}"


def _statuses(page, rows):
    page.component_statuses = [ComponentStatus(**row) for row in rows]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _settings(**values):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(site_settings, name, value)
    site_settings.save()


@pytest.fixture
def compared(site, roles, locales, translate, partner_document):
    """Korea (the reference, all in place), Kyrgyzstan, Kazakhstan, Albania; Tajikistan partner-only."""
    for section in ("home", "countries"):
        for code in ("ru", "ko"):
            translate(site[section], locales[code], Words(code))
    components = {}
    for index, (slug, name, ru, ko) in enumerate(COMPONENTS):
        component = ServiceComponent.objects.create(
            slug=slug, name=name, sort_order=index * 10, locale=Locale.get_default()
        )
        for code, words in (("ru", ru), ("ko", ko)):
            translation = component.copy_for_translation(locales[code])
            translation.name = words
            translation.save()
        components[slug] = component
    partner_document.title = f"Internal mapping {PRIVATE_DOCUMENT_WORD}"
    partner_document.save()
    brief = make_knowledge(site["knowledge"])  # "Funding a one-stop centre"
    translate(brief, locales["ru"])  # in Russian only
    outside = ("link", {"title": "Ministry report", "url": "https://example.org/report"})

    def profile(iso, name, rows):
        page = make_country_page(site["countries"], CountryFactory(iso_code=iso, name=name))
        return _statuses(page, [{"component": components[slug], **row} for slug, row in rows.items()])

    korea = profile(
        "KR",
        "Republic of Korea",
        {
            slug: {"status": StatusLevel.IN_PLACE, "note": f"Korea has {slug}.", "last_verified": RECENT}
            for slug, *_names in COMPONENTS
        },
    )
    kyrgyzstan = profile(
        "KG",
        "Kyrgyzstan",
        {
            "one-stop-centre": {
                "status": StatusLevel.PLANNED,
                "note": "A unified model was agreed in 2019.",
                "last_verified": RECENT,
                "evidence": [("document", partner_document), ("page", brief)],
            },
            "counselling": {"status": StatusLevel.IN_PLACE, "note": "Crisis centres counsel.", "last_verified": RECENT},
            "police-on-site": {"status": StatusLevel.PILOT, "note": "Two districts.", "last_verified": RECENT},
            "staffing-training": {"status": StatusLevel.NOT_IN_PLACE, "last_verified": RECENT},
        },
    )
    kazakhstan = profile(
        "KZ",
        "Kazakhstan",
        {
            "counselling": {
                "status": StatusLevel.PILOT,
                "note": "Psycho-social support in the Turkestan region.",
                "last_verified": TODAY - datetime.timedelta(days=200),
                "evidence": [outside],
            },
            "police-on-site": {"status": StatusLevel.NOT_IN_PLACE, "note": INJECTION, "last_verified": None},
        },
    )
    albania = profile(
        "AL", "Albania", {"counselling": {"status": StatusLevel.PLANNED, "evidence": [("page", brief), outside]}}
    )
    senegal = make_country_page(site["countries"], CountryFactory(iso_code="SN", name="Senegal"))
    tajikistan = profile(
        "TJ",
        "Tajikistan",
        {"counselling": {"status": StatusLevel.PILOT, "note": f"Partner-only note {PRIVATE_NOTE_WORD}."}},
    )
    restrict_to_group(tajikistan, roles["partners"])
    return {
        "KR": korea,
        "KG": kyrgyzstan,
        "KZ": kazakhstan,
        "AL": albania,
        "SN": senegal,
        "TJ": tajikistan,
        "brief": brief,
        "partner_document": partner_document,
        "components": components,
    }


def _url(code, query="", csv_file=False):
    return f"/{code}/countries/compare/{'csv/' if csv_file else ''}{'?' + query if query else ''}"


def _html(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def _columns(html) -> list[str]:
    head = re.search(r"<thead>.*?</thead>", html, re.S).group(0)
    return re.findall(r'<th scope="col">\s*<a href="[^"]*"(?: hreflang="[^"]*")?>([^<]+)</a>', head)


def _table(html) -> str:
    return re.search(r'<div class="table-scroll comparison__scroll".*?</table>\s*</div>', html, re.S).group(0)


def _gaps(html, iso) -> str:
    match = re.search(rf'<section aria-labelledby="gaps-{iso}">.*?</section>', html, re.S)
    return match.group(0) if match else ""


def _rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


# The page


@pytest.mark.parametrize("code", LANGUAGES)
def test_side_by_side_in_the_order_asked(client, compared, code):
    html = _html(client, _url(code, "country=KR&country=KG&country=KZ"))
    columns = _columns(html)
    assert len(columns) == 3
    if code == "en":
        assert columns == ["Republic of Korea", "Kyrgyzstan", "Kazakhstan"]
    table = _table(html)
    # An accessible table: a named, focusable scrolling region, a caption, header cells with scope.
    assert 'role="region" aria-labelledby="comparison-caption" tabindex="0"' in table
    assert '<caption id="comparison-caption">' in table
    assert table.count('<th scope="row">') == len(COMPONENTS)
    # Components in order, named in the reader's language.
    index = {"en": 1, "ru": 2, "ko": 3}[code]
    names = [component[index] for component in COMPONENTS]
    positions = [table.index(f'<th scope="row">{name}</th>') for name in names]
    assert positions == sorted(positions)
    # The reference country is marked in its column's header, and only there.
    head_cells = re.findall(r'<th scope="col">.*?</th>', table, re.S)
    assert ["badge--reference" in cell for cell in head_cells] == [False, True, False, False]
    # Each status as words with a shape; the notes keep their language.
    assert table.count('class="status status--in-place"') == 4 + 1  # Korea's four, Kyrgyzstan's counselling
    assert table.count('class="status__shape" aria-hidden="true"') >= 12
    note = '<p class="comparison__note" lang="en">' if code != "en" else '<p class="comparison__note">'
    assert f"{note}A unified model was agreed in 2019.</p>" in table
    assert f'<time datetime="{RECENT:%Y-%m-%d}">' in table
    if code == "en":
        for label in ("In place", "Pilot", "Planned", "Not in place", "Unknown", "Needs verification"):
            assert label in table
        assert "Not recorded for this country." in table
    # The page offers the same comparison as CSV and shows its own address.
    assert f'href="/{code}/countries/compare/csv/?country=KR&amp;country=KG&amp;country=KZ"' in html
    assert f"http://testserver/{code}/countries/compare/?country=KR&amp;country=KG&amp;country=KZ" in html


def test_the_address_keeps_its_order_counts_a_code_once_and_takes_lower_case(client, compared):
    html = _html(client, _url("en", "country=kz&country=KR&country=KZ&country=kz"))
    assert _columns(html) == ["Kazakhstan", "Republic of Korea"]
    assert "http://testserver/en/countries/compare/?country=KZ&amp;country=KR" in html
    # The chosen countries are ticked in the form.
    assert re.search(r'value="KZ"[^>]*checked', html) and re.search(r'value="KR"[^>]*checked', html)
    assert not re.search(r'value="KG"[^>]*checked', html)


def test_without_a_choice_the_form_alone(client, compared):
    html = _html(client, _url("en"))
    assert '<form class="compare-form" method="get" action="/en/countries/compare/"' in html
    assert 'type="checkbox" name="country" value="KG"' in html
    assert "comparison-caption" not in html
    assert "error-summary" not in html
    # The public is not offered a partner-only profile.
    assert 'value="TJ"' not in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_gaps_against_the_reference_by_status(client, compared, code):
    html = _html(client, _url(code, "country=KR&country=KG&country=KZ"))
    assert _gaps(html, "KR") == ""  # the reference has no gaps of its own
    index = {"en": 1, "ru": 2, "ko": 3}[code]
    name = {slug: names[index - 1] for slug, *names in COMPONENTS}

    def groups(section):
        """[(status class, [component names])] in the order shown."""
        found = []
        for status, items in re.findall(r'status--([a-z-]+)".*?</h4>\s*<ul>(.*?)</ul>', section, re.S):
            found.append((status, re.findall(r"<li>([^<]+)</li>", items)))
        return found

    assert groups(_gaps(html, "KG")) == [
        ("pilot", [name["police-on-site"]]),
        ("planned", [name["one-stop-centre"]]),
        ("not-in-place", [name["staffing-training"]]),
    ]
    assert groups(_gaps(html, "KZ")) == [
        ("pilot", [name["counselling"]]),
        ("not-in-place", [name["police-on-site"]]),
        ("unknown", [name["one-stop-centre"], name["staffing-training"]]),
    ]


def test_gaps_are_read_against_the_reference_even_when_it_is_not_compared(client, compared):
    html = _html(client, _url("en", "country=KG&country=KZ"))
    assert "badge--reference" not in _table(html)
    assert "Police investigation on site" in _gaps(html, "KG")


def test_needs_verification_past_the_configured_age(client, compared):
    url = _url("en", "country=KZ&country=KR")
    # Kazakhstan's counselling was verified 200 days ago, its police row never.
    _settings(verification_max_age_days=365)
    assert _table(_html(client, url)).count("status--stale") == 1
    _settings(verification_max_age_days=100)
    table = _table(_html(client, url))
    assert table.count("status--stale") == 2
    assert "Needs verification" in table
    assert "more than 100 days ago" in _html(client, url)


@pytest.mark.parametrize("code", ["ru", "ko"])
def test_evidence_pages_link_to_the_readers_translation(client, compared, code):
    html = _table(_html(client, _url(code, "country=KG&country=AL")))
    russian = compared["brief"].get_translation(Locale.objects.get(language_code="ru"))
    if code == "ru":
        assert f'<a href="{russian.url}">{russian.title}</a>' in html
        assert f'href="{compared["brief"].url}"' not in html
    else:  # no Korean translation: the English page, marked as English
        assert f'<a href="{compared["brief"].url}" lang="en" hreflang="en">{compared["brief"].title}</a>' in html
    assert 'href="https://example.org/report"' in html


def test_language_menu_keeps_the_comparison(client, compared):
    html = _html(client, _url("en", "country=KR&country=KG"))
    assert 'href="/ru/countries/compare/?country=KR&amp;country=KG" lang="ru"' in html
    assert 'href="/ko/countries/compare/?country=KR&amp;country=KG" lang="ko"' in html


BAD_QUERIES = {
    "one country": ("country=KR", "Choose at least 2 countries to compare."),
    "empty": ("country=", "Choose at least 2 countries to compare."),
    "five countries": (
        "country=KR&country=KG&country=KZ&country=AL&country=SN",
        "Choose at most 4 countries to compare.",
    ),
    "unknown code": ("country=KR&country=XX", "“XX” is not a country profile you can compare."),
    "partner-only profile": ("country=KR&country=TJ", "“TJ” is not a country profile you can compare."),
    "markup": ("country=%3Cscript%3E&country=KR", "“&lt;script&gt;” is not a country profile you can compare."),
    "very long": (f"country=KR&country={'A' * 3000}", "is not a country profile you can compare."),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_bad_choice_is_a_400_with_the_form_and_its_message(client, compared, code):
    for case, (query, english) in BAD_QUERIES.items():
        html = _html(client, _url(code, query), status=400)
        summary = re.search(r'<div class="error-summary" role="alert".*?</div>', html, re.S)
        assert summary, f"{case}: no error message"
        assert '<form class="compare-form"' in html
        assert "comparison-caption" not in html
        assert "<script>" not in html
        assert "A" * 50 not in html  # a long value is not echoed whole, in the message or the links
        assert PRIVATE_NOTE_WORD not in html
        if code == "en":
            assert english in summary.group(0), case


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_bad_choice_for_the_csv_is_a_plain_400(client, compared, code):
    for case, (query, english) in BAD_QUERIES.items():
        response = client.get(_url(code, query, csv_file=True))
        assert response.status_code == 400, case
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        text = response.content.decode()
        assert text.strip()
        assert "A" * 50 not in text
        if code == "en":
            assert english.replace("&lt;", "<").replace("&gt;", ">") in text, case


def test_the_csv_without_a_choice_is_a_400(client, compared):
    response = client.get(_url("en", csv_file=True))
    assert response.status_code == 400
    assert "Choose at least 2 countries to compare." in response.content.decode()


# The CSV


@pytest.mark.parametrize("code", LANGUAGES)
def test_csv_one_row_per_component_and_country(client, compared, code):
    response = client.get(_url(code, "country=KR&country=KG&country=kz", csv_file=True))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="comparison-KR-KG-KZ.csv"'
    header, *rows = _rows(response)
    assert len(header) == 10
    if code == "en":
        assert header == [
            "Component key",
            "Component",
            "Country code",
            "Country",
            "Status key",
            "Status",
            "Note",
            "Last verified",
            "Needs verification",
            "Evidence",
        ]
    assert len(rows) == len(COMPONENTS) * 3
    assert [(row[0], row[2]) for row in rows[:3]] == [("one-stop-centre", iso) for iso in ("KR", "KG", "KZ")]
    by_key = {(row[0], row[2]): row for row in rows}
    index = {"en": 1, "ru": 2, "ko": 3}[code]
    counselling = by_key[("counselling", "KZ")]
    assert counselling[1] == COMPONENTS[1][index]
    assert counselling[4] == "pilot"
    assert counselling[6] == "Psycho-social support in the Turkestan region."
    assert counselling[7] == f"{TODAY - datetime.timedelta(days=200):%Y-%m-%d}"
    assert counselling[9] == "https://example.org/report"
    planned = by_key[("one-stop-centre", "KG")]
    assert planned[4] == "planned"
    # Evidence as absolute addresses, in the reader's language where translated.
    brief = compared["brief"]
    expected = brief.get_translation(Locale.objects.get(language_code="ru")) if code == "ru" else brief
    assert planned[9] == f"http://testserver{expected.url}"
    assert by_key[("one-stop-centre", "KZ")][4] == "unknown"
    assert by_key[("one-stop-centre", "KZ")][7] == ""
    if code == "en":
        assert counselling[5] == "Pilot"
        assert counselling[8] == "no"
        assert by_key[("police-on-site", "KZ")][8] == "yes"


def test_csv_cells_never_start_a_formula(client, compared):
    response = client.get(_url("en", "country=KZ&country=KR", csv_file=True))
    _header, *rows = _rows(response)
    police = next(row for row in rows if row[0] == "police-on-site" and row[2] == "KZ")
    assert police[6] == "'" + INJECTION
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell


# Privacy


def test_partner_only_evidence_and_profiles_stay_with_partners(client, compared, partner):
    query = "country=KR&country=KG&country=TJ"
    for code in LANGUAGES:
        # The public: Tajikistan's profile is not there to compare; Kyrgyzstan's partner-only
        # document is not among its evidence.
        assert PRIVATE_NOTE_WORD not in _html(client, _url(code, query), status=400)
        assert PRIVATE_NOTE_WORD not in client.get(_url(code, query, csv_file=True)).content.decode()
        public = _html(client, _url(code, "country=KR&country=KG"))
        assert PRIVATE_DOCUMENT_WORD not in public
        content = client.get(_url(code, "country=KR&country=KG", csv_file=True)).content.decode()
        assert f"/documents/{compared['partner_document'].pk}/" not in content
    client.force_login(partner)
    for code in LANGUAGES:
        html = _html(client, _url(code, query))
        assert PRIVATE_NOTE_WORD in html and PRIVATE_DOCUMENT_WORD in html
        content = client.get(_url(code, query, csv_file=True)).content.decode()
        assert PRIVATE_NOTE_WORD in content
        assert f"/documents/{compared['partner_document'].pk}/" in content


# Queries


def _queries(client, url) -> int:
    client.get(url)  # warm per-process caches (site root, locales) as a running site has
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("code", LANGUAGES)
def test_queries_do_not_grow_with_countries(client, compared, code, django_assert_max_num_queries):
    two = _queries(client, _url(code, "country=KG&country=AL"))
    four = _queries(client, _url(code, "country=KG&country=AL&country=KZ&country=KR"))
    assert four == two
    with django_assert_max_num_queries(60):
        client.get(_url(code, "country=KG&country=AL&country=KZ&country=KR"))
    csv_two = _queries(client, _url(code, "country=KG&country=AL", csv_file=True))
    assert _queries(client, _url(code, "country=KG&country=AL&country=KZ&country=KR", csv_file=True)) == csv_two


# "Compare with…" on each profile


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_profile_offers_to_compare_it_with_the_others(client, compared, code):
    html = _html(client, _url(code).replace("compare/", "kz/"))
    form = re.search(r'<section class="compare-with".*?</section>', html, re.S).group(0)
    assert f'action="/{code}/countries/compare/"' in form
    assert '<input type="hidden" name="country" value="KZ">' in form
    for iso in ("KR", "KG", "AL", "SN"):
        assert f'type="checkbox" name="country" value="{iso}"' in form
    assert 'value="KZ" id=' not in form
    assert 'value="TJ"' not in form  # partner-only, not for the public


def test_a_partner_may_compare_with_a_partner_only_profile(client, compared, partner):
    client.force_login(partner)
    form = re.search(r'<section class="compare-with".*?</section>', _html(client, compared["KZ"].url), re.S).group(0)
    assert 'type="checkbox" name="country" value="TJ"' in form


@pytest.mark.parametrize("code", ["ru", "ko"])
def test_a_column_heading_linking_to_an_untranslated_profile_says_its_language(client, compared, code):
    soup = BeautifulSoup(_html(client, _url(code, "country=KR&country=KG")), "html.parser")
    headings = soup.select("table.comparison__table thead th a")
    assert headings and all(link.get("hreflang") == "en" for link in headings)
