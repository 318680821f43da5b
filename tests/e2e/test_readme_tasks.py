"""README's "What each role does", walked in Chromium step by step, as a newcomer would.

Each role's test follows its numbered steps with the buttons and menus README names; `Walk.step`
checks that README's next step for the role names the words the test acts on, and `finished`
that the test walked every step README lists, so the two cannot drift apart silently. Every tab
records main-frame responses of 400 or more: an error page is a dead end too.

Where a step needs another role's work first (a reviewer needs a submitted brief), the test
walks that role's steps as well; only the translator's English original is made straight away.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT, close_date_pickers, fill_title, login
from tests.e2e.test_journeys import page_id
from tests.knowledge.files import pdf_of

SECTION = "### What each role does (walked by the browser tests)"
ROLES = ("specialist", "reviewer", "translator", "organiser", "partner")
PASSWORD = "demo-password-2024"  # noqa: S105 (README publishes it: demo use only)
PARTNER_ONLY_TEXT = "Internal working document, shared with partner officials only."
PARTNER_PAGE = "Internal: draft workplan for the DSP with Kyrgyzstan"
PARTNER_FILE = "Internal: draft mapping of knowledge-exchange areas with Kyrgyzstan"
FALLBACK_RU = "Эта страница пока недоступна на русском языке"


def readme_steps() -> dict[str, list[str]]:
    """Each role's numbered steps in README's section, one string per step (continuation lines joined)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert SECTION in text, "README has lost its section on what each role does"
    section = re.split(r"\n#{2,3} ", text.split(SECTION, 1)[1], maxsplit=1)[0]
    steps: dict[str, list[str]] = {}
    role = None
    for line in section.splitlines():
        if heading := re.match(r"\*\*(\w+)\*\*: ", line):
            role = heading.group(1).lower()
            steps[role] = []
        elif role and (item := re.match(r"\d+\. (.*)", line)):
            steps[role].append(item.group(1))
        elif role and line.startswith("   ") and steps[role]:
            steps[role][-1] += " " + line.strip()
    return steps


class Walk:
    """One role's README steps, checked off in order as the test walks them."""

    def __init__(self, role: str):
        self.role = role
        self.steps = readme_steps()[role]
        self.walked = 0

    def step(self, *words: str) -> None:
        assert self.walked < len(self.steps), f"README lists {len(self.steps)} steps for the {self.role}"
        text = self.steps[self.walked]
        for word in words:
            assert word in text, f"README's {self.role} step {self.walked + 1} no longer says {word!r}: {text}"
        self.walked += 1

    def finished(self) -> None:
        assert self.walked == len(self.steps), (
            f"README lists {len(self.steps)} steps for the {self.role}; the test walked {self.walked}"
        )


@pytest.fixture
def open_tab(browser, server):
    """A new browser (own cookies) per person; `open_tab.errors` lists every error page any of them got."""
    contexts = []
    errors = []

    def open_tab(locale="en-GB"):
        context = browser.new_context(base_url=server, locale=locale, accept_downloads=True)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(15_000)

        def record(response):
            request = response.request
            if response.status >= 400 and request.is_navigation_request() and request.frame == tab.main_frame:
                errors.append(f"{response.status} {request.method} {response.url}")

        tab.on("response", record)
        return tab

    open_tab.errors = errors
    yield open_tab
    for context in contexts:
        context.close()


def sign_in_at_admin(tab, username):
    """/admin/ leads a signed-out visitor to the site's one sign-in page, and back to the admin."""
    tab.goto("/admin/")
    expect(tab).to_have_url(re.compile(r"/login/\?next="))
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    expect(tab).to_have_url(re.compile(r"/admin/"))


def open_footer_menu(tab):
    """The arrow beside the editor's main button, which holds the other actions."""
    close_date_pickers(tab)
    tab.locator("footer [data-w-dropdown-target='toggle']").last.click()


def opens_a_pdf(tab, link) -> None:
    """The link's file opens, with the tab's cookies, as a PDF.

    It opens in a tab of its own, closed afterwards: Chromium's PDF viewer keeps a connection to the
    single-threaded test server open, which would stall every later request.
    """
    viewer = tab.context.new_page()
    response = viewer.goto(link.get_attribute("href"))
    headers = response.headers
    viewer.close()
    assert response.status == 200, (response.status, response.url)
    assert headers["content-type"] == "application/pdf", headers
    assert int(headers["content-length"]) > 0, headers


# --- Each role's steps -----------------------------------------------------------------------------


def specialist_submits_brief(tab, walk, server, *, title, summary, document_title, pdf) -> None:
    """README's specialist steps."""
    walk.step("`/admin/`", "`specialist`", "Knowledge")
    sign_in_at_admin(tab, "specialist")
    expect(tab).to_have_url(re.compile(r"/admin/knowledge/$"))

    walk.step("**Add knowledge item**", "**Policy brief**")
    tab.get_by_role("link", name="Add knowledge item").click()
    # Straight to Wagtail's choice of kinds under the English Knowledge page.
    expect(tab).to_have_url(re.compile(rf"/admin/pages/{page_id(server, 'knowledge.KnowledgeIndexPage')}/add_subpage/"))
    tab.get_by_role("link", name="Policy brief", exact=True).click()
    fill_title(tab, title)
    tab.locator("#id_summary").fill(summary)

    walk.step(
        "Attachments", "**+**", "**Choose a document**", "**Upload**", "**Everyone, once a reviewer has checked it**"
    )
    attachments = tab.locator("#panel-child-content-attachments-section")
    attachments.get_by_role("button", name="Insert a block").first.click()
    tab.get_by_role("button", name=re.compile("Choose a document")).first.click()
    dialog = tab.locator(".modal.in")
    expect(dialog).to_be_visible()
    dialog.get_by_role("tab", name="Upload").click()
    form = dialog.locator("form[action$='/documents/chooser/create/']")
    form.locator("input[name$='-title']").fill(document_title)
    form.locator("input[name$='-file']").set_input_files(str(pdf))
    expect(form).to_contain_text("Who may see this file?")
    form.get_by_label(re.compile("Everyone, once a reviewer has checked it")).check()
    form.get_by_role("button", name="Upload").click()
    expect(dialog).to_have_count(0)
    expect(attachments).to_contain_text(document_title)

    walk.step("**Save draft**", "**Submit to Knowledge review**", "Readers do not see it yet")
    open_footer_menu(tab)
    tab.get_by_role("button", name="Submit to Knowledge review").click()
    expect(tab.locator(".messages")).to_contain_text("submitted")


def reviewer_approves_from_dashboard(tab, title):
    """On the reviewer's dashboard, the row's Actions → Approve (a brief or a translation)."""
    tab.goto("/admin/")
    expect(tab.locator("main")).to_contain_text("Awaiting your review")
    row = tab.locator("tr", has_text=title).filter(has=tab.get_by_role("button", name="Actions")).first
    expect(row).to_be_visible()
    row.get_by_role("button", name="Actions").click()
    with tab.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()
    expect(tab.locator("tr", has_text=title)).to_have_count(0)


def translator_submits_translation(tab, walk, *, title, texts, slug):
    """README's translator steps for an English page not yet in Russian; `texts` are its strings and their Russian."""
    walk.step("`/admin/`", "`translator`", "Reports → Translations", "**Language**", "**Apply filters**", "Missing")
    sign_in_at_admin(tab, "translator")
    expect(tab).to_have_url(re.compile(r"/admin/reports/translations/"))
    tab.get_by_label("Language").select_option(label="Russian")
    tab.get_by_role("button", name="Apply filters").click()
    row = tab.locator("tr", has_text=title).first
    expect(row).to_contain_text(re.compile("missing", re.IGNORECASE))

    walk.step("title", "**⋯** menu", "**Translate this page**", "**Russian**", "**Submit**")
    row.get_by_role("link", name=title, exact=True).click()
    expect(tab.locator(".messages")).to_contain_text("Translate this page")
    row = tab.locator("tr", has_text=title).first
    row.get_by_role("button", name=re.compile("^More options")).click()
    row.get_by_role("link", name="Translate this page").click()
    tab.get_by_label("Russian").check()
    tab.get_by_role("button", name="Submit").click()
    expect(tab.locator(".js-translation-editor")).to_be_visible()

    walk.step("**Promote**", "**Translate**", "**Save**")
    # Every string, the address included (kept as it is): a string left out reads as out of date.
    for source, words in [*texts, (slug, slug)]:
        if source == slug:
            tab.get_by_role("tab", name="Promote").click()
        segment = tab.locator("li", has_text=source).last
        segment.get_by_role("button", name="Translate").click()
        segment.locator("textarea").fill(words)
        segment.get_by_role("button", name="Save").click()
        expect(segment).to_contain_text(words)

    walk.step("**Submit for review**", "English page")
    expect(tab.get_by_text("Convert to alias page")).not_to_be_visible()
    tab.locator("footer button:visible", has_text="Submit for review").first.click()
    expect(tab.locator(".messages")).to_contain_text("for review")


def reviewer_publishes_brief(tab, server, *, title, summary):
    """An English brief, live at once: the translator's starting point, made without walking anyone's steps."""
    knowledge_id = page_id(server, "knowledge.KnowledgeIndexPage")
    login(tab, "reviewer", next_url=f"/admin/pages/add/knowledge/policybriefpage/{knowledge_id}/")
    fill_title(tab, title)
    tab.locator("#id_summary").fill(summary)
    open_footer_menu(tab)
    tab.get_by_role("button", name="Publish", exact=True).click()
    expect(tab.locator(".messages")).to_contain_text("published")


# --- The tests --------------------------------------------------------------------------------------


def test_readme_lists_each_roles_steps():
    steps = readme_steps()
    assert tuple(steps) == ROLES
    for role, items in steps.items():
        assert 3 <= len(items) <= 6, (role, items)


def test_specialist_writes_a_brief_with_a_document_and_submits_it(open_tab, server, tmp_path):
    title = "Brief on shelter standards in Central Asia"
    pdf = tmp_path / "shelter-standards.pdf"
    pdf.write_bytes(pdf_of(["Shelter standards in Central Asia"]))
    walk = Walk("specialist")
    specialist = open_tab()
    specialist_submits_brief(
        specialist,
        walk,
        server,
        title=title,
        summary="What minimum standards for shelters look like in five countries.",
        document_title="Shelter standards in Central Asia (PDF)",
        pdf=pdf,
    )
    walk.finished()

    reader = open_tab()
    reader.goto("/en/knowledge/")
    expect(reader.locator("main")).not_to_contain_text(title)
    assert reader.request.get("/en/knowledge/brief-on-shelter-standards-in-central-asia/").status == 404
    assert open_tab.errors == []


def test_reviewer_approves_and_publishes_a_brief_and_a_translation(open_tab, server, tmp_path):
    title = "Brief on hotlines for survivors in Kazakhstan"
    summary = "How national hotlines refer survivors to crisis centres."
    slug = "brief-on-hotlines-for-survivors-in-kazakhstan"
    document_title = "Hotlines for survivors in Kazakhstan (PDF)"
    russian_title = "Записка о телефонах доверия для пострадавших в Казахстане"
    russian_summary = "Как национальные телефоны доверия направляют пострадавших в кризисные центры."
    pdf = tmp_path / "hotlines.pdf"
    pdf.write_bytes(pdf_of(["Hotlines for survivors in Kazakhstan"]))
    # The brief as the specialist submits it (their steps, walked in their own test too).
    specialist_submits_brief(
        open_tab(), Walk("specialist"), server, title=title, summary=summary, document_title=document_title, pdf=pdf
    )
    walk = Walk("reviewer")
    reviewer = open_tab()
    reader = open_tab()

    walk.step("`/admin/`", "`reviewer`", "Awaiting your review")
    sign_in_at_admin(reviewer, "reviewer")
    expect(reviewer).to_have_url(re.compile(r"/admin/$"))
    expect(reviewer.locator("main")).to_contain_text("Awaiting your review")
    expect(reviewer.locator("tr", has_text=title).first).to_be_visible()

    walk.step("**Actions**", "**Approve**", "document released")
    reviewer_approves_from_dashboard(reviewer, title)

    walk.step("`/en/knowledge/<its-address>/`", "downloads for anyone")
    reader.goto(f"/en/knowledge/{slug}/")
    expect(reader.locator("h1")).to_have_text(title)
    expect(reader.locator("main")).to_contain_text(summary)
    opens_a_pdf(reader, reader.get_by_role("link", name=document_title, exact=True))

    # The translator's steps on the published brief (walked in their own test too).
    translator_submits_translation(
        open_tab(),
        Walk("translator"),
        title=title,
        texts=[(title, russian_title), (summary, russian_summary)],
        slug=slug,
    )
    walk.step("translation", "**Actions**", "**Approve**", "`/ru/knowledge/<its-address>/`")
    reviewer_approves_from_dashboard(reviewer, russian_title)
    reader.goto(f"/ru/knowledge/{slug}/")
    expect(reader.locator("h1")).to_have_text(russian_title)
    expect(reader.locator(".translation-notice")).to_have_count(0)
    walk.finished()
    assert open_tab.errors == []


def test_translator_translates_a_page_into_russian_and_submits_it(open_tab, server):
    title = "Shelter referrals in rural Kyrgyzstan"
    summary = "How village health posts refer survivors to the nearest shelter."
    slug = "shelter-referrals-in-rural-kyrgyzstan"
    russian_title = "Направление в убежища в сельских районах Кыргызстана"
    russian_summary = "Как сельские медпункты направляют пострадавших в ближайшее убежище."
    reviewer = open_tab()
    reviewer_publishes_brief(reviewer, server, title=title, summary=summary)

    walk = Walk("translator")
    translator_submits_translation(
        open_tab(),
        walk,
        title=title,
        texts=[(title, russian_title), (summary, russian_summary)],
        slug=slug,
    )
    walk.finished()

    # Readers keep the English page, marked as such, until a reviewer approves the translation.
    reader = open_tab(locale="ru-RU")
    reader.goto(f"/ru/knowledge/{slug}/")
    expect(reader.locator("h1")).to_have_text(title)
    expect(reader.locator(".translation-notice")).to_contain_text(FALLBACK_RU)
    expect(reader.locator("main")).to_have_attribute("lang", "en")
    reviewer_approves_from_dashboard(reviewer, russian_title)
    reader.goto(f"/ru/knowledge/{slug}/")
    expect(reader.locator("h1")).to_have_text(russian_title)
    expect(reader.locator("main")).to_contain_text(russian_summary)
    assert open_tab.errors == []


def test_organiser_posts_an_online_webinar_and_publishes_it(open_tab):
    title = "Webinar with Senegal on shelter referrals"
    walk = Walk("organiser")
    organiser = open_tab()

    walk.step("`/admin/`", "`organiser`", "Events")
    sign_in_at_admin(organiser, "organiser")
    expect(organiser).to_have_url(re.compile(r"/admin/events/$"))

    walk.step("**Add event**", "**Type of event**", "Webinar")
    organiser.get_by_role("link", name="Add event").click()
    fill_title(organiser, title)
    organiser.get_by_role("combobox", name="Type of event").select_option(label="Webinar")
    organiser.locator("#id_summary").fill("Senegalese and Korean practitioners compare how shelters take referrals.")

    walk.step("**Starts**", "**Ends**", "**Time zone**", "Dakar", "**Held online**")
    organiser.locator("#id_start").fill("2027-03-10 10:00")
    organiser.locator("#id_end").fill("2027-03-10 12:00")
    organiser.get_by_role("combobox", name="Time zone").select_option(label="Dakar")
    organiser.get_by_role("checkbox", name="Held online").check()

    walk.step("**Save draft**", "**Publish**", "`/en/events/`")
    open_footer_menu(organiser)
    organiser.get_by_role("button", name="Publish", exact=True).click()
    expect(organiser.locator(".messages")).to_contain_text("published")
    walk.finished()

    reader = open_tab()
    reader.goto("/en/events/")
    card = reader.locator("article", has_text=title)
    expect(card).to_contain_text("Webinar")
    expect(card).to_contain_text("10 March 2027")
    expect(card).to_contain_text("Online")
    assert open_tab.errors == []


def test_partner_signs_in_reads_a_partner_only_page_and_downloads_its_document(open_tab):
    walk = Walk("partner")
    partner = open_tab()

    walk.step("**Partner sign-in**", "`partner`", "You are signed in")
    partner.goto("/en/")
    partner.get_by_role("link", name="Partner sign-in").click()
    partner.get_by_label("Username").fill("partner")
    partner.get_by_label("Password").fill(PASSWORD)
    partner.get_by_role("button", name="Sign in").click()
    expect(partner).to_have_url(re.compile(r"/en/$"))
    expect(partner.get_by_text("You are signed in").first).to_be_visible()

    walk.step("**Search**", "`workplan`", "partner-only items")
    partner.locator(".site-nav").get_by_role("link", name="Search").click()
    partner.get_by_role("searchbox").fill("workplan")
    partner.get_by_role("button", name="Search", exact=True).click()
    hit = partner.locator("li.search-hit", has_text="Policy brief").filter(has_text=PARTNER_PAGE)
    expect(hit).to_have_count(1)

    walk.step(f"policy brief **{PARTNER_PAGE}**", "partner officials only")
    hit.get_by_role("heading", name=PARTNER_PAGE).get_by_role("link").click()
    expect(partner.locator("h1")).to_have_text(PARTNER_PAGE)
    expect(partner.locator("main")).to_contain_text(PARTNER_ONLY_TEXT)
    page_url = partner.url

    walk.step("Downloads", f"**{PARTNER_FILE}**", "sign-in page")
    link = partner.get_by_role("link", name=PARTNER_FILE, exact=True)
    file_url = link.get_attribute("href")
    opens_a_pdf(partner, link)
    walk.finished()

    # Signed out, neither the hit, nor the text, nor the file: both addresses lead to the sign-in page.
    visitor = open_tab()
    visitor.goto("/en/search/?q=workplan")
    expect(visitor.locator("li.search-hit").first).to_be_visible()
    expect(visitor.locator("main")).not_to_contain_text(PARTNER_PAGE)
    for url in (page_url, file_url):
        visitor.goto(url)
        expect(visitor).to_have_url(re.compile(r"/login/\?next="))
        expect(visitor.locator("body")).not_to_contain_text(PARTNER_ONLY_TEXT)
    assert open_tab.errors == []
