"""Keeping the Elasticsearch index in step with the database.

`sync(keys)` is the one write path for live updates: for each item key (`ItemKey`, stored
and queued as "page:12", "document:3") it reads the object's current state and indexes it
if a reader may find it (live, of a searchable kind) or removes it otherwise. Because a key names an object and not
an action, updates are idempotent and order does not matter: a retry simply syncs again.

Every change is recorded as a `PendingIndexUpdate` in the editor's own transaction
(`record_queued`, called by the signal handlers), and a row is cleared only once the records
and the index have taken that change; a worker killed halfway, a node that is down or one
that never answers leaves the row, and the next successful sync or `manage.py
search_catch_up` applies it. Live writes to Elasticsearch get one short budget in all
(`SEARCH_WRITE_TIMEOUT`) and skip the node while the circuit breaker is open. Nothing here
raises into the editor's request.

`rebuild()` fills a new timestamped index and swaps the alias atomically.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from wagtail.models import Page, ReferenceIndex

from elasticsearch import Elasticsearch, helpers

from knowledge.models import KnowledgeDocument
from portal.core.items import ItemKey
from search import conf, mappings, records, serializers
from search.client import ENGINE_ERRORS, Budget, breaker, get_client
from search.models import PendingIndexUpdate

logger = logging.getLogger(__name__)


@dataclass
class SyncReport:
    indexed: int = 0
    removed: int = 0
    failed: int = 0
    retried: int = 0

    def as_dict(self) -> dict:
        return {
            "indexed": self.indexed,
            "removed": self.removed,
            "failed": self.failed,
            "retried": self.retried,
        }


# --- Item keys -------------------------------------------------------------------------------


def page_keys(page_ids: Iterable[int]) -> list[ItemKey]:
    return [ItemKey.page(pk) for pk in page_ids]


def subtree_keys(page: Page) -> list[ItemKey]:
    """The page and every page below it: what a move or a privacy change touches."""
    return page_keys(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def collection_document_keys(collection) -> list[ItemKey]:
    documents = KnowledgeDocument.objects.filter(collection__path__startswith=collection.path)
    return [ItemKey.document(pk) for pk in documents.values_list("pk", flat=True)]


def pages_using_documents_keys(document_ids: Iterable[int]) -> list[ItemKey]:
    """The pages whose content refers to these documents, from Wagtail's reference index.

    A page's entry names its public attachments: when a document's privacy, review state or
    title changes, the pages that attach it are indexed again.
    """
    ids = [str(pk) for pk in document_ids if pk is not None]
    if not ids:
        return []
    rows = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(KnowledgeDocument),
        to_object_id__in=ids,
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    return [ItemKey.page(int(pk)) for pk in sorted({int(pk) for pk in rows})]


def parse_keys(keys: Iterable[ItemKey | str]) -> list[ItemKey]:
    """Keys as `ItemKey`s, without duplicates and in order; a malformed one is logged and left out."""
    parsed: set[ItemKey] = set()
    for key in keys:
        try:
            parsed.add(ItemKey.parse(key))
        except ValueError:
            logger.warning("search: ignoring malformed index key %r", key)
    return sorted(parsed)


# --- Live updates ----------------------------------------------------------------------------


def _sources_for(keys: list[ItemKey]) -> Iterator[tuple[ItemKey, dict | None]]:
    """(key, serialized document) for each object a reader may find, (key, None) for the rest."""
    ids = ItemKey.group(keys)
    page_ids, document_ids = sorted(ids[ItemKey.PAGE]), sorted(ids[ItemKey.DOCUMENT])
    privacy = serializers.PrivacySnapshot(page_ids=page_ids, document_ids=document_ids)
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()} if page_ids else {}
    for pk in page_ids:
        page = pages.get(pk)
        searchable = serializers.is_searchable_page(page)
        yield ItemKey.page(pk), serializers.serialize(page, privacy) if searchable else None
    documents = KnowledgeDocument.objects.select_related("locale").in_bulk(document_ids) if document_ids else {}
    for pk in document_ids:
        document = documents.get(pk)
        yield ItemKey.document(pk), serializers.serialize(document, privacy) if document is not None else None


def _action(index: str, key: ItemKey, source: dict | None, version: int) -> dict:
    """The bulk action that makes the index match: index the document, or delete the entry."""
    if source is None:
        return {**_versioned(index, key, version), "_op_type": "delete"}
    return _index_action(index, key, source, version)


def _index_action(index: str, key: ItemKey, source: dict, version: int) -> dict:
    return {**_versioned(index, key, version), "_op_type": "index", "_source": source}


def _versioned(index: str, key: ItemKey, version: int) -> dict:
    """Every write carries the time its object was read as an external version.

    So of two writes of one object, the one made from the fresher read wins whatever order
    they arrive in: a rebuild's copy read a minute ago never overwrites a live update.
    https://www.elastic.co/guide/en/elasticsearch/reference/8.19/docs-index_.html#index-versioning
    """
    return {"_index": index, "_id": mappings.document_id(key), "version": version, "version_type": "external_gte"}


def read_version() -> int:
    """A version for documents about to be read from the database: microseconds since the epoch."""
    return time.time_ns() // 1000


def _is_stale_write(item: dict) -> bool:
    """A write refused because the index holds a fresher read of the object: nothing lost."""
    result = next(iter(item.values()), {})
    return result.get("status") == 409


def _is_absent_delete(item: dict) -> bool:
    """A removal of an entry the index never had (a page that is not searchable): done already."""
    return "delete" in item and item["delete"].get("status") == 404


def _apply(
    client: Elasticsearch,
    sources: list[tuple[ItemKey, dict | None]],
    report: SyncReport,
    *,
    version: int,
    budget: Budget,
) -> None:
    """Send these documents, raising on any engine error so the caller can record them.

    While a rebuild runs, the index it fills gets the same writes (through its own alias), so
    nothing changed during the rebuild is lost when the alias swaps to it.
    """
    mappings.ensure_index(budget.client(client))
    targets = [conf.alias_name()]
    if budget.client(client).indices.exists_alias(name=conf.rebuilding_alias_name()):
        targets.append(conf.rebuilding_alias_name())
    actions = [_action(target, key, source, version) for target in targets for key, source in sources]
    # require_alias: a write never creates an index with a guessed mapping by accident.
    _, errors = helpers.bulk(
        budget.client(client), actions, raise_on_error=False, ignore_status=(404,), require_alias=True, refresh=False
    )
    errors = [error for error in errors if not (_is_stale_write(error) or _is_absent_delete(error))]
    if errors:
        raise RuntimeError(f"{len(errors)} index operations failed, first: {errors[0]}")
    live = [action for action in actions if action["_index"] == targets[0]]
    report.indexed += sum(1 for action in live if action["_op_type"] == "index")
    report.removed += sum(1 for action in live if action["_op_type"] == "delete")


def record_queued(keys: Iterable[ItemKey | str]) -> None:
    """Note these objects as waiting for an index update, in the caller's transaction.

    Called when an editor's change is saved, so the note commits or rolls back with the
    change itself. A row already there is touched, so a sync that read before this change
    does not clear it (see `sync`).
    """
    keys = sorted({str(key) for key in keys})
    if not keys:
        return
    PendingIndexUpdate.objects.filter(key__in=keys).update(updated_at=timezone.now())
    PendingIndexUpdate.objects.bulk_create(
        [PendingIndexUpdate(key=key, attempts=0) for key in keys], ignore_conflicts=True, batch_size=500
    )


def record_pending(keys: Iterable[ItemKey | str], error: BaseException | str) -> None:
    message = str(error)[:2000]
    for key in map(str, keys):
        updated = PendingIndexUpdate.objects.filter(key=key).update(attempts=F("attempts") + 1, last_error=message)
        if not updated:
            PendingIndexUpdate.objects.get_or_create(key=key, defaults={"last_error": message})


def _pending_seen(keys: list[ItemKey]) -> dict[str, object]:
    """The pending rows of these keys as committed now: key -> when the row was last touched."""
    return dict(PendingIndexUpdate.objects.filter(key__in=[str(key) for key in keys]).values_list("key", "updated_at"))


def _confirm(seen: dict[str, object]) -> None:
    """Clear the pending rows a sync has covered: those it saw before reading, untouched since.

    A row touched or created after that (a newer change, committed while the sync ran, whose
    words the sync may not have read) stays for its own sync or `search_catch_up`. Compared
    with what was seen rather than with a clock, so a change saved in a transaction that began
    before the sync's read and committed after it is never taken as covered.
    """
    if not seen:
        return
    covered = Q()
    for key, updated_at in seen.items():
        covered |= Q(key=key, updated_at=updated_at)
    PendingIndexUpdate.objects.filter(covered).delete()


def sync(keys: Iterable[ItemKey | str], *, catch_up: bool = True, patient: bool = False) -> SyncReport:
    """Bring these objects' records and index entries up to date; never raises for engine trouble.

    The database engine's records are written first, in the caller's database: they need no
    service, so they are right even while Elasticsearch is down. A live update (the default)
    gives Elasticsearch `SEARCH_WRITE_TIMEOUT` in all and leaves it alone while the circuit
    breaker is open; `patient` (commands, background catch-up) waits `SEARCH_BULK_TIMEOUT`
    and always tries.
    """
    report = SyncReport()
    keys = parse_keys(keys)
    if not keys:
        return report
    seen = _pending_seen(keys)  # Before reading the objects: what this sync can cover.
    version = read_version()  # Before reading: a write is as fresh as the read it comes from.
    sources = list(_sources_for(keys))
    stored, removed = records.write(sources)
    if not conf.elasticsearch_enabled():
        report.indexed, report.removed = stored, removed
        _confirm(seen)
        return report
    if not patient and not breaker.allow():
        # The node failed moments ago: the rows stay pending, and the editor does not wait.
        logger.info("search: Elasticsearch failed lately; %d index update(s) left pending", len(keys))
        report.failed = len(keys)
        record_pending(keys, "Elasticsearch failed moments before; not tried (circuit breaker open)")
        return report
    try:
        timeout = conf.bulk_timeout() if patient else conf.write_timeout()
        _apply(get_client(timeout=timeout), sources, report, version=version, budget=Budget(timeout))
    except Exception as error:  # noqa: BLE001 - an editor's save must never fail because of search
        if not isinstance(error, ENGINE_ERRORS):
            logger.exception("search: could not index %s", ", ".join(map(str, keys[:10])))
        else:
            logger.warning("search: index update failed (%s); %d object(s) kept for retry", error, len(keys))
            breaker.trip()
        report.failed = len(keys)
        with transaction.atomic():
            record_pending(keys, error)
        return report
    breaker.reset()
    _confirm(seen)
    if catch_up and PendingIndexUpdate.objects.exists():
        retried = catch_up_pending(limit=conf.catch_up_batch_size(), patient=patient)
        report.retried = retried.indexed + retried.removed
    return report


def catch_up_pending(*, limit: int | None = None, patient: bool = True) -> SyncReport:
    """Apply the pending updates, oldest first, in batches; returns what was done.

    Without Elasticsearch it still writes the database engine's records, which a worker
    killed after the editor's commit may have left behind.
    """
    report = SyncReport()
    batch_size = conf.catch_up_batch_size()
    done = 0
    while limit is None or done < limit:
        size = batch_size if limit is None else min(batch_size, limit - done)
        keys = list(PendingIndexUpdate.objects.order_by("created_at", "pk").values_list("key", flat=True)[:size])
        if not keys:
            break
        batch = sync(keys, catch_up=False, patient=patient)
        report.indexed += batch.indexed
        report.removed += batch.removed
        if batch.failed:
            report.failed += batch.failed
            break
        done += len(keys)
    return report


# --- Full rebuild ----------------------------------------------------------------------------


@dataclass
class RebuildReport:
    index: str = ""
    alias: str = ""
    indexed: Counter = field(default_factory=Counter)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    removed_indices: list[str] = field(default_factory=list)
    seconds: float = 0.0
    replicas_ready: bool = True
    kind_of: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def total(self) -> int:
        return sum(self.indexed.values())

    def summary(self) -> str:
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(self.indexed.items())) or "nothing"
        rate = self.total / self.seconds if self.seconds else 0.0
        return (
            f"Indexed {self.total} items ({kinds}) into {self.index} in {self.seconds:.1f}s ({rate:.0f}/s); "
            f"alias {self.alias} swapped; {len(self.skipped)} skipped, {len(self.failed)} failed, "
            f"{len(self.removed_indices)} old indices removed."
            + ("" if self.replicas_ready else " Warning: its replicas were not all allocated before the swap.")
        )


def searchable_count() -> int:
    return sum(queryset.count() for _, queryset in serializers.searchable_querysets())


def _rebuild_actions(index: str, report: RebuildReport, chunk_size: int, version: int) -> Iterator[dict]:
    for chunk in serializers.serialized_chunks(chunk_size=chunk_size):
        for key, source in chunk:
            if isinstance(source, Exception):  # One broken item must not stop a rebuild.
                logger.error("search: skipped %s while rebuilding: %s", key, source)
                report.skipped.append((str(key), f"{type(source).__name__}: {source}"))
                continue
            report.kind_of[mappings.document_id(key)] = source["kind"]
            yield _index_action(index, key, source, version)


def _stale_indices(client: Elasticsearch, alias: str, keep: str) -> list[str]:
    pattern = re.compile(rf"^{re.escape(alias)}-\d{{20}}$")
    names = client.indices.get(index=f"{alias}-*", expand_wildcards="open,closed", allow_no_indices=True)
    return sorted(name for name in names if pattern.match(name) and name != keep)


class _BackgroundBulk:
    """Sends bulk requests from a thread while the caller keeps reading and serialising.

    The node's indexing and the database reads plus serialisation take about as long as
    each other; overlapping them is most of what a rebuild can gain. Only HTTP happens in
    the thread: the database stays on the caller's connection (and transaction).
    """

    _END = object()

    def __init__(self, client: Elasticsearch, *, chunk_size: int, on_result: Callable[[bool, dict], None]):
        self._queue: queue.Queue = queue.Queue(maxsize=chunk_size * 2)
        self._error: BaseException | None = None
        self._on_result = on_result
        self._thread = threading.Thread(target=self._send, args=(client, chunk_size), daemon=True)
        self._thread.start()

    def _actions(self) -> Iterator[dict]:
        return iter(self._queue.get, self._END)

    def _send(self, client: Elasticsearch, chunk_size: int) -> None:
        try:
            for ok, item in helpers.streaming_bulk(
                client, self._actions(), chunk_size=chunk_size, raise_on_error=False, max_retries=2
            ):
                self._on_result(ok, item)
        except BaseException as error:  # noqa: BLE001 - handed to the caller in `close`
            self._error = error
            for _ in self._actions():  # Unblock the producer; nothing more is sent.
                pass

    def put(self, action: dict) -> None:
        self._queue.put(action)

    def close(self) -> None:
        self._queue.put(self._END)
        self._thread.join()
        if self._error is not None:
            raise self._error


def _wait_for_replicas(client: Elasticsearch, index: str) -> bool:
    """Wait until every copy of the new index is allocated (green) before readers use it.

    Otherwise a node stopping right after the swap could hold the only copy of a shard and
    take its documents out of search. Gives up after SEARCH_BULK_TIMEOUT with a warning and
    swaps all the same (the old index is no better: it is missing the rebuild's changes);
    False then, and the rebuild's summary says so.
    """
    if conf.index_replicas() == 0:
        return True
    wait = max(1, int(conf.bulk_timeout()))
    # The client waits longer than the server is asked to, so the server's "timed out" answer
    # (408, kept as an answer) arrives instead of the client giving up and failing the rebuild.
    health = client.options(ignore_status=408, request_timeout=wait + 15).cluster.health(
        index=index, wait_for_status="green", timeout=f"{wait}s"
    )
    if health.get("timed_out") or health.get("status") != "green":
        logger.warning(
            "search: %s is %s, not green, after %ss: some replicas are not allocated (fewer nodes than copies?)",
            index,
            health.get("status"),
            int(conf.bulk_timeout()),
        )
        return False
    return True


def rebuild(
    *, client: Elasticsearch | None = None, chunk_size: int = 1000, on_progress: Callable[[int], None] | None = None
) -> RebuildReport:
    """Index everything searchable into a new index, then point the alias at it.

    Live updates made meanwhile reach the new index too (see `_apply`), and every write is
    versioned by the time of its read, so the swap loses none of them.
    """
    client = client or get_client(timeout=conf.bulk_timeout())
    report = RebuildReport(alias=conf.alias_name(), index=mappings.new_index_name())
    started = time.monotonic()
    # No refreshes and no replicas while loading; both come back (replicas allocated) before the swap.
    mappings.create_index(client, report.index, refresh_interval="-1", number_of_replicas=0)
    rebuilding = conf.rebuilding_alias_name()
    client.indices.put_alias(index=report.index, name=rebuilding)
    version = read_version()  # After live updates start reaching the new index, before reading.

    def on_result(ok: bool, item: dict) -> None:
        result = item.get("index", {})
        if ok or _is_stale_write(item):  # Stale: a live update already wrote a fresher copy.
            report.indexed[report.kind_of.get(result.get("_id", ""), "?")] += 1
        else:
            report.failed.append((result.get("_id", "?"), str(result.get("error", ""))[:300]))
        if on_progress:
            on_progress(1)

    try:
        sender = _BackgroundBulk(client, chunk_size=chunk_size, on_result=on_result)
        try:
            for action in _rebuild_actions(report.index, report, chunk_size, version):
                sender.put(action)
        finally:
            sender.close()
        client.indices.put_settings(
            index=report.index, settings={"refresh_interval": "1s", "number_of_replicas": conf.index_replicas()}
        )
        client.indices.refresh(index=report.index)
        report.replicas_ready = _wait_for_replicas(client, report.index)
    except BaseException:
        client.indices.delete(index=report.index, ignore_unavailable=True)
        raise

    alias = report.alias
    actions = [{"remove": {"index": name, "alias": alias}} for name in mappings.indices_behind_alias(client, alias)]
    if client.indices.exists(index=alias) and not client.indices.exists_alias(name=alias):
        actions.append({"remove_index": {"index": alias}})
    actions.append({"add": {"index": report.index, "alias": alias}})
    actions.append({"remove": {"index": report.index, "alias": rebuilding}})
    client.indices.update_aliases(actions=actions)
    for name in _stale_indices(client, alias, keep=report.index):
        client.indices.delete(index=name, ignore_unavailable=True)
        report.removed_indices.append(name)
    report.seconds = time.monotonic() - started
    return report


def refresh() -> None:
    """Make recent writes searchable now (tests and benchmarks; Elasticsearch does it each second)."""
    get_client(timeout=conf.bulk_timeout()).indices.refresh(index=conf.alias_name())


def delete_all_indices() -> list[str]:
    """Remove the alias and every index of this prefix (tests tidy up with it)."""
    client = get_client(timeout=conf.bulk_timeout())
    alias = conf.alias_name()
    names = list(client.indices.get(index=f"{alias}*", allow_no_indices=True))
    for name in names:
        client.indices.delete(index=name, ignore_unavailable=True)
    return names
