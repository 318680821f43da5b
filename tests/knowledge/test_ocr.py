"""Scanned PDFs are read by Debian's Tesseract (`knowledge.extraction`), or flagged with the reason.

The scans are pictures drawn here and saved as image-only PDFs; Tesseract and its English,
Russian and Korean data come from scripts/install-test-tools.sh, which `make test` runs.
"""

import shutil
import subprocess

from django.conf import settings

from wagtail.models import Locale

import pytest

from knowledge import extraction
from knowledge.models import ExtractionState
from search import indexing
from tests.knowledge.admin_upload import upload
from tests.knowledge.files import pdf_of, scanned_pdf_of, scanned_strips_pdf_of

pytestmark = pytest.mark.django_db

ENGLISH = ["Minutes of the survivors' council", "The marigold shelter opens a helpline"]
RUSSIAN = ["Протокол заседания совета", "Кризисный центр Подсолнух принимает пострадавших"]
KOREAN = ["해바라기센터 운영위원회 회의록", "상담과 의료 지원을 한곳에서 제공합니다"]


@pytest.fixture(autouse=True)
def tesseract_installed():
    program = shutil.which("tesseract")
    assert program, "tesseract is not installed: run scripts/install-test-tools.sh (Debian's tesseract-ocr)"
    listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, check=True).stdout.split()  # noqa: S603
    assert {"eng", "rus", "kor"} <= set(listed), "run scripts/install-test-tools.sh (tesseract-ocr-rus, -kor)"


@pytest.fixture(autouse=True)
def database_engine(settings):
    """Search on the database engine unless a test asks for each engine (`search_engine`)."""
    settings.SEARCH_ELASTICSEARCH_URL = ""


@pytest.fixture
def reviewer(client, roles, make_user):
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    return client


def found(client, language: str, query: str) -> list[str]:
    """The titles a reader finds with the site's search (its JSON API) in that language."""
    client.logout()
    if settings.SEARCH_ELASTICSEARCH_URL:
        indexing.refresh()  # Elasticsearch makes writes searchable each second; the test does not wait.
    answer = client.get(f"/{language}/search/api/", {"q": query})
    assert answer.status_code == 200
    return [hit["title"] for hit in answer.json()["hits"]]


def test_an_english_scan_is_read_by_ocr_and_found(reviewer, search_engine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(reviewer, "council.pdf", scanned_pdf_of([["Cover"], ENGLISH]), title="Council minutes")
    document.refresh_from_db()
    assert (document.extraction_state, document.extraction_message) == (ExtractionState.OCR, "")
    assert "marigold" in document.page_texts.get(number=2).text.lower()
    assert "marigold" not in document.page_texts.get(number=1).text.lower()
    page = reviewer.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert "Text read by OCR" in page
    assert found(reviewer, "en", "marigold helpline") == ["Council minutes"]


def test_russian_and_korean_scans_are_read_by_ocr_and_found(
    reviewer, search_engine, django_capture_on_commit_callbacks
):
    for code in ("ru", "ko"):
        Locale.objects.get_or_create(language_code=code)
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(reviewer, "protocol.pdf", scanned_pdf_of([RUSSIAN, KOREAN]), title="Sunflower council")
    document.refresh_from_db()
    assert document.extraction_state == ExtractionState.OCR
    assert "Подсолнух" in document.extracted_text and "해바라기센터" in document.extracted_text
    assert found(reviewer, "ru", "Подсолнух") == ["Sunflower council"]
    assert found(reviewer, "ko", "해바라기센터") == ["Sunflower council"]
    assert found(reviewer, "en", "Подсолнух") == ["Sunflower council"]


def test_a_page_of_two_pictures_is_drawn_whole_and_read(settings):
    # No single embedded image: PDFium draws the page, and the line cut in two still reads.
    result = extraction.read_file(scanned_strips_pdf_of(["", *RUSSIAN, *ENGLISH]), "strips.pdf")
    assert result.state == ExtractionState.OCR
    assert "Подсолнух" in result.text and "marigold" in result.text.lower()


def test_a_scan_is_flagged_when_ocr_is_turned_off(reviewer, settings, django_capture_on_commit_callbacks):
    settings.DOCUMENT_OCR_COMMAND = ""
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(reviewer, "scan.pdf", scanned_pdf_of([ENGLISH]), title="Scanned minutes")
    document.refresh_from_db()
    assert document.extraction_state == ExtractionState.NEEDS_OCR
    assert document.extraction_message == extraction.REASON_NEEDS_OCR
    page = reviewer.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert "install tesseract-ocr to read them" in page
    assert found(reviewer, "en", "marigold") == []


def test_a_scan_is_flagged_when_tesseract_runs_out_of_time(settings):
    settings.DOCUMENT_OCR_SECONDS = 0.01
    result = extraction.read_file(pdf_of(["Opening remarks", ""]), "scan.pdf")
    assert (result.state, result.message) == (ExtractionState.FAILED, extraction.REASON_OCR_FAILED)
    assert result.pages == ["Opening remarks", ""]


def test_a_missing_tesseract_program_flags_instead_of_failing(settings, tmp_path):
    settings.DOCUMENT_OCR_COMMAND = str(tmp_path / "tesseract")
    result = extraction.read_file(scanned_pdf_of([ENGLISH]), "scan.pdf")
    assert (result.state, result.message) == (ExtractionState.NEEDS_OCR, extraction.REASON_NEEDS_OCR)
