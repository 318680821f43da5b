"""Document metadata in the reader's language: translated with wagtail-localize, one shared file.

A translator chooses a language for a document, fills in the PO file wagtail-localize
exports, uploads it and publishes; Russian readers then see the Russian title wherever the
document is linked, and find it as Russian. The file and its facts stay one for the family.
"""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction, Locale
from wagtail_localize.models import Translation

import polib
import pytest

from knowledge.models import KnowledgeDocument
from portal.core.models import Country
from search.models import SearchRecord
from tests.factories import make_country_page, make_knowledge

pytestmark = pytest.mark.django_db

TITLE = "Sunflower Centre referral protocol"
TITLE_RU = "Протокол направления в центры «Подсолнух»"
DESCRIPTION = "How police, hospitals and counsellors refer a survivor."
DESCRIPTION_RU = "Как полиция, больницы и консультанты направляют пострадавших."


@pytest.fixture
def russian(db):
    return Locale.objects.get_or_create(language_code="ru")[0]


@pytest.fixture
def kazakhstan(site):
    return Country.objects.create(iso_code="KZ", name="Kazakhstan")


@pytest.fixture
def document(site, kazakhstan):
    document = KnowledgeDocument(
        title=TITLE,
        description=DESCRIPTION,
        collection=Collection.get_first_root_node(),
        publication_date=datetime.date(2021, 4, 28),
        language="en",
    )
    document.file.save("referral-protocol.pdf", ContentFile(b"%PDF-1.4 protocol"), save=False)
    document.save()
    document.countries.set([kazakhstan])
    return document


@pytest.fixture
def translator(client, roles, make_user):
    user = make_user("translator", group=roles["translators"])
    client.force_login(user)
    return user


def translate_through_po(client, document, locale, words: dict) -> KnowledgeDocument:
    """Submit, export the PO file, fill it in, upload it and publish: all through the admin."""
    response = client.post(reverse("knowledge_document_translate", args=[document.pk]), {"locales": [locale.pk]})
    assert response.status_code == 302, response.content[:500]
    target = document.get_translation(locale)
    assert response["Location"] == reverse("knowledge_document_translation", args=[target.pk])
    assert client.get(response["Location"]).status_code == 200

    translation = Translation.objects.get(source__object_id=document.translation_key, target_locale=locale)
    exported = polib.pofile(client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk])).text)
    for entry in exported:
        entry.msgstr = words.get(entry.msgid, "")
    upload = ContentFile(str(exported).encode(), name="document.po")
    response = client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload})
    assert response.status_code == 302
    response = client.post(reverse("knowledge_document_translation", args=[target.pk]), {"action": "publish"})
    assert response.status_code == 302
    target.refresh_from_db()
    return target


def test_translator_translates_title_and_description_through_a_po_file(
    client, document, russian, translator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        target = translate_through_po(client, document, russian, {TITLE: TITLE_RU, DESCRIPTION: DESCRIPTION_RU})

    assert (target.title, target.description) == (TITLE_RU, DESCRIPTION_RU)
    assert target.locale == russian
    # The same file and the same facts, not a copy of the file.
    assert target.file.name == document.file.name
    assert target.publication_date == document.publication_date
    assert list(target.countries.values_list("iso_code", flat=True)) == ["KZ"]
    # Found as Russian, and the original still as English.
    records = dict(SearchRecord.objects.filter(document__in=[document, target]).values_list("title", "locale"))
    assert records == {TITLE: "en", TITLE_RU: "ru"}


def test_russian_readers_see_the_russian_title_where_the_document_is_linked(
    client, site, document, russian, kazakhstan
):
    brief = make_knowledge(
        site["knowledge"],
        title="Referral in practice",
        attachments=[("attachment", {"document": document, "description": ""})],
    )
    brief.copy_for_translation(russian, copy_parents=True).save_revision().publish()
    profile = make_country_page(site["countries"], kazakhstan)
    profile.copy_for_translation(russian, copy_parents=True).save_revision().publish()
    target = document.copy_for_translation(russian)
    target.title = TITLE_RU
    target.save()

    page = client.get(brief.get_translation(russian).url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert TITLE_RU in page and TITLE not in page
    assert client.get(brief.url).content.decode().count(TITLE) == 1

    country = client.get(profile.get_translation(russian).url).content.decode()
    assert country.count(TITLE_RU) == 1 and TITLE not in country


def test_a_translation_shares_the_file_and_the_facts_whichever_row_is_saved(
    document, russian, site, django_capture_on_commit_callbacks
):
    target = document.copy_for_translation(russian)
    target.title = TITLE_RU
    target.save()
    assert list(target.countries.values_list("iso_code", flat=True)) == ["KZ"]

    # Facts edited on the translation are the original's too, countries included.
    target.publication_date = datetime.date(2022, 1, 1)
    target.save()
    target.countries.clear()
    document.refresh_from_db()
    assert document.publication_date == datetime.date(2022, 1, 1)
    assert document.countries.count() == 0
    assert document.title == TITLE  # words stay each row's own

    # A new file replaces the old one for the whole family, and the old one is deleted.
    old = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        document.file.save("referral-protocol-v2.pdf", ContentFile(b"%PDF-1.4 v2"), save=True)
    target.refresh_from_db()
    assert target.file.name == document.file.name != old.name
    assert not old.exists()


def test_deleting_a_translation_keeps_the_file_the_original_still_uses(
    document, russian, django_capture_on_commit_callbacks
):
    target = document.copy_for_translation(russian)
    target.save()
    path = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        target.delete()
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert not path.exists()


def refused(response) -> bool:
    """Wagtail's admin answers a refusal with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_translators_translate_documents_but_cannot_edit_or_replace_them(client, document, russian, translator):
    assert client.get(reverse("knowledge_document_translate", args=[document.pk])).status_code == 200
    assert refused(client.get(reverse("wagtaildocs:edit", args=[document.pk])))
    assert refused(client.post(reverse("wagtaildocs:edit", args=[document.pk]), {"title": "Changed"}))
    document.refresh_from_db()
    assert document.title == TITLE


def test_editors_without_the_translation_permission_are_refused(client, document, roles, make_user):
    client.force_login(make_user("specialist", group=roles["specialists"]))
    assert refused(client.get(reverse("knowledge_document_translate", args=[document.pk])))
    assert refused(client.post(reverse("knowledge_document_translate", args=[document.pk]), {"locales": []}))
    assert refused(client.get(reverse("knowledge_document_translation", args=[document.pk])))


def test_the_original_is_not_a_translation_to_edit(client, document, translator):
    assert client.get(reverse("knowledge_document_translation", args=[document.pk])).status_code == 404
    assert client.get(reverse("knowledge_document_translate", args=[10**9])).status_code == 404


def test_report_lists_documents_with_a_link_to_translate_the_missing_ones(client, document, russian, translator):
    page = client.get(reverse("portal_translation_status"), {"language": "ru"}).content.decode()
    assert 'id="translation-status-knowledgedocument"' in page
    translate = reverse("knowledge_document_translate", args=[document.pk]) + "?select_locale=ru"
    assert translate in page


def test_publishing_an_old_translation_keeps_the_documents_new_collection_and_file(
    client, document, russian, translator, roles, django_capture_on_commit_callbacks
):
    """wagtail-localize keeps a snapshot of the original: it must not bring back old facts."""
    with django_capture_on_commit_callbacks(execute=True):
        target = translate_through_po(client, document, russian, {TITLE: TITLE_RU, DESCRIPTION: DESCRIPTION_RU})
    partner_only = Collection.get_first_root_node().add_child(name="Partner-only")
    CollectionViewRestriction.objects.create(
        collection=partner_only, restriction_type=CollectionViewRestriction.GROUPS
    ).groups.set([roles["partners"]])
    old_file = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        document.collection = partner_only
        document.file.save("referral-protocol-v2.pdf", ContentFile(b"%PDF-1.4 v2"), save=False)
        document.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("knowledge_document_translation", args=[target.pk]), {"action": "publish"})
    assert response.status_code == 302
    for row in (document, target):
        row.refresh_from_db()
        assert row.collection == partner_only
        assert row.file.name == document.file.name and Path(row.file.path).exists()
    assert not old_file.exists()
    assert target.title == TITLE_RU
    # Nobody outside the partner group gets the file through the translation's address.
    client.logout()
    assert client.get(target.url).status_code in (302, 403)


def test_the_report_flags_a_translation_when_the_original_is_reworded(
    client, document, russian, translator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_through_po(client, document, russian, {TITLE: TITLE_RU, DESCRIPTION: DESCRIPTION_RU})

    def state() -> str:
        page = client.get(reverse("portal_translation_status"), {"language": "ru"}).content.decode()
        table = page[page.index('id="translation-status-knowledgedocument"') :]
        return table[table.index('data-state="') + len('data-state="') :].split('"', 1)[0]

    assert state() == "up-to-date"
    document.title = "Sunflower Centre referral protocol, second edition"
    document.save()
    assert state() == "source-changed"


def test_moving_documents_in_bulk_moves_their_translations(
    client, document, russian, roles, make_user, django_capture_on_commit_callbacks
):
    target = document.copy_for_translation(russian)
    target.title = TITLE_RU
    target.save()
    partner_only = Collection.get_first_root_node().add_child(name="Partner-only")
    CollectionViewRestriction.objects.create(
        collection=partner_only, restriction_type=CollectionViewRestriction.GROUPS
    ).groups.set([roles["partners"]])
    client.force_login(make_user("admin", superuser=True))
    url = reverse("wagtail_bulk_action", args=["knowledge", "knowledgedocument", "add_to_collection"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{url}?id={document.pk}", {"collection": partner_only.pk})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.collection == partner_only
    assert SearchRecord.objects.get(document=target).audience == "partner"
    client.logout()
    assert client.get(target.url).status_code in (302, 403)


def test_submitting_needs_the_document_translation_permission(client, document, russian, make_user):
    """`submit_translation` alone (what page editors may have) does not open documents."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Page translators")
    group.permissions.set(Permission.objects.filter(codename__in=["access_admin", "submit_translation"]))
    client.force_login(make_user("pages-only", group=group))
    url = reverse("knowledge_document_translate", args=[document.pk])
    assert refused(client.get(url))
    assert refused(client.post(url, {"locales": [russian.pk]}))
    assert not KnowledgeDocument.objects.filter(locale=russian).exists()


def test_the_documents_edit_page_lists_its_translations_and_offers_to_translate(
    client, document, russian, translator, make_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        target = translate_through_po(client, document, russian, {TITLE: TITLE_RU, DESCRIPTION: DESCRIPTION_RU})
    client.force_login(make_user("admin", superuser=True))
    page = client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert reverse("knowledge_document_translate", args=[document.pk]) in page
    assert f'href="{reverse("knowledge_document_translation", args=[target.pk])}" lang="ru">{TITLE_RU}</a>' in page


def test_document_files_go_to_the_configured_default_storage(document, settings):
    """The family-aware storage only guards deletes: files live where STORAGES["default"] says."""
    from django.core.files.storage import storages

    assert Path(document.file.path).parent == Path(settings.MEDIA_ROOT) / "documents"
    assert document.file.url == storages["default"].url(document.file.name)
    assert document.file.storage.exists(document.file.name)
