"""Upload safety: a document's type is read from its bytes, never taken from its name.

Every admin route that takes a file (single upload, multiple upload, the chooser's upload,
replacing a file on the edit page) validates it through `DocumentReviewForm.clean_file`,
which calls `check_upload`; the serve view answers with `served_content_type`, read from the
stored bytes too, so a file uploaded before these rules is never served as what its name
claims.

Detection uses `filetype` (pure Python, pinned) rather than python-magic: it needs no system
library in the image, its answers do not change with the host's magic database, and what
neither library can judge (plain text against HTML, scripts inside an SVG, JavaScript inside
a PDF, macros inside an Office file) needs the checks below anyway. Files that could run
code in a reader's browser or machine are refused, not rewritten: a neutralised copy would
no longer be the file the partner published, and its hash and signatures would break.
"""

from __future__ import annotations

import codecs
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

import filetype

DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# filetype reads no further than this; text and markup are judged on the same head.
HEAD_BYTES = 8192


@dataclass(frozen=True)
class DocumentFileType:
    """A type the repository accepts: what it is called, what it is served as, how it may be named."""

    key: str
    label: Promise
    mime: str
    extensions: tuple[str, ...]
    # The served type where one content has several names (CSV is text).
    mime_by_extension: dict[str, str] = field(default_factory=dict)

    def content_type(self, extension: str) -> str:
        return self.mime_by_extension.get(extension, self.mime)


PDF = DocumentFileType("pdf", _("a PDF document"), "application/pdf", ("pdf",))
DOCX = DocumentFileType(
    "docx",
    _("a Word document"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ("docx",),
)
PPTX = DocumentFileType(
    "pptx",
    _("a PowerPoint presentation"),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ("pptx",),
)
XLSX = DocumentFileType(
    "xlsx", _("an Excel workbook"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",)
)
ODT = DocumentFileType("odt", _("an OpenDocument text"), "application/vnd.oasis.opendocument.text", ("odt",))
ODS = DocumentFileType(
    "ods", _("an OpenDocument spreadsheet"), "application/vnd.oasis.opendocument.spreadsheet", ("ods",)
)
ODP = DocumentFileType(
    "odp", _("an OpenDocument presentation"), "application/vnd.oasis.opendocument.presentation", ("odp",)
)
TEXT = DocumentFileType(
    "text",
    _("plain text"),
    "text/plain",
    ("txt", "csv"),
    mime_by_extension={"csv": "text/csv"},
)
JPEG = DocumentFileType("jpeg", _("a JPEG image"), "image/jpeg", ("jpg", "jpeg"))
PNG = DocumentFileType("png", _("a PNG image"), "image/png", ("png",))
WEBP = DocumentFileType("webp", _("a WebP image"), "image/webp", ("webp",))
# Infographics and maps; one carrying scripts is refused (`_check_svg`).
SVG = DocumentFileType("svg", _("an SVG image"), "image/svg+xml", ("svg",))

ALLOWED_TYPES = (PDF, DOCX, PPTX, XLSX, ODT, ODS, ODP, TEXT, JPEG, PNG, WEBP, SVG)
_BY_FILETYPE = {"pdf": PDF, "jpg": JPEG, "png": PNG, "webp": WEBP}
# The main part each Office Open XML kind must have.
_OOXML_PARTS = (("word/document.xml", DOCX), ("ppt/presentation.xml", PPTX), ("xl/workbook.xml", XLSX))
_ODF_MIMES = {kind.mime: kind for kind in (ODT, ODS, ODP)}

# Programs, whatever their name: (leading bytes, what they are).
_EXECUTABLE_SIGNATURES = (
    (b"\x7fELF", "ELF"),
    (b"MZ", "Windows PE"),
    (b"\xfe\xed\xfa\xce", "Mach-O"),
    (b"\xfe\xed\xfa\xcf", "Mach-O"),
    (b"\xce\xfa\xed\xfe", "Mach-O"),
    (b"\xcf\xfa\xed\xfe", "Mach-O"),
    (b"\xca\xfe\xba\xbe", "Mach-O"),
    (b"#!", "script"),
    (b"\x00asm", "WebAssembly"),
)
# What browsers take for HTML at the start of a file (the WHATWG MIME sniffing standard, §7.1).
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--|\?xml|svg)[\s>/]",
    re.IGNORECASE,
)
_SVG_ROOT = re.compile(rb"<svg[\s>]", re.IGNORECASE)
# Scripting in SVG: script elements, event attributes, javascript: links, embedded HTML.
_SVG_SCRIPT = re.compile(
    rb"<\s*(?:[\w-]+:)?(?:script|foreignObject|iframe|embed|object)\b|\bon[a-z]+\s*=|javascript\s*:|<!(?:doctype|entity)",
    re.IGNORECASE,
)
# A PDF name token; `#xx` escapes spell the same name (`/J#61vaScript`).
_PDF_NAME = re.compile(rb"/([^\s/\[\]<>(){}%]+)")
_PDF_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# Names that run something when a reader opens or touches the file.
_PDF_ACTIVE_NAMES = frozenset({b"JavaScript", b"JS", b"Launch"})
_PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n")
# Bounds the decompression of object streams, where a dictionary can hide its names.
_PDF_INFLATE_LIMIT = 16 * 1024 * 1024


def max_upload_bytes() -> int:
    return getattr(settings, "DOCUMENT_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def allowed_extensions() -> list[str]:
    return sorted(extension for kind in ALLOWED_TYPES for extension in kind.extensions)


def size_error_message() -> str:
    """The message for a file over the limit; Wagtail's field says it too (`DocumentReviewForm`)."""
    return _("This file is %(file_size)s; documents may be at most %(max_filesize)s.")


def size_error_unknown_size() -> str:
    return _("This file is too big: documents may be at most %(max_filesize)s.") % {
        "max_filesize": filesizeformat(max_upload_bytes())
    }


def check_upload(upload, *, name: str | None = None) -> DocumentFileType:
    """The file's type, read from its bytes, or a ValidationError saying what is wrong with it.

    `upload` is any Django `File`; it is read from the start and left at the start.
    """
    name = PurePath(name or upload.name or "").name
    limit = max_upload_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            size_error_message() % {"file_size": filesizeformat(upload.size), "max_filesize": filesizeformat(limit)},
            code="file_too_large",
        )
    upload.seek(0)
    try:
        kind = _detect(upload, name, deep=True)
    finally:
        upload.seek(0)
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in kind.extensions:
        raise ValidationError(
            _(
                "“%(name)s” does not match its content: the name ends in .%(extension)s but the file is "
                "%(kind)s. Upload it named .%(expected)s, or upload the file you meant."
            ),
            code="extension_mismatch",
            params={"name": name, "extension": extension or "…", "kind": kind.label, "expected": kind.extensions[0]},
        )
    return kind


def served_content_type(file, *, name: str) -> str:
    """The type a stored file is served as: its detected type, or a download of unknown bytes.

    Read from the file's head and, for Office files, its ZIP directory: a download does not
    read the whole file. A file stored before these rules that is not what its name says (or
    is HTML) is served as `application/octet-stream`, which browsers only save.
    """
    extension = PurePath(name).suffix.lower().lstrip(".")
    try:
        with file.open("rb") as opened:
            kind = _detect(opened, name, deep=False)
    except (OSError, ValidationError):
        return "application/octet-stream"
    return kind.content_type(extension)


def _detect(upload, name: str, *, deep: bool) -> DocumentFileType:
    """The accepted type of a file, or the ValidationError saying why not; `deep` reads it all."""
    head = upload.read(HEAD_BYTES)
    for signature, program in _EXECUTABLE_SIGNATURES:
        if head.startswith(signature):
            raise _program(name, program)
    guessed = filetype.guess(head)
    if guessed is not None:
        if guessed.extension in ("elf", "exe", "wasm"):
            raise _program(name, guessed.extension.upper())
        if guessed.extension in _BY_FILETYPE:
            kind = _BY_FILETYPE[guessed.extension]
            if kind is PDF and deep:
                upload.seek(0)
                _check_pdf(upload.read(), name)
            return kind
        if head.startswith(b"PK\x03\x04"):
            return _zipped_document(upload, name)
        raise _not_accepted(name)
    if deep:
        upload.seek(0)
        head = upload.read()
    return _text_or_markup(head, name)


def _program(name: str, program: str) -> ValidationError:
    return ValidationError(
        _("“%(name)s” is a program (%(program)s), not a document. Programs cannot be uploaded, whatever their name."),
        code="executable",
        params={"name": name, "program": program},
    )


def _not_accepted(name: str) -> ValidationError:
    labels = ", ".join(str(kind.label) for kind in ALLOWED_TYPES)
    return ValidationError(
        _("The content of “%(name)s” is not a type the repository accepts. Accepted: %(types)s."),
        code="type_not_accepted",
        params={"name": name, "types": labels},
    )


def _zipped_document(upload, name: str) -> DocumentFileType:
    """Office Open XML and OpenDocument files are ZIP archives; their parts say which kind."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            kind = None
            if "mimetype" in names:
                kind = _ODF_MIMES.get(archive.read("mimetype").decode("ascii", "replace").strip())
            elif "[Content_Types].xml" in names:
                kind = next((kind for part, kind in _OOXML_PARTS if part in names), None)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as error:
        raise _not_accepted(name) from error
    if kind is None:
        raise _not_accepted(name)
    lowered = {entry.lower() for entry in names}
    if any(entry.endswith("vbaproject.bin") or entry.startswith(("basic/", "scripts/")) for entry in lowered):
        raise ValidationError(
            _(
                "“%(name)s” carries macros, which can run code on readers' computers. "
                "Save it without macros and upload it again."
            ),
            code="macros",
            params={"name": name},
        )
    return kind


def _text_or_markup(data: bytes, name: str) -> DocumentFileType:
    text = _decoded(data)
    if text is None:
        raise _not_accepted(name)
    encoded = text.encode("utf-8")
    start = text.lstrip("\ufeff \t\r\n\f").encode("utf-8")[:512]
    # Markup whose root (after any XML declaration or comment) is an SVG element.
    if start.startswith(b"<") and _SVG_ROOT.search(encoded[:HEAD_BYTES]):
        if _SVG_SCRIPT.search(encoded):
            raise ValidationError(
                _("“%(name)s” is an SVG image that carries scripts or embedded web content; it cannot be uploaded."),
                code="svg_script",
                params={"name": name},
            )
        return SVG
    if _HTML_START.match(start):
        raise ValidationError(
            _(
                "“%(name)s” is a web page (HTML), which could run scripts in readers' browsers. "
                "Save it as PDF and upload that instead."
            ),
            code="html",
            params={"name": name},
        )
    return TEXT


def _decoded(data: bytes) -> str | None:
    """The text of a plain-text file, or None for binary content."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheet exports in a legacy code page (Windows-1251 for Russian) are still text.
        text = data.decode("cp1251", errors="replace")
    if any(ord(char) < 32 and char not in "\t\n\r\f" for char in text[:HEAD_BYTES]):
        return None
    return text


def _pdf_names(data: bytes) -> set[bytes]:
    return {_PDF_ESCAPE.sub(lambda match: bytes([int(match[1], 16)]), raw) for raw in _PDF_NAME.findall(data)}


def _check_pdf(data: bytes, name: str) -> None:
    """Refuse a PDF whose dictionaries name JavaScript or a launch action, hidden or not.

    An `/OpenAction` or `/AA` that runs script names `/JavaScript` (or `/JS`) itself; one that
    only opens a page is harmless and stays. Stream contents are skipped (compressed bytes
    would spell these names by chance in a large file), except object streams (PDF 1.5),
    where dictionaries are packed: those are inflated and read too.
    """
    found = sorted(active.decode() for active in _pdf_dictionary_names(data) & _PDF_ACTIVE_NAMES)
    if found:
        raise ValidationError(
            _(
                "“%(name)s” is a PDF that carries JavaScript or an action that runs when it is opened "
                "(%(actions)s). Print it to a new PDF, or export it without scripts, and upload that."
            ),
            code="pdf_script",
            params={"name": name, "actions": ", ".join(f"/{active}" for active in found)},
        )


def _pdf_dictionary_names(data: bytes) -> set[bytes]:
    outside, names, budget, view, position = [], set(), _PDF_INFLATE_LIMIT, memoryview(data), 0
    while (start := _PDF_STREAM.search(data, position)) is not None:
        before = data[position : start.start()]
        outside.append(before)
        end = data.find(b"endstream", start.end())
        end = len(data) if end == -1 else end
        # The stream's own dictionary sits between its `obj` keyword and `stream`.
        if budget > 0 and b"ObjStm" in _pdf_names(before[before.rfind(b"obj") :]):
            try:
                packed = zlib.decompressobj().decompress(view[start.end() : end], budget)
            except zlib.error:
                packed = b""
            names |= _pdf_names(packed)
            budget -= len(packed)
        position = end + len(b"endstream")
    outside.append(data[position:])
    return names | _pdf_names(b"".join(outside))
