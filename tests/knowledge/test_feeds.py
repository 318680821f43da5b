"""The knowledge list's Atom and RSS feeds hold what the filtered page lists; partner-only items never."""

import re

import feedparser
import pytest

from knowledge.models import PolicyToolPage
from tests.factories import CountryFactory, ThemeFactory, make_knowledge, restrict_to_group

pytestmark = pytest.mark.django_db

PARTNER_WORD = "zqxpartnerbrief"


@pytest.fixture
def items(site, roles):
    kg = CountryFactory(iso_code="KG", name="Kyrgyzstan")
    kz = CountryFactory(iso_code="KZ", name="Kazakhstan")
    police = ThemeFactory(slug="police-response", name="Police response")
    knowledge = site["knowledge"]
    make_knowledge(knowledge, title="Police protocol in Bishkek", countries=[kg], themes=[police])
    make_knowledge(
        knowledge, PolicyToolPage, title="Training course for Kyrgyz police", countries=[kg], themes=[police]
    )
    make_knowledge(knowledge, title="Police protocol in Astana", countries=[kz], themes=[police])
    make_knowledge(knowledge, title="Funding in Bishkek", countries=[kg])
    secret = make_knowledge(knowledge, title=f"Workplan {PARTNER_WORD}", countries=[kg], themes=[police])
    restrict_to_group(secret, roles["partners"])


def _entries(response) -> set[str]:
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo
    return {entry.title for entry in parsed.entries}


@pytest.mark.parametrize("route", ["feed/", "feed/rss/"])
def test_the_feeds_list_what_the_filtered_page_lists(client, items, route, partner):
    query = {"country": "KG", "theme": "police-response"}
    expected = {"Police protocol in Bishkek", "Training course for Kyrgyz police"}
    page = client.get("/en/knowledge/", query).text
    assert {t for t in expected | {"Police protocol in Astana", "Funding in Bishkek"} if f">{t}<" in page} == expected
    assert _entries(client.get(f"/en/knowledge/{route}", query)) == expected
    assert _entries(client.get(f"/en/knowledge/{route}", {**query, "kind": "policy-tool"})) == {
        "Training course for Kyrgyz police"
    }
    assert PARTNER_WORD not in client.get(f"/en/knowledge/{route}").text
    # A feed is public whoever asks: it is read and shared without the reader's session.
    client.force_login(partner)
    assert PARTNER_WORD in client.get("/en/knowledge/").text
    assert PARTNER_WORD not in client.get(f"/en/knowledge/{route}").text


def test_the_page_advertises_its_feeds_and_bad_filters_are_a_400(client, items):
    html = client.get("/en/knowledge/", {"theme": "police-response", "page": 1}).text
    links = re.findall(r'<link rel="alternate" type="(application/[a-z+]+xml)" title="[^"]*" href="([^"]+)">', html)
    assert links == [
        ("application/atom+xml", "/en/knowledge/feed/?theme=police-response"),
        ("application/rss+xml", "/en/knowledge/feed/rss/?theme=police-response"),
    ]
    bad = client.get("/en/knowledge/feed/", {"kind": "novel"})
    assert bad.status_code == 400 and "novel" in bad.text
    assert client.get("/en/knowledge/", {"kind": "novel"}).status_code == 400
