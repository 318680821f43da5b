"""Reading the text of a document's file, page by page, for search.

`read_file` turns the bytes of a file into its pages' text (PDF pages, slides; a file without
pages is one page) or says why it could not: the readers below never raise for a bad file, so
an upload always succeeds and the document is flagged instead (`ExtractionState`, with the
reason in `extraction_message`, shown on its edit page).

A PDF page without a text layer is a scan: its images are run through Tesseract when the
`tesseract` program is installed (Debian's tesseract-ocr, with the English, Russian and Korean
data where present), and the document is flagged as needing OCR otherwise.

`document_extract` stores the result for the whole family of the document (the file is
shared): one `DocumentPageText` row per page for every row, and the whole text in
`extracted_text`, which search indexes. It saves the document through the ORM, so the family
copy (`knowledge.documents`) and the search index (search's signal handlers) follow.

A new upload or a replaced file is read in the background (`knowledge.tasks`), after the
transaction that saved it has committed.
"""

from __future__ import annotations

import io
import logging
import shutil
import subprocess  # noqa: S404 - runs the tesseract program, with fixed arguments
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext_noop

import docx
import pptx
from odf import teletype
from odf.namespaces import TEXTNS
from odf.opendocument import load as odf_load
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from knowledge.models import DocumentPageText, ExtractionState, KnowledgeDocument

logger = logging.getLogger(__name__)

# A page with fewer letters than this is taken for a scan (a page number, a stray mark).
SCANNED_PAGE_LETTERS = 3
OCR_LANGUAGES = ("eng", "rus", "kor")
OCR_TIMEOUT_SECONDS = 120
ODF_BLOCKS = {(TEXTNS, "p"), (TEXTNS, "h")}


@dataclass
class Extraction:
    """What reading a file gave: its pages' text, the state to record and why."""

    pages: list[str] = field(default_factory=list)
    state: str = ExtractionState.READ
    message: str = ""

    @property
    def text(self) -> str:
        return "\n\n".join(page for page in self.pages if page)


# Reasons are stored in English, as their msgids, and translated where they are shown
# (`knowledge.templatetags.knowledge_admin_tags.document_extraction`).
REASON_PASSWORD = gettext_noop("The PDF is protected by a password.")
REASON_DAMAGED_PDF = gettext_noop("The PDF is damaged.")
REASON_ENCODING = gettext_noop("The text is in an unknown encoding.")
REASON_UNSUPPORTED = gettext_noop("Text is not read from files of this type.")
REASON_DAMAGED = gettext_noop("The file could not be read: it is damaged or not in the format its name says.")
REASON_MISSING = gettext_noop("The file is missing from storage.")
REASON_NEEDS_OCR = gettext_noop("Some pages are scanned, without a text layer: install tesseract-ocr to read them.")


class UnreadableFile(Exception):
    """The file is damaged or not what its name says; the message is one of the reasons above."""


# -- Readers: bytes in, one string per page out ------------------------------------------------


def _pdf_pages(data: bytes) -> Extraction:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableFile(REASON_PASSWORD)
        pages = [_clean(page.extract_text() or "") for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise UnreadableFile(REASON_DAMAGED_PDF) from error
    scanned = [number for number, text in enumerate(pages) if _letters(text) < SCANNED_PAGE_LETTERS]
    if not scanned:
        return Extraction(pages=pages)
    if not ocr_available():
        return Extraction(pages=pages, state=ExtractionState.NEEDS_OCR, message=REASON_NEEDS_OCR)
    for number in scanned:
        pages[number] = _ocr_pdf_page(reader.pages[number])
    return Extraction(pages=pages, state=ExtractionState.OCR)


def _docx_pages(data: bytes) -> Extraction:
    document = docx.Document(io.BytesIO(data))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return Extraction(pages=[_clean("\n".join(lines))])


def _pptx_pages(data: bytes) -> Extraction:
    presentation = pptx.Presentation(io.BytesIO(data))
    pages = []
    for slide in presentation.slides:
        lines = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        if slide.has_notes_slide:
            lines.append(slide.notes_slide.notes_text_frame.text)
        pages.append(_clean("\n".join(lines)))
    return Extraction(pages=pages)


def _odt_pages(data: bytes) -> Extraction:
    document = odf_load(io.BytesIO(data))
    lines = list(_odf_blocks(document.body))
    return Extraction(pages=[_clean("\n".join(lines))])


def _odf_blocks(node):
    """Headings and paragraphs in the order they come, inside lists and tables too."""
    for child in node.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        if child.qname in ODF_BLOCKS:
            yield teletype.extractText(child)
        else:
            yield from _odf_blocks(child)


def _plain_pages(data: bytes) -> Extraction:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return Extraction(pages=[_clean(data.decode(encoding))])
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(REASON_ENCODING)


READERS = {
    ".pdf": _pdf_pages,
    ".docx": _docx_pages,
    ".pptx": _pptx_pages,
    ".odt": _odt_pages,
    ".txt": _plain_pages,
    ".md": _plain_pages,
    ".csv": _plain_pages,
}


def read_file(data: bytes, name: str) -> Extraction:
    """The text of a file by page, or the reason it could not be read (never an exception)."""
    suffix = Path(name).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        return Extraction(state=ExtractionState.UNSUPPORTED, message=REASON_UNSUPPORTED)
    try:
        return reader(data)
    except UnreadableFile as error:
        return Extraction(state=ExtractionState.FAILED, message=str(error))
    except Exception:  # noqa: BLE001 - the format libraries raise anything on a damaged file
        # The reason is kept for the editor; the upload itself has already succeeded.
        logger.info("extraction: %s could not be read", name, exc_info=True)
        return Extraction(state=ExtractionState.FAILED, message=REASON_DAMAGED)


# -- OCR ---------------------------------------------------------------------------------------


def ocr_available() -> bool:
    return shutil.which("tesseract") is not None


def _ocr_languages() -> str:
    try:
        listed = subprocess.run(  # noqa: S603
            [shutil.which("tesseract"), "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        ).stdout.split()
    except (OSError, subprocess.TimeoutExpired):
        listed = []
    return "+".join(code for code in OCR_LANGUAGES if code in listed) or "eng"


def _ocr_pdf_page(page) -> str:
    """The words in a scanned page's images, read by Tesseract (a scan is one image per page)."""
    texts = []
    languages = _ocr_languages()
    for image in page.images:
        with tempfile.TemporaryDirectory(prefix="dsp-ocr-") as folder:
            path = Path(folder) / "page.png"
            image.image.save(path)
            result = subprocess.run(  # noqa: S603
                [shutil.which("tesseract"), str(path), "stdout", "-l", languages],
                capture_output=True,
                text=True,
                timeout=OCR_TIMEOUT_SECONDS,
                check=False,
            )
            texts.append(result.stdout)
    return _clean("\n".join(texts))


def _letters(text: str) -> int:
    return sum(character.isalpha() for character in text)


def _clean(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\x00", "").splitlines())
    return "\n".join(line for line in lines if line)


# -- Storing the result ------------------------------------------------------------------------


def document_extract(*, document: KnowledgeDocument) -> Extraction | None:
    """Read the document's file and store its text for the whole family; None if the file changed meanwhile."""
    file_name = document.file.name
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
    except OSError:
        logger.warning("extraction: the file of document %s cannot be opened", document.pk, exc_info=True)
        result = Extraction(state=ExtractionState.FAILED, message=REASON_MISSING)
    else:
        result = read_file(data, file_name)
    with transaction.atomic():
        current = KnowledgeDocument.objects.select_for_update().filter(pk=document.pk).first()
        if current is None or current.file.name != file_name:
            return None  # Deleted, or replaced while it was read: the new file's own task reads it.
        document_pages_store(document=current, pages=result.pages)
        current.extracted_text = result.text
        current.extraction_state = result.state
        current.extraction_message = result.message
        current._extraction_save = True
        # A save, not an update: the family copy and the search index follow.
        current.save()
    return result


def document_pages_store(*, document: KnowledgeDocument, pages: list[str]) -> None:
    """Replace the page texts of every row of the document's family with these."""
    rows = list(KnowledgeDocument.objects.filter(translation_key=document.translation_key).values_list("pk", flat=True))
    DocumentPageText.objects.filter(document_id__in=rows).delete()
    DocumentPageText.objects.bulk_create(
        DocumentPageText(document_id=pk, number=number, text=text)
        for pk in rows
        for number, text in enumerate(pages, start=1)
    )
