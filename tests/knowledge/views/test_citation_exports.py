"""The citation files a reader downloads: `/<lang>/documents/<id>/<slug>/cite.bib|ris|json`.

Each is a file a reference manager imports (type, attachment, ASCII name), in the row of the
address's language; an old slug is sent on with a 301. A document that is partner-only or
not yet reviewed answers 404 to anyone who may not read it, on every export, whatever the
slug, and its words (a secret token in its title) appear in no answer; a partner official
gets the partner-only files, so the test cannot pass on documents that were never there.
"""

import datetime
import json

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from wagtail.models import Collection, CollectionViewRestriction, Locale

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from knowledge import citations
from knowledge.models import KnowledgeDocument

pytestmark = pytest.mark.django_db

EXPORTS = {
    "document_cite_bibtex": ("bib", "application/x-bibtex; charset=utf-8"),
    "document_cite_ris": ("ris", "application/x-research-info-systems; charset=utf-8"),
    "document_cite_json": ("json", "application/vnd.citationstyles.csl+json; charset=utf-8"),
}
TITLES = {
    "en": "Sunflower Centre referral protocol",
    "ru": "Протокол направления в центры «Подсолнух»",
    "ko": "해바라기센터 연계 프로토콜",
}
HIDDEN_WORD = "zqxcitehidden"


def make_document(title, *, collection=None, **fields) -> KnowledgeDocument:
    document = KnowledgeDocument(
        title=title,
        collection=collection or Collection.get_first_root_node(),
        publication_date=datetime.date(2024, 3, 5),
        authors="Kim, Ji-young; UNDP Seoul Policy Centre",
        publisher="UNDP Seoul Policy Centre",
        **fields,
    )
    document.file.save("protocol.pdf", ContentFile(b"%PDF-1.4 protocol"), save=True)
    return document


def title_in(route: str, body: str) -> str:
    """The title a reference manager reads from the file."""
    if route == "document_cite_bibtex":
        [entry] = bibtexparser.parse_string(body, append_middleware=[LatexDecodingMiddleware()]).entries
        return entry["title"]
    if route == "document_cite_ris":
        [record] = rispy.loads(body)
        return record["title"]
    [item] = json.loads(body)
    return item["title"]


def export_url(route, document, *, slug=None, language=None) -> str:
    """The export's address, in the row's language unless told."""
    with translation.override(language or document.locale.language_code):
        return reverse(route, kwargs={"document_id": document.pk, "slug": slug or document.slug})


@pytest.fixture
def rows(db):
    """A document and its Russian and Korean rows, each with its own title."""
    english = make_document(TITLES["en"])
    rows = {"en": english}
    for code in ("ru", "ko"):
        row = english.copy_for_translation(Locale.objects.get_or_create(language_code=code)[0])
        row.title = TITLES[code]
        row.save()
        rows[code] = row
    return rows


@pytest.mark.parametrize("route", EXPORTS)
def test_each_export_is_a_file_in_the_rows_language(client, rows, route):
    extension, content_type = EXPORTS[route]
    for code, row in rows.items():
        url = export_url(route, row)
        assert url == f"/{code}/documents/{row.pk}/{row.slug}/cite.{extension}"

        response = client.get(url)

        assert response.status_code == 200
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"] == f'attachment; filename="{row.slug}.{extension}"'
        assert response["Content-Disposition"].isascii()
        body = response.content.decode("utf-8")
        assert title_in(route, body) == TITLES[code]
        assert f"http://testserver/{code}/documents/{row.pk}/{row.slug}/" in body


@pytest.mark.parametrize("route", EXPORTS)
def test_an_old_slug_or_another_rows_id_is_sent_to_the_documents_address(client, rows, route):
    russian = rows["ru"]

    response = client.get(export_url(route, russian, slug="old-title"))
    assert response.status_code == 301
    assert response["Location"] == export_url(route, russian)
    assert client.get(response["Location"]).status_code == 200

    # The English row's address in Russian: the Russian row's file, at its own address.
    response = client.get(export_url(route, rows["en"], language="ru"))
    assert response.status_code == 301
    assert response["Location"] == export_url(route, russian)


def test_a_document_that_does_not_exist_or_a_write_answers_as_it_should(client, rows):
    assert client.get("/en/documents/999999/anything/cite.bib").status_code == 404
    assert client.get("/en/documents/1/anything/cite.txt").status_code == 404
    assert client.post(export_url("document_cite_ris", rows["en"])).status_code == 405
    assert client.head(export_url("document_cite_ris", rows["en"])).status_code == 200


@pytest.fixture
def hidden(roles):
    """A partner-only document and an unreviewed one, each with the token in its title."""
    collection = Collection.get_first_root_node().add_child(name="Partner-only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles["partners"]])
    partner_only = make_document(f"Budget {HIDDEN_WORD}", collection=collection)
    russian = partner_only.copy_for_translation(Locale.objects.get_or_create(language_code="ru")[0])
    russian.title = f"Бюджет {HIDDEN_WORD}"
    russian.save()
    unreviewed = make_document(f"Draft {HIDDEN_WORD}", reviewed=False)
    return {"partner_only": partner_only, "partner_only_ru": russian, "unreviewed": unreviewed}


def answers(client, document):
    """Every export of `document`, at its address and at a wrong slug, and the answer's text.

    The text leaves out the slug the request sent (the 404 page's language links repeat the
    address asked for): whatever else carries the token came from the document.
    """
    for route in EXPORTS:
        for slug in (document.slug, "wrong-slug"):
            response = client.get(export_url(route, document, slug=slug))
            yield response, response.content.decode().replace(slug, "")


def test_partner_only_and_unreviewed_documents_are_not_found_by_anyone_who_may_not_read_them(
    client, hidden, make_user, roles
):
    for reader in (None, make_user("reader"), make_user("specialist", group=roles["specialists"])):
        client.logout()
        if reader is not None:
            client.force_login(reader)
        for document in hidden.values():
            for response, text in answers(client, document):
                assert response.status_code == 404
                assert HIDDEN_WORD not in text
                assert "Location" not in response  # Not even the slug of its title.


def test_partners_get_the_partner_only_files_but_nobody_gets_an_unreviewed_one(client, hidden, partner):
    client.force_login(partner)
    for key in ("partner_only", "partner_only_ru"):
        for route in EXPORTS:
            response = client.get(export_url(route, hidden[key]))
            assert response.status_code == 200
            assert HIDDEN_WORD in title_in(route, response.content.decode())
    for response, text in answers(client, hidden["unreviewed"]):
        assert response.status_code == 404
        assert HIDDEN_WORD not in text


def test_the_landing_blocks_export_links_serve_their_files(client, rows, rf):
    for code, row in rows.items():
        citation = citations.document_citation(document=row, language=code, request=rf.get("/"))
        for _label, url in citation["exports"]:
            response = client.get(url)
            assert response.status_code == 200
            assert TITLES[code] in response.content.decode()
