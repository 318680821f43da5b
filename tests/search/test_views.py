"""The page, the JSON API and the feeds: what a reader (or a script) gets back."""

import pytest

from knowledge.models import PolicyToolPage
from tests.factories import make_knowledge
from tests.search.conftest import index_corpus

BAD_PARAMS = [
    ({"q": "x" * 501}, "at most 500 characters"),
    ({"country": "XX"}, "Unknown country code “XX”"),
    ({"country": ["KZ", "<b>"]}, "Unknown country code"),
    ({"theme": "no-such-theme"}, "Unknown theme"),
    ({"kind": "novel"}, "Unknown kind “novel”"),
    ({"language": "zz"}, "Unknown language"),
    ({"page": "-1"}, "Page numbers start at 1"),
    ({"page": "0"}, "Page numbers start at 1"),
    ({"page": str(10**9)}, "Results can be paged up to page"),
    ({"page": "abc"}, "whole number"),
    ({"page": "1e3"}, "whole number"),
    ({"year": "twenty"}, "four digits"),
    ({"year": "99999"}, "Ensure this value"),
    ({"sort": "random"}, "Sort by"),
    ({"q": "nul\x00byte"}, "Null characters"),
]


@pytest.fixture
def indexed(es, corpus):
    make_knowledge(
        corpus["sunflower"].get_parent(),
        PolicyToolPage,
        title="<script>alert(1)</script> referral protocol",
        summary="Referral <img src=x onerror=alert(2)> between police & clinics.",
        countries=[corpus["kz_profile"].country],
    )
    index_corpus()
    return corpus


def test_search_page_shows_results_facets_and_marks(indexed, client):
    response = client.get("/en/search/", {"q": "sunflower"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "How the Sunflower Centre model works" in html
    assert 'name="country" value="KR"' in html
    assert "badge--practice-note" in html
    assert "<mark>" in html or "Sunflower" in html
    # Every result says which language it is in, in the reader's own language.
    assert '<span class="search-hit__language" lang="en">English</span>' in html
    russian = client.get("/ru/search/", {"q": "sunflower"}).content.decode()
    assert '<span class="search-hit__language" lang="ru">Английский</span>' in russian


def test_everything_but_mark_is_escaped(indexed, client):
    html = client.get("/en/search/", {"q": "referral protocol"}).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; referral protocol" in html
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<mark>" in html


def test_active_filters_can_be_removed(indexed, client):
    response = client.get("/en/search/", {"country": ["KZ", "AL"], "kind": "brief"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kazakhstan" in html and "remove this filter" in html
    assert "?country=AL&amp;kind=brief" in html  # the link that drops KZ
    assert 'value="KZ" checked' in html


def test_empty_state_is_helpful(indexed, client):
    html = client.get("/en/search/", {"q": "zzyzx quoxl"}).content.decode()
    assert "Nothing matches" in html and "Check the spelling" in html
    html = client.get("/en/search/", {"page": "50"}).content.decode()
    assert "There are no results on this page." in html


@pytest.mark.parametrize(("params", "message"), BAD_PARAMS)
def test_bad_input_is_a_400_with_a_message(corpus, client, params, message):
    page = client.get("/en/search/", params)
    assert page.status_code == 400
    assert message in page.content.decode()
    api = client.get("/en/search/api/", params)
    assert api.status_code == 400
    assert message in str(api.json()["errors"])
    assert client.get("/en/search/feed/", params).status_code == 400


@pytest.mark.parametrize("q", ['"', "(", "\\", "*", "[", "a:b OR", "<>", "%", "＊", "🙂"])
def test_odd_queries_answer_200_on_elasticsearch(indexed, client, q):
    assert client.get("/en/search/", {"q": q}).status_code == 200
    assert client.get("/en/search/api/", {"q": q}).status_code == 200


def test_json_api(indexed, client, partner):
    data = client.get("/en/search/api/", {"q": "Almaty"}).json()
    assert data["total"] == 0 and data["degraded"] is False
    data = client.get("/en/search/api/", {"country": "KZ"}).json()
    assert data["query"]["country"] == ["KZ"]
    assert {"value": "KZ", "label": "Kazakhstan", "count": 6, "selected": True} in data["facets"]["country"]
    assert data["hits"][0].keys() >= {"title", "url", "kind", "kind_label", "date", "locale", "snippet", "countries"}
    client.force_login(partner)
    assert client.get("/en/search/api/", {"q": "Almaty"}).json()["total"] == 2


def test_degraded_notice_when_node_is_down(es_down, corpus, client):
    response = client.get("/en/search/", {"q": "sunflower"})
    assert response.status_code == 200
    assert "simpler mode" in response.content.decode()
    assert client.get("/en/search/api/", {"q": "sunflower"}).json()["degraded"] is True


def test_database_engine_page_without_elasticsearch(corpus, client):
    response = client.get("/ru/search/", {"country": "KZ"})
    assert response.status_code == 200
    assert "Кризисные центры" in response.content.decode()
