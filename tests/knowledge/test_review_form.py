"""The document form's repository fields (`knowledge.review.DocumentReviewForm`).

The related event is chosen from event pages only; a translation's own file passes the same
upload checks as the document's file, belongs on translations only, and replacing it on a
document readers already have is the reviewers' right, like the file's.
"""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection, Locale

import pytest

from knowledge.models import KnowledgeDocument
from tests.factories import make_event, make_knowledge
from tests.knowledge.files import pdf_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def original(site):
    document = KnowledgeDocument(title="Referral protocol", collection=Collection.get_first_root_node())
    document.file.save("protocol.pdf", ContentFile(pdf_of(["Protocol"])), save=True)
    return document


@pytest.fixture
def russian_row(original):
    russian = original.copy_for_translation(Locale.objects.get_or_create(language_code="ru")[0])
    russian.title = "Протокол"
    russian.save()
    return russian


def edit(client, document, **changes):
    data = {
        "title": document.title,
        "collection": document.collection_id,
        "document_type": document.document_type,
        "language": document.language,
        "publication_date": document.publication_date.isoformat(),
        **changes,
    }
    return client.post(reverse("wagtaildocs:edit", args=[document.pk]), data)


def errors(response) -> dict:
    return {name: [str(e) for e in field] for name, field in response.context["form"].errors.items()}


def test_the_related_event_is_chosen_among_event_pages(client, site, original, make_user):
    client.force_login(make_user("admin", superuser=True))
    page = client.get(reverse("wagtaildocs:edit", args=[original.pk])).content.decode()
    assert 'id="id_related_event"' in page
    assert "page-chooser" in page or "PageChooser" in page

    brief = make_knowledge(site["knowledge"], title="Not an event")
    response = edit(client, original, related_event=brief.pk)
    assert response.status_code == 200
    assert "related_event" in errors(response)
    original.refresh_from_db()
    assert original.related_event_id is None

    event = make_event(site["events"], title="Webinar with Albania")
    assert edit(client, original, related_event=event.pk).status_code == 302
    original.refresh_from_db()
    assert original.related_event_id == event.pk


def test_a_translation_takes_its_own_file_through_the_upload_checks(client, russian_row, make_user):
    client.force_login(make_user("admin", superuser=True))
    program = SimpleUploadedFile("protokol.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    response = edit(client, russian_row, own_file=program)
    assert response.status_code == 200
    assert "program" in " ".join(errors(response)["own_file"])
    scripted = SimpleUploadedFile("protokol.pdf", b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (x) >> >>")
    assert "own_file" in errors(edit(client, russian_row, own_file=scripted))

    russian_pdf = pdf_of(["Протокол"])
    assert edit(client, russian_row, own_file=SimpleUploadedFile("protokol.pdf", russian_pdf)).status_code == 302
    russian_row.refresh_from_db()
    assert russian_row.own_file.read() == russian_pdf
    assert russian_row.own_file_size == len(russian_pdf)


def test_the_original_has_no_own_file(client, original, make_user):
    client.force_login(make_user("admin", superuser=True))
    response = edit(client, original, own_file=SimpleUploadedFile("copy.pdf", pdf_of(["Copy"])))
    assert response.status_code == 200
    assert "own_file" in errors(response)
    original.refresh_from_db()
    assert not original.own_file


def test_only_reviewers_replace_the_own_file_of_a_document_readers_have(client, russian_row, roles, make_user):
    # The specialist who uploaded it may edit it, but no longer swap its files once readers have it.
    specialist = make_user("specialist", group=roles["specialists"])
    KnowledgeDocument.objects.filter(pk=russian_row.pk).update(uploaded_by_user=specialist)
    client.force_login(specialist)
    response = edit(client, russian_row, own_file=SimpleUploadedFile("protokol.pdf", pdf_of(["Протокол"])))
    assert response.status_code == 200
    assert "Only a reviewer" in " ".join(errors(response)["own_file"])
    russian_row.refresh_from_db()
    assert not russian_row.own_file

    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    response = edit(client, russian_row, own_file=SimpleUploadedFile("protokol.pdf", pdf_of(["Протокол"])))
    assert response.status_code == 302
    russian_row.refresh_from_db()
    assert russian_row.own_file
