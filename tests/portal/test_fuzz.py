"""Property-based: no input typed into a public or admin search box or listing filter answers 5xx.

Hypothesis draws the values (quotes, NULs, control characters, every script, long runs of
words, huge numbers) and the test asserts only that the answer is not a server error: a bad
input is a 4xx with a message, anything else a normal page. The search routes are tried on
both engines (the database and the real Elasticsearch node); the examples are few and the
site is built once per test, so the suite stays fast.
"""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CountryFactory, ThemeFactory, make_event, make_knowledge

pytestmark = pytest.mark.django_db

# Local runs draw new examples every time; CI (CI=true) draws the same ones each run, so a
# submission is judged on what was tried before it, not on the luck of the draw.
EXAMPLES = settings(
    derandomize=bool(os.environ.get("CI")),
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text as people and scripts type it: any character, with the ones that have meant something
# to a query parser or a database made likely.
TRICKY = st.sampled_from(['"', "'", "\x00", "\\", "*", ":", "(", ")", "-", "^", "AND", "OR", "NOT", "NEAR", "%", "_"])
TEXT = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(TRICKY, st.text(min_size=1, max_size=8)), max_size=12).map(" ".join),
    st.integers(min_value=1, max_value=4000).map(lambda n: " ".join(["word"] * n)),
)
NUMBER = st.one_of(
    st.integers().map(str),
    st.sampled_from(["99999999999999999999", "-1", "1e9", "0x10", "", " ", "NaN", "1.5"]),
    TEXT,
)


def params(names, values=TEXT):
    return st.dictionaries(st.sampled_from(names), values, max_size=len(names))


@pytest.fixture
def content(site):
    kz = CountryFactory(iso_code="KZ", name="Kazakhstan")
    theme = ThemeFactory(slug="police-response", name="Police response")
    make_knowledge(site["knowledge"], title="Police protocol for crisis centres", countries=[kz], themes=[theme])
    make_event(site["events"], title="Round table on shelters", countries=[kz])
    return site


@pytest.fixture
def editor(client, make_user, content):
    client.force_login(make_user("fuzzing-admin", superuser=True))
    return client


def assert_no_server_error(response):
    assert response.status_code < 500, response.content[:500]


SEARCH_PARAMS = ["q", "country", "theme", "kind", "language", "year", "sort", "page"]


@EXAMPLES
@given(query=params(SEARCH_PARAMS, st.one_of(TEXT, NUMBER)))
def test_search_page_api_and_feeds(client, content, search_engine, query):
    for path in ("/en/search/", "/en/search/api/", "/en/search/feed/", "/ru/search/feed/rss/"):
        assert_no_server_error(client.get(path, query))
    answer = client.get("/en/search/api/", query)
    if answer.status_code == 200:
        # The engine under test answered: no input makes Elasticsearch fail over to the database.
        assert answer.json()["degraded"] is False


@EXAMPLES
@given(query=params(["country", "theme", "kind", "year", "page"], st.one_of(TEXT, NUMBER)))
def test_knowledge_and_event_list_filters(client, content, query):
    paths = ("/en/knowledge/", "/ko/knowledge/", "/en/events/")
    feeds = ("/en/knowledge/feed/", "/ru/knowledge/feed/rss/", "/en/events/feed/rss/", "/ko/events/calendar/")
    for path in paths + feeds:
        assert_no_server_error(client.get(path, query))


API_PARAMS = ["search", "search_operator", "offset", "limit", "order", "fields", "type", "child_of", "locale"]


@EXAMPLES
@given(query=params(API_PARAMS, st.one_of(TEXT, NUMBER)))
def test_api_v2_parameters(client, content, query):
    for endpoint in ("pages", "documents", "images"):
        assert_no_server_error(client.get(f"/api/v2/{endpoint}/", query))


ADMIN_SEARCHES = [
    "/admin/pages/search/",
    "/admin/documents/",
    "/admin/images/",
    "/admin/snippets/portal/country/",
    "/admin/snippets/portal/theme/",
    "/admin/snippets/portal/organisation/",
    "/admin/snippets/portal/person/",
    "/admin/users/",
]


@EXAMPLES
@given(q=TEXT)
def test_admin_search_boxes(editor, q):
    for path in ADMIN_SEARCHES:
        assert_no_server_error(editor.get(path, {"q": q}))
