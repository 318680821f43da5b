"""Documents → "Add a document" asks who may see the files, and the answer decides where they land.

Wagtail's multiple upload offered "Add to collection", starting at "Root": the name of a folder
decided whether the public could download a file. The page now asks "Who may see this file?",
its script posts the answer with each file, and the server maps it to a collection the uploader
may use (`knowledge.views.multiple_upload`).
"""

import re

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission, UploadedFile
from wagtail.users.models import UserProfile

import pytest

from knowledge.models import KnowledgeDocument

pytestmark = pytest.mark.django_db

ADD = "/admin/documents/multiple/add/"
AJAX = {"x-requested-with": "XMLHttpRequest"}
HIDDEN_WORD = "zqxmultiuploadsecret"
QUESTION = {
    "en": ("Who may see this file?", "Partner officials only", "Everyone, once a reviewer has checked it"),
    "ru": ("Кто может видеть этот файл?", "Только представители партнёров", "Все, после проверки рецензентом"),
    "ko": ("이 파일을 누가 볼 수 있나요?", "파트너 담당자만", "검토자가 확인한 뒤 모든 사람"),
}


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


def pdf(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("notes.pdf", f"%PDF-1.4 {text}".encode())


def upload(client, data, text="field notes"):
    """The first step, as Wagtail's script posts it: the file and the upload form's other inputs."""
    return client.post(ADD, {"files[]": pdf(text), **data}, headers=AJAX)


def finish(client, answer, *, title, posted=None):
    """The per-file form's 'Update', with the answer the uploader leaves in it (`posted` overrides)."""
    pk = answer["uploaded_file_id"]
    prefix = f"uploaded-document-{pk}"
    collection = re.search(rf'name="{prefix}-collection" value="(\d+)"', answer["form"])
    data = {
        f"{prefix}-title": title,
        f"{prefix}-collection": collection.group(1) if collection else "",
        f"{prefix}-document_type": "report",
        f"{prefix}-language": "en",
        f"{prefix}-publication_date": "2025-03-01",
    }
    checked = re.search(rf'name="{prefix}-who_may_see" value="(\w+)"[^>]*checked', answer["form"])
    if checked:
        data[f"{prefix}-who_may_see"] = checked.group(1)
    data.update({f"{prefix}-{name}": value for name, value in (posted or {}).items()})
    return client.post(f"/admin/documents/multiple/create_from_uploaded_document/{pk}/", data, headers=AJAX)


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_the_page_asks_who_may_see_instead_of_add_to_collection(client, collections, roles, make_user, language):
    user = make_user("specialist", group=roles["specialists"])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    html = client.get(ADD).content.decode()
    question, partners, everyone = QUESTION[language]
    assert question in html and partners in html and everyone in html
    assert "Add to collection" not in html
    assert 'name="collection"' not in html
    # The question is in the upload's own form, so the script posts it with each file.
    form = html[html.index('<form action="/admin/documents/multiple/add/"') :]
    form = form[: form.index("</form>")]
    assert 'name="who_may_see" value="partners"' in form and 'id="fileupload"' in form
    assert re.search(r'value="partners"[^>]*checked', form), "partner officials only is the default"


@pytest.mark.parametrize(("answer", "lands_in"), [("partners", "partner"), ("everyone", "programme")])
def test_the_answer_decides_the_collection(client, collections, roles, make_user, answer, lands_in):
    client.force_login(make_user("specialist", group=roles["specialists"]))
    first = upload(client, {"who_may_see": answer})
    assert first.status_code == 200
    form = first.json()["form"]
    # The file's own form starts at the answer given, and offers no bare collection select.
    assert re.search(rf'value="{answer}"[^>]*checked', form)
    assert "Who may see this file?" in form
    assert not re.search(r"<select[^>]*-collection", form)
    assert finish(client, first.json(), title="Field notes").json()["success"]
    assert KnowledgeDocument.objects.get(title="Field notes").collection == collections[lands_in]


def test_a_partner_only_upload_cannot_be_downloaded_by_the_public(client, collections, roles, make_user, partner):
    """A reviewer's upload is released at once: only the answer keeps it from the public."""
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    first = upload(client, {"who_may_see": "partners"}, text=f"salaries {HIDDEN_WORD}").json()
    assert finish(client, first, title=f"Shelter budget {HIDDEN_WORD}").json()["success"]
    document = KnowledgeDocument.objects.get(title__contains=HIDDEN_WORD)
    assert document.reviewed and document.collection == collections["partner"]
    landing = f"/en/documents/{document.pk}/document/"
    routes = [document.url, landing, f"{landing}download/", f"/api/v2/documents/{document.pk}/"]

    def leaks():
        found = []
        for route in routes:
            response = client.get(route)
            assert response.status_code < 500, route
            body = b"".join(response.streaming_content) if response.streaming else response.content
            if HIDDEN_WORD.encode() in body:
                found.append(route)
        return found

    client.logout()
    assert leaks() == []
    client.force_login(partner)
    assert document.url in leaks(), "a partner official downloads it, so the test could fail"


@pytest.mark.parametrize(
    "data",
    [
        {"who_may_see": "root"},
        {"who_may_see": "partners'; --"},
        {"collection": "999999"},
        {"collection": "root"},
        {"collection": "²"},
        {"collection": "99999999999999999999999"},
    ],
)
def test_a_forged_answer_is_refused_and_nothing_is_stored(client, collections, roles, make_user, data):
    client.force_login(make_user("specialist", group=roles["specialists"]))
    response = upload(client, data)
    assert response.status_code == 400
    assert "Nothing was uploaded" in response.json()["error_message"]
    assert not KnowledgeDocument.objects.exists()
    assert not UploadedFile.objects.exists()


def test_a_forged_answer_in_the_files_form_is_a_form_error(client, collections, roles, make_user):
    client.force_login(make_user("specialist", group=roles["specialists"]))
    first = upload(client, {"who_may_see": "partners"}).json()
    response = finish(client, first, title="Field notes", posted={"who_may_see": "root"})
    assert response.status_code == 200
    answer = response.json()
    assert not answer["success"] and "Select a valid choice" in answer["form"]
    assert not KnowledgeDocument.objects.exists()


def test_an_uploader_only_puts_files_where_they_may(client, collections, make_user):
    """Someone who may add documents to the public collection only is offered only that answer."""
    group = Group.objects.create(name="Programme editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_document", "choose_document"):
        GroupCollectionPermission.objects.create(
            group=group,
            collection=collections["programme"],
            permission=Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename),
        )
    GroupCollectionPermission.objects.create(
        group=group,
        collection=collections["partner"],
        permission=Permission.objects.get(content_type__app_label="wagtaildocs", codename="choose_document"),
    )
    client.force_login(make_user("editor", group=group))
    html = client.get(ADD).content.decode()
    assert "Who may see this file?" in html and "Partner officials only" not in html
    for forged in ({"who_may_see": "partners"}, {"collection": str(collections["partner"].pk)}):
        assert upload(client, forged).status_code == 400
    assert not UploadedFile.objects.exists()
    first = upload(client, {"who_may_see": "everyone"})
    assert finish(client, first.json(), title="Programme notes").json()["success"]
    assert KnowledgeDocument.objects.get(title="Programme notes").collection == collections["programme"]
