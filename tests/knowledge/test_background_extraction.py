"""An upload answers at once and its text is read afterwards, on the worker thread.

Here the "background" alias runs on `portal.core.background.ThreadBackend`, as it does when
the site is served, and the worker reads the upload on its own database connection, so it
sees only what the upload committed: the test is transactional (real commits, `on_commit`
as in production). The test database is SQLite in memory with a shared cache
(`file:memorydb_default?mode=memory&cache=shared`), which every connection of the process
opens, the worker's included. The worker is paused while the upload is answered, then let go;
the test waits for it rather than polling, so the two threads never write at the same time.
`serialized_rollback` puts back what the migrations wrote after the flush that ends a
transactional test, for whichever transactional test runs next.
"""

import io
import threading

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from wagtail.models import Collection

import pytest

from knowledge.models import ExtractionState, KnowledgeDocument
from portal.core import background
from tests.knowledge.files import pdf_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHRASE = "heliotrope shelter roster"
PAGES = ["Opening remarks of the round table", "Shelter capacity in the regions", f"Annex: the {PHRASE} in use"]


@pytest.fixture
def worker_thread(settings):
    settings.TASKS = {**settings.TASKS, "background": {"BACKEND": "portal.core.background.ThreadBackend"}}
    settings.SEARCH_ELASTICSEARCH_URL = ""  # The database engine, whatever the environment names.
    yield
    assert background.wait_until_idle(60), "the worker is still busy 60 s after the test"


@pytest.fixture
def reviewer(client, roles, make_user):
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    return client


def site_search(client, query: str) -> list[str]:
    """Titles the site's search API gives a reader for this query."""
    answer = client.get("/en/search/api/", {"q": query})
    assert answer.status_code == 200
    assert not answer.json()["degraded"]
    return [hit["title"] for hit in answer.json()["hits"]]


def test_an_upload_answers_before_its_text_is_read_and_the_text_is_found_soon_after(worker_thread, reviewer, client):
    with background.paused():
        response = reviewer.post(
            "/admin/documents/add/",
            {
                "title": "Round table minutes",
                "file": SimpleUploadedFile("minutes.pdf", pdf_of(PAGES), content_type="application/pdf"),
                "collection": Collection.get_first_root_node().pk,
                "document_type": "proceedings",
                "language": "en",
                "publication_date": "2025-03-01",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        # The editor has the answer while the file still waits to be read.
        document = KnowledgeDocument.objects.get(title="Round table minutes")
        assert document.extraction_state == ExtractionState.PENDING
        assert not document.page_texts.exists() and PHRASE not in document.extracted_text
        client.logout()
        assert site_search(client, PHRASE) == []

    assert background.wait_until_idle(60), "the text was not read within 60 s"
    document.refresh_from_db()
    assert document.extraction_state == ExtractionState.READ
    assert list(document.page_texts.values_list("number", flat=True)) == [1, 2, 3]
    assert PHRASE in document.page_texts.get(number=3).text
    assert site_search(client, PHRASE) == ["Round table minutes"]


def test_an_import_waits_for_its_text_before_the_command_ends(worker_thread, site, tmp_path):
    """The worker thread ends with the command's process: without the wait, the text would never be read."""
    (tmp_path / "minutes.pdf").write_bytes(pdf_of(PAGES))
    (tmp_path / "manifest.csv").write_text("file,title,date\nminutes.pdf,Imported minutes,2025-01-01\n", "utf-8-sig")
    out = io.StringIO()
    background.pause()
    # Held while the rows are imported, so the text is certainly still waiting when the rows are done.
    threading.Timer(1.0, background.resume).start()
    call_command("import_documents", str(tmp_path / "manifest.csv"), "--no-progress", stdout=out)
    document = KnowledgeDocument.objects.get(title="Imported minutes")
    assert document.extraction_state == ExtractionState.READ
    assert PHRASE in document.page_texts.get(number=3).text
    assert out.getvalue().splitlines() == [
        "Reading the text of the imported files…",
        "1 created, 0 updated, 0 unchanged, 0 rejected.",
    ]
