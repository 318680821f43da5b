"""A partner-only collection is known by its view restriction, not by a name.

"Who may see this file?" maps "Partner officials only" to a collection whose restrictions let in
a group of readers only (`knowledge.document_audience`), as the privacy gate reads them: renaming
the partner group or the collection changes nothing, and a collection kept to a staff group, or
behind a sign-in alone, is never offered as partner-only.
"""

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from knowledge.document_audience import EVERYONE, PARTNERS, collection_audiences
from knowledge.models import KnowledgeDocument

pytestmark = pytest.mark.django_db

HIDDEN_WORD = "zqxrenamedpartnersecret"
PREFIX = "document-chooser-upload-"


def body(response) -> str:
    assert response.status_code < 500
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", "replace")


def restrict(collection, *groups, kind=CollectionViewRestriction.GROUPS):
    restriction = CollectionViewRestriction.objects.create(collection=collection, restriction_type=kind)
    restriction.groups.set(groups)
    return restriction


@pytest.fixture
def renamed(roles):
    """The demo's collections, after an administrator renamed the partner group and the partner-only collection."""
    programme = Collection.get_first_root_node().add_child(name="Programme documents")
    partner_only = Collection.get_first_root_node().add_child(name="Partner-only")
    restrict(partner_only, roles["partners"])
    Group.objects.filter(pk=roles["partners"].pk).update(name="Ministry officials of partner countries")
    Collection.objects.filter(pk=partner_only.pk).update(name="Shared with ministries")
    # Siblings are kept in name order: a later sibling can move the ones made before it.
    return {
        "root": Collection.get_first_root_node(),
        "programme": Collection.objects.get(pk=programme.pk),
        "partner": Collection.objects.get(pk=partner_only.pk),
    }


def test_renaming_the_group_and_the_collection_keeps_the_mapping(client, renamed, roles, make_user, partner):
    assert collection_audiences(renamed.values()) == {
        renamed["root"].pk: EVERYONE,
        renamed["programme"].pk: EVERYONE,
        renamed["partner"].pk: PARTNERS,
    }
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    html = client.get("/admin/documents/multiple/add/").content.decode()
    assert "Who may see this file?" in html and "Partner officials only" in html
    assert "Add to collection" not in html
    data = {
        f"{PREFIX}title": f"Budget {HIDDEN_WORD}",
        f"{PREFIX}file": SimpleUploadedFile("budget.pdf", f"%PDF-1.4 {HIDDEN_WORD}".encode()),
        f"{PREFIX}who_may_see": "partners",
        f"{PREFIX}document_type": "report",
        f"{PREFIX}language": "en",
        f"{PREFIX}publication_date": "2024-01-01",
    }
    assert client.post("/admin/documents/chooser/create/", data).status_code == 200
    document = KnowledgeDocument.objects.get(title__contains=HIDDEN_WORD)
    assert document.reviewed and document.collection == renamed["partner"]
    client.logout()
    assert HIDDEN_WORD not in body(client.get(document.url))
    client.force_login(partner)
    assert HIDDEN_WORD in body(client.get(document.url)), "a partner official downloads it, so the test could fail"


def test_a_collection_under_the_partner_only_one_is_partner_only(renamed):
    minutes = renamed["partner"].add_child(name="Minutes")
    assert collection_audiences([minutes]) == {minutes.pk: PARTNERS}


def test_restrictions_that_are_not_for_partner_officials_are_neither(roles):
    made = {}
    for name in ("Reviewers' working files", "Any signed-in user", "Nobody", "Partners and reviewers"):
        made[name] = Collection.get_first_root_node().add_child(name=name).pk
    made["Drafts for partners"] = (
        Collection.objects.get(pk=made["Reviewers' working files"]).add_child(name="Drafts").pk
    )
    staff, signed_in, nobody, both, inside_staff = (Collection.objects.get(pk=pk) for pk in made.values())
    restrict(staff, roles["reviewers"])
    restrict(signed_in, kind=CollectionViewRestriction.LOGIN)
    restrict(nobody)
    # Partners below a collection kept to reviewers pass only one of the two restrictions.
    restrict(inside_staff, roles["partners"])
    restrict(both, roles["partners"], roles["reviewers"])
    audiences = collection_audiences([staff, signed_in, nobody, inside_staff, both])
    assert audiences == {staff.pk: None, signed_in.pk: None, nobody.pk: None, inside_staff.pk: None, both.pk: PARTNERS}


def test_a_document_in_a_collection_that_is_neither_keeps_its_collection_field(client, roles, make_user):
    staff = Collection.get_first_root_node().add_child(name="Reviewers' working files")
    restrict(staff, roles["reviewers"])
    document = KnowledgeDocument(title="Draft", collection=staff)
    document.file.save("draft.pdf", SimpleUploadedFile("draft.pdf", b"%PDF-1.4 draft"), save=True)
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    form = client.get(f"/admin/documents/edit/{document.pk}/").context["form"]
    assert "who_may_see" not in form.fields
    # The question never offers it to a new file either.
    form = client.get("/admin/documents/add/").context["form"]
    assert form.audience_targets and staff not in sum(form.audience_targets.values(), [])
