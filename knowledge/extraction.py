"""Reading the text of a document's file, page by page, for search.

`read_file` turns the bytes of a file into its pages' text (PDF pages, slides; a file without
pages is one page) or says why it could not: the readers below never raise for a bad file, so
an upload always succeeds and the document is flagged instead (`ExtractionState`, with the
reason in `extraction_message`, shown on its edit page).

A PDF page without a text layer is a scan: its picture (the page's one embedded image, or the
page drawn by PDFium) is run through Tesseract when the program is installed (Debian's
tesseract-ocr, with the English, Russian and Korean data where present;
`DOCUMENT_OCR_COMMAND`), and the document is flagged as needing OCR otherwise. Tesseract has
`DOCUMENT_OCR_SECONDS` for a document's scans; a page it fails on or has no time left for is
flagged with the reason, and the other pages' text is kept.

`document_extract` stores the result for the whole family of the document (the file is
shared): one `DocumentPageText` row per page for every row, and the whole text in
`extracted_text`, which search indexes. A translation with a file of its own (`own_file`) is
left out of that: its own file is read for it alone (`own=True`). It saves the document
through the ORM, so the family copy (`knowledge.documents`) and the search index (search's
signal handlers) follow.

A new upload or a replaced file is read in the background (`knowledge.tasks`), after the
transaction that saved it has committed.
"""

from __future__ import annotations

import io
import logging
import math
import os
import shutil
import subprocess  # noqa: S404 - runs the tesseract program, with fixed arguments
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_noop

import docx
import pptx
import pypdfium2
from odf import teletype
from odf.namespaces import TEXTNS
from odf.opendocument import load as odf_load
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from knowledge import pdfium
from knowledge.models import DocumentPageText, ExtractionState, KnowledgeDocument

logger = logging.getLogger(__name__)

# A page with fewer letters than this is taken for a scan (a page number, a stray mark).
SCANNED_PAGE_LETTERS = 3
OCR_LANGUAGES = ("eng", "rus", "kor")
# Tesseract is given pages at 200 dpi at most: scans at 300 dpi and more are scaled down, since
# its page layout misses large Hangul (tried with Debian's kor data: 10-12 pt text at 300 dpi
# came out empty or in scraps, at 200 dpi whole). Never more pixels than this (a poster).
OCR_DPI = 200
OCR_MAX_PIXELS = 40_000_000
OCR_RETRY_WIDTH = 1000
# PDFium's load error for a password it was not given (FPDF_ERR_PASSWORD).
PDFIUM_PASSWORD_ERROR = 4
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
REASON_OCR_FAILED = gettext_noop(
    "Some scanned pages could not be read by OCR: Tesseract failed on them or ran out of time."
)


class UnreadableFile(Exception):
    """The file is damaged or not what its name says; the message is one of the reasons above."""


# -- Readers: bytes in, one string per page out ------------------------------------------------


def _pdf_pages(data: bytes) -> Extraction:
    # The text layer is read by PDFium, about 3.5 times as many pages a second as pypdf on one
    # core (`make bench-extraction`); pypdf is opened only for scans, whose embedded images it hands over.
    with pdfium.LOCK:
        pages = _pdfium_pages(data)
    scanned = [number for number, text in enumerate(pages) if _looks_scanned(text)]
    if not scanned:
        return Extraction(pages=pages)
    if not ocr_available():
        return Extraction(pages=pages, state=ExtractionState.NEEDS_OCR, message=REASON_NEEDS_OCR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
    except (PdfReadError, ValueError, KeyError, TypeError, NotImplementedError):
        reader = None  # PDFium draws its scanned pages instead.
    return _ocr_pdf_pages(data, reader, pages, scanned)


def _pdfium_pages(data: bytes) -> list[str]:
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise UnreadableFile(
            REASON_PASSWORD if error.err_code == PDFIUM_PASSWORD_ERROR else REASON_DAMAGED_PDF
        ) from error
    try:
        if len(pdf) == 0:
            raise UnreadableFile(REASON_DAMAGED_PDF)
        return [_clean(_pdfium_page_text(pdf, number)) for number in range(len(pdf))]
    except pypdfium2.PdfiumError as error:
        raise UnreadableFile(REASON_DAMAGED_PDF) from error
    finally:
        pdf.close()


def _looks_scanned(text: str) -> bool:
    """Fewer letters than a page of text has; counting stops at the threshold (a full count was slow)."""
    letters = 0
    for character in text:
        if character.isalpha():
            letters += 1
            if letters >= SCANNED_PAGE_LETTERS:
                return False
    return True


def _pdfium_page_text(pdf, number: int) -> str:
    page = pdf[number]
    text_page = page.get_textpage()
    try:
        # PDFium marks a hyphen that breaks a word at a line's end with U+FFFE and joins the
        # line: the word is searched whole ("referral pro-" "tocol" is "protocol").
        return text_page.get_text_range().replace("\ufffe", "")
    finally:
        text_page.close()
        page.close()


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
    return _tesseract() is not None


def _tesseract() -> str | None:
    """The Tesseract program's path; None when it is not installed or OCR is turned off."""
    command = settings.DOCUMENT_OCR_COMMAND
    return shutil.which(command) if command else None


class OcrFailed(Exception):
    """Tesseract could not read a page: it failed, took too long, or the page could not be drawn."""


def _ocr_pdf_pages(data: bytes, reader: PdfReader | None, pages: list[str], scanned: list[int]) -> Extraction:
    """The scanned pages' words read by Tesseract, within the document's budget; a page it cannot read flags it."""
    program = _tesseract()
    languages = _ocr_languages(program)
    deadline = time.monotonic() + settings.DOCUMENT_OCR_SECONDS
    drawn = _PageDrawer(data)
    unread = []
    with tempfile.TemporaryDirectory(prefix="dsp-ocr-") as folder:
        for number in scanned:
            try:
                page = reader.pages[number] if reader is not None else None
                image, dpi = _scan_of(page, number, drawn)
                text = _ocr_image(program, languages, image, dpi, Path(folder), deadline)
                if _letters(text) < SCANNED_PAGE_LETTERS and image.width >= OCR_RETRY_WIDTH:
                    # Nothing found: large print (a title page, big Hangul) is found at half size.
                    half = image.resize((image.width // 2, image.height // 2))
                    text = _ocr_image(program, languages, half, dpi / 2, Path(folder), deadline)
                pages[number] = text
            except OcrFailed as error:
                logger.info("extraction: OCR of page %s failed: %s", number + 1, error)
                unread.append(number)
    drawn.close()
    if unread:
        return Extraction(pages=pages, state=ExtractionState.FAILED, message=REASON_OCR_FAILED)
    return Extraction(pages=pages, state=ExtractionState.OCR)


def _scan_of(page, number: int, drawn: _PageDrawer):
    """The page as one greyscale picture and its dpi: its only image (a scan), else the page drawn."""
    try:
        images = list(page.images) if page is not None else []
        if len(images) == 1:
            image = images[0].image.convert("L")
            dpi = image.width / max(float(page.mediabox.width) / 72, 0.1)
            if dpi > OCR_DPI:
                factor = OCR_DPI / dpi
                image = image.resize((round(image.width * factor), round(image.height * factor)))
                dpi = OCR_DPI
            return image, dpi
    except Exception:  # noqa: BLE001 - pypdf cannot decode every image filter (JBIG2...): PDFium draws it
        logger.info("extraction: the image of page %s could not be decoded; drawing the page", number + 1)
    # Several images (strips, a logo beside the scan) or none (outlined text): what a reader sees.
    return drawn.page(number)


class _PageDrawer:
    """PDFium's copy of the file, opened at the first page that needs drawing."""

    def __init__(self, data: bytes):
        self.data = data
        self.pdf = None

    def page(self, number: int):
        try:
            with pdfium.LOCK:
                if self.pdf is None:
                    self.pdf = pypdfium2.PdfDocument(self.data)
                page = self.pdf[number]
                width, height = page.get_size()
                scale = min(OCR_DPI / 72, math.sqrt(OCR_MAX_PIXELS / max(width * height, 1)))
                return page.render(scale=scale, grayscale=True).to_pil(), scale * 72
        except (pypdfium2.PdfiumError, IndexError, ValueError) as error:
            raise OcrFailed(f"PDFium could not draw it: {error}") from error

    def close(self) -> None:
        if self.pdf is not None:
            with pdfium.LOCK:
                self.pdf.close()


def _ocr_image(program: str, languages: str, image, dpi: float, folder: Path, deadline: float) -> str:
    left = deadline - time.monotonic()
    if left <= 0:
        raise OcrFailed("no time left")
    path = folder / "page.png"
    try:
        image.save(path)
        result = subprocess.run(  # noqa: S603 - fixed arguments, the file is ours
            # Spaces as on the page: with Latin and Cyrillic models loaded too, Tesseract would
            # otherwise put a space between Hangul syllables ("해 바 라 기"), and no search finds that.
            [
                program,
                str(path),
                "stdout",
                "-l",
                languages,
                "--dpi",
                str(max(round(dpi), 70)),
                "-c",
                "preserve_interword_spaces=1",
            ],
            capture_output=True,
            text=True,
            timeout=left,
            check=False,
            # One thread per page: a background task on a shared machine, not a race.
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except subprocess.TimeoutExpired as error:
        raise OcrFailed("out of time") from error
    except (OSError, ValueError) as error:
        raise OcrFailed(str(error)) from error
    if result.returncode != 0:
        raise OcrFailed(result.stderr.strip()[-300:])
    return _clean(result.stdout)


def _ocr_languages(program: str) -> str:
    try:
        listed = subprocess.run(  # noqa: S603
            [program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        ).stdout.split()
    except (OSError, subprocess.TimeoutExpired):
        listed = []
    return "+".join(code for code in OCR_LANGUAGES if code in listed) or "eng"


def _letters(text: str) -> int:
    return sum(character.isalpha() for character in text)


def _clean(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\x00", "").splitlines())
    return "\n".join(line for line in lines if line)


# -- Storing the result ------------------------------------------------------------------------


def document_extract(*, document: KnowledgeDocument, own: bool = False) -> Extraction | None:
    """Read the document's file and store its text for the family; None if the file changed meanwhile.

    The family is its rows without a file of their own; with `own`, the row's own file is read
    for that row alone.
    """
    file_name = (document.own_file if own else document.file).name
    if not file_name:
        return None
    try:
        with (document.own_file if own else document.file).open("rb") as handle:
            data = handle.read()
    except OSError:
        logger.warning("extraction: the file of document %s cannot be opened", document.pk, exc_info=True)
        result = Extraction(state=ExtractionState.FAILED, message=REASON_MISSING)
    else:
        result = read_file(data, file_name)
    with transaction.atomic():
        current = KnowledgeDocument.objects.select_for_update().filter(pk=document.pk).first()
        if current is None or (current.own_file if own else current.file).name != file_name:
            return None  # Deleted, or replaced while it was read: the new file's own task reads it.
        if not own and current.own_file:
            # The family's file replaced from a row with a file of its own: the text goes to the others.
            current = family_readers(current).select_for_update().first()
            if current is None:
                return result
        document_pages_store(document=current, pages=result.pages, own=own)
        current.extracted_text = result.text
        current.extraction_state = result.state
        current.extraction_message = result.message
        current._extraction_save = True
        # A save, not an update: the family copy and the search index follow.
        current.save()
    return result


def family_readers(document: KnowledgeDocument):
    """The rows of the document's family whose text is the family's file's: those without a file of their own."""
    return KnowledgeDocument.objects.filter(translation_key=document.translation_key, own_file="").order_by("pk")


def document_pages_store(*, document: KnowledgeDocument, pages: list[str], own: bool = False) -> None:
    """Replace the page texts of the family's rows reading its file (with `own`, of this row alone) with these."""
    rows = [document.pk] if own else list(family_readers(document).values_list("pk", flat=True))
    DocumentPageText.objects.filter(document_id__in=rows).delete()
    DocumentPageText.objects.bulk_create(
        DocumentPageText(document_id=pk, number=number, text=text)
        for pk in rows
        for number, text in enumerate(pages, start=1)
    )
