"""First-page thumbnails of PDF files, for document landing pages.

Rendered once per file with pypdfium2 (PDFium, the renderer Chromium uses; wheels with no
system library) and kept in the default storage under `thumbnails/`, named by a hash of the
file's name, size and content hash, so a replaced file gets a new thumbnail and an unchanged
one is never rendered twice. A file that cannot be rendered leaves an empty marker beside the
thumbnails: it is not tried again on every view, and its page simply shows none.

The thumbnails folder is never served as media: the landing page's thumbnail route checks the
document's privacy first (`knowledge.views.landing`).
"""

from __future__ import annotations

import hashlib
import io
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

import pypdfium2

from knowledge import pdfium

logger = logging.getLogger(__name__)

FOLDER = "thumbnails"
WIDTH = 240
# A tall, narrow page (a scroll, a banner) is cut down to this height instead.
MAX_HEIGHT = 480
CONTENT_TYPE = "image/webp"


def _key(file, *, content_hash: str = "") -> str:
    size = getattr(file, "size", None) if file else None
    text = f"{file.name}\x00{size}\x00{content_hash}"
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def thumbnail_name(file, *, content_hash: str = "") -> str | None:
    """The stored thumbnail of a PDF file's first page (rendered now if it never was), or None.

    None when the file cannot be rendered: the landing page then shows no picture. Never raises
    for a damaged or hostile file.
    """
    if not file:
        return None
    try:
        key = _key(file, content_hash=content_hash)
    except OSError:
        return None
    name, failed = f"{FOLDER}/{key}.webp", f"{FOLDER}/{key}.none"
    if default_storage.exists(name):
        return name
    if default_storage.exists(failed):
        return None
    try:
        image = _render_first_page(file)
    except Exception as error:  # PDFium and Pillow raise many kinds; a page without a picture is the answer
        logger.info("No thumbnail for %s: %s", file.name, error)
        default_storage.save(failed, ContentFile(b""))
        return None
    # The storage may pick another name if two requests rendered at once; either file is the same picture.
    return default_storage.save(name, ContentFile(image))


def _render_first_page(file) -> bytes:
    with pdfium.LOCK, file.open("rb") as opened:
        pdf = pypdfium2.PdfDocument(opened.read())
        try:
            page = pdf[0]
            width, height = page.get_size()
            scale = min(WIDTH / width, MAX_HEIGHT / height)
            bitmap = page.render(scale=scale)
            picture = bitmap.to_pil()
            buffer = io.BytesIO()
            picture.convert("RGB").save(buffer, format="WEBP", quality=70, method=4)
            page.close()
            return buffer.getvalue()
        finally:
            pdf.close()


def open_thumbnail(name: str):
    """The stored thumbnail, opened for reading."""
    return default_storage.open(name, "rb")
