"""Document families: a document and its translations share one file and the facts about it.

Russian readers see the Russian title wherever the document is linked; the file and its facts
stay one for the family, whichever row is saved, published or moved.
"""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction, Locale

import pytest

from knowledge.models import DocumentVersion
from search.models import SearchRecord
from tests.factories import make_country_page, make_knowledge
from tests.knowledge.files import pdf_in_any_script, pdf_of
from tests.knowledge.sample_document import DESCRIPTION, DESCRIPTION_RU, TITLE, TITLE_RU, translate_through_po

pytestmark = pytest.mark.django_db


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
    # Once as the link, once more for screen readers in its "About this document" link.
    english_page = client.get(brief.url).content.decode()
    assert english_page.count(TITLE) == 2
    assert english_page.count(f'<span class="visually-hidden">: {TITLE}</span>') == 1

    country = client.get(profile.get_translation(russian).url).content.decode()
    # The documents list (its link and the screen-reader text) and the partnership's timeline.
    assert country.count(TITLE_RU) == 3 and TITLE not in country
    assert country.count(f'<span class="visually-hidden">: {TITLE_RU}</span>') == 1


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

    # A new file replaces the old one for the whole family; the old one is kept as a version.
    old = Path(document.file.path)
    old_name = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        document.file.save("referral-protocol-v2.pdf", ContentFile(b"%PDF-1.4 v2"), save=True)
    target.refresh_from_db()
    assert target.file.name == document.file.name != old_name
    assert old.exists()
    assert list(DocumentVersion.objects.filter(key=document.translation_key).values_list("file", flat=True)) == [
        old_name
    ]

    # Deleting the whole family deletes its files, earlier versions included.
    with django_capture_on_commit_callbacks(execute=True):
        target.delete()
        document.delete()
    assert not old.exists()
    assert not DocumentVersion.objects.filter(key=document.translation_key).exists()


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
    assert old_file.exists()  # kept as the earlier version
    assert DocumentVersion.objects.filter(key=document.translation_key).count() == 1
    assert target.title == TITLE_RU
    # Nobody outside the partner group gets the file through the translation's address.
    client.logout()
    assert client.get(target.url).status_code in (302, 403)


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


# --- A translation's own file stays its own ----------------------------------------------------------


def test_translating_from_a_translation_does_not_copy_its_own_file(
    document, russian, django_capture_on_commit_callbacks
):
    """A Korean row made from the Russian one reads the family's English file, not the Russian PDF."""
    korean_locale = Locale.objects.get_or_create(language_code="ko")[0]
    with django_capture_on_commit_callbacks(execute=True):
        document.file.save("protocol-en.pdf", ContentFile(pdf_of(["The saffron referral ledger"])), save=True)
    with django_capture_on_commit_callbacks(execute=True):
        ru_row = document.copy_for_translation(russian)
        ru_row.title = TITLE_RU
        ru_row.save()
    with django_capture_on_commit_callbacks(execute=True):
        ru_row.own_file.save("ru.pdf", ContentFile(pdf_in_any_script(["Васильковый журнал"])), save=True)
    ru_row.refresh_from_db()
    assert "Васильковый" in ru_row.extracted_text

    with django_capture_on_commit_callbacks(execute=True):
        ko_row = ru_row.copy_for_translation(korean_locale)
        ko_row.title = "의뢰 절차"
        ko_row.save()
    ko_row.refresh_from_db()
    assert not ko_row.own_file and ko_row.own_file_size is None
    assert "saffron" in ko_row.extracted_text and "Васильковый" not in ko_row.extracted_text
    assert list(ko_row.page_texts.values_list("text", flat=True)) == ["The saffron referral ledger"]
    # The Russian row keeps its file, and the Korean page offers the English one first.
    ru_row.refresh_from_db()
    assert ru_row.own_file.name.startswith("documents/ru")


# --- A row whose own file the storage lost still saves -----------------------------------------------


def test_a_row_whose_own_file_is_missing_can_still_be_edited(client, document, russian, make_user):
    ru_row = document.copy_for_translation(russian)
    ru_row.title = TITLE_RU
    ru_row.save()
    ru_row.own_file.save("ru.pdf", ContentFile(b"%PDF-1.4 ru"), save=True)
    size = ru_row.own_file_size
    assert size
    default_storage.delete(ru_row.own_file.name)

    client.force_login(make_user("admin", superuser=True))
    response = client.post(
        reverse("wagtaildocs:edit", args=[ru_row.pk]),
        {
            "title": "Протокол (исправлено)",
            "collection": ru_row.collection_id,
            "document_type": ru_row.document_type,
            "language": ru_row.language,
            "publication_date": ru_row.publication_date.isoformat(),
            "countries": [c.pk for c in ru_row.countries.all()],
        },
    )
    assert response.status_code == 302
    ru_row.refresh_from_db()
    assert ru_row.title == "Протокол (исправлено)"
    assert ru_row.own_file_size == size  # kept: the file was not changed


# --- Deleting a translation deletes its own file -----------------------------------------------------


def test_deleting_a_translation_deletes_its_own_file_but_not_the_familys(
    document, russian, django_capture_on_commit_callbacks
):
    ru_row = document.copy_for_translation(russian)
    ru_row.save()
    ru_row.own_file.save("ru.pdf", ContentFile(b"%PDF-1.4 ru"), save=True)
    own = Path(ru_row.own_file.path)
    family_file = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        ru_row.delete()
    assert not own.exists()
    assert family_file.exists()
    document.refresh_from_db()
    assert document.file.name and Path(document.file.path).exists()
