"""The admin as each role finds it, in a real browser: where they land, what the lists show, the upload dialog."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import fill_title, publish
from tests.e2e.test_journeys import page_id
from tests.knowledge.files import pdf_of


def admin_login(page, username, next_url="/admin/"):
    page.goto(f"/admin/login/?next={next_url}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("demo-password-2024")
    page.locator("button[type=submit]").click()
    page.wait_for_load_state()


def test_organiser_lands_in_events_sees_dates_and_picks_kabul(page, server):
    admin_login(page, "organiser")
    expect(page).to_have_url(re.compile(r"/admin/events/$"))
    expect(page.locator("h1")).to_contain_text("Events")
    table = page.locator("table.listing")
    for header in ("Starts", "Type of event", "Language", "Status"):
        expect(table.locator("thead")).to_contain_text(header)
    expect(table.locator("thead")).not_to_contain_text("Updated")
    # Each event's date, on the clock where it took place: "28 Mar 2018, 10:00 (Tirane)".
    expect(table.locator("tbody")).to_contain_text(re.compile(r"\d{1,2} \w{3} \d{4}, \d\d:\d\d \(\w"))
    # No page explorer opening on three home pages.
    expect(page.locator("text=Pages created here will not be accessible")).to_have_count(0)

    events_id = page_id(server, "events.EventIndexPage")
    page.goto(f"/admin/pages/add/events/eventpage/{events_id}/")
    fill_title(page, "Round table in Kabul on shelter standards")
    page.locator("#id_event_type").select_option("round-table")
    page.locator("#id_summary").fill("Partners compare shelter standards.")
    page.locator("#id_start").fill("2027-05-02 10:00")
    page.locator("#id_end").fill("2027-05-02 12:00")
    page.locator("#id_title").click()  # closes the date picker, which would cover the footer
    expect(page.locator("#id_time_zone optgroup[label='Asia'] option[value='Asia/Kabul']")).to_have_text("Kabul")
    page.locator("#id_time_zone").select_option("Asia/Kabul")
    page.locator("#id_city").fill("Kabul")
    publish(page)
    page.goto("/admin/events/?ordering=-start")
    row = page.locator("tbody tr", has_text="Round table in Kabul on shelter standards")
    expect(row).to_contain_text("2 May 2027, 10:00 (Kabul)")
    expect(row).to_contain_text("Round table")


def test_specialist_lands_in_knowledge_with_kind_language_and_review(page):
    admin_login(page, "specialist")
    expect(page).to_have_url(re.compile(r"/admin/knowledge/$"))
    thead = page.locator("table.listing thead")
    for header in ("Kind", "Language", "Review", "Status"):
        expect(thead).to_contain_text(header)
    expect(page.locator("table.listing tbody")).to_contain_text(re.compile("English|Russian|Korean|русский|한국어"))


def test_translator_lands_in_their_queue(page):
    admin_login(page, "translator")
    expect(page).to_have_url(re.compile(r"/admin/reports/translations/"))


def test_specialist_uploads_a_partner_only_file_and_escape_keeps_what_was_typed(page, server, tmp_path):
    knowledge_id = page_id(server, "knowledge.KnowledgeIndexPage")
    admin_login(page, "specialist", f"/admin/pages/add/knowledge/policybriefpage/{knowledge_id}/")
    expect(page.locator("#panel-child-content-attachments-section")).to_contain_text("Add each file with the + button")
    page.locator("#panel-child-content-attachments-section button[title='Insert a block']").first.click()
    choose = page.get_by_role("button", name=re.compile("Choose a document")).first
    expect(choose).to_be_visible()
    page.wait_for_timeout(500)  # the new block slides open
    choose.click()
    dialog = page.locator(".modal.in")
    expect(dialog).to_be_visible(timeout=15_000)
    dialog.get_by_role("tab", name="Upload").click()
    form = dialog.locator("form[action$='/documents/chooser/create/']")
    title = form.locator("input[name$='-title']")
    title.fill("Shelter inspection notes for partners")

    expect(page.locator("script[src$='js/admin/modal-unsaved-guard.js']")).to_have_count(1)
    # Escape asks first; declining keeps the dialog and what was typed.
    questions = []

    def decline(question):
        questions.append(question.message)
        question.dismiss()

    page.once("dialog", decline)
    page.keyboard.press("Escape")
    expect(dialog).to_be_visible()
    assert questions == ["Close this window and lose what you have entered?"]
    expect(title).to_have_value("Shelter inspection notes for partners")

    expect(form).to_contain_text("Who may see this file?")
    partners = form.get_by_label(re.compile("Partner officials only"))
    expect(partners).to_be_checked()
    expect(form.locator("select[name$='-collection']")).to_have_count(0)
    pdf = tmp_path / "inspection.pdf"
    pdf.write_bytes(pdf_of(["Shelter inspection notes"]))
    form.locator("input[name$='-file']").set_input_files(str(pdf))
    title.fill("Shelter inspection notes for partners")
    partners.check()
    form.locator("button[type=submit]").click()
    expect(page.locator(".modal.in")).to_have_count(0)
    expect(page.locator("#panel-child-content-attachments-section")).to_contain_text(
        "Shelter inspection notes for partners"
    )

    # The file is kept for partner officials: its edit form says so.
    page.goto("/admin/documents/?q=Shelter+inspection+notes")
    page.get_by_role("link", name=re.compile("Shelter inspection notes for partners")).first.click()
    expect(page.get_by_label(re.compile("Partner officials only"))).to_be_checked()


def test_organiser_copies_a_past_event_as_the_next_edition_and_publishes_it(page):
    """Events → a past round table's "More options" → "Copy as a new event": only the title and the date to change."""
    past = "Round table: Prevention and Response to Gender-Based Violence"
    admin_login(page, "organiser")
    expect(page).to_have_url(re.compile(r"/admin/events/$"))
    row = page.locator("tr", has_text=past).first
    row.get_by_role("button", name=re.compile("^More options")).click()
    row.get_by_role("link", name="Copy as a new event").click()

    # Started from the round table: its kind, its zone, its countries; no date, nothing saved yet.
    expect(page.locator("#id_title")).to_have_value(re.compile("^Round table: Prevention and Response"))
    expect(page.locator("#id_event_type")).to_have_value("round-table")
    expect(page.locator("#id_start")).to_have_value("")
    expect(page.locator("#id_end")).to_have_value("")
    expect(page.locator("input[name='countries']:checked")).not_to_have_count(0)

    title = "Round table: Prevention and Response to Gender-Based Violence, 2027"
    fill_title(page, title)
    page.locator("#id_start").fill("2027-04-28 15:00")
    page.locator("#id_title").click()  # closes the date picker
    # The end left empty: a 90-minute event.
    publish(page)

    page.goto("/en/events/")
    upcoming = page.locator("#upcoming-heading").locator("xpath=..")
    expect(upcoming).to_contain_text(title)
    upcoming.get_by_role("link", name=title).click()
    expect(page.locator("main")).to_contain_text("28 April 2027")
