"""Editors upload documents through the admin's own pages, not only through the chooser."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection, Locale

import pytest

from knowledge.models import KnowledgeDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, make_user, site):
    client.force_login(make_user("admin", superuser=True))
    return client


def test_single_upload_page_opens_and_saves_in_the_default_language(editor):
    assert editor.get("/admin/documents/add/").status_code == 200
    response = editor.post(
        "/admin/documents/add/",
        {
            "title": "Helpline call scripts",
            "file": SimpleUploadedFile("scripts.txt", b"Scripts for the first call."),
            "collection": Collection.get_first_root_node().pk,
            "document_type": "tool",
            "language": "en",
            "publication_date": "2025-03-01",
        },
    )
    assert response.status_code == 302
    document = KnowledgeDocument.objects.get(title="Helpline call scripts")
    assert document.locale == Locale.get_default()


def test_multiple_upload_saves_on_its_last_step(editor):
    collection = Collection.get_first_root_node().pk
    upload = editor.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes"), "collection": collection},
        headers={"x-requested-with": "XMLHttpRequest"},
    ).json()
    assert upload["success"]
    pk = upload["uploaded_file_id"]
    prefix = f"uploaded-document-{pk}"
    response = editor.post(
        f"/admin/documents/multiple/create_from_uploaded_document/{pk}/",
        {
            f"{prefix}-title": "Round table minutes",
            f"{prefix}-collection": collection,
            f"{prefix}-document_type": "proceedings",
            f"{prefix}-language": "en",
            f"{prefix}-publication_date": "2025-03-01",
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200 and response.json()["success"]
    document = KnowledgeDocument.objects.get(title="Round table minutes")
    assert document.file.name.endswith(".pdf") and document.locale == Locale.get_default()
