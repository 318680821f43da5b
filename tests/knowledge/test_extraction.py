"""Every upload is read for search (`knowledge.extraction`, `knowledge.tasks`), page by page, in the background."""

import shutil

from django.core.files.base import ContentFile

from wagtail.models import Collection

import pytest

from knowledge import extraction
from knowledge.models import DocumentPageText, ExtractionState, KnowledgeDocument
from search import indexing
from tests.knowledge.admin_upload import upload
from tests.knowledge.files import docx_of, odt_of, pdf_of, pptx_of
from tests.search.conftest import es, es_url, search_settings  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

PHRASE = "marigold referral ledger"
TITLE = "Round table minutes"
PAGES = ["Opening remarks of the round table", "Shelter capacity in the regions", f"Annex: the {PHRASE} in use"]


@pytest.fixture
def reviewer(client, roles, make_user):
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    return client


def site_search(client, query: str) -> dict:
    """The site's search, as its JSON API answers a reader."""
    client.logout()
    answer = client.get("/en/search/api/", {"q": query})
    assert answer.status_code == 200
    return answer.json()


def test_a_phrase_on_page_3_of_an_upload_is_found_on_the_database_engine(reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(reviewer, "minutes.pdf", pdf_of(PAGES), title=TITLE)
    document.refresh_from_db()
    assert document.extraction_state == ExtractionState.READ
    assert list(document.page_texts.values_list("number", flat=True)) == [1, 2, 3]
    assert PHRASE in document.page_texts.get(number=3).text
    assert PHRASE not in document.page_texts.get(number=1).text
    assert PHRASE in document.extracted_text
    answer = site_search(reviewer, PHRASE)
    assert [hit["title"] for hit in answer["hits"]] == ["Round table minutes"] and not answer["degraded"]


def test_a_phrase_on_page_3_of_an_upload_is_found_on_elasticsearch(
    reviewer,
    es,  # noqa: F811 - the fixture imported above
    django_capture_on_commit_callbacks,
):
    indexing.rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        upload(reviewer, "minutes.pdf", pdf_of(PAGES), title=TITLE)
    indexing.refresh()
    answer = site_search(reviewer, PHRASE)
    assert [hit["title"] for hit in answer["hits"]] == ["Round table minutes"] and not answer["degraded"]


def test_an_unreadable_file_is_flagged_with_its_reason_and_the_upload_succeeds(
    reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        # A PDF by its bytes (upload checks accept it), cut short before any page.
        document = upload(reviewer, "broken.pdf", pdf_of(PAGES)[:400], title=TITLE)
    document.refresh_from_db()
    assert document.file.name.endswith(".pdf") and document.file.size == 400
    assert document.extraction_state == ExtractionState.FAILED
    assert document.extraction_message == extraction.REASON_DAMAGED_PDF
    page = reviewer.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert "File could not be read" in page and "The PDF is damaged." in page


def test_replacing_the_file_reads_it_again_for_the_whole_family(site, russian, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = KnowledgeDocument(title="Plan", collection=Collection.get_first_root_node())
        document.file.save("plan.txt", ContentFile(b"first plan"), save=False)
        document.save()
    translation = document.copy_for_translation(russian)
    translation.save()
    assert list(translation.page_texts.values_list("text", flat=True)) == ["first plan"]
    with django_capture_on_commit_callbacks(execute=True):
        document.file.save("plan.docx", ContentFile(docx_of(["second plan", "with a budget"])), save=False)
        document.save()
    translation.refresh_from_db()
    assert translation.extracted_text == "second plan\nwith a budget"
    assert list(translation.page_texts.values_list("text", flat=True)) == ["second plan\nwith a budget"]
    assert DocumentPageText.objects.filter(document=document).count() == 1


@pytest.mark.parametrize(
    ("name", "data", "pages"),
    [
        ("notes.txt", "Заметки о приютах\n".encode(), ["Заметки о приютах"]),
        ("plan.docx", docx_of(["Action plan", "Second step"]), ["Action plan\nSecond step"]),
        ("slides.pptx", pptx_of(["First slide", "Second slide"]), ["First slide", "Second slide"]),
        ("report.odt", odt_of(["Open report", "회의록"]), ["Open report\n회의록"]),
        ("minutes.pdf", pdf_of(["one", "two"]), ["one", "two"]),
    ],
)
def test_each_format_is_read_page_by_page(name, data, pages):
    result = extraction.read_file(data, name)
    assert (result.state, result.pages) == (ExtractionState.READ, pages)


def test_a_scan_without_ocr_is_flagged(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = extraction.read_file(pdf_of(["cover page", ""]), "scan.pdf")
    assert result.state == ExtractionState.NEEDS_OCR and result.message == extraction.REASON_NEEDS_OCR
    assert result.pages == ["cover page", ""]


@pytest.mark.parametrize(
    ("name", "data", "state", "reason"),
    [
        ("broken.pdf", b"%PDF-1.4 truncated", ExtractionState.FAILED, extraction.REASON_DAMAGED_PDF),
        ("broken.pptx", b"not a zip", ExtractionState.FAILED, extraction.REASON_DAMAGED),
        ("picture.png", b"\x89PNG", ExtractionState.UNSUPPORTED, extraction.REASON_UNSUPPORTED),
    ],
)
def test_an_unreadable_file_gives_its_reason(name, data, state, reason):
    result = extraction.read_file(data, name)
    assert (result.state, result.message, result.pages) == (state, reason, [])
