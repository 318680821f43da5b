"""The database restarts under traffic: readers are told to come back, then the site carries on.

A PostgreSQL 15 of this test's own (scripts/postgres.sh on a free port, its cluster in a
temporary folder: the shared server on 5433 is never touched), a small site migrated into it,
and gunicorn with 2 sync workers on production's settings (tests/portal/database_restart_settings.py)
with the page cache off, so every page asks the database. Three readers ask for pages in English,
Russian and Korean without pause while the database is stopped for a few seconds and started
again. Nothing restarts gunicorn or its workers.
"""

import contextlib
import html
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.utils import translation

import pytest

ROOT = Path(__file__).resolve().parents[2]
EDITOR = "restart-editor"
PASSWORD = "restart-test-password"  # noqa: S105 (a throwaway account on a throwaway database)
# Every reader's page reads the database: a page of the tree, the search page with a query.
READER_PAGES = {
    "en": ["/en/", "/en/search/?q=police"],
    "ru": ["/ru/search/?q=police", "/ru/knowledge/"],
    "ko": ["/ko/search/?q=police", "/ko/knowledge/"],
}
# No request may take longer than this, whatever the database is doing.
REQUEST_BOUND_SECONDS = 10
# How long the database stays down.
DOWN_SECONDS = 3
# Requests that start this long after the database answers again must all succeed.
RECOVERY_SECONDS = 2
# How long readers keep reading after that.
AFTER_SECONDS = 3
MESSAGE = "The site is temporarily unavailable"


def load_site():
    """The tree readers see and an editor, written into the test's database (run by `manage.py shell`)."""
    from django.contrib.auth import get_user_model  # noqa: PLC0415 (runs in a Django process of its own)
    from django.core.management import call_command  # noqa: PLC0415

    from knowledge.models import PolicyToolPage  # noqa: PLC0415
    from tests.factories import build_site, make_knowledge  # noqa: PLC0415

    call_command("migrate", interactive=False, verbosity=0)
    site = build_site()
    make_knowledge(site["knowledge"], PolicyToolPage, title="Police training course")
    make_knowledge(site["knowledge"], title="Funding one-stop centres")
    get_user_model().objects.create_superuser(EDITOR, "editor@example.org", PASSWORD)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Postgres:
    """scripts/postgres.sh on its own port and folder."""

    def __init__(self, folder: Path):
        self.port = _free_port()
        self.env = {**os.environ, "PG_PORT": str(self.port), "PG_RUNTIME_DIR": str(folder)}

    def run(self, action: str):
        subprocess.run([str(ROOT / "scripts/postgres.sh"), action], env=self.env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def postgres():
    folder = Path(tempfile.mkdtemp(prefix="dsp-db-restart-"))
    # Debian's `postgres` user runs the server when we are root: it must enter the folder.
    folder.chmod(0o755)
    server = Postgres(folder)
    try:
        server.run("start")
        yield server
    finally:
        server.run("stop")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def site_env(postgres, tmp_path_factory):
    folder = tmp_path_factory.mktemp("db-restart-site")
    keep = {name: value for name, value in os.environ.items() if not name.startswith(("POSTGRES_", "REDIS_"))}
    env = {
        **keep,
        "DJANGO_SETTINGS_MODULE": "tests.portal.database_restart_settings",
        "DJANGO_SECRET_KEY": "database-restart-not-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "POSTGRES_DB": "dsp",
        "POSTGRES_USER": "dsp",
        "POSTGRES_HOST": "127.0.0.1",
        "POSTGRES_PORT": str(postgres.port),
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "PAGE_CACHE_ENABLED": "0",
        "PAGE_CACHE_DIR": str(folder / "cache"),
        "SEARCH_ELASTICSEARCH_URL": "",
        "DJANGO_TRUSTED_PROXY_COUNT": "0",
    }
    (folder / "static").mkdir()
    code = "from tests.portal.test_database_restart import load_site; load_site()"
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "shell", "-c", code], env=env, cwd=ROOT, check=True)
    return {"env": env, "folder": folder}


@pytest.fixture(scope="module")
def gunicorn(site_env):
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi:application",
        "--workers=2",
        "--worker-class=sync",
        f"--bind=127.0.0.1:{port}",
        "--no-control-socket",
    ]
    log_path = site_env["folder"] / "gunicorn.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(command, env=site_env["env"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while True:
                with contextlib.suppress(OSError):
                    if get(port, "/static/css/error.css").status == 200:
                        break
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"gunicorn did not start: {log_path.read_text()}")
                time.sleep(0.3)
            yield {"port": port, "process": process, "log": log_path}
        finally:
            # Quick shutdown: nothing is left to finish, and a graceful one waits out idle workers.
            process.send_signal(signal.SIGQUIT)
            process.wait(timeout=30)


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str


def request(port: int, method: str, path: str, *, headers=None, body=None) -> Answer:
    """One request as the proxy in front of production passes it on (HTTPS), no redirect followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_BOUND_SECONDS)
    try:
        connection.request(method, path, body=body, headers={"X-Forwarded-Proto": "https", **(headers or {})})
        response = connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        # One header a line, Set-Cookie's several values too.
        answer_headers = {}
        for name, value in response.getheaders():
            key = name.lower()
            answer_headers[key] = f"{answer_headers[key]}\n{value}" if key in answer_headers else value
        return Answer(response.status, answer_headers, content)
    finally:
        connection.close()


def get(port: int, path: str, **kwargs) -> Answer:
    return request(port, "GET", path, **kwargs)


@dataclass
class Hit:
    language: str
    path: str
    started: float
    ended: float
    answer: Answer | None = None
    error: str = ""


class Readers:
    """One thread per language asking for its pages in turn, without pause, until stopped."""

    def __init__(self, port: int):
        self.port = port
        self.hits: list[Hit] = []
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.read, args=(language,)) for language in READER_PAGES]

    def read(self, language: str):
        while not self.stopping.is_set():
            for path in READER_PAGES[language]:
                hit = Hit(language, path, time.monotonic(), 0.0)
                try:
                    hit.answer = get(self.port, path)
                except OSError as error:
                    hit.error = repr(error)
                hit.ended = time.monotonic()
                self.hits.append(hit)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=REQUEST_BOUND_SECONDS * 2)


class Editor:
    """An editor's browser: its cookies, the sign-in form, the admin."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def _request(self, method: str, path: str, **kwargs) -> Answer:
        headers = kwargs.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        answer = request(self.port, method, path, headers=headers, **kwargs)
        for line in answer.headers.get("set-cookie", "").splitlines():
            name, _equals, rest = line.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return answer

    def form_token(self) -> str:
        page = self._request("GET", "/en/login/")
        assert page.status == 200, page.body[:500]
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body).group(1)

    def sign_in(self, token: str) -> Answer:
        """Posts the sign-in form: a write (the session, the last sign-in) when the database is there."""
        form = urlencode({"csrfmiddlewaretoken": token, "username": EDITOR, "password": PASSWORD, "next": "/admin/"})
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            # Django's CSRF check on HTTPS wants the page's own origin.
            "Origin": f"https://127.0.0.1:{self.port}",
        }
        return self._request("POST", "/en/login/", headers=headers, body=form)

    def admin(self) -> Answer:
        return self._request("GET", "/admin/")


def workers(process) -> set[int]:
    """The gunicorn master's worker processes."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    return {int(pid) for pid in children}


def unavailable_message(language: str) -> str:
    with translation.override(language):
        return html.escape(translation.gettext(MESSAGE))


def test_a_database_restart_under_traffic_is_a_503_in_the_readers_language_then_the_site_carries_on(gunicorn, postgres):
    port = gunicorn["port"]
    editor = Editor(port)
    # Signed in before the restart: the session outlives it.
    assert editor.sign_in(editor.form_token()).status == 302
    assert editor.admin().status == 200
    # Another one has the sign-in form open when the database goes.
    newcomer = Editor(port)
    token = newcomer.form_token()
    workers_before = workers(gunicorn["process"])
    assert len(workers_before) == 2

    with Readers(port) as readers:
        time.sleep(1.5)
        stopping = time.monotonic()
        postgres.run("stop")
        down = time.monotonic()
        time.sleep(DOWN_SECONDS / 2)
        admin_while_down = editor.admin()
        sign_in_while_down = newcomer.sign_in(token)
        time.sleep(DOWN_SECONDS / 2)
        starting = time.monotonic()
        postgres.run("start")
        up = time.monotonic()
        time.sleep(RECOVERY_SECONDS + AFTER_SECONDS)

    log = gunicorn["log"].read_text()
    hits = readers.hits
    assert all(hit.answer is not None for hit in hits), [hit.error for hit in hits if hit.answer is None]
    # Never a hung request, never a server error.
    assert max(hit.ended - hit.started for hit in hits) < REQUEST_BOUND_SECONDS
    assert {hit.answer.status for hit in hits} <= {200, 503}, log[-3000:]

    before = [hit for hit in hits if hit.ended < stopping]
    assert before and all(hit.answer.status == 200 for hit in before)

    # While the database was away: the short page, in the reader's language, with Retry-After.
    while_down = [hit for hit in hits if down < hit.started and hit.ended < starting]
    assert {hit.language for hit in while_down} == set(READER_PAGES)
    for hit in while_down:
        assert hit.answer.status == 503, (hit.path, hit.answer.status)
        assert int(hit.answer.headers["retry-after"]) > 0
        assert "no-store" in hit.answer.headers["cache-control"]
        assert hit.answer.headers["content-language"] == hit.language
        assert unavailable_message(hit.language) in hit.answer.body, (hit.path, hit.answer.body[:500])
    assert unavailable_message("ru") != unavailable_message("en") != unavailable_message("ko")

    # Once it answers again, every request succeeds, on the same workers.
    recovered = [hit for hit in hits if hit.started > up + RECOVERY_SECONDS]
    assert len(recovered) >= 3 * len(READER_PAGES)
    failed = [(hit.path, hit.answer.status) for hit in recovered if hit.answer.status != 200]
    assert not failed, (failed, log[-3000:])
    assert gunicorn["process"].poll() is None
    assert workers(gunicorn["process"]) == workers_before

    # The editor's side: refused with the same 503 while the database was away, then both
    # reading (the session from before) and writing (a fresh sign-in) work again.
    assert admin_while_down.status == 503
    assert sign_in_while_down.status == 503
    assert unavailable_message("en") in sign_in_while_down.body
    assert editor.admin().status == 200
    assert newcomer.sign_in(token).status == 302
    assert newcomer.admin().status == 200
