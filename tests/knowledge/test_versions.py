"""Earlier versions of a document (`knowledge.documents`): only what readers had, and as private as it was.

A replaced file is kept as an earlier version only if readers may have had it: never a draft
replaced before review, never an own file uploaded by mistake and cleared. A version stays as
private as the collection the document was in when it was replaced. Reviewers delete a bad
version from the document's edit page, and it is in the audit log.
"""

import importlib

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wagtail.models import Collection, CollectionViewRestriction, Locale, ModelLogEntry

import pytest

from knowledge.models import DocumentVersion, KnowledgeDocument
from tests.knowledge.files import pdf_of

pytestmark = pytest.mark.django_db

PRIVATE_WORD = "zqxversionsecret"


@pytest.fixture
def collections(roles):
    root = Collection.get_first_root_node()
    partners = root.add_child(name="Partners")
    restriction = CollectionViewRestriction.objects.create(
        collection=partners, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles["partners"]])
    return {"public": root, "partners": partners}


@pytest.fixture
def readers(make_user, roles):
    """Who must never get a version they had no right to: the public and a signed-in non-partner."""
    return [None, make_user("reader"), make_user("specialist-reader", group=roles["specialists"])]


def landing_url(document, language="en"):
    with translation.override(language):
        return reverse("document_landing", args=(document.pk, document.slug))


def version_url(document, version_id, language="en"):
    with translation.override(language):
        return reverse("document_version_download", args=(document.pk, document.slug, version_id))


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def versions_of(document) -> list[DocumentVersion]:
    return list(DocumentVersion.objects.filter(key=document.translation_key))


def assert_refused(client, document, readers, *, secret_bytes: bytes, version_ids=None):
    """Every reader: the landing page shows neither the secret nor a version link, and every version is a 404."""
    version_ids = [version.pk for version in versions_of(document)] if version_ids is None else version_ids
    for reader in readers:
        client.logout()
        if reader is not None:
            client.force_login(reader)
        page = client.get(landing_url(document))
        assert page.status_code == 200
        assert PRIVATE_WORD not in page.text
        assert "/versions/" not in page.text
        for version_id in version_ids:
            response = client.get(version_url(document, version_id))
            assert response.status_code == 404, (reader, version_id)
            assert secret_bytes not in body(response)
    client.logout()


def edit_data(document, **changes) -> dict:
    return {
        "title": document.title,
        "collection": document.collection_id,
        "document_type": document.document_type,
        "language": document.language,
        "publication_date": document.publication_date.isoformat(),
        **changes,
    }


# --- (a) An unreviewed draft replaced before release -----------------------------------------------


def test_a_draft_replaced_before_review_is_no_version_and_is_deleted(
    client, collections, roles, make_user, readers, partner, django_capture_on_commit_callbacks
):
    specialist = make_user("specialist", group=roles["specialists"])
    reviewer = make_user("reviewer", group=roles["reviewers"])
    draft = pdf_of([f"Draft with salaries {PRIVATE_WORD}"])
    client.force_login(specialist)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Referral budget",
                "file": SimpleUploadedFile("draft.pdf", draft),
                "collection": collections["public"].pk,
                "document_type": "report",
                "language": "en",
                "publication_date": "2024-01-01",
            },
        )
    assert response.status_code == 302
    document = KnowledgeDocument.objects.get()
    assert not document.reviewed
    draft_name = document.file.name

    # The editor replaces the draft, still unreviewed; then a reviewer releases the document.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            edit_data(document, file=SimpleUploadedFile("final.pdf", pdf_of(["Final budget"]))),
        )
    assert response.status_code == 302
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("knowledge_document_release", args=[document.pk])).status_code == 302
    document.refresh_from_db()
    assert document.reviewed and document.file.name != draft_name

    assert versions_of(document) == []
    assert not default_storage.exists(draft_name)
    assert_refused(client, document, [*readers, partner], secret_bytes=PRIVATE_WORD.encode())


# --- (b) A file replaced while partner-only, then the document made public --------------------------


@pytest.fixture
def moved_out_of_partners(collections):
    """A reviewed partner-only document whose first file (with the secret) was replaced, then moved to the root."""
    document = KnowledgeDocument(title="Budget", collection=collections["partners"])
    document.file.save(f"budget-{PRIVATE_WORD}.pdf", ContentFile(pdf_of([f"Salaries {PRIVATE_WORD}"])), save=True)
    document.file.save("budget-public.pdf", ContentFile(pdf_of(["Public budget"])), save=True)
    document.collection = collections["public"]
    document.save()
    return document


def test_a_version_replaced_while_partner_only_stays_partner_only(client, moved_out_of_partners, readers, partner):
    document = moved_out_of_partners
    [version] = versions_of(document)
    assert version.collection.name == "Partners"
    assert_refused(client, document, readers, secret_bytes=PRIVATE_WORD.encode())

    client.force_login(partner)
    assert version_url(document, version.pk) in client.get(landing_url(document)).text
    response = client.get(version_url(document, version.pk))
    assert response.status_code == 200
    assert body(response) == version.file.open("rb").read()
    assert "private" in response["Cache-Control"]


def test_a_version_replaced_while_public_is_public(client, collections):
    document = KnowledgeDocument(title="Leaflet", collection=collections["public"])
    document.file.save("leaflet.pdf", ContentFile(pdf_of(["Leaflet one"])), save=True)
    document.file.save("leaflet-2.pdf", ContentFile(pdf_of(["Leaflet two"])), save=True)
    [version] = versions_of(document)
    assert version.collection == collections["public"]
    response = client.get(version_url(document, version.pk))
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")


def test_a_version_whose_collection_is_gone_is_for_reviewers_only(
    client, moved_out_of_partners, readers, partner, make_user, roles
):
    document = moved_out_of_partners
    [version] = versions_of(document)
    version.collection.delete()
    version.refresh_from_db()
    assert version.collection is None
    assert_refused(client, document, [*readers, partner], secret_bytes=PRIVATE_WORD.encode())
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    assert client.get(version_url(document, version.pk)).status_code == 200


# --- (c) An own file uploaded by mistake, then cleared ----------------------------------------------


def test_an_own_file_cleared_is_no_version_and_is_deleted(
    client, collections, readers, partner, django_capture_on_commit_callbacks
):
    document = KnowledgeDocument(title="Protocol", collection=collections["public"])
    document.file.save("protocol.pdf", ContentFile(pdf_of(["Protocol"])), save=True)
    russian = document.copy_for_translation(Locale.objects.get_or_create(language_code="ru")[0])
    russian.title = "Протокол"
    russian.save()
    with django_capture_on_commit_callbacks(execute=True):
        russian.own_file.save("mistake.pdf", ContentFile(pdf_of([f"Wrong file {PRIVATE_WORD}"])), save=True)
    mistake = russian.own_file.name
    with django_capture_on_commit_callbacks(execute=True):
        russian.own_file = None
        russian.save()

    assert versions_of(document) == []
    assert not default_storage.exists(mistake)
    assert_refused(client, document, [*readers, partner], secret_bytes=PRIVATE_WORD.encode())


def test_an_own_file_replaced_by_another_is_kept_as_a_version(client, collections):
    document = KnowledgeDocument(title="Protocol", collection=collections["public"])
    document.file.save("protocol.pdf", ContentFile(pdf_of(["Protocol"])), save=True)
    russian = document.copy_for_translation(Locale.objects.get_or_create(language_code="ru")[0])
    russian.save()
    russian.own_file.save("protocol-ru.pdf", ContentFile(pdf_of(["Протокол"])), save=True)
    russian.own_file.save("protocol-ru-2.pdf", ContentFile(pdf_of(["Протокол 2"])), save=True)
    [version] = versions_of(document)
    assert (version.language, version.collection) == ("ru", collections["public"])
    assert client.get(version_url(document, version.pk)).status_code == 200


# --- Reviewers delete a bad version ------------------------------------------------------------------


def test_a_reviewer_deletes_an_earlier_version_from_the_edit_page(
    client, moved_out_of_partners, make_user, roles, partner, django_capture_on_commit_callbacks
):
    document = moved_out_of_partners
    [version] = versions_of(document)
    name = version.file.name
    delete_url = reverse("knowledge_document_version_delete", args=[document.pk, version.pk])
    reviewer = make_user("reviewer", group=roles["reviewers"])
    client.force_login(reviewer)
    page = client.get(reverse("wagtaildocs:edit", args=[document.pk])).text
    assert f'formaction="{delete_url}"' in page and "Delete this version" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete_url)
    assert response.status_code == 302
    assert versions_of(document) == []
    assert not default_storage.exists(name)
    entry = ModelLogEntry.objects.get(object_id=str(document.pk), action="knowledge.document.version_delete")
    assert entry.user == reviewer and entry.data["version"]["file"] == name
    # Gone for partners too.
    client.force_login(partner)
    assert client.get(version_url(document, version.pk)).status_code == 404


@pytest.mark.parametrize("role", ["specialists", "organisers", "translators"])
def test_editors_cannot_delete_an_earlier_version(
    client, moved_out_of_partners, make_user, roles, role, django_capture_on_commit_callbacks
):
    document = moved_out_of_partners
    [version] = versions_of(document)
    delete_url = reverse("knowledge_document_version_delete", args=[document.pk, version.pk])
    client.force_login(make_user("editor", group=roles[role]))
    edit_page = client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    if edit_page.status_code == 200:
        assert delete_url not in edit_page.text
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(delete_url).status_code == 403
    assert versions_of(document) == [version]
    assert default_storage.exists(version.file.name)
    client.logout()
    assert client.post(delete_url).status_code == 302  # to the admin's sign-in
    assert versions_of(document) == [version]


def test_a_version_of_another_family_cannot_be_deleted_through_this_one(
    client, moved_out_of_partners, collections, make_user, roles
):
    other = KnowledgeDocument(title="Other", collection=collections["public"])
    other.file.save("other.pdf", ContentFile(b"%PDF-1.4 other"), save=True)
    [version] = versions_of(moved_out_of_partners)
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    assert client.post(reverse("knowledge_document_version_delete", args=[other.pk, version.pk])).status_code == 404
    assert client.get(reverse("knowledge_document_version_delete", args=[other.pk, version.pk])).status_code == 405
    assert versions_of(moved_out_of_partners) == [version]


# --- Versions kept before the collection was recorded ------------------------------------------------


def test_the_migration_gives_old_versions_their_familys_collection(moved_out_of_partners, collections):
    document = moved_out_of_partners
    DocumentVersion.objects.update(collection=None)
    migration = importlib.import_module("knowledge.migrations.0010_document_version_collection")
    migration.versions_take_their_familys_collection(apps, None)
    assert [version.collection for version in versions_of(document)] == [collections["public"]]
