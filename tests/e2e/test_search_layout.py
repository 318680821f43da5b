"""The search page on a phone and on a wide screen: results first, filters folded or beside them.

The demo's search for "police training" in Kazakhstan has one filter in use and a dozen
results in every language, which is what a reader coming from a country profile sees.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_accessibility import _axe_violations

SEARCH = "/{lang}/search/?q=police+training&country=KZ"
PHONE = {"width": 360, "height": 640}
WIDE = {"width": 1280, "height": 800}


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("lang", ["en", "ru", "ko"])
def test_a_phone_shows_the_first_result_on_the_first_screen(tab, lang):
    page = tab(PHONE)
    page.goto(SEARCH.format(lang=lang))
    first = box(page, "li.search-hit")
    # The bound is the screen itself: the site's header (quick exit, name, languages, sections)
    # already takes about 375 of the 640 px, so the search box, the count and the filter in use
    # must fit in what is left for the first result to start on the first screen. Before this
    # layout it started about 1,700 px down, below every filter.
    assert first["y"] < PHONE["height"], f"the first result starts at {first['y']} px"
    # In reading order above it: the box, the count with the way to the filters, the filter in use.
    above = ["#search-q", "#search-count", "a[href='#search-filters']", ".search-active-filters__remove"]
    tops = [box(page, selector)["y"] for selector in above]
    assert tops == sorted(tops) and tops[-1] < first["y"]
    # The filters are folded after the results, and nothing scrolls sideways.
    assert page.locator("details.search-filters").evaluate("details => details.open") is False
    expect(page.locator(".search-facets input[value=KZ]")).to_be_hidden()
    assert box(page, "details.search-filters")["y"] > first["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_filter_results_unfolds_the_filters_below_the_quick_exit_bar(tab):
    page = tab(PHONE)
    page.goto(SEARCH.format(lang="en"))
    page.get_by_role("link", name="Filter results").click()
    expect(page.locator("details.search-filters")).to_have_attribute("open", "")
    expect(page.locator(".search-facets input[value=KZ]")).to_be_visible()
    summary = box(page, ".search-filters summary")
    assert summary["y"] >= box(page, ".topbar")["height"], "the sticky quick-exit bar covers the filters"


def test_a_wide_screen_puts_the_filters_beside_the_results(tab):
    page = tab(WIDE)
    page.goto(SEARCH.format(lang="en"))
    expect(page.locator(".search-facets input[value=KZ]")).to_be_visible()
    expect(page.locator(".search-facets input[value=KZ]")).to_be_checked()
    results, filters, first = box(page, ".search-results"), box(page, ".search-filters"), box(page, "li.search-hit")
    assert filters["x"] >= results["x"] + results["width"], "the filters sit at the side of the results"
    assert filters["y"] < first["y"] + first["height"], "the filters start beside the first result"
    assert first["y"] < WIDE["height"]
    # The demo's course is also in Russian and Korean: the hit links them, each with its language.
    expect(page.locator("li.search-hit").first.locator(".search-hit__translations a[hreflang=ru]")).to_be_visible()
    # The same order for the keyboard as for the eye: the results first, then the filters.
    order = page.evaluate(
        "() => document.querySelector('.search-results').compareDocumentPosition("
        "document.querySelector('.search-filters')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert order


def test_filters_are_used_and_removed_without_javascript(tab):
    page = tab(PHONE, javascript=False)
    page.goto(SEARCH.format(lang="en"))
    everything_in_kazakhstan = page.locator("li.search-hit").count()
    # The summary unfolds the filters, and a real button submits them.
    page.locator(".search-filters summary").click()
    page.locator(".search-facets input[name=kind][value=brief]").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"country=KZ.*kind=brief|kind=brief.*country=KZ"))
    briefs = page.locator("li.search-hit").count()
    assert 0 < briefs < everything_in_kazakhstan
    expect(page.locator(".search-active-filters__remove")).to_have_count(2)

    page.get_by_role("link", name="Country: Kazakhstan (remove this filter)").click()
    assert "country=" not in page.url and "kind=brief" in page.url
    expect(page.locator(".search-active-filters__remove")).to_have_count(1)
    expect(page.locator("#search-q")).to_have_value("police training")
    assert page.locator("li.search-hit").count() >= briefs


@pytest.mark.parametrize("lang", ["en", "ru", "ko"])
def test_no_wcag_violations_on_a_phone_with_the_filters_folded_and_unfolded(tab, lang):
    page = tab(PHONE)
    page.goto(SEARCH.format(lang=lang))
    assert _axe_violations(page) == []
    page.locator(".search-filters summary").click()
    expect(page.locator(".search-facets")).to_be_visible()
    assert _axe_violations(page) == []
