"""The database engine's index: `SearchRecord` rows written from the serialized documents.

`search.indexing` serializes an object once and hands the result both to Elasticsearch
(when configured) and to `write` here, so the two engines never disagree about what is
searchable, who may see it or how it is classified. Wagtail's database search backend
indexes the records' text.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import router, transaction

from wagtail.search.backends import get_search_backend

from portal.core.items import ItemKey
from search import serializers
from search.models import SearchRecord, SearchRecordsVersion


def _text(source: dict) -> str:
    """Everything but title and summary that a reader may search for, in one field."""
    parts = [source.get("body"), source.get("attachment")]
    parts += [*source.get("keywords", []), *source.get("organisations", [])]
    return "\n".join(part for part in parts if part)


def family_of(key: ItemKey, source: dict) -> str:
    """`page:<translation_key>`: what an item's records share with its translations' (the key alone without one)."""
    translation_key = source.get("translation_key")
    return f"{key.type}:{translation_key}" if translation_key else str(key)


def record_for(key: ItemKey, source: dict) -> SearchRecord:
    return SearchRecord(
        key=str(key),
        family=family_of(key, source),
        page_id=key.pk if key.type == ItemKey.PAGE else None,
        document_id=key.pk if key.type == ItemKey.DOCUMENT else None,
        kind=source["kind"],
        locale=source.get("locale") or "",
        date=source.get("date"),
        year=source.get("year"),
        audience=source["audience"],
        title=source["title"],
        summary=source.get("summary") or "",
        body=_text(source),
        url=source.get("url") or "",
        countries=" ".join(source.get("countries", [])),
        themes=" ".join(source.get("themes", [])),
    )


def _store(items: list[tuple[ItemKey, dict]]) -> int:
    records = [record_for(key, source) for key, source in items]
    SearchRecord.objects.bulk_create(records)
    if records and records[0].pk is None:  # A backend that returns no ids from bulk inserts.
        by_key = dict(SearchRecord.objects.filter(key__in=[r.key for r in records]).values_list("key", "pk"))
        for record in records:
            record.pk = by_key[record.key]
    get_search_backend().add_bulk(SearchRecord, records)
    return len(records)


def write(items: Iterable[tuple[ItemKey, dict | None]]) -> tuple[int, int]:
    """Make the records of these keys match: a serialized document stores it, None removes it.

    Returns (stored, removed). One transaction, so a reader sees the old record or the new one.
    """
    items = list(items)
    keys = [str(key) for key, _ in items]
    with transaction.atomic():
        # Deleting a record deletes its full-text entry too (a generic relation).
        SearchRecord.objects.filter(key__in=keys).delete()
        stored = _store([(key, source) for key, source in items if source is not None])
        new_version()
    return stored, len(items) - stored


def new_version() -> None:
    """Mark the records as changed, in the writing transaction (see `SearchRecordsVersion`)."""
    SearchRecordsVersion.objects.update_or_create(pk=1, defaults={"value": uuid.uuid4().hex})


def current_version() -> str | None:
    """The records' version as this connection sees it; None before the first write."""
    return SearchRecordsVersion.objects.filter(pk=1).values_list("value", flat=True).first()


def rebuild(*, chunk_size: int = 1000, on_progress: Callable[[int], None] | None = None) -> tuple[int, list]:
    """Replace every record from the database, in one transaction.

    Returns (written, skipped), skipped being (key, reason) of the items that failed to serialize.
    Records are stored in batches of `STORE_BATCH`: the full-text backend recomputes its
    title norms over the whole index after each batch it adds.
    """
    written, skipped, batch = 0, [], []
    with transaction.atomic():
        _delete_all()
        for chunk in serializers.serialized_chunks(chunk_size=chunk_size):
            for key, source in chunk:
                if isinstance(source, Exception):
                    skipped.append((str(key), f"{type(source).__name__}: {source}"))
                else:
                    batch.append((key, source))
            if len(batch) >= STORE_BATCH:
                written += _store(batch)
                batch = []
            if on_progress:
                on_progress(len(chunk))
        written += _store(batch)
        new_version()
    return written, skipped


STORE_BATCH = 10_000


def _delete_all() -> None:
    """Every record and its full-text entry, in two statements.

    An ORM delete would load each record and entry to cascade; the full-text backend's own
    removals use the same raw delete (`_raw_delete`), and on SQLite a trigger clears FTS5.
    """
    entries = SearchRecord._meta.get_field("index_entries").related_model
    content_type = ContentType.objects.get_for_model(SearchRecord)
    database = router.db_for_write(SearchRecord)
    entries.objects.filter(content_type=content_type)._raw_delete(database)
    SearchRecord.objects.all()._raw_delete(database)
