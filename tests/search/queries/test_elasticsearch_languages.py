"""Language analysis on the live index (`search.mappings`, `search.analysis`): a reader's words
find the other forms of the same words in items written in the reader's language.

Russian and English words are stemmed (Russian also through Debian's hunspell dictionary),
Korean compounds are split by nori, and the snippet still marks the words as the item writes
them. Every word must still be there: an inflection is no excuse for a missing word. Runs on
the real node, whose analysis scripts/elasticsearch.sh installs (the dsp-analysis plugin and
the ru_RU dictionary); the database engine is not part of this (it matches words as written).
"""

import datetime

from wagtail.models import Locale

import pytest

from knowledge.models import DocumentPageText
from search import analysis, indexing
from search.client import get_client
from search.queries import KnowledgeSearch, SearchParams
from tests.factories import make_knowledge
from tests.search.queries.conftest import titles

KYRGYZ_CENTRES = "Кризисные центры Кыргызстана"
POLICE_COURSE = "Курс обучения полиции Казахстана"
GIRLS = "Поддержка девочек-подростков"
ENGLISH_CENTRES = "Referral pathways between crisis centres"
SUNFLOWER_KO = "해바라기센터 운영 안내"


@pytest.fixture
def languages(es, site, make_document, django_capture_on_commit_callbacks):
    """Items in English, Russian and Korean whose words a reader types in another form."""
    ru = Locale.objects.get_or_create(language_code="ru")[0]
    ko = Locale.objects.get_or_create(language_code="ko")[0]
    knowledge = site["knowledge"]
    with django_capture_on_commit_callbacks(execute=True):
        make_knowledge(
            knowledge,
            title=KYRGYZ_CENTRES,
            summary="Где находятся кризисные центры и как туда обратиться.",
            locale=ru,
        )
        make_knowledge(
            knowledge,
            title=POLICE_COURSE,
            summary="Программа обучения полиции реагированию на домашнее насилие в Казахстане.",
            locale=ru,
        )
        # Has one of the words only: "обучение полиции" must not find it.
        make_knowledge(
            knowledge,
            title="Обучение социальных работников",
            summary="Курс для специалистов служб помощи.",
            locale=ru,
        )
        make_knowledge(
            knowledge,
            title=GIRLS,
            summary="Как школы и службы помогают девочкам, пережившим насилие.",
            locale=ru,
        )
        make_knowledge(
            knowledge,
            title=ENGLISH_CENTRES,
            summary="How centres refer survivors to shelters and hospitals.",
        )
        make_knowledge(
            knowledge,
            title=SUNFLOWER_KO,
            summary="병원에 설치된 원스톱 지원센터, 해바라기센터에서 상담과 의료 지원을 함께 제공합니다.",
            locale=ko,
        )
    report = make_document(
        "Отчёт о подготовке сотрудников",
        description="Итоги семинаров в регионах.",
        text="Вступительное слово. Итоги обучения полиции в регионах.",
        language="ru",
        locale=ru,
        publication_date=datetime.date(2024, 3, 1),
    )
    DocumentPageText.objects.bulk_create(
        [
            DocumentPageText(document=report, number=1, text="Вступительное слово."),
            DocumentPageText(document=report, number=2, text="Итоги обучения полиции в регионах."),
        ]
    )
    indexing.rebuild()
    indexing.refresh()


def search(language: str, q: str):
    result = KnowledgeSearch(user=None, language=language).search(SearchParams(q=q))
    assert result.engine == "elasticsearch" and not result.degraded
    return result


def hit(result, title: str):
    return next(found for found in result.hits if found.title == title)


def test_the_node_offers_the_analysis_the_index_uses(es):
    """The test node has the plugin and the dictionary; without them the tests below mean nothing."""
    available = analysis.fetch_node_analysis(get_client())
    assert available == analysis.NodeAnalysis(analysis.PLUGIN, analysis.PLUGIN, russian_lemmas=True)


def test_russian_case_endings_match(languages):
    assert KYRGYZ_CENTRES in titles(search("ru", "кризисные центры Кыргызстан"))
    # The stemmer leaves Кыргызстане (кыргызстан) and Кыргызстана (кыргызста) one letter apart,
    # and the dictionary has no Kyrgyzstan: the locative is found by the typo-tolerant retry.
    assert KYRGYZ_CENTRES in titles(search("ru", "кризисный центр в Кыргызстане"))
    found = search("ru", "обучение полиции")
    assert POLICE_COURSE in titles(found)
    assert "Обучение социальных работников" not in titles(found)  # every word still has to be there
    assert "<mark>обучения</mark> <mark>полиции</mark>" in hit(found, POLICE_COURSE).snippet


def test_russian_words_are_matched_by_their_dictionary_form(languages):
    """The stemmer alone leaves девочка and девочек apart (the vowel drops); the dictionary joins them."""
    found = search("ru", "девочка подросток")
    assert titles(found) == [GIRLS]
    assert "<mark>девочкам</mark>" in found.hits[0].snippet


def test_russian_words_are_found_on_the_page_of_a_file(languages):
    found = hit(search("ru", "обучение полиции"), "Отчёт о подготовке сотрудников")
    assert found.page == 2
    assert "<mark>обучения</mark> <mark>полиции</mark>" in found.snippet


def test_english_plural_and_singular_match(languages):
    for q in ("crisis centre", "crisis centres", "referral pathway"):
        assert ENGLISH_CENTRES in titles(search("en", q)), q
    found = search("en", "centre")
    assert "<mark>centres</mark>" in hit(found, ENGLISH_CENTRES).snippet


@pytest.mark.parametrize("q", ["해바라기센터", "센터", "해바라기 센터", "해바라기센터에서"])
def test_korean_compounds_are_found_by_their_parts(languages, q):
    found = search("ko", q)
    assert SUNFLOWER_KO in titles(found)
    assert "<mark>" in hit(found, SUNFLOWER_KO).snippet


def test_korean_parts_are_marked_where_the_compound_is_written(languages):
    snippet = hit(search("ko", "센터"), SUNFLOWER_KO).snippet
    assert "해바라기<mark>센터</mark>에서" in snippet


def test_a_reader_in_another_language_still_finds_the_words_as_written(languages):
    """The language copies serve the item's language; anyone finds the words as they are written."""
    assert KYRGYZ_CENTRES in titles(search("en", "Кыргызстана"))
    assert SUNFLOWER_KO in titles(search("en", "해바라기"))
    assert ENGLISH_CENTRES in titles(search("ru", "crisis centres"))
