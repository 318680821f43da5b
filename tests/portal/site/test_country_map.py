"""The partner-countries map on the countries index and each profile: inline SVG whose countries are
links named in the reader's language, the profile being read marked, partner-only profiles kept from
the public, nothing fetched from elsewhere, and light enough for a slow phone."""

import math
import re
from pathlib import Path

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from portal.core.models import Country
from portal.site.country_map import country_map, map_outlines
from tests.factories import CountryFactory, make_country_page, restrict_to_group

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
HIDDEN_WORD = "zqxmapsecret"  # a partner-only profile's title carries it
# What a reader on a slow link downloads for the map, in bytes of markup (the <svg> element).
BUDGET = 25_000

# Every country the map draws, in English, Russian and Korean, with its region.
COUNTRIES = {
    "KR": ("Republic of Korea", "Республика Корея", "대한민국", "east-asia"),
    "AL": ("Albania", "Албания", "알바니아", "europe"),
    "ID": ("Indonesia", "Индонезия", "인도네시아", "south-east-asia"),
    "KZ": ("Kazakhstan", "Казахстан", "카자흐스탄", "central-asia"),
    "KG": ("Kyrgyzstan", "Кыргызстан", "키르기스스탄", "central-asia"),
    "UZ": ("Uzbekistan", "Узбекистан", "우즈베키스탄", "central-asia"),
    "TJ": ("Tajikistan", "Таджикистан", "타지키스탄", "central-asia"),
    "TM": ("Turkmenistan", "Туркменистан", "투르크메니스탄", "central-asia"),
    "SN": ("Senegal", "Сенегал", "세네갈", "west-africa"),
    "AF": ("Afghanistan", "Афганистан", "아프가니스탄", "south-asia"),
}
LANGUAGES = {"en": 0, "ru": 1, "ko": 2}
PUBLIC = [code for code in COUNTRIES if code != "AL"]


@pytest.fixture
def mapped(site, roles, locales):
    """A profile for every mapped country, Albania's partner-only (its title carries HIDDEN_WORD); the
    country names translated; the home and sections in Russian and Korean, and of the profiles
    only Kazakhstan's (the others are read in English)."""
    for code in ("ru", "ko"):
        for name in ("home", "countries"):
            site[name].copy_for_translation(locales[code]).save_revision().publish()
    profiles = {}
    for code, (english, russian, korean, region) in COUNTRIES.items():
        country = CountryFactory(iso_code=code, name=english, region=region)
        for language, name in (("ru", russian), ("ko", korean)):
            translated = country.copy_for_translation(locales[language])
            translated.name = name
            translated.save()
        title = f"{english} {HIDDEN_WORD}" if code == "AL" else english
        profiles[code] = make_country_page(site["countries"], country, title=title, slug=code.lower())
    restrict_to_group(profiles["AL"], roles["partners"])
    for code in ("ru", "ko"):
        profiles["KZ"].copy_for_translation(locales[code]).save_revision().publish()
    return profiles


def address(code: str, lang: str) -> str:
    """A profile's address: in the reader's language where translated (Kazakhstan), else the English page's."""
    return f"/{lang if code == 'KZ' else 'en'}/countries/{code.lower()}/"


def map_svg(client, url) -> tuple[BeautifulSoup, str]:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    match = re.search(r'<svg class="country-map__svg".*?</svg>', html, re.S)
    assert match, f"no map on {url}"
    return BeautifulSoup(match.group(0), "html.parser").svg, html


def links(svg) -> dict[str, str]:
    """{visible name: address} of the map's links."""
    return {link.get_text(strip=True): link["href"] for link in svg.find_all("a")}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("where", ["index", "profile"])
def test_every_visible_partner_is_a_link_named_in_the_readers_language(client, mapped, lang, where):
    url = f"/{lang}/countries/" if where == "index" else f"/{lang}/countries/kz/"
    svg, _html = map_svg(client, url)

    names = {COUNTRIES[code][LANGUAGES[lang]]: address(code, lang) for code in PUBLIC}
    assert links(svg) == names
    # A link to a profile not yet translated says the language it opens in.
    hreflangs = {link["href"]: link.get("hreflang") for link in svg.find_all("a")}
    assert hreflangs[address("KG", lang)] == (None if lang == "en" else "en")
    assert hreflangs[address("KZ", lang)] is None
    # The group is named, so a screen reader announces what the links are.
    assert svg["role"] == "group"
    assert svg.find("title", id=svg["aria-labelledby"]).get_text(strip=True)
    # A screen reader reads the countries in the order of their names; the outlines are not read.
    assert list(links(svg)) == sorted(names)
    assert svg.find("g")["aria-hidden"] == "true"


def test_a_name_not_yet_translated_says_its_language(client, mapped, locales):
    Country.objects.get(iso_code="SN", locale=locales["ko"]).delete()
    svg, _html = map_svg(client, "/ko/countries/")

    senegal = svg.find("a", href=address("SN", "ko"))
    assert senegal.get_text(strip=True) == "Senegal"
    assert senegal["lang"] == "en"
    assert not svg.find("a", href=address("KZ", "ko")).has_attr("lang")


@pytest.mark.parametrize("where", ["/en/countries/", "/ru/countries/", "/ko/countries/", "/en/countries/kz/"])
def test_a_partner_only_profile_is_plain_land_for_the_public(client, mapped, partner, where):
    svg, html = map_svg(client, where)
    assert HIDDEN_WORD not in html
    assert "/countries/al/" not in str(svg)
    assert not {"Albania", "Албания", "알바니아"} & set(links(svg))
    # Albania is still drawn, as land among its neighbours: the map's outlines do not tell it apart.
    assert len(svg.select(".country-map__shape")) == len(PUBLIC)
    assert len(svg.select(".country-map__other")) == 1

    client.force_login(partner)
    svg, _html = map_svg(client, where)
    lang = where.split("/")[1]
    assert links(svg)[COUNTRIES["AL"][LANGUAGES[lang]]] == address("AL", lang)
    assert not svg.select(".country-map__other")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_profile_being_read_is_marked(client, mapped, lang):
    svg, html = map_svg(client, f"/{lang}/countries/kg/")

    current = svg.select('a[aria-current="page"]')
    assert len(current) == 1
    assert current[0]["href"] == address("KG", lang)
    assert current[0].get_text(strip=True) == COUNTRIES["KG"][LANGUAGES[lang]]
    assert len(svg.select(".country-map__shape--current")) == 1
    # Sighted readers are told too, in words: the legend names the country.
    legend = BeautifulSoup(html, "html.parser").select_one(".country-map__legend")
    assert COUNTRIES["KG"][LANGUAGES[lang]] in legend.get_text()

    index_svg, _html = map_svg(client, f"/{lang}/countries/")
    assert not index_svg.select("[aria-current]")


@pytest.mark.parametrize("url", ["/en/countries/", "/ru/countries/kz/", "/ko/countries/"])
def test_the_map_asks_nothing_of_any_other_site(client, mapped, url):
    svg, _html = map_svg(client, url)
    markup = str(svg)
    assert "http:" not in markup and "https:" not in markup and "//" not in markup
    assert "url(" not in markup
    assert not svg.find_all(["image", "script", "foreignobject", "use", "style"])
    assert all(re.fullmatch(r"/(en|ru|ko)/countries/[a-z]{2}/", link["href"]) for link in svg.find_all("a"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_map_stays_light(client, mapped, partner, lang):
    client.force_login(partner)  # every country a link: the heaviest map
    svg, _html = map_svg(client, f"/{lang}/countries/kz/")
    assert len(svg.find_all("a")) == len(COUNTRIES)
    assert len(str(svg).encode()) < BUDGET


def test_markers_are_targets_a_finger_can_hit():
    """At the narrowest the stylesheet lets the map be, each marker is 24 CSS px across and apart."""
    outlines = map_outlines()
    css = (ROOT / "static" / "css" / "site.css").read_text()
    rule = re.search(r"\.country-map__svg \{[^}]*min-inline-size: (\d+)px", css)
    assert rule, "the map must keep a minimum width"
    scale = int(rule.group(1)) / outlines["width"]
    radius = outlines["marker_radius"]
    assert 2 * radius * scale >= 24
    markers = {code: shape["marker"] for code, shape in outlines["countries"].items()}
    assert set(markers) == set(COUNTRIES)
    for code, (x, y) in markers.items():
        assert radius <= x <= outlines["width"] - radius and radius <= y <= outlines["height"] - radius, code
        for other, (ox, oy) in markers.items():
            if other != code:
                assert math.hypot(x - ox, y - oy) * scale >= 24, (code, other)
    assert "Natural Earth" in outlines["attribution"]


def test_the_map_costs_the_same_queries_whatever_the_number_of_countries(mapped, partner):
    russian = Locale.objects.get(language_code="ru")
    request = RequestFactory().get("/ru/countries/")
    request.user = AnonymousUser()
    with translation.override("ru"):
        for user in (AnonymousUser(), partner):
            with CaptureQueriesContext(connection) as captured:
                result = country_map(user=user, locale=russian, current=mapped["KZ"])
            # The default language, the reader's groups, the restrictions and their groups, the
            # profiles, the names in Russian: one query each, for ten countries as for one.
            assert len(captured) <= 6, "\n".join(query["sql"][:150] for query in captured)
            assert result.current.iso_code == "KZ"
        render_to_string("portal/country/map.html", {"country_map": result, "request": request})  # warm the site
        with CaptureQueriesContext(connection) as captured:
            render_to_string("portal/country/map.html", {"country_map": result, "request": request})
    assert len(captured) == 0
