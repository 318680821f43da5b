"""One hit per item: an item and its translations are one family, shown in the reader's language.

Both engines find records (one per language of an item) and keep one per family: the database
engine while counting (`DatabaseEngine`), Elasticsearch by collapsing on `translation_key`.
The record kept is the one that matched best, which may be in another language than the
reader's: `in_reader_language` then swaps it for the family's record in the reader's language
when there is one this reader may see and it passes the filters, and lists the family's other
languages for the hit's "Also in" links. One query reads the families, whatever their number.

The swap is skipped when the reader asked for other languages only (a language filter without
theirs), and for a document found on a page of its file: that page is in the file of the record
found, not necessarily in the translation's own file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.db.models import Q

from portal.core.items import ItemKey
from search.models import SearchRecord
from search.queries.attachments import record_passes
from search.queries.results import SearchParams

LANGUAGE_ORDER = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}


def read_families(keys: Iterable[ItemKey]) -> dict[ItemKey, SearchRecord]:
    """The records of these keys and of every translation of theirs, by key, in one query."""
    names = [str(key) for key in keys]
    families = SearchRecord.objects.filter(key__in=names).exclude(family="").values("family")
    found = SearchRecord.objects.filter(Q(key__in=names) | Q(family__in=families)).defer("body")
    return {record.item_key: record for record in found}


def in_reader_language(
    keys: list[ItemKey],
    records: dict[ItemKey, SearchRecord],
    *,
    language: str,
    params: SearchParams,
    visible: Callable[[SearchRecord], bool],
    pinned: Iterable[ItemKey] = (),
) -> tuple[list[ItemKey], dict[ItemKey, list[ItemKey]]]:
    """The keys with each swapped for its family's record in `language` where fitting, one per family;
    and for each key kept, its family's other records the reader may see, in the site's language order.

    `visible` says whether a record's audience admits this reader (the hits are checked once more
    through `portal.core.privacy`); `pinned` keys are never swapped (a document found on a page).
    """
    members: dict[str, list[SearchRecord]] = {}
    for record in records.values():
        if record.family and visible(record):
            members.setdefault(record.family, []).append(record)
    swap = not params.languages or language in params.languages
    pinned = set(pinned)
    chosen: list[ItemKey] = []
    others: dict[ItemKey, list[ItemKey]] = {}
    shown_families: set[str] = set()
    for key in keys:
        record = records.get(key)
        if record is None or not record.family:
            chosen.append(key)
            continue
        if record.family in shown_families:
            continue
        shown_families.add(record.family)
        family = members.get(record.family, [])
        if swap and key not in pinned and record.locale != language:
            own = [
                member
                for member in family
                if member.locale == language and member.kind == record.kind and record_passes(member, params)
            ]
            if own:
                record = own[0]
        chosen.append(record.item_key)
        languages = {record.locale: record}
        for member in sorted(family, key=lambda member: (LANGUAGE_ORDER.get(member.locale, 99), member.pk)):
            languages.setdefault(member.locale, member)  # one link a language (an alias shares its source's)
        others[record.item_key] = [member.item_key for member in languages.values() if member.pk != record.pk]
    return chosen, others
