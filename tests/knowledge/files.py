"""Small real files of every format the extraction reads, made in the test itself."""

import io

import docx
import pptx
from odf.opendocument import OpenDocumentText
from odf.text import P
from reportlab.lib.pagesizes import A4
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
