"""The search thesaurus: groups of terms that mean the same, applied to the reader's query.

A group is either one kept by editors (`search.models.Synonym`, terms in any language) or a
country or theme named in every language it has been translated into (`portal.core.models`:
one row per locale sharing a `translation_key`), so "Кыргызстан" also asks for "Kyrgyzstan"
and "키르기스스탄", and a Russian reader finds an item written only in English.

Expansion happens in the query, not in the index analyzer: it works the same on both
engines (and on Elasticsearch distributions without the synonym filter), and an editor's
change, a synonym or a vocabulary entry's translation, takes effect at once instead of
after a rebuild.

Terms are found in the query whatever their endings: words are compared as written, by their
Snowball stems, and, as the stemmer does not always agree with itself on a noun's cases
("Кыргызстан" is `кыргызста`, "Кыргызстане" `кыргызстан`), a Cyrillic word written as the
term with a Russian case ending matches it too; a Korean word matches a term it starts with, since
Korean attaches particles ("해바라기센터에서").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from portal.core.models import Country, Theme
from search import wordforms
from search.models import Synonym

CACHE_KEY = "search:thesaurus-groups:v2"
CACHE_SECONDS = 300
# Models whose rows make thesaurus groups; a save or delete of any row clears the cache.
THESAURUS_MODELS = (Synonym, Country, Theme)
_WORD = re.compile(r"\w+", re.UNICODE)
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# A Russian noun's or adjective's final letter that its other cases replace ("Корея" -> "Корее").
_RUSSIAN_FINAL = frozenset("аяоеёьйыиу")
# What may follow a Cyrillic term's base: Russian case endings of nouns and adjectives
# ("Кыргызстан|е", "Коре|и", "кризисн|ых"), so a typo ("центрв") is not taken for a form.
# fmt: off
_RUSSIAN_ENDINGS = frozenset((
    "а", "я", "у", "ю", "е", "и", "ы", "о", "ь", "й",
    "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях", "ами", "ями", "ов", "ев", "ью", "ии", "ию", "ия",
    "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ых", "их", "ым", "им",
    "ыми", "ими", "ую", "юю", "ою", "ею",
))
# fmt: on
# A base shorter than this is matched by its stem only ("мир" is not a prefix of "мировой").
_MIN_BASE = 4
# A Korean term must be this long to match as the start of a word (one syllable says too little).
_MIN_KOREAN = 2


def tokens(text: str) -> list[str]:
    """Words as the engines see them: case-folded, split on anything that is not a letter or digit."""
    return [word.casefold() for word in _WORD.findall(text)]


def thesaurus_groups() -> list[list[str]]:
    """Every group of the thesaurus: the editors' synonyms, then each country's and theme's names.

    Read with one query per model and cached until one of their rows is saved or deleted: at
    once in the process that saved, and in others once `CACHE_SECONDS` pass, unless the site's
    cache is shared between processes (`CACHES`, as a production deployment sets it).
    """
    groups = cache.get(CACHE_KEY)
    if groups is None:
        groups = [synonym.term_list for synonym in Synonym.objects.all()]
        groups += vocabulary_groups(Country) + vocabulary_groups(Theme)
        groups = [group for group in groups if len(group) > 1]
        cache.set(CACHE_KEY, groups, CACHE_SECONDS)
    return groups


def vocabulary_groups(model) -> list[list[str]]:
    """The names of each entry of a translatable vocabulary in every locale, the default language's first."""
    rows = model.objects.values_list("translation_key", "locale__language_code", "name")
    by_key: dict = {}
    for key, _language, name in sorted(rows, key=lambda row: (row[1] != settings.LANGUAGE_CODE, row[1])):
        by_key.setdefault(key, []).append(name)
    return [_distinct(names) for names in by_key.values()]


def _distinct(terms: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for term in terms:
        term = " ".join(term.split())
        if term and term.casefold() not in seen:
            seen[term.casefold()] = term
    return list(seen.values())


@dataclass(frozen=True)
class _TermWord:
    """One word of a thesaurus term, with what a word of the query may match it by."""

    text: str
    stem: str | None
    korean: bool
    base: str | None  # Cyrillic: the word without a final vowel its cases replace

    @classmethod
    def of(cls, text: str) -> _TermWord:
        base = None
        if _CYRILLIC.search(text):
            base = text[:-1] if text[-1] in _RUSSIAN_FINAL else text
            base = base if len(base) >= _MIN_BASE else None
        korean = bool(_HANGUL.match(text)) and len(text) >= _MIN_KOREAN
        return cls(text, wordforms.stem_token(text, ""), korean, base)

    def matches(self, word: str, stem: str | None) -> bool:
        if word == self.text or (stem is not None and stem == self.stem):
            return True
        if self.korean:
            return word.startswith(self.text)
        if self.base is not None:
            return word.startswith(self.base) and word[len(self.base) :] in _RUSSIAN_ENDINGS
        return False


@lru_cache(maxsize=4)
def _candidates(groups: tuple[tuple[str, ...], ...]) -> list[tuple[tuple[_TermWord, ...], tuple[str, ...], int]]:
    """(the term's words, the words of its group's terms, the group's number), longest terms first."""
    candidates = [
        (tuple(_TermWord.of(word) for word in tokens(term)), tuple(" ".join(tokens(other)) for other in group), number)
        for number, group in enumerate(groups)
        for term in group
    ]
    candidates = [candidate for candidate in candidates if candidate[0]]
    candidates.sort(key=lambda candidate: -len(candidate[0]))
    return candidates


def _find(words: list[str], stems: list[str | None], term: tuple[_TermWord, ...]) -> int:
    for start in range(len(words) - len(term) + 1):
        if all(part.matches(words[start + i], stems[start + i]) for i, part in enumerate(term)):
            return start
    return -1


def expand(query: str, *, limit: int = 8) -> list[str]:
    """The query itself, then variants with a known term swapped for the other terms of its group.

    "GBV shelters" -> ["GBV shelters", "gender based violence shelters", ...]; "приюты в
    Кыргызстане" -> [..., "приюты в kyrgyzstan", "приюты в 키르기스스탄", ...]. Longer terms
    are matched first, so "technology-facilitated GBV" is replaced as a whole.
    """
    words = tokens(query)
    variants = [query]
    seen = {tuple(words)}
    if not words:
        return variants
    stems = [wordforms.stem_token(word, "") for word in words]
    found: list[tuple[int, int, tuple[str, ...]]] = []  # (start, length, the group's terms)
    used_groups: set[int] = set()
    for term, group, number in _candidates(tuple(tuple(group) for group in thesaurus_groups())):
        if number in used_groups:
            continue
        start = _find(words, stems, term)
        if start >= 0:
            used_groups.add(number)
            found.append((start, len(term), group))
    # The whole query in each script, every term found replaced at once ("обучения полиции" ->
    # "training police"): single swaps leave the other words in the reader's language, and an
    # item written only in English has none of them.
    for translated in _translations(words, found):
        if translated not in seen:
            seen.add(translated)
            variants.append(" ".join(translated))
        if len(variants) >= limit:
            return variants
    # One term of each group found in turn, so that a long group ("GBV" has seven terms) does not
    # use up the variants before a country in the same query gets its other names.
    for alternatives in zip_longest(*(group for _start, _length, group in found)):
        for (start, length, _group), alternative in zip(found, alternatives, strict=True):
            if alternative is None:
                continue
            replaced = (*words[:start], *alternative.split(), *words[start + length :])
            if replaced not in seen:
                seen.add(replaced)
                variants.append(" ".join(replaced))
            if len(variants) >= limit:
                return variants
    return variants


def _script(term: str) -> str:
    if _HANGUL.search(term):
        return "hangul"
    return "cyrillic" if _CYRILLIC.search(term) else "latin"


def _translations(words: list[str], found: list[tuple[int, int, tuple[str, ...]]]) -> list[tuple[str, ...]]:
    """The query with every term found (two or more, not overlapping) replaced by its group's first
    term in one script, for each script; the words outside the terms stay as they are."""
    spans: list[tuple[int, int, tuple[str, ...]]] = []
    for start, length, group in found:
        if all(start + length <= other or other + other_length <= start for other, other_length, _ in spans):
            spans.append((start, length, group))
    if len(spans) < 2:
        return []
    variants = []
    for script in ("latin", "cyrillic", "hangul"):
        replaced = list(words)
        for start, length, group in sorted(spans, reverse=True):
            term = next((term for term in group if _script(term) == script), None)
            if term is not None:
                replaced[start : start + length] = tokens(term)
        variants.append(tuple(replaced))
    return variants


def _clear_cache(**kwargs):
    # Now, for this request, and again once the change is committed: a search in another
    # process may have cached the groups as they were between the save and the commit.
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def connect_cache_invalidation():
    for model in THESAURUS_MODELS:
        name = model._meta.model_name
        post_save.connect(_clear_cache, sender=model, dispatch_uid=f"search_thesaurus_{name}_saved")
        post_delete.connect(_clear_cache, sender=model, dispatch_uid=f"search_thesaurus_{name}_deleted")
