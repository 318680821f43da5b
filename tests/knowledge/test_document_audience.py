"""The upload asks who may see the file in plain words; the answer decides its collection and so its readers."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from knowledge.models import KnowledgeDocument
from search import indexing
from tests.factories import make_knowledge

pytestmark = pytest.mark.django_db

HIDDEN_WORD = "zqxaudiencesecret"
CONTROL = "zqxnowherefound"
PREFIX = "document-chooser-upload-"


@pytest.fixture
def collections(roles):
    root = Collection.get_first_root_node()
    programme = root.add_child(name="Programme documents")
    partner_only = root.add_child(name="Partner-only")
    restriction = CollectionViewRestriction.objects.create(
        collection=partner_only, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles["partners"]])
    return {"root": root, "programme": programme, "partner": partner_only}


def chooser_upload(client, title, **extra):
    data = {
        f"{PREFIX}title": title,
        f"{PREFIX}file": SimpleUploadedFile("notes.pdf", b"%PDF-1.4 notes"),
        f"{PREFIX}document_type": "report",
        f"{PREFIX}language": "en",
        f"{PREFIX}publication_date": "2024-01-01",
        **{f"{PREFIX}{name}": value for name, value in extra.items()},
    }
    return client.post(reverse("wagtaildocs_chooser:create"), data)


def test_the_upload_asks_who_may_see_the_file_and_defaults_to_partners(client, collections, roles, make_user):
    client.force_login(make_user("specialist", group=roles["specialists"]))
    html = client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]
    assert "Who may see this file?" in html
    assert "Partner officials only" in html
    assert "Everyone, once a reviewer has checked it" in html
    # The collection is no longer a visible choice that starts at "Root".
    assert f'name="{PREFIX}collection"' in html
    assert '<select name="document-chooser-upload-collection"' not in html
    form = client.get(reverse("wagtaildocs:add")).context["form"]
    assert form["who_may_see"].value() == "partners"


@pytest.mark.parametrize(
    ("answer", "collection"), [("partners", "partner"), ("everyone", "programme"), (None, "partner")]
)
def test_the_answer_decides_the_collection(client, collections, roles, make_user, answer, collection):
    client.force_login(make_user("specialist", group=roles["specialists"]))
    extra = {"who_may_see": answer} if answer else {}
    assert chooser_upload(client, "Field notes", **extra).status_code == 200
    assert KnowledgeDocument.objects.get(title="Field notes").collection == collections[collection]


def test_a_posted_collection_without_an_answer_is_kept(client, collections, roles, make_user):
    # The multiple upload's "Add to collection" posts a collection and no answer.
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    assert chooser_upload(client, "Annual plan", collection=collections["root"].pk).status_code == 200
    assert KnowledgeDocument.objects.get(title="Annual plan").collection == collections["root"]


def test_a_specialist_cannot_answer_everyone_for_a_reviewed_partner_file(client, collections, roles, make_user):
    document = KnowledgeDocument(title="Budget", collection=collections["partner"], reviewed=True)
    document.file.save("budget.pdf", SimpleUploadedFile("budget.pdf", b"%PDF-1.4 budget"), save=True)
    client.force_login(make_user("specialist", group=roles["specialists"]))
    data = {
        "title": "Budget",
        "who_may_see": "everyone",
        "collection": document.collection_id,
        "document_type": "report",
        "language": "en",
        "publication_date": "2024-01-01",
    }
    response = client.post(reverse("wagtaildocs:edit", args=[document.pk]), data)
    assert response.status_code == 200
    assert "Only a reviewer can move this document" in str(response.context["form"].errors["who_may_see"])
    document.refresh_from_db()
    assert document.collection == collections["partner"]


def test_an_existing_document_shows_its_own_audience(client, collections, roles, make_user):
    document = KnowledgeDocument(title="Open report", collection=collections["programme"])
    document.file.save("open.pdf", SimpleUploadedFile("open.pdf", b"%PDF-1.4 open"), save=True)
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    form = client.get(reverse("wagtaildocs:edit", args=[document.pk])).context["form"]
    assert form["who_may_see"].value() == "everyone"


def test_a_partner_only_upload_never_reaches_the_public(
    client, search_engine, site, collections, roles, make_user, partner, django_capture_on_commit_callbacks
):
    """A reviewer's upload is released at once: only the answer keeps it from the public."""
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    with django_capture_on_commit_callbacks(execute=True):
        assert chooser_upload(client, f"Shelter budget {HIDDEN_WORD}", who_may_see="partners").status_code == 200
        document = KnowledgeDocument.objects.get(title__contains=HIDDEN_WORD)
        assert document.reviewed and document.collection == collections["partner"]
        page = make_knowledge(
            site["knowledge"],
            title="Public brief",
            attachments=[("attachment", {"document": document, "description": ""})],
        )
    if search_engine == "elasticsearch":
        indexing.refresh()
    client.logout()
    landing = f"/en/documents/{document.pk}/document/"
    routes = [
        page.url,
        landing,
        f"{landing}download/",
        document.url,
        f"/api/v2/documents/{document.pk}/",
        "/api/v2/documents/",
        f"/en/search/?q={HIDDEN_WORD}",
        f"/en/search/api/?q={HIDDEN_WORD}",
        "/sitemap.xml",
    ]

    def body(route):
        response = client.get(route)
        assert response.status_code < 500, route
        content = b"".join(response.streaming_content) if response.streaming else response.content
        return content.decode("utf-8", "replace")

    def leaks():
        found = []
        for route in routes:
            # A search page repeats its query: count beyond what it does for a word nothing holds.
            echoes = body(route.replace(HIDDEN_WORD, CONTROL)).count(CONTROL) if HIDDEN_WORD in route else 0
            if body(route).count(HIDDEN_WORD) > echoes:
                found.append(route)
        return found

    assert leaks() == []
    client.force_login(partner)
    assert leaks(), "a partner official finds it, so the test could fail"


def test_the_chooser_upload_asks_only_what_choosing_a_file_needs(client, collections, roles, make_user):
    client.force_login(make_user("specialist", group=roles["specialists"]))
    html = client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]
    for kept in ("title", "file", "who_may_see", "document_type", "language", "description"):
        assert f'name="{PREFIX}{kept}"' in html, kept
    for left_for_later in ("authors", "publisher", "licence", "countries", "themes", "own_file", "related_event"):
        assert f'name="{PREFIX}{left_for_later}"' not in html, left_for_later
    assert "can be added afterwards on the document" in html
    # The document's own page still has every field.
    form = client.get(reverse("wagtaildocs:add")).context["form"]
    assert {"authors", "countries", "themes"} <= set(form.fields)
