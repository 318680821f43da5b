"""The users of the load benchmark (`bench/load_bench.py` runs this file with locust).

Readers (`Reader`) open pages, search and download documents with a pause between steps, as
people do; one editor (`Editor`, the demo's event organiser) publishes a new webinar through
the Wagtail admin's own form every `LOAD_EDITOR_PAUSE` seconds (30 by default) and writes each
title it published to a file, so the benchmark can ask the portal's search for every one afterwards.

What to ask for comes from the environment: `LOAD_PLAN` names a JSON file written by
`load_bench.py` (pages, documents, searches, the events section's page id and the editor's
login) and `LOAD_PUBLISHED` the file the editor appends its titles to.
https://docs.locust.io/en/stable/writing-a-locustfile.html
"""

from __future__ import annotations

import json
import os
import random
import time
import uuid
from html.parser import HTMLParser

from locust import HttpUser, between, constant, events, task
from locust.contrib.fasthttp import FastHttpUser

PLAN = json.loads(open(os.environ["LOAD_PLAN"], encoding="utf-8").read())  # noqa: SIM115 - read once at import
PUBLISHED = os.environ["LOAD_PUBLISHED"]
# Production sits behind a proxy that speaks TLS and says so; the benchmark speaks plain HTTP on
# loopback and says what the proxy would.
BEHIND_THE_PROXY = {"X-Forwarded-Proto": "https"}
# Every request's moment, name, address, time and page-cache answer, when `LOAD_TIMELINE` names a
# file: what `load_bench.py` reads to say which requests were slow, and how long after a publish.
TIMELINE = os.environ.get("LOAD_TIMELINE")


@events.request.add_listener
def _on_request(request_type, name, response_time, response_length, response=None, exception=None, **_kwargs):
    if not TIMELINE:
        return
    cache = response.headers.get("X-Page-Cache", "") if response is not None and response.headers else ""
    url = getattr(getattr(response, "request", None), "url", "") if response is not None else ""
    status = getattr(response, "status_code", 0) if response is not None else 0
    with open(TIMELINE, "a", encoding="utf-8") as timeline:
        timeline.write(json.dumps([time.time(), name, url, round(response_time, 1), status, cache]) + "\n")


class Reader(FastHttpUser):
    """A reader in one of the three languages: pages, searches and downloads."""

    wait_time = between(1, 3)
    default_headers = BEHIND_THE_PROXY

    @task(6)
    def read_page(self):
        self.client.get(random.choice(PLAN["pages"]), name="read a page")  # noqa: S311 - not cryptography

    @task(3)
    def search(self):
        language, q = random.choice(PLAN["searches"])  # noqa: S311
        self.client.get(f"/{language}/search/", params={"q": q}, name="search")

    @task(1)
    def download(self):
        self.client.get(random.choice(PLAN["downloads"]), name="download a document")  # noqa: S311


class Editor(HttpUser):
    """The event organiser: signs in once, then publishes a webinar through the admin's form."""

    fixed_count = 1
    wait_time = constant(float(os.environ.get("LOAD_EDITOR_PAUSE", "30")))

    def on_start(self):
        self.client.headers.update(BEHIND_THE_PROXY)
        self.client.get("/admin/login/", name="editor: sign-in form")
        self._as_behind_the_proxy()
        token = self.client.cookies.get("csrftoken", "")
        login = PLAN["editor"]
        self.client.post(
            "/admin/login/",
            data={"username": login["username"], "password": login["password"], "csrfmiddlewaretoken": token},
            headers={"Referer": self._https("/admin/login/")},
            allow_redirects=False,
            name="editor: sign in",
        )
        self._as_behind_the_proxy()
        self.wait()  # the first webinar comes a pause after sign-in, as every later one does

    def _https(self, path: str) -> str:
        return self.host.replace("http://", "https://", 1) + path

    def _as_behind_the_proxy(self):
        """Production's cookies are `Secure`: the browser behind the proxy's TLS sends them, so the editor does too.

        (requests would keep them for https addresses only; the benchmark speaks plain HTTP on loopback.)
        """
        for cookie in self.client.cookies:
            cookie.secure = False

    @task
    def publish_webinar(self):
        address = f"/admin/pages/add/events/eventpage/{PLAN['events_page_id']}/"
        form = self.client.get(address, name="editor: new webinar form")
        self._as_behind_the_proxy()
        fields = AdminForm.fields_of(form.text)
        marker = f"loadtest{uuid.uuid4().hex[:10]}"
        title = f"Load test webinar {marker}"
        fields.update(
            {
                "title": title,
                "slug": marker,
                "summary": f"A webinar published during the load benchmark ({marker}).",
                "start": "2027-03-01 10:00",
                "action-publish": "action-publish",
            }
        )
        with self.client.post(
            address,
            data=fields,
            headers={"Referer": self._https(address)},
            allow_redirects=False,
            name="editor: publish",
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"publish answered {response.status_code}, not a redirect to the listing")
                return
            response.success()
        with open(PUBLISHED, "a", encoding="utf-8") as published:
            published.write(f"{marker}\n")


class AdminForm(HTMLParser):
    """The values a browser would send from the admin's page form, before anyone types.

    Text inputs, hidden inputs, checked boxes, each select's chosen (or first) option and
    textareas; each StreamField block gets an empty stream (`<name>-count=0`), which the
    admin's script would otherwise write.
    """

    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}
        self._in_form = False
        self._textarea: str | None = None
        self._select: list | None = None

    @classmethod
    def fields_of(cls, page: str) -> dict[str, str]:
        parser = cls()
        parser.feed(page)
        return {name: value for name, value in parser.values.items() if "__prefix__" not in name}

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form" and "page-edit-form" in attributes.get("id", "") + attributes.get("class", ""):
            self._in_form = True
        if not self._in_form:
            return
        name = attributes.get("name")
        if tag == "input" and name:
            kind = attributes.get("type", "text").lower()
            if kind in {"submit", "button", "file"} or (kind in {"checkbox", "radio"} and "checked" not in attributes):
                return
            self.values[name] = attributes.get("value") or ("on" if kind == "checkbox" else "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""
        elif tag == "select" and name:
            self._select = [name, None, None]  # name, chosen, first
        elif tag == "option" and self._select is not None:
            if self._select[2] is None:
                self._select[2] = attributes.get("value", "")
            if "selected" in attributes:
                self._select[1] = attributes.get("value", "")
        elif (
            tag == "div"
            and attributes.get("data-controller") == "w-block"
            and attributes.get("id")
            and "StreamBlock" in attributes.get("data-w-block-data-value", "")
        ):
            self.values[f"{attributes['id']}-count"] = "0"

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, chosen, first = self._select
            value = chosen if chosen is not None else first
            if value:
                self.values[name] = value
            self._select = None

    def handle_data(self, data):
        if self._textarea is not None:
            self.values[self._textarea] += data
