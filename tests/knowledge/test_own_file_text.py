"""A translation's own file (`own_file`) is read for that row, and found in its language.

The family's file is read for the rows without a file of their own (`knowledge.extraction`,
`knowledge.tasks`, `knowledge.documents`); search indexes the row's own text (`search.serializers`).
"""

from django.core.files.base import ContentFile

from wagtail.models import Collection, Locale

import pytest

from knowledge.models import DocumentPageText, ExtractionState, KnowledgeDocument
from search import indexing
from tests.knowledge.files import pdf_in_any_script, pdf_of

pytestmark = pytest.mark.django_db

ENGLISH = ["Referral protocol for crisis centres", "The saffron referral ledger in use"]
RUSSIAN = ["Протокол направления в кризисные центры", "Васильковый журнал направлений"]
KOREAN_TITLE = "위기센터 의뢰 절차"


@pytest.fixture
def family(search_engine, site, django_capture_on_commit_callbacks):
    """An English report with its PDF; a Russian translation with its own Russian PDF; a Korean one without."""
    ru, ko = (Locale.objects.get_or_create(language_code=code)[0] for code in ("ru", "ko"))
    with django_capture_on_commit_callbacks(execute=True):
        english = KnowledgeDocument(title="Referral protocol", collection=Collection.get_first_root_node())
        english.file.save("protocol.pdf", ContentFile(pdf_of(ENGLISH)), save=False)
        english.save()
    with django_capture_on_commit_callbacks(execute=True):
        russian = english.copy_for_translation(ru)
        russian.title = "Протокол направления"
        russian.save()
        korean = english.copy_for_translation(ko)
        korean.title = KOREAN_TITLE
        korean.save()
    with django_capture_on_commit_callbacks(execute=True):
        russian.own_file.save("protocol-ru.pdf", ContentFile(pdf_in_any_script(RUSSIAN)), save=False)
        russian.save()
    if search_engine == "elasticsearch":
        indexing.refresh()
    for row in (english, russian, korean):
        row.refresh_from_db()
    return {"en": english, "ru": russian, "ko": korean, "engine": search_engine}


def found(client, language: str, query: str) -> list[str]:
    answer = client.get(f"/{language}/search/api/", {"q": query})
    assert answer.status_code == 200
    return [hit["title"] for hit in answer.json()["hits"]]


def pages(document) -> list[str]:
    return list(DocumentPageText.objects.filter(document=document).order_by("number").values_list("text", flat=True))


def test_the_russian_own_file_is_read_for_the_russian_row_only(family):
    english, russian, korean = family["en"], family["ru"], family["ko"]
    assert (russian.extraction_state, pages(russian)) == (ExtractionState.READ, RUSSIAN)
    assert "Васильковый" in russian.extracted_text and "saffron" not in russian.extracted_text
    for row in (english, korean):
        assert (row.extraction_state, pages(row)) == (ExtractionState.READ, ENGLISH)
        assert "saffron" in row.extracted_text and "Васильковый" not in row.extracted_text


def test_a_phrase_of_the_russian_own_file_is_found_in_russian(client, family):
    assert found(client, "ru", "Васильковый журнал") == ["Протокол направления"]
    # The English file's words stay on the English row (the Korean row shares its file).
    assert "Протокол направления" not in found(client, "en", "saffron ledger")
    assert "Referral protocol" in found(client, "en", "saffron ledger")


def test_replacing_the_english_file_reads_the_family_but_not_the_russian_own_file(
    client, family, django_capture_on_commit_callbacks
):
    english, russian, korean = family["en"], family["ru"], family["ko"]
    with django_capture_on_commit_callbacks(execute=True):
        english.file.save(
            "protocol-2.pdf", ContentFile(pdf_of(["Second edition", "The amber intake register"])), save=False
        )
        english.save()
    if family["engine"] == "elasticsearch":
        indexing.refresh()
    for row in (english, russian, korean):
        row.refresh_from_db()
    assert russian.file.name == english.file.name  # The family's file is still shared.
    assert pages(russian) == RUSSIAN and "Васильковый" in russian.extracted_text
    for row in (english, korean):
        assert pages(row) == ["Second edition", "The amber intake register"]
        assert "amber" in row.extracted_text and "saffron" not in row.extracted_text
    assert found(client, "ru", "Васильковый") == ["Протокол направления"]
    assert "Referral protocol" in found(client, "en", "amber register")


def test_the_family_file_replaced_from_the_russian_row_goes_to_the_others(family, django_capture_on_commit_callbacks):
    english, russian = family["en"], family["ru"]
    with django_capture_on_commit_callbacks(execute=True):
        russian.file.save(
            "protocol-3.pdf", ContentFile(pdf_of(["Third edition", "The cobalt shelter map"])), save=False
        )
        russian.save()
    english.refresh_from_db()
    russian.refresh_from_db()
    assert english.file.name == russian.file.name and pages(english) == ["Third edition", "The cobalt shelter map"]
    assert pages(russian) == RUSSIAN and russian.extraction_state == ExtractionState.READ


def test_without_its_own_file_the_row_takes_the_family_text_again(family, django_capture_on_commit_callbacks):
    english, russian = family["en"], family["ru"]
    with django_capture_on_commit_callbacks(execute=True):
        russian.own_file = None
        russian.save()
    english.refresh_from_db()
    russian.refresh_from_db()
    assert pages(russian) == ENGLISH and "saffron" in russian.extracted_text
    assert pages(english) == ENGLISH and "Васильковый" not in english.extracted_text
