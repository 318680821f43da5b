"""A country profile as a reader on a phone uses it: helplines first, contents, figures with their
sources, and a timeline of the partnership, never showing what the reader may not see."""

import datetime
import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from portal.site.models import CountryKeyFigure
from portal.templatetags.portal_tags import tel_links
from tests import factories
from tests.factories import (
    CountryFactory,
    ThemeFactory,
    make_collection_for_group,
    make_country_page,
    make_event,
    make_knowledge,
    restrict_to_group,
)

pytestmark = pytest.mark.django_db

PARTNER_ONLY_MARK = "SECRET-7f3a"  # in every partner-only title: never in a public answer
_serial = itertools.count(1)


def html(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def make_document(title, *, countries=(), date=datetime.date(2024, 5, 1), collection=None):
    return factories.make_document(title, countries=countries, date=date, collection=collection)


def translate_tree(site, code):
    """The home and its sections in `code`, as a site with that language has them; profiles stay English."""
    locale = Locale.objects.get_or_create(language_code=code)[0]
    for name in ("home", "countries", "knowledge", "events"):
        copy = site[name].copy_for_translation(locale)
        copy.save_revision().publish()
    return locale


def event_on(site, day, **kwargs):
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)), datetime.UTC)
    return make_event(site["events"], start=start, time_zone="UTC", **kwargs)


@pytest.fixture
def kyrgyzstan():
    return CountryFactory(iso_code="KG", name="Kyrgyzstan")


@pytest.fixture
def profile(site, kyrgyzstan):
    page = make_country_page(
        site["countries"],
        kyrgyzstan,
        legal_framework="<p>Law on protection.</p>",
        one_stop_services="<p>Crisis centres.</p>",
        police_justice="<p>Police units.</p>",
        health_response="<p>Hospitals.</p>",
        psychosocial_support="<p>Shelters.</p>",
        coordination="<p>Councils.</p>",
        helplines="Crisis line: +996 (312) 62-23-33\nPolice: 102",
        helplines_source="Ministry of Labour",
        helplines_confirmed=datetime.date(2026, 3, 1),
    )
    CountryKeyFigure.objects.create(
        page=page,
        label="Population",
        value=7.1,
        unit="million people",
        source="World Bank",
        source_url="https://data.worldbank.org/indicator/SP.POP.TOTL",
        as_of=datetime.date(2023, 7, 1),
        is_estimate=True,
    )
    CountryKeyFigure.objects.create(
        page=page, label="Crisis centres", value=12, source="UNDP Kyrgyzstan", as_of=datetime.date(2022, 1, 1)
    )
    return page


@pytest.fixture
def activity(site, kyrgyzstan, roles):
    """Public and partner-only activity with Kyrgyzstan over three years."""
    partners = roles["partners"]
    public_event = event_on(site, datetime.date(2019, 1, 29), title="Webinar on crisis centres", countries=[kyrgyzstan])
    secret_event = event_on(
        site, datetime.date(2024, 6, 3), title=f"Closed meeting {PARTNER_ONLY_MARK}", countries=[kyrgyzstan]
    )
    restrict_to_group(secret_event, partners)
    brief = make_knowledge(
        site["knowledge"],
        title="Crisis centres brief",
        countries=[kyrgyzstan],
        publication_date=datetime.date(2021, 5, 4),
    )
    report = make_document("Mapping report", countries=[kyrgyzstan], date=datetime.date(2024, 2, 1))
    secret_document = make_document(
        f"Internal mapping {PARTNER_ONLY_MARK}",
        countries=[kyrgyzstan],
        date=datetime.date(2024, 9, 1),
        collection=make_collection_for_group(partners),
    )
    return {"event": public_event, "brief": brief, "report": report, "secret_document": secret_document}


def test_contents_link_to_every_section_present_and_only_those(client, profile, activity):
    soup = html(client.get(profile.url))
    toc = soup.find("nav", class_="toc")
    assert toc["aria-label"]
    targets = [a["href"] for a in toc.find_all("a")]
    assert targets[:2] == ["#key-figures", "#helplines"]
    for expected in (
        "#services",
        "#legal-framework",
        "#one-stop-services",
        "#police-justice",
        "#health-response",
        "#psychosocial-support",
        "#coordination",
        "#knowledge",
        "#events",
        "#timeline",
        "#documents",
    ):
        assert expected in targets
    # Every link leads somewhere on the page, and the page has no duplicate ids.
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert all(target.lstrip("#") in ids for target in targets)
    # The helplines come before the contents and before any section.
    assert str(soup).index('id="helplines"') < str(soup).index('id="key-figures"')


def test_contents_leave_out_absent_sections(client, site):
    bare = make_country_page(site["countries"], CountryFactory(iso_code="AF", name="Afghanistan"))
    soup = html(client.get(bare.url))
    targets = [a["href"] for a in soup.find("nav", class_="toc").find_all("a")]
    assert "#key-figures" not in targets
    assert "#services" not in targets
    assert "#timeline" not in targets
    assert all(soup.find(id=target.lstrip("#")) for target in targets)
    # No helplines: the reader is told so, and where to turn, rather than shown an empty box.
    assert "No helpline has been confirmed for this country yet" in soup.find(id="helplines").get_text()


def test_key_figures_show_source_date_and_estimate_in_words(client, profile):
    figures = html(client.get(profile.url)).find(id="key-figures")
    population, centres = figures.find_all(class_="key-figure")
    assert population.find("a", href="https://data.worldbank.org/indicator/SP.POP.TOTL").get_text() == "World Bank"
    assert "Estimate" in population.get_text()
    assert population.find("time")["datetime"] == "2023-07-01"
    assert "As of" in population.get_text()
    assert "UNDP Kyrgyzstan" in centres.get_text()
    assert centres.find("a") is None
    assert "Estimate" not in centres.get_text()


def test_helplines_one_a_line_with_tel_links_source_and_confirmation(client, profile):
    box = html(client.get(profile.url)).find(id="helplines")
    lines = box.find("ul", class_="helplines").find_all("li")
    assert [line.get_text() for line in lines] == ["Crisis line: +996 (312) 62-23-33", "Police: 102"]
    assert [a["href"] for a in box.find_all("a", href=lambda h: h and h.startswith("tel:"))] == [
        "tel:+996312622333",
        "tel:102",
    ]
    assert "Source: Ministry of Labour" in box.get_text()
    assert box.find("time")["datetime"] == "2026-03-01"
    assert "Not yet confirmed by the partners" not in box.get_text()


def test_helplines_not_confirmed_say_so(client, profile):
    profile.helplines_confirmed = None
    profile.save_revision().publish()
    box = html(client.get(profile.url)).find(id="helplines")
    assert "Not yet confirmed by the partners" in box.get_text()


def test_hostile_helpline_text_is_escaped(client, profile):
    profile.helplines = (
        '<script>alert("x")</script> Line 1366 <a href="javascript:x">y</a>\n"><img src=x onerror=1> 112'
    )
    profile.save_revision().publish()
    response = client.get(profile.url)
    text = response.content.decode()
    assert "<script>alert" not in text
    assert "<img src=x" not in text
    assert 'href="javascript:x"' not in text
    box = html(response).find(id="helplines")
    assert [a["href"] for a in box.find_all("a")] == ["tel:1366", "tel:112"]
    assert box.find("script") is None and box.find("img") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police: 17", 'Police: <a href="tel:17" class="tel">17</a>'),
        ("Open 24/7: 1366.", 'Open 24/7: <a href="tel:1366" class="tel">1366</a>.'),
        ("116 117", '<a href="tel:116117" class="tel">116 117</a>'),
        ("Room A1, call 5", "Room A1, call 5"),
        ("<b>&</b> 112", '&lt;b&gt;&amp;&lt;/b&gt; <a href="tel:112" class="tel">112</a>'),
    ],
)
def test_tel_links(text, expected):
    assert tel_links(text) == expected


def timeline_entries(soup):
    section = soup.find(id="timeline")
    return [
        (year.find("h3").get_text(), [entry.find("a").get_text() for entry in year.find_all("li")])
        for year in section.find_all("li", class_="timeline__year")
    ]


def test_timeline_by_year_newest_first_without_partner_only_activity(client, profile, activity):
    soup = html(client.get(profile.url))
    assert timeline_entries(soup) == [
        ("2024", ["Mapping report"]),
        ("2021", ["Crisis centres brief"]),
        ("2019", ["Webinar on crisis centres"]),
    ]
    assert soup.find(id="timeline").find("time")["datetime"] == "2024-02-01"
    assert PARTNER_ONLY_MARK not in soup.decode()


def test_timeline_shows_partner_only_activity_to_partners(client, profile, activity, partner):
    client.force_login(partner)
    soup = html(client.get(profile.url))
    (year, entries), *_rest = timeline_entries(soup)
    assert year == "2024"
    assert entries == [f"Internal mapping {PARTNER_ONLY_MARK}", f"Closed meeting {PARTNER_ONLY_MARK}", "Mapping report"]


@pytest.mark.parametrize("code", ["ru", "ko"])
def test_timeline_in_the_readers_language_with_fallback(client, site, profile, activity, code):
    locale = translate_tree(site, code)
    russian_brief = activity["brief"].copy_for_translation(locale)
    russian_brief.title = f"Brief [{code}]"
    russian_brief.save_revision().publish()
    translated_report = activity["report"].copy_for_translation(locale)
    translated_report.title = f"Report [{code}]"
    translated_report.save()
    soup = html(client.get(f"/{code}/countries/kg/"))
    entries = dict(timeline_entries(soup))
    assert entries["2021"] == [f"Brief [{code}]"]
    assert entries["2024"] == [f"Report [{code}]"]
    # Not translated: shown in English, and marked as English.
    webinar = soup.find(id="timeline").find("a", string="Webinar on crisis centres")
    assert webinar["lang"] == "en"
    assert PARTNER_ONLY_MARK not in soup.decode()


def queries_for(client, url):
    client.get(url)  # warm per-process caches, as a running site has
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("code", ["en", "ru", "ko"])
def test_profile_queries_do_not_grow_with_activity(client, site, profile, kyrgyzstan, code):
    theme = ThemeFactory()
    locale = translate_tree(site, code) if code != "en" else None
    url = f"/{code}/countries/kg/"
    others = (CountryFactory(iso_code=f"Q{letter}", name=f"Land {letter}") for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    def add(n):
        for _i in range(n):
            i = next(_serial)
            other = next(others)
            make_country_page(site["countries"], other)
            make_knowledge(site["knowledge"], title=f"Brief {i}", countries=[kyrgyzstan, other], themes=[theme])
            event_on(
                site, datetime.date(2020, 1, 1) + datetime.timedelta(days=i), title=f"Event {i}", countries=[kyrgyzstan]
            )
            document = make_document(f"Report {i}", countries=[kyrgyzstan])
            if code != "en":
                document.copy_for_translation(locale).save()

    add(1)
    with_one, _html = queries_for(client, url)
    add(12)
    with_many, page = queries_for(client, url)
    assert "Land M" in page  # the cards name the other countries, each linked to its profile
    assert with_many == with_one
