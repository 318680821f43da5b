"""Bulk import of documents from a manifest: `manage.py import_documents manifest.csv`.

The manifest is CSV (UTF-8; a byte-order mark is tolerated), one document a row, its
files named by paths relative to the manifest's folder (a path leading out of it is
refused). Columns, by header name; only `file` and `title` are required, an unknown column
stops the import before anything is written (a misspelt column would otherwise be lost
silently):

- `file`, `title`, `summary`, `kind` (a `document_type` value: `report`, `brief`…, default
  `report`), `language` (the file's language code, default `en`), `date` (YYYY-MM-DD,
  required for a new document), `authors`, `publisher`, `partner_organisations`,
  `edition`, `licence` and `audience` (their choice values), `related_event` (an event
  page's slug, or its id), `countries` (ISO codes), `themes` (slugs), `collection` (its
  name; a new document without one is in the root collection, which is public), `tags`.
  Lists are separated by semicolons.
- A translation row names its original's title in `translation_of` and its own language in
  `locale` (`ru`, `ko`); it carries only `title`, `summary` and, optionally, a `file` of its
  own in that language (`own_file`). The family's facts are the original's.

Rows are read as CSV reads them: a quoted cell may run over several lines, and only LF, CR LF
and CR end a line. A value holding a control character or a line break (U+2028, a form feed…)
refuses its row, naming the character and the column, rather than being stripped: a title is
how a re-run finds its document. A summary may hold line breaks and tabs.

A row already imported is recognised by its file's content (Wagtail's `file_hash`) and its
title, among the default language's documents: it is brought to the row's values where they
differ (never by storing the file again, so no earlier version is made) and counted
unchanged where they do not. A translation is recognised by its original and its locale.
So a re-run changes nothing; a changed title imports the row as a new document.

Only the columns in the header are the row's: a column left out leaves an existing document's
value as it is (a manifest of `file,title,date` changes dates only), and a new document takes
the model's default for it (a translation without a `summary` column keeps its summary
too). An empty cell in a column the header has clears what may be empty (summary, authors,
publisher, partner organisations, edition, licence, audience, related event, countries,
themes, tags) and keeps kind, language, date and collection, which always have a value: an
empty `collection` cell never moves a document. A row never moves a reviewed document to a
collection more readers can see (`knowledge.review.move_is_refused`, the admin's rule for
editors without the review right), nor makes a new document of a file that a document in a
more restricted collection holds (a title corrected since the last run would otherwise
publish a partner-only file under a new name), unless the import is run with
`--allow-publish`: without it the row is rejected and says so, in a dry run too.

Each row is checked whole before anything is written (every reason is reported at once),
the file with the upload checks of `knowledge.uploads`, and written in its own transaction:
a bad row writes nothing, its file included, and stops nothing else, even one that fails in
a way no check foresaw ("unexpected error: …", logged with its traceback). Imported documents
count as reviewed, as rows made outside the admin's upload forms do, unless the import says
otherwise; an existing document keeps its review state. Text extraction follows each
row's commit (`knowledge.tasks`).
"""

from __future__ import annotations

import csv
import datetime
import io
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Collection, Locale, Page
from wagtail.utils.file import hash_filelike
from wagtail_localize.models import Translation, TranslationSource

from knowledge import uploads
from knowledge.models import Audience, KnowledgeDocument, Licence
from knowledge.review import move_is_refused
from portal.core.models import Country, Theme
from portal.core.privacy import collection_is_more_public

logger = logging.getLogger(__name__)

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

# Manifest column → model field, for the columns that are plain values.
TEXT_COLUMNS = {"publisher": "publisher", "edition": "edition"}
LIST_COLUMNS = {"authors": "authors", "partner_organisations": "partner_organisations"}
CHOICE_COLUMNS = {
    "kind": ("document_type", KnowledgeDocument.DocumentType),
    "licence": ("licence", Licence),
    "audience": ("audience", Audience),
}
# The family's facts: an original's columns, which a translation row may not carry.
FAMILY_COLUMNS = (
    "kind",
    "language",
    "date",
    "authors",
    "publisher",
    "partner_organisations",
    "edition",
    "licence",
    "audience",
    "related_event",
    "countries",
    "themes",
    "collection",
    "tags",
)
COLUMNS = ("file", "title", "summary", *FAMILY_COLUMNS, "locale", "translation_of")
REQUIRED_COLUMNS = ("file", "title")
TITLE_MAX_LENGTH = KnowledgeDocument._meta.get_field("title").max_length
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$")


class ManifestError(Exception):
    """The manifest as a whole cannot be read: nothing is imported."""


class RowRejected(Exception):
    """A row that imports nothing; the message says every reason."""


@dataclass
class ManifestRow:
    line: int
    values: dict[str, str]
    # More values than the header has columns: a comma that should have been quoted.
    extra: bool = False


@dataclass
class Outcome:
    line: int
    result: str
    title: str


@dataclass
class _Parsed:
    """A row's values, checked and resolved: model field values, vocabularies, file."""

    # Only the fields the manifest has a column for (an existing document keeps the others);
    # the vocabularies are None without their column.
    fields: dict = field(default_factory=dict)
    countries: list | None = None
    themes: list | None = None
    tags: list[str] | None = None
    # The default language's document this row is, by file and title; None for a new one.
    existing: KnowledgeDocument | None = None
    path: Path | None = None
    file_hash: str = ""
    locale: Locale | None = None
    translation_of: str = ""


def manifest_read(path: Path) -> list[ManifestRow]:
    """The manifest's rows with the line each starts on (the header is line 1); blank lines are left out."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ManifestError(_("The manifest “%(path)s” cannot be read.") % {"path": path}) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ManifestError(_("The manifest is not UTF-8 text (line %(line)s).") % {"line": line}) from error
    # The csv module's own reading of line ends (\n, \r\n, \r, and any of them inside a quoted
    # cell): `str.splitlines` would also break a row at U+2028, a form feed or \x1c–\x1e.
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise ManifestError(_("The manifest is empty."))
        columns = [name.strip().lower() for name in header]
        unknown = [name for name in columns if name not in COLUMNS]
        if unknown:
            raise ManifestError(
                _("Unknown columns: %(unknown)s. The columns are: %(columns)s.")
                % {"unknown": ", ".join(unknown), "columns": ", ".join(COLUMNS)}
            )
        missing = [name for name in REQUIRED_COLUMNS if name not in columns]
        if missing:
            raise ManifestError(_("Missing columns: %(missing)s.") % {"missing": ", ".join(missing)})
        rows, end = [], reader.line_num
        for record in reader:
            start, end = end + 1, reader.line_num
            if not any(value.strip() for value in record):
                continue
            # A row shorter than the header (trailing empty cells left out) has those cells empty.
            values = dict.fromkeys(columns, "")
            values.update((name, value.strip()) for name, value in zip(columns, record, strict=False))
            rows.append(ManifestRow(line=start, values=values, extra=len(record) > len(columns)))
    except csv.Error as error:
        raise ManifestError(
            _("The manifest is not valid CSV at line %(line)s: %(error)s") % {"line": reader.line_num, "error": error}
        ) from error
    return rows


class DocumentImport:
    """One run of an import: rows are imported one by one, each in its own transaction."""

    def __init__(self, *, folder: Path, reviewed: bool = True, dry_run: bool = False, allow_publish: bool = False):
        self.folder = folder.resolve()
        self.reviewed = reviewed
        self.dry_run = dry_run
        # Whether a row may move a reviewed document to a collection more readers can see.
        self.allow_publish = allow_publish
        self.default_locale = Locale.get_default()
        # (file hash, title) → the line that imported it, and original titles → documents (None in a dry run).
        self._keys: dict[tuple[str, str], int] = {}
        self._originals: dict[str, list] = {}

    def import_row(self, row: ManifestRow) -> Outcome:
        """Import one row; `RowRejected` says why it imported nothing, whatever went wrong."""
        try:
            return self._import_row(row)
        except RowRejected:
            raise
        except Exception as error:  # noqa: BLE001 - one row's failure stops no other row
            # A case the checks did not foresee: the row's own rejection, with the traceback in
            # the log for whoever fixes it. Its writes, if any began, were rolled back by `_write`.
            logger.exception("import_documents: line %s failed unexpectedly", row.line)
            raise RowRejected(_("unexpected error: %(error)s") % {"error": error}) from error

    def _import_row(self, row: ManifestRow) -> Outcome:
        parsed = self._parse(row)
        if parsed.locale is None:
            key = (parsed.file_hash, parsed.fields["title"])
            if key in self._keys:
                raise RowRejected(
                    _("the same file and title as line %(line)s: the document is already in this manifest")
                    % {"line": self._keys[key]}
                )
            result, document = self._original(parsed)
            self._keys[key] = row.line
            self._originals.setdefault(parsed.fields["title"], []).append(document)
        else:
            result = self._translation(parsed)
        return Outcome(line=row.line, result=result, title=parsed.fields["title"])

    # -- Checking a row --------------------------------------------------------------------

    def _parse(self, row: ManifestRow) -> _Parsed:
        values, parsed, errors = row.values, _Parsed(), []
        if row.extra:
            raise RowRejected(_("the row has more values than the header has columns (a comma left unquoted?)"))
        control = [
            _("the value contains a control character or a line break, %(character)s (%(column)s)")
            % {"character": f"U+{ord(character):04X}", "column": column}
            for column, value in values.items()
            if (character := _control_character(value, multiline=column == "summary"))
        ]
        if control:
            # Refused, not stripped: the title is how a re-run finds the document, and a value
            # carrying one was most likely broken on its way into the manifest.
            raise RowRejected("; ".join(control))
        title = parsed.fields["title"] = values.get("title", "")
        if "summary" in values:
            parsed.fields["description"] = values["summary"]
        if not title:
            errors.append(_("the title is missing (title)"))
        elif len(title) > TITLE_MAX_LENGTH:
            errors.append(_("the title is longer than %(limit)s characters (title)") % {"limit": TITLE_MAX_LENGTH})
        locale_code = values.get("locale", "").lower()
        parsed.translation_of = values.get("translation_of", "")
        translation = bool(locale_code and locale_code != self.default_locale.language_code)
        if translation:
            parsed.locale = Locale.objects.filter(language_code=locale_code).first()
            if parsed.locale is None:
                errors.append(_("the site has no language “%(code)s” (locale)") % {"code": locale_code})
            if not parsed.translation_of:
                errors.append(
                    _("a row in another language must name the title of the document it translates (translation_of)")
                )
            filled = [column for column in FAMILY_COLUMNS if values.get(column)]
            if filled:
                errors.append(
                    _("a translation takes the family's facts from its original, so leave these empty: %(columns)s")
                    % {"columns": ", ".join(filled)}
                )
        file_errors = []
        file_value = values.get("file", "")
        if file_value:
            self._parse_file(file_value, parsed, file_errors)
        elif not translation:
            file_errors.append(_("the file is missing (file)"))
        if not translation:
            if parsed.translation_of:
                errors.append(_("a translation must say its language (locale)"))
            if parsed.path is not None and title:
                parsed.existing = (
                    KnowledgeDocument.objects.filter(
                        locale=self.default_locale, file_hash=parsed.file_hash, title=title
                    )
                    .order_by("pk")
                    .first()
                )
            self._parse_family(values, parsed, errors)
        errors.extend(file_errors)
        if errors:
            raise RowRejected("; ".join(errors))
        return parsed

    def _parse_family(self, values: dict, parsed: _Parsed, errors: list) -> None:
        """The family's facts, for the columns the manifest has.

        A column left out of the header leaves an existing document's value as it is (a new
        one takes the model's default). An empty cell clears what may be empty (the optional
        text, licence, audience, related event, countries, themes, tags) and keeps what always
        has a value (kind, language, date, collection); a new document needs a date.
        """
        fields, existing = parsed.fields, parsed.existing
        for column, name in TEXT_COLUMNS.items():
            if column in values:
                fields[name] = values[column]
        for column, name in LIST_COLUMNS.items():
            if column in values:
                fields[name] = "; ".join(_split(values[column]))
        for column, (name, choices) in CHOICE_COLUMNS.items():
            value = values.get(column, "").lower()
            if not value:
                if column in values and KnowledgeDocument._meta.get_field(name).blank:
                    fields[name] = ""
            elif value in choices.values:
                fields[name] = value
            else:
                errors.append(
                    _("unknown %(column)s “%(value)s” (one of: %(choices)s)")
                    % {"column": column, "value": values[column], "choices": ", ".join(choices.values)}
                )
        language = values.get("language", "").lower()
        if (
            language
            and _LANGUAGE_CODE.match(language)
            and (language in LANG_INFO or language in dict(settings.LANGUAGES))
        ):
            fields["language"] = language
        elif language:
            errors.append(_("unknown language code “%(code)s” (language)") % {"code": values["language"]})
        date = values.get("date", "")
        if date:
            try:
                fields["publication_date"] = (
                    datetime.date.fromisoformat(date) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None
                )
            except ValueError:
                fields["publication_date"] = None
            if fields["publication_date"] is None:
                errors.append(_("“%(date)s” is not a date in the form YYYY-MM-DD (date)") % {"date": date})
        elif existing is None:
            errors.append(_("the publication date is missing (date)"))
        if "related_event" in values:
            fields["related_event"] = self._event(values["related_event"], errors)
        if values.get("collection"):
            fields["collection"] = self._collection(values["collection"], errors)
        elif existing is None:
            # Documented: a new document without a collection is in the root collection, public.
            fields["collection"] = Collection.get_first_root_node()
        if "countries" in values:
            parsed.countries = self._vocabulary(Country, "iso_code", _split(values["countries"], upper=True), errors)
        if "themes" in values:
            parsed.themes = self._vocabulary(Theme, "slug", _split(values["themes"]), errors)
        if "tags" in values:
            parsed.tags = _split(values["tags"])
        if errors:
            return
        refusal = self._publishing_refused(parsed)
        if refusal:
            errors.append(refusal)
            return
        # Lengths and anything else the model itself refuses, in the manifest's words.
        document = KnowledgeDocument(**fields)
        checked = {*fields, "title", "description"} - {"related_event", "collection"}
        try:
            document.clean_fields(exclude=[f.name for f in KnowledgeDocument._meta.fields if f.name not in checked])
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.append(f"{_column_of(name)}: {' '.join(messages)}")

    def _publishing_refused(self, parsed: _Parsed) -> str:
        """Why the row would show a document's file to more readers than it has now ("" if it would not)."""
        collection = parsed.fields.get("collection")
        if self.allow_publish or collection is None or not parsed.file_hash:
            return ""
        existing = parsed.existing
        if existing is not None:
            # The admin's rule for an editor without the review right (`knowledge.review`): a
            # reviewed document goes to a collection with fewer view restrictions only when the
            # import is told it may (`--allow-publish`).
            if not move_is_refused(None, existing, collection):
                return ""
            return _(
                "moving the document from “%(old)s” to “%(new)s” would show it to more readers; "
                "run the import with --allow-publish to allow it (collection)"
            ) % {"old": existing.collection.name, "new": collection.name}
        # A new document (a title corrected since the last run, say) holding the file of a
        # partner-only one would publish that file under another name.
        holders = Collection.objects.filter(
            pk__in=KnowledgeDocument.objects.filter(file_hash=parsed.file_hash).values("collection_id")
        )
        for holder in holders:
            if collection_is_more_public(old=holder, new=collection):
                return _(
                    "the same file is already in “%(old)s”: a new document in “%(new)s” would show it to "
                    "more readers; run the import with --allow-publish to allow it (collection)"
                ) % {"old": holder.name, "new": collection.name}
        return ""

    def _parse_file(self, value: str, parsed: _Parsed, errors: list) -> None:
        path = (self.folder / value).resolve()
        if Path(value).is_absolute() or not path.is_relative_to(self.folder):
            errors.append(_("the file “%(file)s” is outside the manifest's folder") % {"file": value})
            return
        if not path.is_file():
            errors.append(_("the file “%(file)s” does not exist") % {"file": value})
            return
        with path.open("rb") as handle:
            upload = File(handle, name=path.name)
            try:
                uploads.check_upload(upload, name=path.name)
            except ValidationError as error:
                errors.append(" ".join(error.messages))
                return
            parsed.file_hash = hash_filelike(upload)
        parsed.path = path

    def _vocabulary(self, model, key: str, codes: list[str], errors: list) -> list:
        found = {
            getattr(entry, key): entry
            for entry in model.objects.filter(locale=self.default_locale, **{f"{key}__in": codes})
        }
        for code in codes:
            if code not in found:
                label = _("country code") if model is Country else _("theme")
                errors.append(_("unknown %(what)s “%(code)s”") % {"what": label, "code": code})
        return [found[code] for code in codes if code in found]

    def _event(self, value: str, errors: list):
        if not value:
            return None
        events = Page.objects.filter(
            locale=self.default_locale, content_type__app_label="events", content_type__model="eventpage"
        )
        # An id is ASCII digits: `str.isdigit` is true of "²" too, which `int` refuses.
        by_id = value.isascii() and value.isdigit()
        matches = list(events.filter(pk=int(value)) if by_id else events.filter(slug=value))
        if len(matches) == 1:
            return matches[0]
        if matches:
            errors.append(
                _("several event pages have the slug “%(event)s”: give its id (related_event)") % {"event": value}
            )
        else:
            errors.append(_("no event page “%(event)s” (related_event)") % {"event": value})
        return None

    def _collection(self, value: str, errors: list):
        matches = list(Collection.objects.filter(name=value)[:2])
        if len(matches) == 1:
            return matches[0]
        if matches:
            errors.append(_("several collections are called “%(name)s”") % {"name": value})
        else:
            errors.append(_("no collection “%(name)s”") % {"name": value})
        return None

    # -- Writing ---------------------------------------------------------------------------

    def _original(self, parsed: _Parsed):
        document = parsed.existing
        if document is None:
            if self.dry_run:
                return CREATED, None
            return CREATED, self._write(parsed, self._create)
        changed = self._differences(document, parsed)
        if not changed or self.dry_run:
            return (UPDATED if changed else UNCHANGED), document
        return UPDATED, self._write(parsed, lambda parsed: self._update(document, parsed))

    def _create(self, parsed: _Parsed) -> KnowledgeDocument:
        document = KnowledgeDocument(locale=self.default_locale, reviewed=self.reviewed, **parsed.fields)
        with parsed.path.open("rb") as handle:
            document.file.save(parsed.path.name, File(handle), save=False)
        self._stored.append(document.file.name)
        document.file_size, document.file_hash = parsed.path.stat().st_size, parsed.file_hash
        document.save()
        self._vocabularies(document, parsed)
        return document

    def _update(self, document: KnowledgeDocument, parsed: _Parsed) -> KnowledgeDocument:
        for name, value in parsed.fields.items():
            setattr(document, name, value)
        document.save()
        self._vocabularies(document, parsed)
        return document

    @staticmethod
    def _vocabularies(document: KnowledgeDocument, parsed: _Parsed) -> None:
        changed = _vocabularies_changed(document, parsed)
        if "countries" in changed:
            document.countries.set(parsed.countries)
        if "themes" in changed:
            document.themes.set(parsed.themes)
        if "tags" in changed:
            document.tags.set(parsed.tags)

    @staticmethod
    def _differences(document: KnowledgeDocument, parsed: _Parsed) -> list[str]:
        """The fields and vocabularies the row would change: only those the manifest has columns for."""
        changed = []
        for name, value in parsed.fields.items():
            if name in ("related_event", "collection"):
                name, value = f"{name}_id", getattr(value, "pk", None)
            if getattr(document, name) != value:
                changed.append(name)
        return changed + _vocabularies_changed(document, parsed)

    def _translation(self, parsed: _Parsed) -> str:
        original = self._original_titled(parsed.translation_of)
        target = original.get_translation_or_none(parsed.locale) if original is not None else None
        # Without a summary column a translation keeps its summary (a new one has none).
        parsed.fields.setdefault("description", target.description if target is not None else "")
        if target is not None:
            same_words = (target.title, target.description) == (parsed.fields["title"], parsed.fields["description"])
            if same_words and (parsed.path is None or _stored_hash(target.own_file) == parsed.file_hash):
                return UNCHANGED
        if self.dry_run:
            return CREATED if target is None else UPDATED
        self._write(parsed, lambda parsed: self._translate(original, parsed))
        return CREATED if target is None else UPDATED

    def _original_titled(self, title: str):
        """The original a translation row names, by title: one imported in this run, or one already there."""
        in_run = self._originals.get(title, [])
        if len(in_run) > 1:
            raise RowRejected(
                _("several rows of this manifest are titled “%(title)s” (translation_of)") % {"title": title}
            )
        if in_run:
            return in_run[0]
        matches = list(KnowledgeDocument.objects.filter(locale=self.default_locale, title=title).order_by("pk")[:2])
        if len(matches) > 1:
            raise RowRejected(_("several documents are titled “%(title)s” (translation_of)") % {"title": title})
        if not matches:
            raise RowRejected(_("no document is titled “%(title)s” (translation_of)") % {"title": title})
        return matches[0]

    def _translate(self, original: KnowledgeDocument, parsed: _Parsed) -> KnowledgeDocument:
        """Translated through wagtail-localize, as a translator's work is, so its stored strings agree."""
        source, _created = TranslationSource.update_or_create_from_instance(original)
        translation, _created = Translation.objects.get_or_create(source=source, target_locale=parsed.locale)
        wanted = {original.title: parsed.fields["title"], original.description: parsed.fields["description"]}
        po = translation.export_po()
        for entry in po:
            entry.msgstr = wanted.get(entry.msgid, "")
        translation.import_po(po)
        translation.save_target(publish=True)
        target = original.get_translation(parsed.locale)
        if (target.title, target.description) != (parsed.fields["title"], parsed.fields["description"]):
            # An empty summary has no string to translate; the row's words are the target's.
            target.title, target.description = parsed.fields["title"], parsed.fields["description"]
            target.save()
        if parsed.path is not None and _stored_hash(target.own_file) != parsed.file_hash:
            with parsed.path.open("rb") as handle:
                target.own_file.save(parsed.path.name, File(handle), save=False)
            self._stored.append(target.own_file.name)
            target.save()
        return target

    def _write(self, parsed: _Parsed, write):
        """Write one row in its own transaction; on failure nothing of it stays, its stored file included."""
        self._stored = []
        try:
            with transaction.atomic():
                return write(parsed)
        except RowRejected:
            self._discard_stored()
            raise
        except Exception as error:  # noqa: BLE001 - a row that cannot be saved stops nothing else
            self._discard_stored()
            raise RowRejected(_("the document could not be saved: %(error)s") % {"error": error}) from error

    def _discard_stored(self) -> None:
        storage = KnowledgeDocument._meta.get_field("file").storage
        for name in self._stored:
            storage.delete(name)
        self._stored = []


def _vocabularies_changed(document: KnowledgeDocument, parsed: _Parsed) -> list[str]:
    """The vocabularies (of the manifest's columns) whose entries differ from the document's."""
    changed = []
    for name, wanted in (("countries", parsed.countries), ("themes", parsed.themes)):
        if wanted is not None and {entry.pk for entry in getattr(document, name).all()} != {e.pk for e in wanted}:
            changed.append(name)
    if parsed.tags is not None and set(document.tags.names()) != set(parsed.tags):
        changed.append("tags")
    return changed


def _split(value: str, *, upper: bool = False) -> list[str]:
    parts = [part.strip() for part in value.split(";")]
    return [part.upper() if upper else part for part in parts if part]


def _control_character(value: str, *, multiline: bool = False) -> str:
    """The first control character or line break in a value ("" if none); a summary may hold line breaks."""
    for character in value:
        category = unicodedata.category(character)
        if multiline and (character in "\t\n\r" or category in ("Zl", "Zp")):
            continue
        if category in ("Cc", "Zl", "Zp"):
            return character
    return ""


def _column_of(name: str) -> str:
    columns = {
        "description": "summary",
        **{field_name: column for column, field_name in TEXT_COLUMNS.items()},
        **{field_name: column for column, (field_name, _choices) in CHOICE_COLUMNS.items()},
        "publication_date": "date",
    }
    return columns.get(name, name)


def _stored_hash(file) -> str:
    if not file:
        return ""
    try:
        with file.storage.open(file.name, "rb") as handle:
            return hash_filelike(handle)
    except OSError:
        return ""
