"""The search backend's query cleaning: any text becomes a query the database accepts."""

from modelsearch.query import And, Phrase, PlainText

from portal.core.search_backend import MAX_WORDS, clean_query


def test_quotes_control_characters_and_spaces_go():
    assert clean_query('crisis "centres\x00\t  ') == "crisis centres"
    assert clean_query('"') is None
    assert clean_query("   ") is None


def test_words_are_capped():
    assert len(clean_query(" ".join(["word"] * 3000)).split()) == MAX_WORDS


def test_a_parsed_query_keeps_its_shape_without_raw_syntax():
    cleaned = clean_query(And([PlainText('police "'), Phrase('crisis AND "centre" (near)'), PlainText('"')]))
    assert isinstance(cleaned, And) and len(cleaned.subqueries) == 2
    assert cleaned.subqueries[0].query_string == "police"
    assert cleaned.subqueries[1].query_string == "crisis and centre near"
