"""An event's time on the reader's own clock, computed in the browser, and the page without JavaScript.

The demo's budgeting webinar is at 16:00 in Seoul (UTC+9), 07:00 UTC: 11:30 for a reader in Kabul
(UTC+4:30). The page never asks the reader where they are; the browser's own setting decides.
"""

import pytest

EVENT = "/en/events/webinar-budgeting-one-stop-services-2026/"


@pytest.fixture
def kabul_tab(browser, server):
    context = browser.new_context(base_url=server, locale="en-GB", timezone_id="Asia/Kabul")
    tab = context.new_page()
    tab.outside_requests = []

    def guard(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            tab.outside_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def test_the_readers_own_clock(kabul_tab):
    kabul_tab.goto(EVENT)
    own = kabul_tab.locator("dd[data-reader-time]")
    own.wait_for(state="visible")
    text = own.inner_text()
    assert "11:30" in text, text
    assert "13:00" in text, text  # the end, 17:30 in Seoul
    assert kabul_tab.get_by_text("In your time zone").is_visible()
    # Still on the event's clock and in UTC beside it.
    facts = kabul_tab.locator(".facts").inner_text()
    assert "16:00" in facts and "Seoul (UTC+9)" in facts and "07:00" in facts
    assert kabul_tab.outside_requests == []
    assert kabul_tab.context.cookies() == []


def test_without_javascript_the_event_clock_and_utc(tab):
    page = tab({"width": 1280, "height": 900}, javascript=False)
    page.goto(EVENT)
    facts = page.locator(".facts").inner_text()
    assert "Seoul (UTC+9)" in facts
    assert "In UTC" in facts and "07:00" in facts
    assert not page.get_by_text("In your time zone").is_visible()
