"""What the public may harvest: document families as records, their datestamps and deletions.

A harvest record is a document family (one `translation_key`: a document and its
translations), described in every language the family has. Which families are public is
the privacy gate's answer for an anonymous reader (`documents_visible_to(None, …)`),
nothing else.

`records_sync` brings `HarvestRecord` into step with that answer at the start of every
harvest request, inside one transaction:

- a family public for the first time gets a record dated now;
- a public family whose metadata changed (its digest differs) is dated now again;
- a family that had a record and is not public any more (made partner-only, unreviewed
  again, deleted) is marked deleted and dated now; its metadata is never read again, and
  the sets it was in when last public stay, so a selective harvest learns of the deletion;
- a family public again is undeleted and dated now.

Reading the gate at harvest time, rather than following saves, collection moves and
restriction changes through signals, means no path that changes privacy can be missed, and
a harvester sees each change dated after its previous visit, which is what incremental
harvesting needs. A family that was public only between two harvests was never harvested,
so it needs no deleted record.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from knowledge import models
from portal.core.privacy import documents_visible_to


@dataclass
class HarvestItem:
    """A public family's metadata, as plain values (URLs relative to the site)."""

    key: str
    titles: list[tuple[str, str]] = field(default_factory=list)
    descriptions: list[tuple[str, str]] = field(default_factory=list)
    creators: list[str] = field(default_factory=list)
    publisher: str = ""
    date: str = ""
    kind: str = ""
    language: str = ""
    subjects: list[str] = field(default_factory=list)
    url: str = ""
    sets: list[str] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(json.dumps(self.__dict__, sort_keys=True).encode()).hexdigest()


def set_text(specs: list[str]) -> str:
    """How `HarvestRecord.sets` stores set specs: space-separated, with a space at each end."""
    return f" {' '.join(specs)} " if specs else ""


def _authors(text: str) -> list[str]:
    return [name.strip() for name in text.split(";") if name.strip()]


def _in_languages(rows: list, name: str) -> list[tuple[str, str]]:
    """(language, text) of each row's field; a translation still holding the original's words
    (not translated yet) is left out rather than labelled with a language it is not in."""
    original = getattr(rows[0], name)
    values = [(rows[0].locale.language_code, original)] if original else []
    values += [
        (row.locale.language_code, getattr(row, name)) for row in rows[1:] if getattr(row, name) not in ("", original)
    ]
    return values


def _item(rows: list) -> HarvestItem:
    # The family's facts are one (`knowledge.documents` copies them), so any row gives them;
    # the original language's row comes first and names the record's URL.
    rows.sort(key=lambda row: (row.locale.language_code != settings.LANGUAGE_CODE, row.pk))
    first = rows[0]
    countries = sorted(first.countries.all(), key=lambda country: country.iso_code)
    themes = sorted(first.themes.all(), key=lambda theme: theme.slug)
    return HarvestItem(
        key=str(first.translation_key),
        titles=_in_languages(rows, "title"),
        descriptions=_in_languages(rows, "description"),
        creators=_authors(first.authors),
        publisher=first.publisher,
        date=first.publication_date.isoformat() if first.publication_date else "",
        kind=first.document_type,
        language=first.language,
        subjects=[theme.name for theme in themes] + [country.name for country in countries],
        url=first.url,
        sets=[f"country:{c.iso_code}" for c in countries]
        + [f"theme:{t.slug}" for t in themes]
        + [f"kind:{first.document_type}"],
    )


def harvest_items() -> dict[str, HarvestItem]:
    """Every family the public may see, by key, read in a fixed number of queries."""
    documents = documents_visible_to(None, models.KnowledgeDocument.objects.all())
    families = defaultdict(list)
    for row in documents.select_related("locale").prefetch_related("countries", "themes"):
        families[str(row.translation_key)].append(row)
    return {key: _item(rows) for key, rows in families.items()}


def _now() -> datetime.datetime:
    # The repository's granularity is the second: a stored datestamp is exactly what is shown.
    return timezone.now().replace(microsecond=0)


def records_sync() -> dict[str, HarvestItem]:
    """Bring the harvest records into step with the privacy gate; the public families' metadata."""
    with transaction.atomic():
        items = harvest_items()
        now = _now()
        records = {str(record.key): record for record in models.HarvestRecord.objects.select_for_update()}
        changed = []
        for key, record in records.items():
            item = items.get(key)
            if item is None:
                if not record.deleted:
                    record.deleted, record.fingerprint, record.datestamp = True, "", now
                    changed.append(record)
            elif record.deleted or record.fingerprint != item.fingerprint:
                record.deleted, record.fingerprint, record.datestamp = False, item.fingerprint, now
                record.sets = set_text(item.sets)
                changed.append(record)
        models.HarvestRecord.objects.bulk_update(changed, ["deleted", "fingerprint", "datestamp", "sets"])
        models.HarvestRecord.objects.bulk_create(
            [
                models.HarvestRecord(key=key, datestamp=now, fingerprint=item.fingerprint, sets=set_text(item.sets))
                for key, item in items.items()
                if key not in records
            ],
            # Two harvesters arriving together may both see a family as new.
            ignore_conflicts=True,
        )
    return items
