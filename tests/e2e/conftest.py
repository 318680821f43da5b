"""Browser tests: a real server with the demo content, driven through Debian's Chromium.

The server runs in its own process on its own SQLite file (migrated and loaded with the
demo once per session), so the browser sees exactly what a reader would.
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium from calling home: this machine (and a survivor-safe site) has no
# business talking to anything but the site under test.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    workdir = Path(tempfile.mkdtemp(prefix="dsp-e2e-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "SQLITE_PATH": str(workdir / "db.sqlite3"),
        "MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_SERVE_MEDIA": "1",
        # The embedded default: browser journeys exercise the site, not the engine.
        "SEARCH_ELASTICSEARCH_URL": "",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "load_demo", "-v0"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    port = _free_port()
    log = open(workdir / "server.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [*manage, "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/en/", timeout=2)  # noqa: S310
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError(f"test server did not start; see {workdir / 'server.log'}") from None
            time.sleep(0.3)
    yield base
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError("Debian's Chromium is missing: scripts/install-test-tools.sh installs it")
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def tab(browser, server):
    """A browser tab of a given size: a touch phone (`touch=True`), without JavaScript if asked.

    Reduced motion: in-page links jump instead of scrolling smoothly, so positions are final.
    """
    contexts = []

    def open_tab(viewport, *, javascript=True, touch=False):
        context = browser.new_context(
            base_url=server,
            viewport=viewport,
            java_script_enabled=javascript,
            has_touch=touch,
            is_mobile=touch,
            reduced_motion="reduce",
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture
def page(browser, server):
    """A fresh browser tab that records any request leaving the site under test and any content-policy refusal."""
    context = browser.new_context(base_url=server, locale="en-GB")
    tab = context.new_page()
    tab.outside_requests = []
    # What the Content-Security-Policy refused (Chromium reports each refusal on the console).
    tab.policy_violations = []

    def refusals(message):
        if "Content Security Policy" in message.text:
            tab.policy_violations.append(f"{tab.url}: {message.text}")

    tab.on("console", refusals)

    def guard(route):
        url = route.request.url
        if url.startswith((server, "data:", "about:")):
            route.continue_()
        else:
            tab.outside_requests.append(url)
            route.abort()

    context.route("**/*", guard)
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def login(page, username, password="demo-password-2024", next_url="/en/"):
    page.goto(f"/en/login/?next={next_url}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def fill_title(page, title):
    """Type a new page's title and wait until Wagtail has made its address from it.

    The title fills the slug through a Stimulus controller that connects when the admin's
    scripts have run; on a busy machine the title can be filled before that, and the page
    would then be refused for its empty address.
    """
    title_field, slug_field = page.locator("#id_title"), page.locator("#id_slug")
    title_field.fill(title)
    deadline = time.monotonic() + 15
    while not slug_field.input_value() and time.monotonic() < deadline:
        title_field.dispatch_event("change")
        page.wait_for_timeout(200)
    expect(slug_field).not_to_have_value("")


def close_date_pickers(page):
    """Click the title until no date picker has shown for three looks in a row.

    The picker opens a moment after its field takes focus, so a click made inside that moment
    closes nothing and the picker appears afterwards, over the footer: one empty look is not
    enough.
    """
    pickers = page.locator(".xdsoft_datetimepicker:visible")
    quiet = 0
    for _look in range(30):
        if pickers.count():
            quiet = 0
            page.locator("#id_title").click()
        else:
            quiet += 1
            if quiet == 3:
                return
        page.wait_for_timeout(200)
    expect(pickers).to_have_count(0)


def publish(page):
    """Publish from the editor's footer menu; a refusal fails with the editor's own errors.

    A date picker still open (it opens a moment after its field is filled) would cover the
    footer: a click on the title closes it, as a user's would.
    """
    close_date_pickers(page)
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-publish']").click()
    messages = page.locator(".messages")
    expect(messages).to_contain_text(re.compile("published|could not"))
    if "could not" in messages.inner_text():
        errors = page.locator(".error-message, .w-field__errors").all_inner_texts()
        raise AssertionError(f"the page was not published: {errors}")
