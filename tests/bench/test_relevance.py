"""The relevance benchmark's judged queries are well formed, and its scores are computed right.

`make bench-relevance` (bench/relevance_bench.py) scores both engines on
bench/relevance/judgments.yaml; these checks read only the YAML files (no engine, no database),
so a judgment naming an item the demo no longer has, or one an anonymous reader cannot see, is
caught by `make test` rather than by a silently lower score.
"""

from collections import Counter
from types import SimpleNamespace

import pytest

from bench.relevance_bench import (
    GRADES,
    LANGUAGES,
    ItemMap,
    dcg,
    demo_items,
    first_seen,
    load_judgments,
    ndcg_at_k,
    recall_at_k,
)
from portal.core.items import ItemKey

COVERS = {"phrase", "inflection", "typo", "acronym", "country", "native-name", "particle", "cross-language"}


@pytest.fixture(scope="module")
def queries():
    return load_judgments()


@pytest.fixture(scope="module")
def items():
    return demo_items()


def test_at_least_80_queries_a_fair_share_in_each_reader_language(queries):
    assert len(queries) >= 80
    per_language = Counter(query.language for query in queries)
    assert set(per_language) == set(LANGUAGES)
    assert all(count >= 20 for count in per_language.values()), per_language


def test_queries_are_named_once_and_say_what_they_cover(queries):
    ids = [query.id for query in queries]
    assert len(ids) == len(set(ids))
    assert all(query.text.strip() for query in queries)
    assert {query.covers for query in queries} <= COVERS
    # The cases the benchmark exists for are all there, each more than once.
    covered = Counter(query.covers for query in queries)
    for case in ("inflection", "typo", "acronym", "cross-language", "native-name", "particle"):
        assert covered[case] >= 2, case


def test_every_judgment_is_a_grade_from_1_to_3(queries):
    for query in queries:
        assert query.judgments, query.id
        assert all(grade in GRADES for grade in query.judgments.values()), query.id


def test_every_judged_item_is_a_public_item_of_the_demo(queries, items):
    for query in queries:
        for item in query.judgments:
            assert item not in items.restricted, f"{query.id}: {item} is for partner officials only"
            assert item not in items.own_files, f"{query.id}: {item} is judged as {items.own_files.get(item)}"
            assert item in items.public, f"{query.id}: the demo data has no {item}"


def test_demo_items_tells_public_from_partner_only_and_page_files(items):
    assert "page:sunflower-centre-one-stop-model" in items.public
    assert "document:Sunflower Centres at a glance: presentation notes" in items.public
    assert "page:internal-case-conference-notes" in items.restricted
    assert "document:Internal: draft mapping of knowledge-exchange areas with Kyrgyzstan" in items.restricted
    # A brief's PDF and a template's file are their page's item.
    assert items.own_files["document:Why one-stop centres? Lessons from Korea's Sunflower Centres"] == (
        "page:why-one-stop-centres"
    )
    assert items.own_files["document:Template: case intake and consent form"] == "page:case-intake-consent-template"
    assert "page:home" not in items.public  # not a search item


def test_dcg_sums_graded_gains_with_a_log_discount():
    assert dcg([]) == 0
    assert dcg([3]) == 7
    assert dcg([3, 2]) == pytest.approx(7 + 3 / 1.5849625)
    assert dcg([0, 1]) == pytest.approx(1 / 1.5849625)


def test_ndcg_against_the_ideal_order_of_the_judged_items():
    judged = {"a": 3, "b": 2, "c": 1}
    assert ndcg_at_k(["a", "b", "c"], judged) == pytest.approx(1.0)
    assert ndcg_at_k(["a", "b", "c", "x"], judged) == pytest.approx(1.0)
    # c at 1, nothing at 2, a at 3: (1 + 7/2) / (7 + 3/log2(3) + 1/2)
    assert ndcg_at_k(["c", "x", "a"], judged) == pytest.approx(4.5 / 9.3927893)
    assert ndcg_at_k([], judged) == 0
    assert ndcg_at_k(["x", "y"], judged) == 0
    # Only the first k count.
    assert ndcg_at_k(["x", "a"], judged, k=1) == 0


def test_ndcg_ideal_is_cut_at_k():
    judged = {f"item{n}": 3 for n in range(12)}
    assert ndcg_at_k([f"item{n}" for n in range(10)], judged) == pytest.approx(1.0)


def test_recall_counts_every_grade_and_caps_the_relevant_at_k():
    judged = {"a": 3, "b": 2, "c": 1}
    assert recall_at_k(["a", "x", "c"], judged) == pytest.approx(2 / 3)
    assert recall_at_k(["x"], judged) == 0
    assert recall_at_k(["c", "b", "a"], judged, k=2) == pytest.approx(1.0)
    many = {f"item{n}": 1 for n in range(15)}
    assert recall_at_k([f"item{n}" for n in range(10)], many) == pytest.approx(1.0)
    assert recall_at_k([f"item{n}" for n in range(5)], many) == pytest.approx(0.5)


def test_first_seen_keeps_each_item_once_in_order():
    assert first_seen(["a", "b", "a", "c", "b"]) == ["a", "b", "c"]


def test_hits_map_to_items_with_folded_documents_read_after_their_page():
    """Translations of one item count once; a document folded into a hit comes right after it."""
    items = ItemMap.__new__(ItemMap)
    items.pages = {1: "page:a", 2: "page:a", 3: "page:b"}  # pages 1 and 2: one page in two languages
    items.documents = {7: "document:Record", 8: "document:Record", 9: "page:b"}  # 9: page b's own PDF

    def hit(key, *folded):
        return SimpleNamespace(key=key, found_in=[SimpleNamespace(url=url) for url in folded])

    hits = [
        hit(ItemKey.page(2), "/ru/documents/8/record/"),
        hit(ItemKey.page(1)),
        hit(ItemKey.document(9)),
        hit(ItemKey.page(3), "/en/documents/7/record/"),
        hit(ItemKey.page(99)),
    ]
    assert items.ranked(hits) == ["page:a", "document:Record", "page:b", "?page:99"]
