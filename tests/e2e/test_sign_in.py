"""The one sign-in page in a real browser: a partner who starts at /admin/, and a signed-out visitor who follows
a partner-only link, both get the site's sign-in with "Leave this site" and end up where they can read."""

import re

from playwright.sync_api import expect

PARTNER_ONLY = "/en/knowledge/internal-draft-workplan-kyrgyzstan/"
PARTNER_ONLY_TITLE = "Internal: draft workplan for the DSP with Kyrgyzstan"


def sign_in_here(page, username, password="demo-password-2024"):
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def expect_the_sites_sign_in(page):
    expect(page.locator("h1")).to_have_text("Sign in")
    expect(page.get_by_role("link", name=re.compile("Leave this site", re.I))).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_a_partner_who_signs_in_at_the_admin_lands_on_the_site(page):
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/en/login/\?next=%2Fadmin%2F$"))
    expect_the_sites_sign_in(page)

    sign_in_here(page, "partner")
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.get_by_role("status")).to_contain_text("You are signed in.")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    # Signed in: the partner-only page opens, and /admin/ sends them back to the site, not to a sign-in form.
    page.goto(PARTNER_ONLY)
    expect(page.locator("h1")).to_have_text(PARTNER_ONLY_TITLE)
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/en/$"))
    assert page.outside_requests == []
    assert page.policy_violations == []


def test_a_signed_out_visitor_following_a_partner_only_link_signs_in_and_reads_it(page):
    page.goto(PARTNER_ONLY)
    expect(page).to_have_url(re.compile(r"/en/login/\?next="))
    expect_the_sites_sign_in(page)
    expect(page.locator("main")).not_to_contain_text(PARTNER_ONLY_TITLE)

    sign_in_here(page, "partner", password="not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("didn't match")
    expect_the_sites_sign_in(page)

    sign_in_here(page, "partner")
    expect(page).to_have_url(re.compile(re.escape(PARTNER_ONLY) + "$"))
    expect(page.locator("h1")).to_have_text(PARTNER_ONLY_TITLE)
    assert page.outside_requests == []
    assert page.policy_violations == []


def test_staff_who_sign_in_on_the_site_go_on_to_the_admin(page):
    page.goto("/en/login/")
    sign_in_here(page, "reviewer")
    expect(page).to_have_url(re.compile(r"/admin/"))
    expect(page.get_by_label("Username")).to_have_count(0)
