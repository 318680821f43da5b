"""Small real files of every format the extraction reads, made in the test itself."""

import io
from pathlib import Path

import docx
import pptx
from odf.opendocument import OpenDocumentText
from odf.text import P
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas


def pdf_of(pages: list[str]) -> bytes:
    """A PDF with one line of text per page ("" makes a page without a text layer, like a scan)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for text in pages:
        if text:
            pdf.drawString(72, 720, text)
        else:
            pdf.rect(72, 600, 200, 100, fill=1)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def docx_of(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pptx_of(slides: list[str]) -> bytes:
    presentation = pptx.Presentation()
    for words in slides:
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = words
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def odt_of(paragraphs: list[str]) -> bytes:
    document = OpenDocumentText()
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# Debian's fonts-nanum (scripts/install-test-tools.sh): Latin, Cyrillic and Hangul in one font.
FONT = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")


def _font_ready() -> None:
    assert FONT.exists(), f"{FONT} is missing: run scripts/install-test-tools.sh (Debian's fonts-nanum)"


def pdf_in_any_script(pages: list[str]) -> bytes:
    """A text PDF whose lines may be in Cyrillic or Hangul (reportlab's Helvetica has neither)."""
    _font_ready()
    if "Nanum" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Nanum", str(FONT)))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for text in pages:
        pdf.setFont("Nanum", 12)
        pdf.drawString(72, 720, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def scanned_page(lines: list[str], *, size: tuple[int, int] = (1654, 2339)) -> Image.Image:
    """A page as a scanner at 200 dpi gives it: a greyscale picture of the lines (A4 by default)."""
    _font_ready()
    font = ImageFont.truetype(str(FONT), 30)
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((160, 200 + number * 60), line, font=font, fill=0)
    return image


def scanned_pdf_of(pages: list[list[str]]) -> bytes:
    """An image-only PDF, one picture per page, as a scanner writes it (no text layer)."""
    images = [scanned_page(lines) for lines in pages]
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", resolution=200, save_all=True, append_images=images[1:])
    return buffer.getvalue()


def scanned_strips_pdf_of(lines: list[str]) -> bytes:
    """An image-only page made of two pictures (its upper and lower half), as some scanners cut it."""
    page = scanned_page(lines)
    half = page.height // 2
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    pdf.drawImage(ImageReader(page.crop((0, 0, page.width, half))), 0, height / 2, width, height / 2)
    pdf.drawImage(ImageReader(page.crop((0, half, page.width, page.height))), 0, 0, width, height / 2)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
