"""The Elasticsearch engine on the corpus: facets, privacy, relevance, typos, highlights, paging."""

import pytest

from knowledge.models import PolicyBriefPage
from search import conf, indexing
from search.client import get_client
from search.queries import DatabaseEngine, KnowledgeSearch, SearchParams
from tests.search.queries.conftest import PUBLIC_ITEMS, counts, es_search, titles


def test_facet_counts_for_the_public(indexed):
    result = es_search()
    assert result.total == PUBLIC_ITEMS
    assert counts(result, "country") == {"KZ": 5, "KR": 3, "AL": 2}
    assert counts(result, "kind") == {
        "brief": 3,
        "practice-note": 1,
        "policy-tool": 1,
        "country-profile": 1,
        "event": 1,
        "document": 1,
    }
    assert counts(result, "language") == {"en": 7, "ru": 1}
    assert counts(result, "theme")["health-response"] == 4


def test_a_facet_ignores_its_own_filter(indexed):
    result = es_search(countries=("KZ",))
    assert result.total == 5
    assert counts(result, "country") == {"KZ": 5, "KR": 3, "AL": 2}  # other countries stay choosable
    assert counts(result, "kind") == {"brief": 2, "policy-tool": 1, "country-profile": 1, "document": 1}
    selected = [value for value in result.facets["country"] if value.selected]
    assert [(value.value, value.label) for value in selected] == [("KZ", "Kazakhstan")]

    both = es_search(countries=("KZ", "AL"), kinds=("policy-tool", "event"))
    assert both.total == 2
    assert counts(both, "kind")["brief"] == 2


def test_partner_only_items_never_reach_the_public(indexed, partner, make_user):
    anonymous = es_search(q="Almaty")
    assert anonymous.total == 0 and anonymous.hits == []
    assert es_search(make_user("someone"), q="Almaty confidential").total == 0
    for_partner = es_search(partner, q="Almaty")
    assert set(titles(for_partner)) == {
        "Draft budget for the Almaty crisis centre",
        "Memorandum draft for the Almaty centre",
    }
    assert es_search(partner).total == PUBLIC_ITEMS + 2
    db = DatabaseEngine(user=None, language="en").search(SearchParams(q="Almaty"))
    assert db.total == 0


def test_title_matches_rank_first(indexed):
    assert titles(es_search(q="police protocol"))[0] == "Police investigation protocol"
    assert titles(es_search(q="sunflower"))[0] == "How the Sunflower Centre model works"
    db = DatabaseEngine(user=None, language="en").search(SearchParams(q="sunflower"))
    assert titles(db)[0] == "How the Sunflower Centre model works"


def test_synonyms_typos_and_suggestions(indexed):
    assert "Police investigation protocol" in titles(es_search(q="GBV"))
    assert "How the Sunflower Centre model works" in titles(es_search(q="one-stop centre"))
    assert "Responding to online sexual abuse" in titles(es_search(q="TFGBV"))
    typo = es_search(q="sunflwer centre")
    assert "How the Sunflower Centre model works" in titles(typo)
    assert typo.suggestion == "sunflower centre"


def test_highlight_marks_words_and_escapes_the_rest(indexed):
    # English words are stemmed: "helpline" finds "helplines" too, each marked as it is written.
    snippets = {hit.title: hit.snippet for hit in es_search(q="helpline").hits}
    assert "<mark>helpline</mark>" in snippets["Annual report on crisis centres"]
    assert "<mark>helplines</mark>" in snippets["Responding to online sexual abuse"]
    assert not [snippet for snippet in snippets.values() if "<script" in snippet]


def test_sort_by_date_and_pages(indexed):
    first = es_search(sort="date")
    assert [hit.date for hit in first.hits] == sorted((hit.date for hit in first.hits), reverse=True)
    assert first.num_pages == 2 and len(first.hits) == 5
    assert len(es_search(sort="date", page=2).hits) == 3
    beyond = es_search(page=7)
    assert beyond.hits == [] and beyond.total == PUBLIC_ITEMS


@pytest.mark.parametrize(
    "q",
    [
        '"',
        "(",
        ")",
        "\\",
        "*",
        "[]",
        "{x}",
        "a:b",
        '"unclosed phrase',
        "OR AND NOT",
        "/regex/",
        "~2",
        "<script>alert(1)</script>",
        "police^10",
        "-",
        "&&||!",
        "'",
        "​",
    ],
)
def test_odd_queries_never_break_either_engine(indexed, q):
    es_search(q=q)
    DatabaseEngine(user=None, language="en").search(SearchParams(q=q))


def test_quoted_phrase_must_match(indexed):
    assert titles(es_search(q='"investigation protocol"')) == ["Police investigation protocol"]


def test_korean_words_find_korean_compounds(indexed, korean_note):
    """Korean joins words and particles without spaces: 해바라기 (sunflower) finds 해바라기센터에서."""
    indexing.refresh()
    found = es_search(q="해바라기 상담")
    assert titles(found) == ["해바라기센터 운영 안내"]
    assert "<mark>해바라기</mark>센터" in found.hits[0].snippet
    assert titles(es_search(q="해바라기 경찰")) == []  # every word still has to be there


def test_a_russian_query_finds_russian_content_first(indexed):
    result = KnowledgeSearch(user=None, language="ru").search(SearchParams(q="центры Казахстан"))
    assert result.hits, "the Russian note is found"
    assert result.hits[0].locale == "ru"
    assert titles(result)[0] == "Кризисные центры для пострадавших от насилия"


def test_words_that_found_nothing_find_the_item_published_since(indexed, django_capture_on_commit_callbacks, site):
    """The engine remembers words that found nothing (to skip a futile request), never at the cost of a result."""

    def search():
        return KnowledgeSearch(user=None, language="en").search(SearchParams(q="Karakalpakstan shelters"))

    assert search().total == 0
    assert search().total == 0  # the second time from the remembered count
    page = PolicyBriefPage(
        title="Karakalpakstan shelters", slug="karakalpakstan", summary="Shelters in the Karakalpakstan republic."
    )
    with django_capture_on_commit_callbacks(execute=True):
        site["knowledge"].add_child(instance=page)
        page.save_revision().publish()
    get_client().indices.refresh(index=conf.alias_name())
    result = search()
    assert [hit.title for hit in result.hits] == ["Karakalpakstan shelters"]
    assert result.suggestion is None  # found as written: no "did you mean"
