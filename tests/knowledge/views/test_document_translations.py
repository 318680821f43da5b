"""Translating a document's metadata in the admin: wagtail-localize's PO round trip, and who may do it.

A translator chooses a language for a document, fills in the PO file wagtail-localize
exports, uploads it and publishes; the translation is found as Russian. Translators may
translate documents but not edit or replace them. The translation report links a missing
document translation to these routes, and flags one whose original was reworded.
"""

from django.urls import reverse

import pytest

from knowledge.models import KnowledgeDocument
from search.models import SearchRecord
from tests.knowledge.sample_document import DESCRIPTION, DESCRIPTION_RU, TITLE, TITLE_RU, translate_through_po

pytestmark = pytest.mark.django_db


def refused(response) -> bool:
    """Wagtail's admin answers a refusal with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


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


def test_report_lists_documents_with_a_link_to_translate_the_missing_ones(client, document, russian, translator):
    page = client.get(reverse("portal_translation_status"), {"language": "ru"}).content.decode()
    assert 'id="translation-status-knowledgedocument"' in page
    translate = reverse("knowledge_document_translate", args=[document.pk]) + "?select_locale=ru"
    assert translate in page


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
