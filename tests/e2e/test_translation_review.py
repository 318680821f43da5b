"""A translation goes live through review, in a real browser (portal/site/translation_workflow.py)."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import fill_title, login, publish
from tests.e2e.test_journeys import page_id

FALLBACK_RU = "Эта страница пока недоступна на русском языке"


def test_translator_submits_a_translation_and_a_reviewer_publishes_it(browser, server, page):
    title = "Shelters for survivors in rural districts"
    summary = "Where survivors outside the cities can stay safely."
    russian_title = "Убежища для пострадавших в сельских районах"
    russian_summary = "Где пострадавшие вне городов могут найти безопасное жильё."
    slug = "shelters-for-survivors-in-rural-districts"

    # A reviewer publishes the English original.
    knowledge_id = page_id(server, "knowledge.KnowledgeIndexPage")
    login(page, "reviewer", next_url=f"/admin/pages/add/knowledge/policybriefpage/{knowledge_id}/")
    fill_title(page, title)
    page.locator("#id_summary").fill(summary)
    publish(page)
    brief_id = page_id(server, "knowledge.PolicyBriefPage", title)

    # The translator asks for a Russian translation: a draft, which readers do not get yet.
    translator = browser.new_context(base_url=server).new_page()
    login(translator, "translator", next_url=f"/admin/localize/submit/page/{brief_id}/")
    translator.get_by_label("Russian").check()
    translator.locator("input[type=submit][value=Submit]").click()
    expect(translator.locator(".js-translation-editor")).to_be_visible()

    reader = browser.new_context(base_url=server, locale="ru-RU").new_page()
    reader.goto(f"/ru/knowledge/{slug}/")
    expect(reader.locator("h1")).to_have_text(title)
    expect(reader.locator(".translation-notice")).to_contain_text(FALLBACK_RU)
    expect(reader.locator("main")).to_have_attribute("lang", "en")

    # In the editor the translator's primary action is "Submit for review"; no "Convert to alias page".
    # Every string, the address included (kept as it is): a string left out reads as out of date.
    for source, words in ((title, russian_title), (summary, russian_summary), (slug, slug)):
        if source == slug:
            translator.get_by_role("tab", name="Promote").click()
        segment = translator.locator("li", has_text=source).last
        segment.get_by_role("button", name="Translate").click()
        segment.locator("textarea").fill(words)
        segment.get_by_role("button", name="Save").click()
        expect(segment).to_contain_text(words)
    submit = translator.locator("footer button:visible", has_text="Submit for review").first
    expect(submit).to_be_visible()
    expect(translator.get_by_text("Convert to alias page")).not_to_be_visible()
    submit.click()
    expect(translator.locator(".messages")).to_contain_text("for review")

    reader.goto(f"/ru/knowledge/{slug}/")
    expect(reader.locator("h1")).to_have_text(title), "not live until published"

    # The reviewer finds it waiting on the dashboard and approves it.
    reviewer = browser.new_context(base_url=server).new_page()
    login(reviewer, "reviewer", next_url="/admin/")
    panel = reviewer.locator("section, .w-panel, div", has_text="Awaiting your review").filter(has_text=russian_title)
    expect(panel.first).to_be_visible()
    actions = reviewer.get_by_role("button", name="Actions")
    row = reviewer.locator("tr", has_text=russian_title).filter(has=actions).first
    row.get_by_role("button", name="Actions").click()
    with reviewer.expect_navigation():
        reviewer.locator("button:visible", has_text=re.compile(r"^\s*Approve\s*$")).first.click()

    reader.goto(f"/ru/knowledge/{slug}/")
    expect(reader.locator("h1")).to_have_text(russian_title)
    expect(reader.locator(".translation-notice")).to_have_count(0)
    expect(reader.locator("main")).not_to_have_attribute("lang", "en")
    for tab in (translator, reader, reviewer):
        tab.context.close()
