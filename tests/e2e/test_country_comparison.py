"""A focal point's status change, through review, to the public comparison (issue 16's "done when").

Kyrgyzstan's focal point records in the admin's "Sunflower model" tab that "Police investigation
on site" is now a pilot, with a note and today's verification date, and submits the profile; the
reviewer approves it from the dashboard; the comparison of Korea, Kyrgyzstan and Kazakhstan then
shows the pilot in Kyrgyzstan's column and lists the component under "Pilot" in its gaps.
"""

import datetime
import re

from playwright.sync_api import expect

from tests.e2e.test_readme_tasks import open_footer_menu, sign_in_at_admin

COMPONENT = "Police investigation on site"
NOTE = "Two trained women police officers took up posts in the Bishkek crisis centre."
COMPARISON = "/en/countries/compare/?country=KR&country=KG&country=KZ"


def focal_point_submits_a_pilot(tab) -> None:
    sign_in_at_admin(tab, "focalpoint")
    # The admin opens on Kyrgyzstan's profile, not the dashboard.
    expect(tab).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(tab.locator("#id_title")).to_have_value("Kyrgyzstan")

    tab.get_by_role("tab", name="Sunflower model").click()
    rows = int(tab.locator("#id_component_statuses-TOTAL_FORMS").input_value())
    tab.get_by_role("button", name=re.compile("Add component status")).click()
    row = tab.locator(f"#inline_child_component_statuses-{rows}")
    expect(row).to_be_visible()
    row.get_by_role("button", name=re.compile("Choose")).click()
    dialog = tab.locator(".modal.in")
    expect(dialog).to_be_visible()
    dialog.get_by_role("link", name=COMPONENT, exact=True).first.click()
    expect(dialog).to_have_count(0)
    expect(row).to_contain_text(COMPONENT)
    row.locator(f"#id_component_statuses-{rows}-status").select_option("pilot")
    row.locator(f"#id_component_statuses-{rows}-note").fill(NOTE)
    row.locator(f"#id_component_statuses-{rows}-last_verified").fill(datetime.date.today().isoformat())
    row.locator(f"#id_component_statuses-{rows}-note").click()  # closes the date picker, which would cover the footer

    # Theirs is to submit; publishing is the reviewer's.
    open_footer_menu(tab)
    expect(tab.locator("footer").get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    tab.locator("footer").get_by_role("button", name=re.compile("Submit to Country profile review")).click()
    expect(tab.locator(".messages")).to_contain_text("submitted")


def reviewer_approves_kyrgyzstan(tab) -> None:
    sign_in_at_admin(tab, "reviewer")
    expect(tab.locator("main")).to_contain_text("Awaiting your review")
    row = (
        tab.locator("tr")
        .filter(has=tab.get_by_role("link", name="Kyrgyzstan", exact=True))
        .filter(has=tab.get_by_role("button", name="Actions"))
        .first
    )
    row.get_by_role("button", name="Actions").click()
    with tab.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()
    # Approving publishes it: nothing of Kyrgyzstan's waits any more.
    expect(row).to_have_count(0)


def test_focal_points_pilot_reaches_the_comparison_after_review(browser, server):
    contexts = [browser.new_context(base_url=server, locale="en-GB") for _person in range(3)]
    focal_point, reviewer, reader = (context.new_page() for context in contexts)
    for tab in (focal_point, reviewer, reader):
        tab.set_default_timeout(15_000)
    try:
        reader.goto(COMPARISON)
        table = reader.locator("table.comparison__table")
        police = table.locator("tbody tr").filter(has=reader.locator("th", has_text=COMPONENT))
        kyrgyzstan_cell = police.locator("td").nth(1)  # the columns keep the address's order: KR, KG, KZ
        expect(kyrgyzstan_cell).not_to_contain_text("Pilot")

        focal_point_submits_a_pilot(focal_point)
        # In review, readers still see the published profile.
        reader.reload()
        expect(kyrgyzstan_cell).not_to_contain_text("Pilot")

        reviewer_approves_kyrgyzstan(reviewer)

        reader.reload()
        expect(table.locator("thead th").nth(2)).to_contain_text("Kyrgyzstan")
        expect(kyrgyzstan_cell).to_contain_text("Pilot")
        expect(kyrgyzstan_cell).to_contain_text(NOTE)
        expect(kyrgyzstan_cell.locator("time")).to_have_attribute("datetime", datetime.date.today().isoformat())
        gaps = reader.locator("section[aria-labelledby='gaps-KG']")
        expect(gaps.locator("h4", has_text="Pilot").locator("xpath=following-sibling::ul[1]")).to_contain_text(
            COMPONENT
        )
    finally:
        for context in contexts:
            context.close()
