"""Typo tolerance for the database engine: "did you mean" from the index's own vocabulary.

When a search finds nothing, each of the reader's words that the index does not hold (neither
as written nor as its stem) is replaced by the nearest word it does hold: one edit away (a
letter missing, extra, wrong or two letters swapped), or for words of `LONG` letters or more,
two edits away among the words that start with the same three letters. The vocabulary is the
index's own, read by exact terms and one prefix range, never a scan of all of it: on SQLite
FTS5's (an `fts5vocab` table over the full-text index, made per connection in the `temp`
schema, so no migration and no copy to keep in step); on PostgreSQL `ts_stat` over just the
index entries that hold one of the words asked, which the vectors' GIN index finds. The
vocabulary holds every indexed word, partner-only ones included, so the engine offers a
correction only when it finds something this reader may see (`DatabaseEngine.search`).
https://www.sqlite.org/fts5.html#the_fts5vocab_virtual_table_module
https://www.postgresql.org/docs/15/textsearch-features.html#TEXTSEARCH-STATISTICS
"""

from __future__ import annotations

import re
import unicodedata

from django.db import connection

from wagtail.search.backends import get_search_backend

from search.queries.fulltext import (
    POSTGRES_CONFIG,
    PostgresSearchBackend,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    index_entries_table,
)
from search.wordforms import stem_token

VOCABULARY = "dsp_search_vocabulary"
# Words this long or longer may be two edits away from the word meant.
LONG = 8
# Letters a correction may put in a word of these scripts. Korean words are matched as prefixes
# and corrected against the starts of the index's words instead (`_correct_korean`).
ALPHABETS = {
    "latin": "abcdefghijklmnopqrstuvwxyz",
    "cyrillic": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
}
_WORD = re.compile(r"\w+")


def available(backend) -> bool:
    return _vocabulary_class(backend) is not None


def _vocabulary_class(backend):
    if SQLiteSearchBackend is not None and isinstance(backend, SQLiteSearchBackend):
        return Vocabulary
    if PostgresSearchBackend is not None and isinstance(backend, PostgresSearchBackend):
        return PostgresVocabulary
    return None


def fold(word: str) -> str:
    """A word as FTS5's unicode61 tokenizer stores it: case folded, diacritics removed from Latin letters.

    Other scripts keep theirs: "й" and "ё" stay letters of their own.
    """
    return "".join(_fold_latin(char) if char < "\u0250" else char for char in word.casefold())


def _fold_latin(char: str) -> str:
    return "".join(part for part in unicodedata.normalize("NFD", char) if not unicodedata.combining(part))


def _alphabet(word: str) -> str | None:
    for alphabet in ALPHABETS.values():
        if all(char in alphabet for char in word):
            return alphabet
    return None


def one_edit(word: str, alphabet: str) -> set[str]:
    """Every string one deletion, swap of neighbours, substitution or insertion away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    swaps = {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    replaces = {left + char + right[1:] for left, right in splits if right for char in alphabet}
    inserts = {left + char + right for left, right in splits for char in alphabet}
    return (deletes | swaps | replaces | inserts) - {word}


def distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with neighbour swaps, or `limit + 1` once it is certainly above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = current[j - 1] + 1
            cost = min(cost, previous[j] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class Vocabulary:
    """The words of the full-text index with the number of index entries holding each."""

    def __init__(self):
        table = SQLiteFTSIndexEntry._meta.db_table
        with connection.cursor() as cursor:
            # Per connection, in `temp`: nothing is stored, the index's own b-tree is read.
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{VOCABULARY} USING fts5vocab(main, '{table}', 'row')"
            )

    @staticmethod
    def counts(terms) -> dict[str, int]:
        """{term: entries} of those of `terms` the index holds."""
        terms = list(terms)
        found: dict[str, int] = {}
        with connection.cursor() as cursor:
            for start in range(0, len(terms), 500):
                chunk = terms[start : start + 500]
                marks = ",".join("%s" for _ in chunk)
                cursor.execute(f"SELECT term, doc FROM temp.{VOCABULARY} WHERE term IN ({marks})", chunk)  # noqa: S608
                found.update(cursor.fetchall())
        return found

    @staticmethod
    def starting_with(prefix: str, *, lengths: range) -> dict[str, int]:
        """{term: entries} of the terms that start with `prefix` and whose length is in `lengths`."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT term, doc FROM temp.{VOCABULARY} WHERE term >= %s AND term < %s",  # noqa: S608
                [prefix, prefix + "\U0010ffff"],
            )
            return {term: doc for term, doc in cursor.fetchall() if len(term) in lengths}


class PostgresVocabulary:
    """The same questions as `Vocabulary`, answered by PostgreSQL's `ts_stat`.

    Each question reads only the index entries that hold one of its terms (or a word starting
    with its prefix), found through the GIN index on the vectors together; the terms are words
    (`\\w+`), so they are quoted as lexemes and never read as query syntax.
    """

    @classmethod
    def counts(cls, terms) -> dict[str, int]:
        wanted = {term for term in terms if _TERM.fullmatch(term)}
        if not wanted:
            return {}
        found = cls._statistics(" | ".join(f"'{term}'" for term in sorted(wanted)))
        return {term: entries for term, entries in found.items() if term in wanted}

    @classmethod
    def starting_with(cls, prefix: str, *, lengths: range) -> dict[str, int]:
        if not _TERM.fullmatch(prefix):
            return {}
        found = cls._statistics(f"'{prefix}':*")
        return {term: entries for term, entries in found.items() if term.startswith(prefix) and len(term) in lengths}

    # Entries read per question at most: a typo one edit from a common word ("adn", "teh") would
    # otherwise read most of the index. The nearest word is still found (the common word is the
    # likeliest correction anyway); counts above this are counts within these entries.
    ENTRIES = 2000

    @classmethod
    def _statistics(cls, tsquery: str) -> dict[str, int]:
        """{word: entries} of every word of (at most `ENTRIES` of) the entries matching `tsquery`."""
        vectors = "title || body || autocomplete"
        table = connection.ops.quote_name(index_entries_table())
        literal = tsquery.replace("'", "''")
        # ts_stat reads a statement as text: the tsquery is a literal inside it.
        matching = f"({vectors}) @@ to_tsquery('{POSTGRES_CONFIG}', '{literal}')"
        statement = f"SELECT {vectors} FROM {table} WHERE {matching} LIMIT {cls.ENTRIES}"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute("SELECT word, ndoc FROM ts_stat(%s)", [statement])
            return dict(cursor.fetchall())


_TERM = re.compile(r"\w+")


def _correct(word: str, language: str, vocabulary: Vocabulary) -> str | None:
    """The nearest word the index holds, as the reader would write it; None when there is none."""
    alphabet = _alphabet(word)
    if alphabet is None or len(word) < 3:
        return None
    candidates: dict[str, str] = {}  # folded term -> the spelling shown to the reader
    for variant in sorted(one_edit(word, alphabet)):
        candidates.setdefault(fold(variant), variant)
    found = vocabulary.counts(candidates)
    if found:
        return candidates[max(found, key=lambda term: (found[term], term))]
    if len(word) < LONG:
        return None
    near = vocabulary.starting_with(fold(word[:3]), lengths=range(len(word) - 2, len(word) + 3))
    scored = [(distance(fold(word), term, 2), -entries, term) for term, entries in near.items() if term.isalpha()]
    best = min((item for item in scored if item[0] <= 2), default=None)
    return best[2] if best else None


_HANGUL_WORD = re.compile(r"^[\uac00-\ud7af]+$")
# Korean words hold particles ("해바라기센터에서"): the starts of this many more syllables are compared.
KOREAN_TAIL = 4


def _korean_known(word: str, vocabulary: Vocabulary) -> bool:
    """Whether the index holds a word starting with this Korean word (it is matched as a prefix)."""
    return bool(vocabulary.starting_with(word, lengths=range(len(word), len(word) + KOREAN_TAIL + 1)))


def _correct_korean(word: str, vocabulary: Vocabulary) -> str | None:
    """The start of an indexed Korean word one syllable away from `word` ("해바리기센터" -> "해바라기센터").

    Compared with the same number of syllables (one more or less for a missing or extra one),
    among the words with the same first syllable; the most common wins.
    """
    if len(word) < 3:
        return None
    near = vocabulary.starting_with(word[0], lengths=range(len(word) - 1, len(word) + KOREAN_TAIL + 2))
    best = None
    for term, entries in near.items():
        for size in (len(word), len(word) - 1, len(word) + 1):
            head = term[:size]
            if len(head) == size and head != word and distance(word, head, 1) <= 1:
                candidate = (-entries, head)
                best = candidate if best is None or candidate < best else best
    return best[1] if best else None


def suggest(q: str, language: str) -> str | None:
    """The reader's words with each unknown word corrected; None when nothing needs or can be corrected."""
    words = [word.casefold() for word in _WORD.findall(q)]
    if not words:
        return None
    vocabulary = _vocabulary_class(get_search_backend())()
    stems = {word: fold(stem_token(word, language) or word) for word in words}
    known = vocabulary.counts({fold(word) for word in words} | set(stems.values()))
    corrected, changed = [], False
    for word in words:
        korean = bool(_HANGUL_WORD.match(word))
        if fold(word) in known or stems[word] in known or (korean and _korean_known(word, vocabulary)):
            corrected.append(word)
            continue
        correction = _correct_korean(word, vocabulary) if korean else _correct(word, language, vocabulary)
        corrected.append(correction or word)
        changed = changed or correction is not None
    return " ".join(corrected) if changed else None
