"""The language menu: the same languages on every page, each leading to this page in that language.

Readers found three languages on most pages and eleven on some, links to another language's home
page instead of the page they were reading, and lists that lost their filters on the way.
"""

from django.conf import settings

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from tests.factories import CountryFactory, make_knowledge

pytestmark = pytest.mark.django_db

CODES = [code for code, _name in settings.LANGUAGES]


def menu(client, url):
    """The menu's links as {code: <a>}, in their order, and the page's status."""
    response = client.get(url)
    soup = BeautifulSoup(response.text, "html.parser")
    links = soup.select("details.languages .languages__list a")
    return response.status_code, {link["lang"]: link for link in links}, [link["lang"] for link in links]


def copy_in(page, locale, **fields):
    """A plain translated copy (as the demo loader makes), its parents copied as aliases."""
    copy = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def brief(site, locales, translate):
    """An English brief with a Russian translation and no Korean one."""
    page = make_knowledge(site["knowledge"])
    translate(page, locales["ru"])
    return page


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_every_page_lists_the_same_languages_in_the_same_order(client, site, brief, language):
    CountryFactory(iso_code="KZ", name="Kazakhstan")
    pages = [
        f"/{language}/",
        f"/{language}/knowledge/",
        f"/{language}/knowledge/?country=KZ",
        f"/{language}/knowledge/{brief.slug}/",
        f"/{language}/events/",
        f"/{language}/search/?q=centre",
    ]
    for url in pages:
        status, links, order = menu(client, url)
        assert status == 200, url
        assert order == CODES, url
        current = [code for code, link in links.items() if link.get("aria-current") == "page"]
        assert current == [language], url
        for code, link in links.items():
            assert link["hreflang"] == code, (url, code)


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_each_language_leads_to_the_same_page(client, brief, language):
    status, links, _order = menu(client, f"/{language}/knowledge/{brief.slug}/")
    assert status == 200
    # Russian and English exist: their own addresses, no mark.
    assert links["en"]["href"] == f"/en/knowledge/{brief.slug}/"
    assert links["ru"]["href"] == f"/ru/knowledge/{brief.slug}/"
    for code in ("en", "ru"):
        assert links[code].select(".languages__note") == [], code
    # Korean and French do not: the same page at their address (the English one), marked.
    assert links["ko"]["href"] == f"/ko/knowledge/{brief.slug}/"
    assert links["fr"]["href"] == f"/fr/knowledge/{brief.slug}/"
    for code in ("ko", "fr", "kk"):
        note = links[code].select_one(".languages__note")
        assert note is not None, code
        assert note["lang"] == language, "the mark is in the reader's language"
    # Every link serves the page, never another language's home page.
    for code, link in links.items():
        response = client.get(link["href"])
        assert response.status_code == 200, (code, link["href"])
        assert "Funding a one-stop centre" in response.text or "Финансирование" in response.text, code


def test_a_missing_translation_under_a_translated_section_with_its_own_address(client, site, locales, brief):
    # The Korean tree exists, its knowledge section under a Korean slug, the brief untranslated.
    copy_in(site["home"], locales["ko"], title="DSP 지식 교류")
    copy_in(site["knowledge"], locales["ko"], title="지식", slug="jisik")

    status, links, _order = menu(client, f"/en/knowledge/{brief.slug}/")
    assert status == 200
    assert links["ko"]["href"] == f"/ko/jisik/{brief.slug}/"
    assert links["ko"].select_one(".languages__note") is not None
    answer = client.get(links["ko"]["href"])
    assert answer.status_code == 200
    assert "<h1>Funding a one-stop centre</h1>" in answer.text, "the Korean section serves the English original"


def test_the_head_names_only_real_translations_as_alternates(client, brief):
    soup = BeautifulSoup(client.get(f"/en/knowledge/{brief.slug}/").text, "html.parser")
    alternates = sorted(link["hreflang"] for link in soup.select('link[rel="alternate"][hreflang]'))
    assert alternates == ["en", "ru"]


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_a_filtered_list_and_a_search_keep_their_query_in_every_language(client, site, locales, language):
    CountryFactory(iso_code="KZ", name="Kazakhstan")
    for url, expected in (
        (f"/{language}/knowledge/?country=KZ&page=1", "/{code}/knowledge/?country=KZ&page=1"),
        (f"/{language}/search/?q=police+training&country=KZ", "/{code}/search/?q=police+training&country=KZ"),
    ):
        status, links, _order = menu(client, url)
        assert status == 200, url
        for code, link in links.items():
            assert link["href"] == expected.format(code=code), (url, code)


def test_an_untranslated_section_page_in_a_tree_of_aliases_is_marked(client, site, locales, brief):
    # Translating the brief copied its parents into the Russian tree as aliases of the English pages.
    assert Page.objects.filter(locale=locales["ru"], alias_of__isnull=False).exists()
    _status, links, _order = menu(client, "/en/knowledge/")
    assert links["ru"]["href"] == "/ru/knowledge/"
    assert links["ru"].select_one(".languages__note") is not None, "an alias is the English words"
    assert links["en"].select_one(".languages__note") is None


def test_a_query_no_reader_writes_is_not_repeated_in_every_language_link(client, site):
    long_query = "q=" + "x" * 5000
    for url in (f"/en/search/?{long_query}", f"/en/knowledge/?{long_query}"):
        _status, links, _order = menu(client, url)
        assert set(links) == set(CODES), url
        for code, link in links.items():
            assert "?" not in link["href"], (url, code)
    # A reader's query is kept.
    _status, links, _order = menu(client, "/en/search/?q=shelter")
    assert links["ru"]["href"] == "/ru/search/?q=shelter"
