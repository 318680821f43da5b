"""Documents → "Add a document" in a real browser: the specialist says who may see the file, not a collection."""

import re

from playwright.sync_api import expect

from tests.e2e.test_admin_roles import admin_login
from tests.knowledge.files import pdf_of

TITLE = "Shelter staffing plan for partner ministries"


def test_specialist_adds_a_partner_only_document_from_the_documents_listing(page, tmp_path):
    admin_login(page, "specialist", "/admin/documents/")
    page.get_by_role("link", name=re.compile("Add a document")).first.click()
    expect(page).to_have_url(re.compile(r"/admin/documents/multiple/add/"))

    question = page.get_by_role("group", name="Who may see this file?")
    expect(question).to_be_visible()
    expect(page.get_by_text("Add to collection")).to_have_count(0)
    expect(page.locator("select[name='collection']")).to_have_count(0)
    partners = question.get_by_label(re.compile("Partner officials only"))
    expect(partners).to_be_checked()
    partners.check()

    pdf = tmp_path / "staffing.pdf"
    pdf.write_bytes(pdf_of(["Shelter staffing plan"]))
    page.locator("#fileupload").set_input_files(str(pdf))

    # The file's own form starts at the answer given; it offers no collection select either.
    item = page.locator("#upload-list > li").first
    form = item.locator("form")
    expect(form).to_be_visible()
    expect(form).to_contain_text("Who may see this file?")
    expect(form.get_by_label(re.compile("Partner officials only"))).to_be_checked()
    expect(form.locator("select[name$='-collection']")).to_have_count(0)
    form.locator("input[name$='-title']").fill(TITLE)
    kind = form.locator("select[name$='-document_type']")
    kind.select_option(index=1)
    form.get_by_role("button", name="Update").click()
    expect(page.locator(".messages")).to_contain_text("Document updated")

    # The listing names the collection it went to: the partner-only one.
    page.goto("/admin/documents/?q=Shelter+staffing+plan")
    row = page.locator("tbody tr", has_text=TITLE)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Partner-only")
    row.get_by_role("link", name=re.compile(TITLE)).first.click()
    expect(page.get_by_label(re.compile("Partner officials only"))).to_be_checked()
