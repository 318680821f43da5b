"""Searches that found nothing: what is kept of the words, how they are counted, and which searches count."""

import datetime

import pytest

from search import indexing
from search.models import ZeroResultQuery
from search.zero_results import KEEP_DAYS, zero_result_query_normalise, zero_result_query_record
from tests.factories import make_knowledge

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Shelter   FUNDING ", "shelter funding"),
        ("Call me +7 (701) 123-45-67 about the shelter", "call me about the shelter"),
        ("write to anna.k@mail.ru or @anna_k", "write to or"),
        ("passport 880412 1234567", "passport"),
        ("ID 1234567", "id"),
        ("law 123456 of 2019", "law 123456 of 2019"),  # six digits and a year stay
        ("Насилие в семье 8 701 555 12 34", "насилие в семье"),
        ("가정폭력 010-1234-5678", "가정폭력"),
        ("help 701,123,45,67", "help"),  # commas between the groups
        ("help +7 701 123\u201345\u201367", "help"),  # en dashes, as phones type them
        ("+82 10 1234 5678", ""),
        ("anna@example.org", ""),
        ("?!", ""),
    ],
)
def test_the_words_are_normalised_and_lose_what_could_identify_someone(typed, kept):
    assert zero_result_query_normalise(typed) == kept


def test_the_words_are_cut_to_100_characters():
    kept = zero_result_query_normalise("violence " * 30)
    assert len(kept) <= 100
    assert kept.startswith("violence violence") and not kept.endswith(" ")


def test_the_same_words_on_the_same_day_in_the_same_language_are_one_counter():
    day = datetime.date(2026, 3, 8)
    assert zero_result_query_record(query="Shelter funding", language="ru", day=day)
    assert zero_result_query_record(query="shelter   FUNDING", language="ru", day=day)
    zero_result_query_record(query="shelter funding", language="ko", day=day)
    zero_result_query_record(query="shelter funding", language="ru", day=day + datetime.timedelta(days=1))
    assert not zero_result_query_record(query="+7 701 123 45 67", language="ru", day=day)

    rows = sorted(ZeroResultQuery.objects.values_list("query", "language", "day", "count"))
    assert rows == [
        ("shelter funding", "ko", day, 1),
        ("shelter funding", "ru", day, 2),
        ("shelter funding", "ru", day + datetime.timedelta(days=1), 1),
    ]


def test_searches_older_than_the_keeping_period_are_forgotten():
    today = datetime.date(2026, 11, 30)
    zero_result_query_record(query="old words", language="en", day=today - datetime.timedelta(days=KEEP_DAYS + 1))
    zero_result_query_record(query="recent words", language="en", day=today - datetime.timedelta(days=KEEP_DAYS))
    zero_result_query_record(query="new words", language="ko", day=today)
    assert sorted(ZeroResultQuery.objects.values_list("query", flat=True)) == ["new words", "recent words"]


def test_nothing_about_the_reader_is_a_column():
    columns = {field.name for field in ZeroResultQuery._meta.get_fields()}
    assert columns == {"id", "query", "language", "day", "count"}


def test_the_search_page_counts_words_that_found_nothing(search_engine, site, client):
    brief = make_knowledge(site["knowledge"], title="Marshwort referral card", summary="A card for referrals.")
    indexing.sync([f"page:{brief.pk}"])
    if search_engine == "elasticsearch":
        indexing.refresh()
    browser = {"HTTP_USER_AGENT": BROWSER}

    # Words that found nothing, twice, in Russian; the reader's phone number is not kept.
    for _time in range(2):
        response = client.get("/ru/search/", {"q": "Quoxl zzyzx 8 701 555 12 34"}, **browser)
        assert response.status_code == 200
    # Words that found something, browsing by filters alone, a later page, a crawler, no browser at all.
    assert "Marshwort" in client.get("/ko/search/", {"q": "marshwort"}, **browser).text
    client.get("/ko/search/", {"kind": "brief"}, **browser)
    client.get("/ko/search/", {"q": "quoxl", "page": "2"}, **browser)
    client.get("/ko/search/", {"q": "quoxl"}, HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    client.get("/ko/search/", {"q": "quoxl"})
    # The JSON API is for programs: not counted either.
    client.get("/en/search/api/", {"q": "quoxl"}, **browser)

    assert list(ZeroResultQuery.objects.values_list("query", "language", "count")) == [("quoxl zzyzx", "ru", 2)]
