"""Documents follow review (`knowledge.review`): uploads wait for a reviewer; only reviewers widen, replace, delete.

Each role as README describes it: specialists and organisers upload (held unreviewed), reviewers
and administrators release, move to a more public collection, replace and delete; translators
cannot upload; partners and the public never see an unreviewed document.
"""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.log_actions import LogContext
from wagtail.models import Collection, CollectionViewRestriction, ModelLogEntry

import pytest

from knowledge.models import KnowledgeDocument
from portal.core.privacy import documents_visible_to, partner_items_visible_to
from search import mappings
from search.serializers import serialize
from tests.factories import make_event, make_knowledge

pytestmark = pytest.mark.django_db

UPLOADERS = ("specialists", "organisers")
RELEASERS = ("reviewers", "administrators")


@pytest.fixture
def collections(roles):
    root = Collection.get_first_root_node()
    partner_only = root.add_child(name="Partner-only")
    restriction = CollectionViewRestriction.objects.create(
        collection=partner_only, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles["partners"]])
    return {"public": root, "partner": partner_only}


@pytest.fixture
def user_of(roles, make_user):
    def make(role):
        if role == "superuser":
            return make_user("admin", superuser=True)
        return make_user(role, group=roles[role])

    return make


def upload(client, collection, title="Draft protocol"):
    data = {
        "title": title,
        "file": SimpleUploadedFile("protocol.pdf", b"%PDF-1.4 draft"),
        "collection": collection.pk,
        "document_type": "report",
        "language": "en",
        "publication_date": "2024-01-01",
    }
    return client.post(reverse("wagtaildocs:add"), data)


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


def stored(title, collection, *, reviewed=True):
    document = KnowledgeDocument(title=title, collection=collection, reviewed=reviewed)
    document.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4 stored"), save=True)
    return document


def logged(document, action) -> bool:
    return ModelLogEntry.objects.filter(object_id=str(document.pk), action=action).exists()


@pytest.mark.parametrize("role", UPLOADERS)
def test_an_upload_by_a_specialist_or_organiser_waits_for_review(client, collections, user_of, partner, role):
    client.force_login(user_of(role))
    assert upload(client, collections["public"]).status_code == 302
    document = KnowledgeDocument.objects.get()
    assert not document.reviewed
    everyone = KnowledgeDocument.objects.all()
    for reader in (None, partner):
        assert not documents_visible_to(reader, everyone).exists()
    assert partner_items_visible_to(partner)[1] == []
    assert serialize(document)["audience"] == mappings.AUDIENCE_UNREVIEWED
    # The uploader may still download it (to check it); the public and partners may not.
    assert client.get(document.url).status_code == 200
    client.logout()
    assert client.get(document.url).status_code == 404
    client.force_login(partner)
    assert client.get(document.url).status_code == 404


@pytest.mark.parametrize("role", [*RELEASERS, "superuser"])
def test_an_upload_by_a_reviewer_or_administrator_is_released_at_once(client, collections, user_of, role):
    client.force_login(user_of(role))
    assert upload(client, collections["public"]).status_code == 302
    document = KnowledgeDocument.objects.get()
    assert document.reviewed
    assert documents_visible_to(None, KnowledgeDocument.objects.all()).get() == document


def test_the_chooser_upload_waits_for_review_too(client, collections, user_of):
    client.force_login(user_of("specialists"))
    prefix = "document-chooser-upload-"
    data = {
        f"{prefix}title": "From the chooser",
        f"{prefix}file": SimpleUploadedFile("chooser.pdf", b"%PDF-1.4 chooser"),
        f"{prefix}collection": collections["public"].pk,
        f"{prefix}document_type": "report",
        f"{prefix}language": "en",
        f"{prefix}publication_date": "2024-01-01",
    }
    assert client.post(reverse("wagtaildocs_chooser:create"), data).status_code == 200
    assert not KnowledgeDocument.objects.get(title="From the chooser").reviewed


def test_translators_partners_and_the_public_cannot_upload(client, collections, user_of, partner):
    for user in (user_of("translators"), partner, None):
        client.logout()
        if user is not None:
            client.force_login(user)
        upload(client, collections["public"])
    assert not KnowledgeDocument.objects.exists()


@pytest.mark.parametrize("role", RELEASERS)
def test_a_reviewer_releases_from_the_edit_page_and_it_is_logged(client, collections, user_of, role):
    document = stored("Held", collections["public"], reviewed=False)
    client.force_login(user_of(role))
    page = client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert reverse("knowledge_document_release", args=[document.pk]) in page
    response = client.post(reverse("knowledge_document_release", args=[document.pk]))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.reviewed
    assert logged(document, "knowledge.document.release")
    assert documents_visible_to(None, KnowledgeDocument.objects.all()).get() == document


@pytest.mark.parametrize("role", [*UPLOADERS, "translators"])
def test_editors_without_the_review_right_cannot_release(client, collections, user_of, role):
    document = stored("Held", collections["public"], reviewed=False)
    client.force_login(user_of(role))
    if role != "translators":
        page = client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
        assert "Awaiting review" in page
        assert reverse("knowledge_document_release", args=[document.pk]) not in page
    response = client.post(reverse("knowledge_document_release", args=[document.pk]))
    assert response.status_code in (302, 403)
    bulk = reverse("wagtail_bulk_action", args=["knowledge", "knowledgedocument", "release"])
    client.post(f"{bulk}?id={document.pk}")
    document.refresh_from_db()
    assert not document.reviewed


def test_a_reviewer_releases_from_the_listing(client, collections, user_of):
    documents = [stored(f"Held {n}", collections["public"], reviewed=False) for n in range(2)]
    client.force_login(user_of("reviewers"))
    bulk = reverse("wagtail_bulk_action", args=["knowledge", "knowledgedocument", "release"])
    query = "&".join(f"id={document.pk}" for document in documents)
    assert client.get(f"{bulk}?{query}").status_code == 200
    assert client.post(f"{bulk}?{query}").status_code == 302
    assert KnowledgeDocument.objects.filter(reviewed=True).count() == 2
    assert all(logged(document, "knowledge.document.release") for document in documents)


def test_publishing_a_page_that_uses_it_releases_it(site, collections, roles, make_user):
    document = stored("Attached", collections["public"], reviewed=False)
    specialist = make_user("specialist", group=roles["specialists"])
    brief = make_knowledge(site["knowledge"], title="Brief with an attachment")
    brief.attachments = [("attachment", {"document": document, "description": ""})]
    brief.save_revision(user=specialist)
    document.refresh_from_db()
    assert not document.reviewed, "a draft does not release what it uses"
    reviewer = make_user("reviewer", group=roles["reviewers"])
    with LogContext(user=reviewer):  # as in the admin, which names who acts
        brief.get_latest_revision().publish(user=reviewer)
    document.refresh_from_db()
    assert document.reviewed
    assert logged(document, "knowledge.document.release")


def publish_event_with(site, document, organiser):
    event = make_event(site["events"], title="Webinar with slides")
    event.materials = [("attachment", {"document": document, "description": ""})]
    with LogContext(user=organiser):
        event.save_revision(user=organiser).publish(user=organiser)


def test_an_organiser_publishing_an_event_releases_only_their_own_uploads(site, collections, roles, make_user):
    organiser = make_user("organiser", group=roles["organisers"])
    specialist = make_user("specialist", group=roles["specialists"])
    theirs = stored("Specialist's draft notes", collections["public"], reviewed=False)
    theirs.uploaded_by_user = specialist
    theirs.save()
    own = stored("Webinar slides", collections["public"], reviewed=False)
    own.uploaded_by_user = organiser
    own.save()
    publish_event_with(site, theirs, organiser)
    publish_event_with(site, own, organiser)
    theirs.refresh_from_db()
    own.refresh_from_db()
    assert not theirs.reviewed, "someone else's upload waits for a reviewer"
    assert own.reviewed


def test_a_publish_outside_the_admin_releases_nothing(site, collections):
    document = stored("Attached", collections["public"], reviewed=False)
    brief = make_knowledge(site["knowledge"], title="Brief published by a command")
    brief.attachments = [("attachment", {"document": document, "description": ""})]
    brief.save_revision().publish()
    document.refresh_from_db()
    assert not document.reviewed


@pytest.mark.parametrize("role", UPLOADERS)
def test_editors_cannot_make_a_document_more_public(client, collections, user_of, role):
    document = stored("Budget", collections["partner"])
    client.force_login(user_of(role))
    response = edit(client, document, collection=collections["public"].pk)
    assert response.status_code == 200, "the form comes back with the error"
    document.refresh_from_db()
    assert document.collection == collections["partner"]

    bulk = reverse("wagtail_bulk_action", args=["knowledge", "knowledgedocument", "add_to_collection"])
    client.post(f"{bulk}?id={document.pk}", {"collection": collections["public"].pk})
    document.refresh_from_db()
    assert document.collection == collections["partner"]
    assert not documents_visible_to(None, KnowledgeDocument.objects.all()).exists()


def test_editors_may_make_a_document_more_private_and_it_is_logged(client, collections, user_of):
    document = stored("Notes", collections["public"])
    client.force_login(user_of("specialists"))
    assert edit(client, document, collection=collections["partner"].pk).status_code == 302
    document.refresh_from_db()
    assert document.collection == collections["partner"]
    assert logged(document, "knowledge.document.collection")


@pytest.mark.parametrize("role", RELEASERS)
def test_reviewers_make_a_document_public_and_it_is_logged(client, collections, user_of, role):
    document = stored("Budget", collections["partner"])
    client.force_login(user_of(role))
    assert edit(client, document, collection=collections["public"].pk).status_code == 302
    document.refresh_from_db()
    assert document.collection == collections["public"]
    assert logged(document, "knowledge.document.collection")


@pytest.mark.parametrize("role", UPLOADERS)
def test_editors_cannot_replace_a_reviewed_file_but_may_their_unreviewed_one(client, collections, user_of, role):
    client.force_login(user_of(role))
    reviewed = stored("Reviewed", collections["public"])
    name = reviewed.file.name
    assert edit(client, reviewed, file=SimpleUploadedFile("new.pdf", b"%PDF-1.4 new")).status_code == 200
    reviewed.refresh_from_db()
    assert reviewed.file.name == name

    upload(client, collections["public"], title="Mine")
    mine = KnowledgeDocument.objects.get(title="Mine")
    assert (
        edit(client, mine, title="Mine, revised", file=SimpleUploadedFile("v2.pdf", b"%PDF-1.4 v2")).status_code == 302
    )
    mine.refresh_from_db()
    assert (mine.title, mine.reviewed) == ("Mine, revised", False)


def test_a_reviewer_replaces_a_file_and_it_is_logged(client, collections, user_of):
    document = stored("Reviewed", collections["public"])
    client.force_login(user_of("reviewers"))
    assert edit(client, document, file=SimpleUploadedFile("new.pdf", b"%PDF-1.4 new")).status_code == 302
    document.refresh_from_db()
    assert document.file.name.endswith(".pdf") and "new" in document.file.name
    assert logged(document, "knowledge.document.file")


@pytest.mark.parametrize("role", [*UPLOADERS, "translators"])
def test_only_reviewers_delete(client, collections, user_of, role):
    document = stored("Keep", collections["public"])
    client.force_login(user_of(role))
    client.post(reverse("wagtaildocs:delete", args=[document.pk]))
    bulk = reverse("wagtail_bulk_action", args=["knowledge", "knowledgedocument", "delete"])
    client.post(f"{bulk}?id={document.pk}")
    assert KnowledgeDocument.objects.filter(pk=document.pk).exists()


@pytest.mark.parametrize("role", RELEASERS)
def test_reviewers_delete_and_it_is_logged(client, collections, user_of, role):
    first, second = stored("One", collections["public"]), stored("Two", collections["public"])
    client.force_login(user_of(role))
    assert client.post(reverse("wagtaildocs:delete", args=[first.pk])).status_code == 302
    bulk = reverse("wagtail_bulk_action", args=["knowledge", "knowledgedocument", "delete"])
    assert client.post(f"{bulk}?id={second.pk}").status_code == 302
    assert not KnowledgeDocument.objects.filter(pk__in=[first.pk, second.pk]).exists()
    assert (
        ModelLogEntry.objects.filter(action="wagtail.delete", object_id__in=[str(first.pk), str(second.pk)]).count()
        == 2
    )


def test_documents_made_outside_the_admin_count_as_reviewed(collections):
    assert stored("Imported", collections["public"]).reviewed
