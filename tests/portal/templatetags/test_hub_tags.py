"""Country and theme names on items link to their hubs: the country's profile, the theme's page."""

from django.utils import translation

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    CountryFactory,
    ThemeFactory,
    make_country_page,
    make_event,
    make_knowledge,
    restrict_to_group,
)

pytestmark = pytest.mark.django_db

NAMES = {
    "en": ("Kazakhstan", "Police response"),
    "ru": ("Казахстан", "Реагирование полиции"),
    "ko": ("카자흐스탄", "경찰 대응"),
}


def translated(page, locale):
    copy = page.copy_for_translation(locale)
    copy.save_revision().publish()
    return copy


def facts(soup, label):
    """{name: href or None} of the facts list entry `label` ("Countries", "Themes")."""
    term = soup.find("dt", string=label)
    return {li.get_text(): (li.a["href"] if li.a else None) for li in term.find_next_sibling("dd").find_all("li")}


@pytest.fixture
def items(site, roles):
    kz = CountryFactory(iso_code="KZ", name="Kazakhstan")
    kg = CountryFactory(iso_code="KG", name="Kyrgyzstan")
    theme = ThemeFactory()
    kz_profile = make_country_page(site["countries"], kz)
    restrict_to_group(make_country_page(site["countries"], kg), roles["partners"])
    brief = make_knowledge(site["knowledge"], title="Police units", countries=[kz, kg], themes=[theme])
    event = make_event(
        site["events"], title="Police round table", countries=[kz, kg], host_country=kz, is_online=False, city="Almaty"
    )
    event.themes.set([theme])
    event.save_revision().publish()
    return {"kz": kz, "kg": kg, "theme": theme, "kz_profile": kz_profile, "brief": brief, "event": event}


@pytest.fixture(params=["en", "ru", "ko"])
def reader(request, site, items):
    """The items as a reader of one language is served them; Russian has its own Kazakhstan profile, Korean not."""
    code = request.param
    if code == "en":
        return code, items["brief"].url, items["event"].url, "/en/countries/kz/"
    locale = Locale.objects.get_or_create(language_code=code)[0]
    for name in ("home", "countries", "knowledge", "events"):
        translated(site[name], locale)
    country_name, theme_name = NAMES[code]
    for entry, name in ((items["kz"], country_name), (items["theme"], theme_name)):
        copy = entry.copy_for_translation(locale)
        copy.name = name
        copy.save()
    profile_url = "/en/countries/kz/"  # no Korean profile: the English one
    if code == "ru":
        profile_url = translated(items["kz_profile"], locale).url
    brief, event = translated(items["brief"], locale), translated(items["event"], locale)
    return code, brief.url, event.url, profile_url


def test_knowledge_item_links_its_countries_and_themes_to_their_hubs(client, reader):
    code, brief_url, _event_url, profile_url = reader
    country_name, theme_name = NAMES[code]
    soup = BeautifulSoup(client.get(brief_url).content, "html.parser")
    assert profile_url.startswith("/ru/" if code == "ru" else "/en/")
    # Kyrgyzstan's profile is partner-only: the public sees its name, not a link to it.
    assert facts(soup, _label(code, "Countries")) == {country_name: profile_url, "Kyrgyzstan": None}
    assert facts(soup, _label(code, "Themes")) == {theme_name: f"/{code}/themes/police-response/"}


def test_event_links_its_countries_and_themes_to_their_hubs(client, reader):
    code, _brief_url, event_url, profile_url = reader
    country_name, theme_name = NAMES[code]
    soup = BeautifulSoup(client.get(event_url).content, "html.parser")
    assert facts(soup, _label(code, "Participating countries")) == {country_name: profile_url, "Kyrgyzstan": None}
    assert facts(soup, _label(code, "Themes")) == {theme_name: f"/{code}/themes/police-response/"}
    # The host country, in the "Where" line.
    assert soup.find("dt", string=_label(code, "Where")).find_next_sibling("dd").find("a")["href"] == profile_url


def test_partners_get_the_link_to_a_partner_only_profile(client, items, partner):
    client.force_login(partner)
    soup = BeautifulSoup(client.get(items["brief"].url).content, "html.parser")
    assert facts(soup, "Countries")["Kyrgyzstan"] == "/en/countries/kg/"


def test_hostile_country_name_stays_text(client, site, items):
    items["kz"].name = '<img src=x onerror="alert(1)">'
    items["kz"].save()
    text = client.get(items["brief"].url).content.decode()
    assert '<img src=x onerror="alert(1)">' not in text
    assert "&lt;img src=x" in text


def _label(code, english):
    """The interface's word for `english` in `code`, as the reader's page shows it."""
    with translation.override(code):
        return translation.gettext(english)
