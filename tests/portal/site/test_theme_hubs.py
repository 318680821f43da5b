"""Theme hubs: every theme with what it gathers, and one theme's items across countries, in every
language, never showing what the reader may not see."""

import itertools

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    CountryFactory,
    ThemeFactory,
    make_collection_for_group,
    make_country_page,
    make_document,
    make_event,
    make_knowledge,
    restrict_to_group,
)

pytestmark = pytest.mark.django_db

PARTNER_ONLY_MARK = "SECRET-91bc"  # in every partner-only title: never in a public answer
_serial = itertools.count(1)


def soup_of(response, status=200):
    assert response.status_code == status
    return BeautifulSoup(response.content, "html.parser")


def titles(section):
    return [heading.get_text(strip=True) for heading in section.select(".card__title, .doc-link__title")]


@pytest.fixture
def hub(site, roles):
    """One theme with items about two countries, some partner-only, and a second theme."""
    partners = roles["partners"]
    kz = CountryFactory(iso_code="KZ", name="Kazakhstan")
    kg = CountryFactory(iso_code="KG", name="Kyrgyzstan")
    police = ThemeFactory(slug="police-response", name="Police response", description="How police answer survivors.")
    shelters = ThemeFactory(slug="shelters", name="Shelters")
    kz_brief = make_knowledge(site["knowledge"], title="Police units in Kazakhstan", countries=[kz], themes=[police])
    kg_note = make_knowledge(site["knowledge"], title="Police training in Kyrgyzstan", countries=[kg], themes=[police])
    secret_brief = make_knowledge(
        site["knowledge"], title=f"Draft brief {PARTNER_ONLY_MARK}", countries=[kg], themes=[police]
    )
    restrict_to_group(secret_brief, partners)
    make_knowledge(site["knowledge"], title="Shelter standards", countries=[kz], themes=[shelters])
    event = make_event(site["events"], title="Police round table", countries=[kg, kz])
    event.themes.set([police])
    event.save_revision().publish()
    make_document("Police manual", countries=[kz], themes=[police])
    make_document(
        f"Internal police review {PARTNER_ONLY_MARK}",
        countries=[kg],
        themes=[police],
        collection=make_collection_for_group(partners),
    )
    return {"kz": kz, "kg": kg, "police": police, "shelters": shelters, "kz_brief": kz_brief, "kg_note": kg_note}


def translate_tree(site, code):
    """The home and its sections in `code`, as a site with that language has them."""
    locale = Locale.objects.get_or_create(language_code=code)[0]
    for name in ("home", "countries", "knowledge", "events"):
        site[name].copy_for_translation(locale).save_revision().publish()
    return locale


def translate_theme(theme, code, name):
    locale = Locale.objects.get_or_create(language_code=code)[0]
    copy = theme.copy_for_translation(locale)
    copy.name = name
    copy.description = f"{name}: description"
    copy.save()
    return copy


def test_theme_index_lists_every_theme_with_public_counts(client, hub):
    soup = soup_of(client.get("/en/themes/"))
    cards = {card.find("h2").get_text(strip=True): card for card in soup.select(".card")}
    assert set(cards) == {"Police response", "Shelters"}
    assert cards["Police response"].find("a")["href"] == "/en/themes/police-response/"
    counts = " ".join(cards["Police response"].find(class_="card__meta").get_text().split())
    # The partner-only brief and document are not counted for the public.
    assert counts == "2 knowledge items, 1 event, 1 document"
    assert PARTNER_ONLY_MARK not in soup.decode()


def test_theme_index_counts_partner_only_items_for_partners(client, hub, partner):
    client.force_login(partner)
    soup = soup_of(client.get("/en/themes/"))
    card = next(card for card in soup.select(".card") if "Police response" in card.get_text())
    assert " ".join(card.find(class_="card__meta").get_text().split()) == "3 knowledge items, 1 event, 2 documents"


def test_theme_hub_gathers_items_across_countries(client, hub):
    soup = soup_of(client.get("/en/themes/police-response/"))
    assert soup.find("h1").get_text() == "Police response"
    assert "How police answer survivors." in soup.find(class_="lead").get_text()
    assert sorted(titles(soup.find(id="knowledge"))) == ["Police training in Kyrgyzstan", "Police units in Kazakhstan"]
    assert titles(soup.find(id="events")) == ["Police round table"]
    assert titles(soup.find(id="documents")) == ["Police manual"]
    assert "Shelter standards" not in soup.decode()
    assert PARTNER_ONLY_MARK not in soup.decode()


def test_theme_hub_shows_partner_only_items_to_partners(client, hub, partner):
    client.force_login(partner)
    soup = soup_of(client.get("/en/themes/police-response/"))
    assert f"Draft brief {PARTNER_ONLY_MARK}" in titles(soup.find(id="knowledge"))
    assert f"Internal police review {PARTNER_ONLY_MARK}" in titles(soup.find(id="documents"))


def test_theme_hub_narrowed_to_one_country(client, hub):
    soup = soup_of(client.get("/en/themes/police-response/?country=KG"))
    assert titles(soup.find(id="knowledge")) == ["Police training in Kyrgyzstan"]
    assert titles(soup.find(id="events")) == ["Police round table"]
    assert titles(soup.find(id="documents")) == []
    assert "Showing items about Kyrgyzstan." in soup.get_text()
    assert PARTNER_ONLY_MARK not in soup.decode()


def test_unknown_country_is_a_400_with_the_reason(client, hub):
    soup = soup_of(client.get("/en/themes/police-response/?country=<script>"), status=400)
    assert soup.find(class_="error-summary") is not None
    assert "<script>" not in soup.find(class_="error-summary").decode()
    # The field names its error, which exists.
    select = soup.find("select", attrs={"name": "country"})
    assert soup.find(id=select["aria-describedby"]) is not None


def test_a_country_code_in_lower_case_filters_as_in_upper_case(client, hub):
    soup = soup_of(client.get("/en/themes/police-response/?country=kg"))
    assert titles(soup.find(id="knowledge")) == ["Police training in Kyrgyzstan"]


def test_a_very_long_country_is_not_repeated_back(client, hub):
    response = client.get("/en/themes/police-response/?country=" + "x" * 10_000)
    assert response.status_code == 400
    assert len(response.content) < 60_000 and "x" * 20 not in response.content.decode()


@pytest.mark.parametrize("url", ["/en/themes/no-such-theme/", "/ru/themes/no-such-theme/", "/ko/themes/x/"])
def test_unknown_theme_is_a_404(client, hub, url):
    assert client.get(url).status_code == 404


def test_theme_hub_is_paginated(client, site, hub):
    for i in range(13):
        make_knowledge(site["knowledge"], title=f"Police note {i:02}", countries=[hub["kz"]], themes=[hub["police"]])
    first = soup_of(client.get("/en/themes/police-response/"))
    assert len(titles(first.find(id="knowledge"))) == 12
    pager = first.find(id="knowledge").find("nav", class_="pagination")
    assert pager.find("a", rel="next")["href"] == "?knowledge_page=2"
    second = soup_of(client.get("/en/themes/police-response/?knowledge_page=2"))
    assert len(titles(second.find(id="knowledge"))) == 3
    # A page number out of range or not a number is the nearest page, never an error.
    assert client.get("/en/themes/police-response/?knowledge_page=abc").status_code == 200


@pytest.mark.parametrize(("code", "name"), [("ru", "Реагирование полиции"), ("ko", "경찰 대응")])
def test_theme_hubs_in_the_readers_language(client, site, hub, code, name):
    locale = translate_tree(site, code)
    translate_theme(hub["police"], code, name)
    translated = hub["kz_brief"].copy_for_translation(locale)
    translated.title = f"{name}: Kazakhstan"
    translated.save_revision().publish()
    index = soup_of(client.get(f"/{code}/themes/"))
    names = [card.find("h2").get_text(strip=True) for card in index.select(".card")]
    assert name in names
    assert "Shelters" in names  # not translated: the default language's name
    hub_page = soup_of(client.get(f"/{code}/themes/police-response/"))
    assert hub_page.find("h1").get_text() == name
    knowledge = titles(hub_page.find(id="knowledge"))
    # The translation replaces its original; the untranslated item stays, in English.
    assert sorted(knowledge) == sorted([f"{name}: Kazakhstan", "Police training in Kyrgyzstan"])
    assert PARTNER_ONLY_MARK not in hub_page.decode()
    assert hub_page.find("html")["lang"] == code


def test_english_theme_hub_item_countries_link_to_profiles(client, site, hub):
    make_country_page(site["countries"], hub["kz"])
    soup = soup_of(client.get("/en/themes/police-response/"))
    links = {a.get_text(): a["href"] for a in soup.select(".card__countries a")}
    assert links["Kazakhstan"] == "/en/countries/kz/"
    assert "Kyrgyzstan" not in links  # no profile: its name is not a link
