"""An upload through the admin's multiple upload view, as an editor makes it, in the tests of several apps."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection

from knowledge.models import KnowledgeDocument


def upload(client, name: str, data: bytes, *, title: str, language: str = "en", collection=None):
    """Upload the file, save the upload's last step, and return the new document."""
    collection = (collection or Collection.get_first_root_node()).pk
    answer = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile(name, data), "collection": collection},
        headers={"x-requested-with": "XMLHttpRequest"},
    ).json()
    assert answer["success"], answer
    pk = answer["uploaded_file_id"]
    prefix = f"uploaded-document-{pk}"
    response = client.post(
        f"/admin/documents/multiple/create_from_uploaded_document/{pk}/",
        {
            f"{prefix}-title": title,
            f"{prefix}-collection": collection,
            f"{prefix}-document_type": "proceedings",
            f"{prefix}-language": language,
            f"{prefix}-publication_date": "2025-03-01",
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200 and response.json()["success"]
    return KnowledgeDocument.objects.get(title=title)
