"""Language analysis on the database engine (`search.wordforms`, `search.queries.spelling`): a
reader's words find the other forms of the same words, and a typo gets a "did you mean".

The same complaints as on Elasticsearch (`test_elasticsearch_languages.py`), on what `make run`
serves: SQLite FTS5 through Wagtail's database backend, readers in English, Russian and Korean.
"""

import html

from wagtail.models import Locale

import pytest

from search.queries import KnowledgeSearch, SearchParams
from tests.factories import make_knowledge
from tests.search.queries.conftest import titles

KYRGYZ_CENTRES = "Кризисные центры Кыргызстана"
POLICE_COURSE = "Курс обучения полиции Казахстана"
POLICE_HANDBOOK = "Обучение полиции: пособие"
SOCIAL_WORKERS = "Обучение социальных работников"
ENGLISH_CENTRES = "Referral pathways between crisis centres"
SUNFLOWER_KO = "해바라기센터 운영 안내"
VIOLENCE_TITLES = [
    "Violence against women in Albania",
    "Domestic violence helplines",
    "Online violence and the law",
]


@pytest.fixture
def languages(site, django_capture_on_commit_callbacks):
    """Items in English, Russian and Korean whose words a reader types in another form."""
    ru = Locale.objects.get_or_create(language_code="ru")[0]
    ko = Locale.objects.get_or_create(language_code="ko")[0]
    knowledge = site["knowledge"]
    with django_capture_on_commit_callbacks(execute=True):
        make_knowledge(
            knowledge, title=KYRGYZ_CENTRES, summary="Где находятся кризисные центры и как туда обратиться.", locale=ru
        )
        make_knowledge(
            knowledge,
            title=POLICE_COURSE,
            summary="Программа обучения полиции реагированию на домашнее насилие в Казахстане.",
            locale=ru,
        )
        make_knowledge(knowledge, title=POLICE_HANDBOOK, summary="Материалы для занятий.", locale=ru)
        # Has one of the words only: "обучение полиции" must not find it.
        make_knowledge(knowledge, title=SOCIAL_WORKERS, summary="Курс для специалистов служб помощи.", locale=ru)
        make_knowledge(knowledge, title=ENGLISH_CENTRES, summary="How centres refer survivors to shelters.")
        make_knowledge(
            knowledge,
            title=SUNFLOWER_KO,
            summary="병원에 설치된 원스톱 지원센터, 해바라기센터에서 상담과 의료 지원을 함께 제공합니다.",
            locale=ko,
        )
        for title in VIOLENCE_TITLES:
            make_knowledge(knowledge, title=title, summary="A short overview.")


def search(language: str, q: str):
    result = KnowledgeSearch(user=None, language=language).search(SearchParams(q=q))
    assert result.engine == "database"
    return result


def test_russian_case_endings_match(languages):
    assert titles(search("ru", "кризисные центры Кыргызстан")) == [KYRGYZ_CENTRES]
    found = titles(search("ru", "обучение полиции"))
    assert set(found) == {POLICE_COURSE, POLICE_HANDBOOK}
    assert SOCIAL_WORKERS not in found  # every word still has to be there


def test_the_words_as_written_rank_first(languages):
    for q, exact, other in (
        ("обучение полиции", POLICE_HANDBOOK, POLICE_COURSE),
        ("обучения полиции", POLICE_COURSE, POLICE_HANDBOOK),
    ):
        found = titles(search("ru", q))
        assert found[0] == exact and other in found, q


def test_english_plural_and_singular_match(languages):
    for q in ("crisis centre", "crisis centres", "referral pathway", "Shelter"):
        assert titles(search("en", q)) == [ENGLISH_CENTRES], q


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_any_reader_finds_the_words_in_their_other_forms(languages, language):
    assert KYRGYZ_CENTRES in titles(search(language, "Кыргызстан"))
    assert ENGLISH_CENTRES in titles(search(language, "centre"))


@pytest.mark.parametrize("q", ["해바라기", "해바라기센터", "해바라기센터에서"])
def test_korean_words_are_still_found_by_their_start(languages, q):
    # 해바라기센터 also finds кризисный центр, a synonym (search.synonyms), in all its forms now.
    assert titles(search("ko", q))[0] == SUNFLOWER_KO


@pytest.mark.parametrize("q", ["해바라기센터에서 상담을", "원스톱 지원센터의 의료", "병원에서 상담"])
def test_korean_particles_on_the_readers_words_do_not_hide_the_item(languages, q):
    # The text says 해바라기센터에서 ... 상담과 의료: the reader's particles differ from the text's.
    assert titles(search("ko", q)) == [SUNFLOWER_KO]


@pytest.mark.parametrize(
    ("language", "q", "suggestion"),
    [
        ("en", "violance", "violence"),
        ("en", "domestic violnce", "domestic violence"),
        ("ko", "Violense", "violence"),
        ("ru", "обучение полицыи", "обучение полиции"),
        ("ru", "кризсные центры", "кризисные центры"),
        ("en", "helplnies", "helplines"),  # long: two edits
        ("ko", "해바리기센터", "해바라기센터"),  # a wrong syllable
        ("ko", "해바리기센터에서 상담", "해바라기센터에서 상담"),  # and the reader's particle kept
    ],
)
def test_a_typo_finds_what_its_correction_finds_and_says_so(languages, language, q, suggestion):
    result = search(language, q)
    corrected = search(language, suggestion)
    assert corrected.total > 0 and not corrected.corrected
    # Nothing matched the words as typed: the reader is shown the correction's hits, and told.
    assert result.suggestion == suggestion and result.corrected
    assert titles(result) == titles(corrected) and result.total == corrected.total


def test_no_suggestion_without_a_typo_or_a_near_word(languages):
    assert search("en", "violence").suggestion is None
    assert search("en", "qqqqxz").suggestion is None


@pytest.mark.parametrize(
    ("language", "q", "said"),
    [
        ("en", "violance", "No results for “violance”. Showing results for “violence”."),
        (
            "ru",
            "обучение полицыи",
            "По запросу «обучение полицыи» ничего не найдено. Показаны результаты для «обучение полиции».",
        ),
        ("ko", "해바리기센터", "‘해바리기센터’에 대한 결과가 없습니다. ‘해바라기센터’의 결과를 보여 드립니다."),
    ],
)
def test_the_page_shows_the_corrections_results_and_says_so(languages, client, language, q, said):
    response = client.get(f"/{language}/search/", {"q": q})
    assert response.status_code == 200
    page = response.content.decode()
    assert said in html.unescape(page)
    assert "search-empty" not in page and 'class="search-hit' in page


@pytest.mark.parametrize(("language", "offered"), [("en", False), ("ru", True), ("ko", True)])
def test_search_in_english_is_not_suggested_to_an_english_reader(languages, client, language, offered):
    response = client.get(f"/{language}/search/", {"q": "qqqqxz"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "search-empty" in page
    english_hint = {
        "en": "Search in English as well",
        "ru": "Попробуйте искать и на английском",
        "ko": "영어로도",
    }[language]
    assert (english_hint in page) is offered


def test_a_partner_only_word_is_never_suggested(corpus):
    """The vocabulary holds every indexed word: the correction must find something this reader may see."""
    assert search("en", "confidental").suggestion is None
