"""Searches that found nothing, counted per day for the programme dashboard's content gaps.

The search page records a search whose words found nothing (`zero_result_query_record`):
one more on the day's counter of the same normalised words in the same interface language,
a single UPDATE with F() or the day's first row, like `knowledge.downloads` counts downloads.
Survivors may type personal things, so nothing about the reader is stored (no user, address,
session or time of day), and the words lose what could identify someone before they are
kept: words with an @ (email addresses, handles) and numbers of more than
`MAX_KEPT_DIGITS` digits, spaces, dashes, dots or brackets between them included (phone,
passport or case numbers). A year or a law's number stays. Rows are kept `KEEP_DAYS` days: the
dashboard reads 90, and a new day's first row clears what is older.
"""

from __future__ import annotations

import datetime
import re

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from search.models import ZeroResultQuery

MAX_KEPT_DIGITS = 6
KEEP_DAYS = 180
# A run of digits with the separators people write numbers with (dashes of every width and commas
# included); the run is dropped when it
# has more than MAX_KEPT_DIGITS digits ("+7 (701) 123-45-67", "880412 1234567").
_NUMBER = re.compile(r"\+?\d(?:[\s().,\-/\u2010-\u2015]*\d)*")
# Programs that announce themselves: their searches are not readers looking for something.
_BOT = re.compile(r"bot|crawl|spider|slurp|preview|monitor|curl|wget|python-requests|httpx", re.IGNORECASE)


def _without_long_numbers(text: str) -> str:
    def replace(match: re.Match) -> str:
        number = match.group(0)
        return " " if sum(character.isdigit() for character in number) > MAX_KEPT_DIGITS else number

    return _NUMBER.sub(replace, text)


def zero_result_query_normalise(query: str) -> str:
    """The words as they are counted: lower case, without @-words and long numbers, at most 100 characters.

    Empty when nothing is left worth counting (only numbers, punctuation or an address).
    """
    words = [word for word in query.casefold().split() if "@" not in word]
    text = " ".join(_without_long_numbers(" ".join(words)).split())
    if not any(character.isalnum() for character in text):
        return ""
    return text[: ZeroResultQuery.QUERY_MAX_LENGTH].rstrip()


def zero_result_query_record(*, query: str, language: str, day: datetime.date | None = None) -> bool:
    """Count one search for `query` in `language` that found nothing; False when nothing was worth keeping.

    Safe under concurrent requests: the day's row is created once and then only incremented.
    """
    text = zero_result_query_normalise(query)
    if not text:
        return False
    day = day or timezone.localdate()
    language = (language or "").split("-")[0][:16]
    counters = ZeroResultQuery.objects.filter(query=text, language=language, day=day)
    if counters.update(count=F("count") + 1):
        return True
    try:
        with transaction.atomic():
            ZeroResultQuery.objects.create(query=text, language=language, day=day, count=1)
        # A new row: the moment to forget what is past keeping (the day index makes it cheap).
        ZeroResultQuery.objects.filter(day__lt=day - datetime.timedelta(days=KEEP_DAYS)).delete()
    except IntegrityError:
        # Another request created the day's row between our UPDATE and INSERT.
        counters.update(count=F("count") + 1)
    return True


def is_reader_search(request: HttpRequest) -> bool:
    """Whether the request looks like a person's search rather than a crawler's or a monitor's."""
    agent = request.headers.get("User-Agent", "")
    return bool(agent) and not _BOT.search(agent)
