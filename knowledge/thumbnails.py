"""First-page thumbnails of PDF files, for document landing pages.

Rendered once per file with pypdfium2 (PDFium, the renderer Chromium uses; wheels with no
system library) and kept in the default storage under `thumbnails/`, named by a hash of the
file's name, size and content hash, so a replaced file gets a new thumbnail and an unchanged
one is never rendered twice. A file PDFium cannot open (a damaged PDF) leaves an empty marker
beside the thumbnails: it is not tried again on every view, and its page simply shows none. A
failure to read the file from storage leaves no marker: it may work on the next view.

The thumbnail's size is given to its `<img>` (no layout shift when it arrives): known when it is
rendered, else read from the stored picture's header, and remembered in the cache either way.

The thumbnails folder is never served as media: the landing page's thumbnail route checks the
document's privacy first (`knowledge.views.landing`).
"""

from __future__ import annotations

import hashlib
import io
import logging

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

import pypdfium2
from PIL import Image

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
        image, size = _render_first_page(file)
    except pypdfium2.PdfiumError as error:
        # The file itself is damaged: it will not render next time either.
        logger.info("No thumbnail for %s: %s", file.name, error)
        default_storage.save(failed, ContentFile(b""))
        return None
    except Exception as error:  # noqa: BLE001 - storage and Pillow errors: no picture this time, maybe the next
        logger.warning("No thumbnail for %s this time: %s", file.name, error)
        return None
    # The storage may pick another name if two requests rendered at once; either file is the same picture.
    saved = default_storage.save(name, ContentFile(image))
    cache.set(_size_key(saved), size, None)
    return saved


def thumbnail_size(name: str) -> tuple[int, int] | None:
    """(width, height) of a stored thumbnail in pixels, for its `<img>`; None if it cannot be read."""
    size = cache.get(_size_key(name))
    if size is None:
        try:
            with default_storage.open(name, "rb") as opened, Image.open(opened) as picture:
                size = picture.size
        except (OSError, ValueError):  # Pillow's UnidentifiedImageError is an OSError
            return None
        # A thumbnail's name says what it shows (`_key`): its size never changes.
        cache.set(_size_key(name), size, None)
    return tuple(size)


def _size_key(name: str) -> str:
    return f"knowledge.thumbnails.size:{name}"


def _render_first_page(file) -> tuple[bytes, tuple[int, int]]:
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
            return buffer.getvalue(), picture.size
        finally:
            pdf.close()


def open_thumbnail(name: str):
    """The stored thumbnail, opened for reading."""
    return default_storage.open(name, "rb")
