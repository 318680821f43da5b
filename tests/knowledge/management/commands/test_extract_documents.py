"""`manage.py extract_documents` reads stored files once, and says what it read and skipped."""

import io

from django.core.files.base import ContentFile
from django.core.management import call_command

from wagtail.models import Collection

import pytest

from knowledge.models import ExtractionState, KnowledgeDocument
from tests.knowledge.files import pdf_of

pytestmark = pytest.mark.django_db


def stored(title: str, name: str, data: bytes, **fields) -> KnowledgeDocument:
    """A document saved as the demo loader and older rows were: text given or none, never read."""
    document = KnowledgeDocument(title=title, collection=Collection.get_first_root_node(), **fields)
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document


def run(*args) -> str:
    out = io.StringIO()
    call_command("extract_documents", *args, "--no-progress", stdout=out)
    return out.getvalue().strip()


def test_it_reads_missing_files_once_and_reports(site, russian):
    report = stored("Report", "report.pdf", pdf_of(["first", "second"]), extracted_text="typed by hand")
    stored("Broken", "broken.pdf", b"%PDF-1.4 cut")
    stored("Picture", "map.png", b"\x89PNG")
    report.copy_for_translation(russian).save()

    assert run("--missing") == (
        "Read 3 files (2 pages: 1 failed, 1 read, 1 unsupported); skipped 1 translation sharing a file already read."
    )
    report.refresh_from_db()
    assert report.extraction_state == ExtractionState.READ and report.extracted_text == "first\n\nsecond"
    assert KnowledgeDocument.objects.get(locale__language_code="ru").page_texts.count() == 2

    # Again: only the failed one is read again, to the same result.
    assert run("--missing") == (
        "Read 1 files (0 pages: 1 failed); skipped 2 already read, 1 translation sharing a file already read."
    )
    assert run() == (
        "Read 3 files (2 pages: 1 failed, 1 read, 1 unsupported); skipped 1 translation sharing a file already read."
    )
    assert list(report.page_texts.values_list("number", "text")) == [(1, "first"), (2, "second")]
