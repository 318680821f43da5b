"""Reader, official, organiser, specialist, reviewer and partner journeys in a real browser."""

import json
import re
import urllib.request

from playwright.sync_api import expect

from tests.e2e.conftest import fill_title, login, publish


def page_id(server, model, title=None):
    with urllib.request.urlopen(f"{server}/api/v2/pages/?type={model}&limit=100") as response:  # noqa: S310
        items = json.load(response)["items"]
    return next(item["id"] for item in items if title is None or item["title"] == title)


def test_reader_switches_language_and_reads_the_translation(page):
    page.goto("/en/countries/republic-of-korea/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("details.languages summary").click()
    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(r"/ru/countries/"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("h1")).to_contain_text("Корея")
    assert page.outside_requests == []


def test_leave_this_site_replaces_the_page_and_leaves_no_history(page, server):
    page.goto("/en/")
    page.goto("/en/knowledge/")
    exit_link = page.get_by_role("link", name=re.compile("Leave this site", re.I))
    expect(exit_link).to_be_visible()
    target = exit_link.get_attribute("href")
    # The neutral site is outside this machine's network: stop the request and check where it went.
    page.context.unroute("**/*")
    page.context.route(
        "**/*", lambda route: route.fulfill(body="neutral") if server not in route.request.url else route.continue_()
    )
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(target)
    page.go_back()
    # location.replace: going back skips the knowledge list and returns to the page before it.
    assert "/en/knowledge/" not in page.url


def test_anonymous_reader_cannot_download_a_partner_only_document_and_a_partner_can(browser, server, page):
    page.goto("/en/countries/kyrgyzstan/")
    expect(page.locator("main")).not_to_contain_text("Internal: draft mapping")

    partner = browser.new_context(base_url=server).new_page()
    login(partner, "partner", next_url="/en/countries/kyrgyzstan/")
    # The profile's documents list links the file itself (its statuses and timeline cite the landing page).
    link = partner.locator("#documents").get_by_role("link", name=re.compile("^Internal: draft mapping"))
    expect(link).to_be_visible()
    expect(partner.locator("#sunflower-model")).to_contain_text("Internal: draft mapping")
    href = link.first.get_attribute("href")
    # PDFs open inline in the browser; fetch with the partner's session, as the click does.
    download = partner.context.request.get(server + href)
    assert download.status == 200
    assert download.headers["content-type"] == "application/pdf"
    assert download.body()[:4] == b"%PDF"

    response = page.request.get(server + href, max_redirects=0)
    assert response.status in (302, 403)
    assert "login" in response.headers.get("location", "login")
    # Nor by the raw file address under /media/.
    assert page.request.get(server + "/media/documents/").status == 404
    partner.context.close()


def test_organiser_creates_and_publishes_a_webinar(page, server):
    events_id = page_id(server, "events.EventIndexPage")
    page.goto(f"/admin/login/?next=/admin/pages/add/events/eventpage/{events_id}/")
    page.locator("#id_username").fill("organiser")
    page.locator("#id_password").fill("demo-password-2024")
    page.locator("button[type=submit]").click()
    fill_title(page, "Webinar with Senegal on survivor-centred services")
    page.locator("#id_event_type").select_option("webinar")
    page.locator("#id_summary").fill("Korean and Senegalese practitioners compare one-stop services.")
    page.locator("#id_start").fill("2027-03-10 10:00")
    page.locator("#id_end").fill("2027-03-10 12:00")
    page.locator("#id_title").click()  # closes the date picker, which would cover the footer
    page.locator("#id_time_zone").select_option("Africa/Dakar")
    page.locator("#id_is_online").check()
    publish(page)
    page.goto("/en/events/")
    expect(page.locator("main")).to_contain_text("Webinar with Senegal on survivor-centred services")


def test_specialist_submits_a_brief_and_a_reviewer_approves_it(browser, server, page):
    knowledge_id = page_id(server, "knowledge.KnowledgeIndexPage")
    title = "Brief on funding crisis centres in Central Asia"
    page.goto(f"/admin/login/?next=/admin/pages/add/knowledge/policybriefpage/{knowledge_id}/")
    page.locator("#id_username").fill("specialist")
    page.locator("#id_password").fill("demo-password-2024")
    page.locator("button[type=submit]").click()
    fill_title(page, title)
    page.locator("#id_summary").fill("What five years of exchanges say about paying for crisis centres.")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-submit']").click()
    expect(page.locator(".messages")).to_contain_text("submitted")

    anonymous = browser.new_context(base_url=server).new_page()
    anonymous.goto("/en/knowledge/")
    expect(anonymous.locator("main")).not_to_contain_text(title)

    reviewer = browser.new_context(base_url=server).new_page()
    reviewer.goto("/admin/login/?next=/admin/")
    reviewer.locator("#id_username").fill("reviewer")
    reviewer.locator("#id_password").fill("demo-password-2024")
    reviewer.locator("button[type=submit]").click()
    brief_id = None
    reviewer.goto("/admin/pages/search/?q=" + title.replace(" ", "+"))
    edit = reviewer.get_by_role("link", name=re.compile(title)).first
    brief_id = re.search(r"/pages/(\d+)/", edit.get_attribute("href")).group(1)
    reviewer.goto(f"/admin/pages/{brief_id}/edit/")
    reviewer.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    reviewer.get_by_role("button", name=re.compile("^Approve")).first.click()
    dialog_submit = reviewer.locator("dialog[open] button[type=submit], .w-dialog button[type=submit]")
    if dialog_submit.count():
        dialog_submit.first.click()
    anonymous.goto("/en/knowledge/")
    expect(anonymous.locator("main")).to_contain_text(title)
    anonymous.context.close()
    reviewer.context.close()


def test_official_searches_and_narrows_by_country_and_theme(page):
    page.goto("/en/search/")
    page.locator("#search-q").fill("police training")
    page.locator("form.search-form button[type=submit]").click()
    hits = page.locator("li.search-hit")
    expect(hits.first).to_be_visible()
    everything = hits.count()

    page.locator(".search-facets input[value=KZ]").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"country=KZ"))
    assert page.locator("li.search-hit").count() <= everything
    first_titles = page.locator("li.search-hit h3").all_inner_texts()
    assert first_titles, "a Kazakhstan result for police training"

    page.locator(".search-facets input[name=theme]").first.check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"country=KZ.*theme=|theme=.*country=KZ"))
    expect(page.locator(".search-facets input[value=KZ]")).to_be_checked()
    assert page.outside_requests == []
