"""Real PDF files for the demo documents, written with reportlab.

Each PDF carries the text it is built from, so the document viewer, the file download and
the search index (`KnowledgeDocument.extracted_text`) all show the same words.
"""

import io
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

FOOTER = "DSP Knowledge Exchange on gender-based violence - demonstration document"


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(20 * mm, 12 * mm, FOOTER)
    canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, f"Page {doc.page}")
    canvas.restoreState()


def pdf_render(
    *, title: str, sections: list[dict], filename: str, authors: str = "", publisher: str = "", subject: str = ""
) -> tuple[ContentFile, str]:
    """A PDF of `sections` (`heading`, `paragraphs`; a list inside `paragraphs` becomes bullets).

    Returns the file, ready to be assigned to a document, and the plain text it contains.
    """
    styles = getSampleStyleSheet()
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
