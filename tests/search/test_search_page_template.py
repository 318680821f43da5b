"""The search page's template: the language choice and each hit's other languages.

The template shows `language_scope` and each hit's `translations` only when they are there.
The small corpus has no translated item, so a real search's page is rendered again with
translations put on its first hit, as the engines put them.
"""

from types import SimpleNamespace

from django.template.loader import render_to_string
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "ko": "한국어"}


def render_with(response, **extra):
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        html = render_to_string(
            "search/search_page.html", {**response.context_data, **extra}, request=response.wsgi_request
        )
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_language_scope_marks_the_current_choice_and_links_the_other(corpus, client, language):
    page = BeautifulSoup(client.get(f"/{language}/search/", {"country": "KZ"}).content, "html.parser")
    choice = page.select_one(".search-scope")
    current = choice.select_one("[aria-current=true]")
    assert current.name == "span"  # the current choice is not a link
    [mine] = choice.select("a")
    assert LANGUAGE_NAMES[language] in mine.get_text()
    assert mine["href"] == f"?country=KZ&language={language}" and mine.get("aria-current") is None
    # Near the count, above the results.
    assert page.find(id="search-count").find_next(class_="search-scope") is choice
    assert choice.find_next("li", class_="search-hit") is not None

    page = BeautifulSoup(client.get(f"/{language}/search/{mine['href']}").content, "html.parser")
    current = page.select_one(".search-scope [aria-current=true]")
    assert current.name == "span" and LANGUAGE_NAMES[language] in current.get_text()
    assert [a["href"] for a in page.select(".search-scope a")] == ["?country=KZ"]


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_each_hit_links_its_other_languages_saying_which_language_each_leads_to(corpus, client, language):
    response = client.get(f"/{language}/search/", {"country": "KZ"})
    hits = response.context_data["result"].hits
    assert len(hits) >= 2
    assert BeautifulSoup(response.content, "html.parser").select(".search-hit__translations") == []

    hits[0].translations = [
        SimpleNamespace(locale="ru", label="Russian", url="/ru/item/"),
        SimpleNamespace(locale="ko", label="Korean", url="/ko/item/"),
    ]
    page = render_with(response)
    first, second = page.select("li.search-hit")[:2]
    line = first.select_one(".search-hit__translations")
    # The names are in the reader's language, like "Also in:" (the item's own language is the
    # hit's lang); each link says which language it leads to.
    assert line["lang"] == language
    links = [(a["href"], a.get("lang"), a["hreflang"], a.get_text()) for a in line.select("a")]
    assert links == [("/ru/item/", None, "ru", "Russian"), ("/ko/item/", None, "ko", "Korean")]
    assert second.select(".search-hit__translations") == []
