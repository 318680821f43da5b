"""Full-text matching on the database: Korean words as prefixes, titles weighted in bm25."""

from search.queries import DatabaseEngine, SearchParams


def titles(q="", **filters) -> list[str]:
    return [hit.title for hit in DatabaseEngine(user=None, language="en").search(SearchParams(q=q, **filters)).hits]


def test_korean_words_find_korean_compounds(corpus, korean_note):
    """Korean joins words and particles without spaces: 해바라기 (sunflower) finds 해바라기센터."""
    assert titles("해바라기") == ["해바라기센터 운영 안내"]
    assert titles("원스톱 지원") == ["해바라기센터 운영 안내"]
    assert titles("해바라기 경찰") == []  # every word still has to be there


def test_words_in_a_title_outrank_a_short_title_with_the_words_in_its_text(corpus):
    # "Kazakhstan" (a one-word title) says "crisis centres" in its summary only.
    assert titles("crisis centres")[0] == "Annual report on crisis centres"
