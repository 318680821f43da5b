"""The portal's backups: one zip archive with the database's rows and every media file.

`manage.py backup PATH` writes it, `manage.py restore PATH` reads it back (both in
`portal/management/commands/`; they rebuild search afterwards, so they sit above `search`).

An archive holds:

* `database.jsonl`: every row, one JSON object a line, in Django's own serialisation (the
  `jsonl` serializer), so a backup made on SQLite restores on PostgreSQL and back. Rows keep
  their primary keys: ids also live inside JSON (page revisions, StreamField blocks, log entries,
  wagtail-localize's segments), and those must keep pointing at the same rows. Only content
  types and permissions, which `migrate` makes on every database with ids of its own, are
  written by natural key (`("knowledge", "knowledgedocument")`) and referred to by it; a restore
  matches them with the database's own rows and adds the ones it lacks (a model since removed).
* `media/<name>`: every file of the default storage (documents, their versions and
  translations' own files, original images, renditions), listed and read through the storage.
* `manifest.json`, written last: the format and its version, when and on which engine the
  archive was made, the migrations applied, the rows per table and the size and SHA-256 of
  every other member. A restore reads it first and checks the whole archive against it before
  it touches anything.

A zip rather than a tarball: its directory at the end is read first, so a truncated archive is
refused at once and the manifest is found without reading the files before it.

Left out, and why:

* `DERIVED` tables are rebuilt from the rows: the search records and full-text entries
  (`rebuild_search_index`, Wagtail's `update_index`), sessions (signing everyone out is right
  when the users may have changed). A restore empties them.
* `LOCAL` tables belong to the machine, not the site: django-axes' failed sign-ins, keyed by
  address. A restore leaves them as they are.
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers import jsonl
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import signals
from django.utils import timezone

import wagtail
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from portal.core import page_cache

FORMAT = "dsp-portal-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.jsonl"
MEDIA = "media/"

# Made by `migrate` on every database, with ids of its own: matched by natural key.
BY_NATURAL_KEY = ("contenttypes.ContentType", "auth.Permission")
# Rebuilt from the other rows after a restore: not archived, emptied by a restore.
DERIVED = (
    "sessions.Session",
    "search.SearchRecord",
    "search.SearchRecordsVersion",
    "search.PendingIndexUpdate",
    "wagtailsearch.IndexEntry",
    "wagtailsearch.SQLiteFTSIndexEntry",
)
# The machine's own records: not archived, left alone by a restore.
LOCAL = ("axes.AccessAttempt", "axes.AccessAttemptExpiration", "axes.AccessLog", "axes.AccessFailureLog")
# Wagtail's first migration makes the tree's root and a welcome page.
PAGES_OF_AN_EMPTY_SITE = 2
CHUNK = 1024 * 1024

Progress = Callable[[int], None]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


# --- what is archived ------------------------------------------------------------------------


def archived_models() -> list[type[models.Model]]:
    """Every table's model whose rows are archived: content types and permissions first."""
    kept = [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.label not in DERIVED
        and model._meta.label not in LOCAL
    ]
    first = [apps.get_model(label) for label in BY_NATURAL_KEY]
    return first + [model for model in kept if model not in first]


def _auto_through(model) -> list[models.ManyToManyField]:
    """The model's many-to-many fields whose rows live in a table Django made (archived with the model)."""
    return [f for f in model._meta.local_many_to_many if f.remote_field.through._meta.auto_created]


def _table_counts(model_list) -> dict[str, int]:
    """Rows per table: each model's own, and each of its automatic many-to-many tables'."""
    counts = {}
    for model in model_list:
        counts[model._meta.label] = model._base_manager.count()
        for m2m in _auto_through(model):
            counts[f"{model._meta.label}.{m2m.name}"] = m2m.remote_field.through._base_manager.count()
    return counts


class _Serializer(jsonl.Serializer):
    """Django's JSON Lines, with natural keys for content types and permissions only (see the module)."""

    def _natural(self, model) -> bool:
        return model._meta.label in BY_NATURAL_KEY

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = self._natural(field.remote_field.model)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = self._natural(field.remote_field.model)
        super().handle_m2m_field(obj, field)

    def get_dump_object(self, obj):
        self.use_natural_primary_keys = self._natural(type(obj))
        return super().get_dump_object(obj)


def _media_names(directory: str = "") -> Iterator[str]:
    """Every file of the default storage, through the storage's own listing (not the disk's)."""
    folders, files = default_storage.listdir(directory)
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for folder in sorted(folders):
        yield from _media_names(f"{directory}/{folder}" if directory else folder)


def _applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


# --- backup -----------------------------------------------------------------------------------


@dataclass
class BackupReport:
    path: Path
    rows: int
    files: int
    bytes: int


def backup_write(
    *, path: Path, on_rows_total=None, on_rows: Progress | None = None, on_bytes_total=None, on_bytes=None
) -> BackupReport:
    """Write the archive to `path` (through `path.partial`, so a half-written archive never has the name).

    The rows are read in one transaction, so they agree with each other; on PostgreSQL in a
    repeatable-read one, which sees one moment of the database throughout.
    """
    partial = path.with_name(path.name + ".partial")
    counts: Counter = Counter()
    with tempfile.TemporaryDirectory(prefix="dsp-backup-") as work:
        dump = Path(work) / DATABASE
        with transaction.atomic():
            if connection.vendor == "postgresql" and len(connection.atomic_blocks) == 1:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            model_list = archived_models()
            tables = _table_counts(model_list)
            if on_rows_total:
                on_rows_total(sum(tables[m._meta.label] for m in model_list))
            with dump.open("w", encoding="utf-8") as out:
                for model in model_list:
                    rows = model._base_manager.order_by("pk").iterator(chunk_size=2000)
                    _Serializer().serialize(_counting(rows, counts, on_rows), stream=out)
            migrations = _applied_migrations()
        names = list(_media_names())
        sizes = {name: default_storage.size(name) for name in names}
        if on_bytes_total:
            on_bytes_total(dump.stat().st_size + sum(sizes.values()))
        members = []
        try:
            # The archive holds partner-only content and password hashes: only its owner may read it.
            partial.unlink(missing_ok=True)
            partial.touch(mode=0o600)
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
                with dump.open("rb") as source:
                    members.append(_add(archive, DATABASE, source, on_bytes))
                for name in names:
                    with default_storage.open(name, "rb") as source:
                        members.append(_add(archive, MEDIA + name, source, on_bytes))
                manifest = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "created_at": timezone.now().isoformat(),
                    "engine": connection.vendor,
                    "django": django.get_version(),
                    "wagtail": wagtail.__version__,
                    "migrations": migrations,
                    "rows": {label: counts[label] for label in (m._meta.label for m in model_list)},
                    "tables": tables,
                    "members": members,
                }
                archive.writestr(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)
    return BackupReport(path=path, rows=sum(counts.values()), files=len(names), bytes=path.stat().st_size)


def _counting(rows, counts: Counter, on_rows: Progress | None):
    for row in rows:
        counts[row._meta.label] += 1
        if on_rows:
            on_rows(1)
        yield row


def _add(archive: zipfile.ZipFile, name: str, source, on_bytes: Progress | None) -> dict:
    """Copy one file into the archive, hashing it on the way: each file is read once."""
    digest, size = hashlib.sha256(), 0
    info = zipfile.ZipInfo(name, date_time=timezone.now().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=True) as target:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            target.write(chunk)
            size += len(chunk)
            if on_bytes:
                on_bytes(len(chunk))
    return {"name": name, "size": size, "sha256": digest.hexdigest()}


# --- restore ----------------------------------------------------------------------------------


@dataclass
class Archive:
    """An archive opened and checked: its manifest agrees with its members and this database's code."""

    path: Path
    zip: zipfile.ZipFile
    manifest: dict
    warnings: list[str] = field(default_factory=list)

    @property
    def media(self) -> list[dict]:
        return [member for member in self.manifest["members"] if member["name"].startswith(MEDIA)]

    @property
    def total_bytes(self) -> int:
        return sum(member["size"] for member in self.manifest["members"])

    @property
    def total_rows(self) -> int:
        return sum(self.manifest["rows"].values())


def archive_open(path: Path) -> Archive:
    """Open an archive and check its manifest (not yet its bytes: `archive_verify`)."""
    if not path.is_file():
        raise BackupError(f"No backup at {path}: the file does not exist.")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise BackupError(f"{path} is not a portal backup, or is truncated: not a readable zip ({error}).") from error
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        archive.close()
        raise BackupError(f"{path} is not a portal backup: it has no {MANIFEST}.") from None
    except (ValueError, zipfile.BadZipFile, OSError) as error:
        archive.close()
        raise BackupError(f"{path}: its {MANIFEST} is unreadable ({error}).") from error
    opened = Archive(path=path, zip=archive, manifest=manifest)
    try:
        _check_manifest(opened)
    except BackupError:
        archive.close()
        raise
    return opened


def _check_manifest(archive: Archive) -> None:
    manifest, path = archive.manifest, archive.path
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a portal backup: its manifest names no format {FORMAT!r}.")
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise BackupError(
            f"{path} is a backup in format version {version}; this portal reads version {FORMAT_VERSION} only."
        )
    for key in ("members", "rows", "tables", "migrations"):
        if not isinstance(manifest.get(key), list if key == "members" else dict):
            raise BackupError(f"{path}: its manifest has no valid {key!r}.")
    listed = {member.get("name") for member in manifest["members"] if isinstance(member, dict)}
    present = set(archive.zip.namelist()) - {MANIFEST}
    if DATABASE not in listed:
        raise BackupError(f"{path}: its manifest lists no {DATABASE}.")
    if listed != present:
        missing, extra = sorted(listed - present), sorted(present - listed)
        raise BackupError(
            f"{path} does not match its manifest: missing {missing or 'nothing'}, unlisted {extra or 'nothing'}."
        )
    for name in listed:
        parts = PurePosixPath(name).parts
        if name != DATABASE and (not name.startswith(MEDIA) or name.startswith("/") or ".." in parts):
            raise BackupError(f"{path}: refused member name {name!r} (outside the media folder).")
    known = {model._meta.label for model in apps.get_models()}
    unknown = sorted(set(manifest["rows"]) - known)
    if unknown:
        raise BackupError(f"{path} holds rows of models this portal does not have: {', '.join(unknown)}.")
    here = _applied_migrations()
    theirs = manifest["migrations"]
    newer = [f"{app}.{name}" for app, names in theirs.items() for name in names if name not in here.get(app, [])]
    if newer:
        shown = ", ".join(newer[:5]) + (" …" if len(newer) > 5 else "")
        raise BackupError(
            f"{path} was made by a newer version of the portal (migrations not applied here: {shown}). "
            "Update the code and run `manage.py migrate` first."
        )
    older = sum(1 for app, names in here.items() for name in names if name not in manifest["migrations"].get(app, []))
    if older:
        archive.warnings.append(
            f"The backup predates {older} migrations applied here; its rows are read with today's defaults."
        )


def archive_verify(archive: Archive, *, on_bytes: Progress | None = None) -> None:
    """Read every member and compare its size and SHA-256 with the manifest's."""
    for member in archive.manifest["members"]:
        digest, size = hashlib.sha256(), 0
        try:
            with archive.zip.open(member["name"]) as source:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    if on_bytes:
                        on_bytes(len(chunk))
        except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile) as error:
            raise BackupError(f"{archive.path}: {member['name']} is damaged ({error}).") from error
        if size != member.get("size") or digest.hexdigest() != member.get("sha256"):
            raise BackupError(f"{archive.path}: {member['name']} does not match its checksum in the manifest.")


def database_content() -> dict[str, int]:
    """What a restore would replace: users, pages beyond Wagtail's first two, documents and images."""
    found = {
        "users": get_user_model().objects.count(),
        "pages": max(Page.objects.count() - PAGES_OF_AN_EMPTY_SITE, 0),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
    }
    return {what: count for what, count in found.items() if count}


@dataclass
class RestoreReport:
    rows: int
    files: int


def restore_apply(archive: Archive, *, on_rows: Progress | None = None, on_file: Progress | None = None):
    """Replace the database's rows with the archive's and write its media files, in one transaction.

    Any failure rolls the database back: it is as it was. Files are written last, inside the
    transaction, so a failing load writes none; a failure while writing them (a full disk)
    still rolls the rows back, and the files already written are the archive's own.
    Files that the archive does not hold are left where they are.
    Receivers of model signals are muted while rows load: a restore writes the archive's rows
    and nothing else (wagtail-localize, for one, syncs locale trees even on a fixture's save).
    """
    model_list = archived_models()
    loaded: Counter = Counter()
    ContentType.objects.clear_cache()  # Natural keys are looked up through it: no ids of another database.
    with transaction.atomic():
        _empty_tables(model_list)
        with _signals_muted(), connection.constraint_checks_disabled():
            deferred = []
            with archive.zip.open(DATABASE) as raw:
                stream = io.TextIOWrapper(raw, encoding="utf-8")
                for row in serializers.deserialize("jsonl", stream, handle_forward_references=True):
                    row.save()
                    if row.deferred_fields:
                        deferred.append(row)
                    loaded[row.object._meta.label] += 1
                    if on_rows:
                        on_rows(1)
            for row in deferred:
                row.save_deferred_fields()
        connection.check_constraints(table_names=_tables(model_list))
        _check_counts(archive, model_list, loaded)
        _reset_sequences(model_list)
        for member in archive.media:
            _write_file(archive, member)
            if on_file:
                on_file(member["size"])
    ContentType.objects.clear_cache()
    for alias in caches:
        caches[alias].clear()
    page_cache.purge_all()
    return RestoreReport(rows=sum(loaded.values()), files=len(archive.media))


def _tables(model_list) -> list[str]:
    tables = []
    for model in model_list:
        tables.append(model._meta.db_table)
        tables += [m2m.remote_field.through._meta.db_table for m2m in _auto_through(model)]
    return tables


def _empty_tables(model_list) -> None:
    """Empty every archived table (but content types and permissions) and every derived one."""
    replaced = [model for model in model_list if model._meta.label not in BY_NATURAL_KEY]
    derived = [apps.get_model(label) for label in DERIVED if _installed(label)]
    existing = set(connection.introspection.table_names())
    tables = [table for table in _tables(replaced + derived) if table in existing]
    if connection.vendor == "postgresql":
        # PostgreSQL refuses to TRUNCATE a table with foreign-key checks still pending from rows
        # written earlier in the same transaction (a restore called inside another one): run them now.
        connection.check_constraints()
    for statement in connection.ops.sql_flush(no_style(), tables):
        with connection.cursor() as cursor:
            cursor.execute(statement)


def _installed(label: str) -> bool:
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True


def _check_counts(archive: Archive, model_list, loaded: Counter) -> None:
    """The rows read are the manifest's, and each table holds what the backup's table held."""
    expected = archive.manifest["rows"]
    for label in sorted(set(expected) | set(loaded)):
        if expected.get(label, 0) != loaded[label]:
            wanted = expected.get(label, 0)
            raise BackupError(f"{archive.path}: {label} has {loaded[label]} rows, the manifest says {wanted}.")
    tables = _table_counts([model for model in model_list if model._meta.label not in BY_NATURAL_KEY])
    for table, count in tables.items():
        if count != archive.manifest["tables"].get(table, 0):
            wanted = archive.manifest["tables"].get(table, 0)
            raise BackupError(f"{archive.path}: after loading, {table} has {count} rows; the backup had {wanted}.")


def _reset_sequences(model_list) -> None:
    """Point PostgreSQL's id sequences past the loaded ids, so the next row gets a free one."""
    statements = connection.ops.sequence_reset_sql(no_style(), model_list)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _write_file(archive: Archive, member: dict) -> None:
    name = member["name"][len(MEDIA) :]
    if default_storage.exists(name):
        default_storage.delete(name)
    with archive.zip.open(member["name"]) as source:
        saved = default_storage.save(name, File(source, name=name))
    if saved != name:
        raise BackupError(f"The storage kept {member['name']} as {saved}, not under its own name.")


@contextmanager
def _signals_muted():
    """No receiver of the model signals runs inside the block (see `restore_apply`)."""
    muted = (signals.pre_save, signals.post_save, signals.m2m_changed, signals.pre_delete, signals.post_delete)
    saved = []
    for signal in muted:
        with signal.lock:
            saved.append(signal.receivers)
            signal.receivers = []
            signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        for signal, receivers in zip(muted, saved, strict=True):
            with signal.lock:
                signal.receivers = receivers
                signal.sender_receivers_cache.clear()
