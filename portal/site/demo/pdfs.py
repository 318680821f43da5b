"""Real PDF files for the demo documents, written with reportlab.

Each PDF carries the text it is built from, so the document viewer, the file download and
the search index (`KnowledgeDocument.extracted_text`) all show the same words. A file in
Russian or Korean needs a font with those letters, taken from the machine (Debian's fonts);
a scanned record is pictures of its pages only, with no text layer, for OCR to read.
"""

import io
import textwrap
from pathlib import Path
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

FOOTER = "DSP Knowledge Exchange on gender-based violence - demonstration document"
# Fonts with Latin, Cyrillic (and for Nanum, Hangul) letters, from Debian's fonts-dejavu-core,
# fonts-nanum and fonts-liberation2; the first one present is used.
UNICODE_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
    Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"),
)
# A scanned page: A4 at 200 dpi, as an office scanner saves it.
SCAN_SIZE = (1654, 2339)
SCAN_DPI = 200


def unicode_font() -> Path | None:
    """A font file with Cyrillic letters on this machine, or None."""
    return next((path for path in UNICODE_FONTS if path.exists()), None)


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(20 * mm, 12 * mm, FOOTER)
    canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, f"Page {doc.page}")
    canvas.restoreState()


def pdf_render(
    *,
    title: str,
    sections: list[dict],
    filename: str,
    authors: str = "",
    publisher: str = "",
    subject: str = "",
    font: Path | None = None,
) -> tuple[ContentFile, str]:
    """A PDF of `sections` (`heading`, `paragraphs`; a list inside `paragraphs` becomes bullets).

    Returns the file, ready to be assigned to a document, and the plain text it contains. With
    `font` (a TrueType file), every style uses it: reportlab's Helvetica has no Cyrillic.
    """
    styles = getSampleStyleSheet()
    if font is not None:
        if font.stem not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(font.stem, str(font)))
        for style in styles.byName.values():
            style.fontName = font.stem
    story = [Paragraph(escape(title), styles["Title"])]
    text = [title]
    byline = "; ".join(part for part in (authors, publisher) if part)
    if byline:
        story.append(Paragraph(escape(byline), styles["Italic"]))
        text.append(byline)
    story.append(Spacer(1, 6 * mm))

    for section in sections:
        if section.get("heading"):
            story.append(Paragraph(escape(section["heading"]), styles["Heading2"]))
            text.append(section["heading"])
        for paragraph in section.get("paragraphs", []):
            if isinstance(paragraph, (list, tuple)):
                story.append(
                    ListFlowable(
                        [ListItem(Paragraph(escape(item), styles["BodyText"])) for item in paragraph],
                        bulletType="bullet",
                        leftIndent=12,
                    )
                )
                text.extend(f"- {item}" for item in paragraph)
            else:
                story.append(Paragraph(escape(paragraph), styles["BodyText"]))
                text.append(paragraph)

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=authors,
        subject=subject,
        creator="DSP knowledge-exchange portal",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=22 * mm,
        # Same input, same bytes: no timestamp or random id in the file.
        invariant=True,
    )
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return ContentFile(buffer.getvalue(), name=filename), "\n\n".join(text)


def scan_render(*, title: str, sections: list[dict], filename: str) -> ContentFile:
    """A scanned record of `sections`: one picture per page in a PDF without a text layer.

    Drawn with a font from the machine or Pillow's own; its words are for OCR to read
    (`knowledge.extraction`), or the document is flagged where OCR is not installed.
    """
    path = unicode_font()
    font = ImageFont.truetype(str(path), 30) if path else ImageFont.load_default(size=30)
    lines = [title, ""]
    for section in sections:
        if section.get("heading"):
            lines += [section["heading"]]
        for paragraph in section.get("paragraphs", []):
            items = [f"- {item}" for item in paragraph] if isinstance(paragraph, (list, tuple)) else [paragraph]
            for item in items:
                lines += textwrap.wrap(item, width=80) or [""]
        lines.append("")
    per_page = (SCAN_SIZE[1] - 400) // 48
    pages = []
    for start in range(0, len(lines), per_page):
        page = Image.new("L", SCAN_SIZE, 255)
        draw = ImageDraw.Draw(page)
        for number, line in enumerate(lines[start : start + per_page]):
            draw.text((180, 200 + number * 48), line, font=font, fill=0)
        pages.append(page)
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", resolution=SCAN_DPI, save_all=True, append_images=pages[1:])
    return ContentFile(buffer.getvalue(), name=filename)
