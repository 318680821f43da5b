"""Word forms for the database engine: Snowball stems of the indexed text and of the reader's words.

FTS5 (and the other database backends as the records use them) match words as written, so
"Кыргызстан" missed "Кыргызстана" and "centre" missed "centres". Each record's text is
therefore indexed a second time as stems (`SearchRecord.stems`), each stem marked with
`STEM_MARK` so that it never collides with a word as written; a search asks for the words as
written or for their stems (`search.queries.database.DatabaseEngine.text_query`), so an item
with the reader's exact words matches both and ranks first. Words are stemmed by the item's
language when their script fits it, otherwise by their script (Cyrillic: Russian, Latin:
English), and the reader's words the same way, so both sides agree. Korean has no stemmer here:
its words are matched as prefixes (`search.queries.fulltext`). Changing what is stemmed changes
the stored index: run `rebuild_search_index` after such a deploy.
https://snowballstem.org/algorithms/
"""

from __future__ import annotations

import re
from functools import cache

import Stemmer

# A digit: FTS5's unicode61 tokenizer keeps it inside the token, and no stemmer emits one first.
STEM_MARK = "0"
# Shorter words (and numbers) are matched as written only.
MIN_LENGTH = 3

_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")

# The Snowball stemmer of each content language that has one, and the script it is written in.
STEMMERS = {
    "en": ("english", "latin"),
    "fr": ("french", "latin"),
    "id": ("indonesian", "latin"),
    "ru": ("russian", "cyrillic"),
}
BY_SCRIPT = {"latin": "english", "cyrillic": "russian"}


@cache
def _stemmer(algorithm: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(algorithm)


def _script(word: str) -> str | None:
    if _CYRILLIC.search(word):
        return "cyrillic"
    if _LATIN.search(word):
        return "latin"
    return None


def algorithm_for(word: str, language: str) -> str | None:
    """The stemmer for a word of an item (or a reader) in `language`; None to match it as written."""
    if len(word) < MIN_LENGTH or word.isdigit():
        return None
    script = _script(word)
    if script is None:
        return None
    own = STEMMERS.get((language or "").split("-")[0])
    if own is not None and own[1] == script:
        return own[0]
    return BY_SCRIPT[script]


def stem_token(word: str, language: str) -> str | None:
    """The marked stem of one word (`0centr` for "centres"), or None when it is matched as written."""
    algorithm = algorithm_for(word, language)
    if algorithm is None:
        return None
    return STEM_MARK + _stemmer(algorithm).stemWord(word.casefold())


def indexed_stems(text: str, language: str) -> str:
    """The marked stems of a text's words, each once, for the records' full-text index."""
    stems = dict.fromkeys(token for word in _WORD.findall(text) if (token := stem_token(word, language)))
    return " ".join(stems)


# Korean particles (josa), longest first: a reader writes "해바라기센터에서" (at the Sunflower Centre).
KOREAN_PARTICLES = (
    "에서는", "에게서", "으로서", "으로써", "에서", "에게", "께서", "까지", "부터", "으로", "처럼", "보다",
    "마다", "에는", "와는", "과는", "이나", "의", "은", "는", "이", "가", "을", "를", "에", "와", "과",
    "도", "만", "로",
)  # fmt: skip
_HANGUL_WORD = re.compile(r"^[\uac00-\ud7af]+$")


def korean_base(word: str) -> str | None:
    """A Korean word without its particle ("해바라기센터에서" -> "해바라기센터"), None without one.

    At least two syllables are left, so "국가" (a state) is not read as "국" and "가". The base
    is matched as a prefix, beside the word as written, so a noun that merely ends like a
    particle still finds itself.
    """
    if not _HANGUL_WORD.match(word):
        return None
    for particle in KOREAN_PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return None


def stemmed_query(text: str, language: str) -> str | None:
    """The reader's words with each stemmable word replaced by its marked stem, and each Korean
    word by its base; None when no word changes."""
    words = _WORD.findall(text)
    stemmed = [stem_token(word, language) or korean_base(word) or word for word in words]
    return " ".join(stemmed) if stemmed != words else None


def stemmed_variants(text: str, languages: tuple[str, ...]) -> list[str]:
    """The stemmed forms of the reader's words for each language asked, without repeats."""
    variants = (stemmed_query(text, language) for language in languages)
    return list(dict.fromkeys(variant for variant in variants if variant))
