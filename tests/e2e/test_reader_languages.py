"""Readers in every language, on a phone 390 px wide: Korean breaks between words, touch screens
are not told to press Escape, search hits keep their countries apart, the menu lines up.
"""

import pytest
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 800}


def word_break(page, selector):
    return page.locator(selector).first.evaluate("element => getComputedStyle(element).wordBreak")


@pytest.mark.parametrize("path", ["/ko/", "/ko/knowledge/", "/ko/search/?q=경찰"])
def test_korean_breaks_between_words(tab, path):
    page = tab(PHONE, touch=True)
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == "ko"
    for selector in ("h1", "main p", ".site-footer p", ".site-nav a"):
        assert word_break(page, selector) == "keep-all", (path, selector)


def test_other_languages_break_as_usual(tab):
    page = tab(PHONE, touch=True)
    page.goto("/ru/")
    assert word_break(page, "main p") == "normal"


@pytest.mark.parametrize("lang", ["en", "ru", "ko"])
def test_a_touch_screen_is_told_to_tap_not_to_press_escape(tab, lang):
    page = tab(PHONE, touch=True)
    page.goto(f"/{lang}/")
    assert page.evaluate("matchMedia('(hover: hover) and (pointer: fine)').matches") is False
    expect(page.locator(".topbar .hint--touch")).to_be_visible()
    expect(page.locator(".topbar .hint--keyboard")).to_be_hidden()
    expect(page.locator(".site-footer .hint--keyboard")).to_be_hidden()
    page.locator(".site-footer .hint--touch").scroll_into_view_if_needed()
    expect(page.locator(".site-footer .hint--touch")).to_be_visible()
    if lang == "en":
        assert "Escape" not in page.locator("body").inner_text()


def test_a_desktop_with_a_mouse_is_told_about_escape(tab):
    page = tab(WIDE)
    page.goto("/en/")
    expect(page.locator(".topbar .hint--keyboard")).to_have_text("To leave this site quickly, press Escape twice.")
    expect(page.locator(".topbar .hint--touch")).to_be_hidden()


@pytest.mark.parametrize("lang", ["en", "ru", "ko"])
def test_search_hits_keep_their_countries_apart(tab, lang):
    page = tab(PHONE, touch=True)
    page.goto(f"/{lang}/search/?q=")
    lists = page.locator(".search-hit__country-list")
    several = [index for index in range(lists.count()) if lists.nth(index).locator("li").count() > 1]
    assert several, "the demo has hits about several countries"
    countries = lists.nth(several[0])
    names = [name.rstrip(",") for name in countries.locator("li").all_inner_texts()]
    # As text (a reader mode, a copy, a screen reader): the names with a comma and a space between.
    assert " ".join(countries.inner_text().split()) == ", ".join(names)
    # On screen: each name in its own box, none touching the next on the same line.
    boxes = [countries.locator("li").nth(index).bounding_box() for index in range(len(names))]
    for left, right in zip(boxes, boxes[1:], strict=False):
        if abs(left["y"] - right["y"]) < 1:
            assert right["x"] - (left["x"] + left["width"]) > 2


@pytest.mark.parametrize("viewport", [PHONE, WIDE])
def test_the_main_menu_lines_up_with_the_site_name(tab, viewport):
    page = tab(viewport)
    page.goto("/en/knowledge/")
    brand = page.locator(".brand").bounding_box()
    first = page.locator(".site-nav a").first
    text_start = first.evaluate(
        "link => link.getBoundingClientRect().left + parseFloat(getComputedStyle(link).paddingInlineStart)"
    )
    assert abs(text_start - brand["x"]) <= 2, (text_start, brand["x"])
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], "nothing scrolls sideways"
