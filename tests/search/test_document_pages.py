"""Search inside documents, page by page (`search.queries.attachments`, the nested `pages` field).

A PDF uploaded through the admin is read in the background and searchable at once on both
engines: a phrase on its page 3 finds it with a link to that page and that page's words, for
a reader in English, Russian and Korean. A document a page attaches is found as part of the
page's hit; a partner-only file's pages reach partners only, by every search route.
"""

import html
import io
import re
import time
from pathlib import Path

from wagtail.models import Collection, CollectionViewRestriction, Locale

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from search import conf, indexing
from search.client import get_client
from search.models import SearchRecord
from search.queries.results import HANGUL
from tests.factories import make_knowledge
from tests.knowledge.admin_upload import upload

pytestmark = pytest.mark.django_db

# Debian's fonts-dejavu-core (Latin, Cyrillic) and fonts-nanum (Hangul): a PDF's text layer
# needs a font with the script's glyphs, or the file has no words to read.
FONTS = {
    "latin": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "hangul": Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
}

# Per reader language: a file in that language whose page 3 alone has the phrase.
FILES = {
    "en": {
        "pages": ["Opening remarks of the round table", "Shelter capacity in the regions", "Annex: the {phrase}"],
        "phrase": "marigold referral ledger",
    },
    "ru": {
        "pages": ["Вступительное слово", "Вместимость приютов в регионах", "Приложение: {phrase}"],
        "phrase": "журнал направлений календула",
    },
    "ko": {
        "pages": ["개회사", "지역별 보호시설 수용 능력", "부록: {phrase}"],
        "phrase": "금잔화 의뢰 기록부",
    },
}
LANGUAGES = tuple(FILES)


def pdf_of(pages: list[str]) -> bytes:
    """A PDF with one line per page, in a font that has the line's script."""
    for name, path in FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for text in pages:
        pdf.setFont("hangul" if HANGUL.search(text) else "latin", 12)
        pdf.drawString(72, 720, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def file_pages(language: str) -> list[str]:
    spec = FILES[language]
    return [page.format(phrase=spec["phrase"]) for page in spec["pages"]]


@pytest.fixture
def reviewer(client, roles, make_user):
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    return client


def search_api(client, language: str, query: str) -> dict:
    answer = client.get(f"/{language}/search/api/", {"q": query})
    assert answer.status_code == 200
    return answer.json()


def search_within_a_minute(client, language: str, query: str, engine: str) -> dict:
    """The JSON search, asked again until it finds something or a minute has passed."""
    deadline = time.monotonic() + 60
    while True:
        answer = search_api(client, language, query)
        if answer["hits"] or time.monotonic() > deadline:
            return answer
        if engine == "elasticsearch":
            indexing.refresh()
        time.sleep(0.5)


def file_url(document) -> str:
    """The file's address beside a document hit: the landing page's download route."""
    return f"{document.get_landing_url()}download/"


def text_of(snippet: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", snippet))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_phrase_on_page_3_of_a_new_upload_links_to_page_3(
    search_engine, reviewer, client, language, django_capture_on_commit_callbacks
):
    phrase = FILES[language]["phrase"]
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(reviewer, "minutes.pdf", pdf_of(file_pages(language)), title="Round table minutes")
    client.logout()
    answer = search_within_a_minute(client, language, phrase, search_engine)
    assert time.monotonic() - started < 60
    assert not answer["degraded"]
    assert [(hit["title"], hit["kind"]) for hit in answer["hits"]] == [("Round table minutes", "document")]
    hit = answer["hits"][0]
    # The standalone document opens its landing page; its file and the page are linked beside it.
    assert hit["url"] == document.get_landing_url()
    assert hit["file_url"] == file_url(document)
    assert hit["page"] == 3 and hit["page_url"] == f"{file_url(document)}#page=3"
    assert phrase in text_of(hit["snippet"]) and "<mark>" in hit["snippet"]
    assert FILES[language]["pages"][0] not in text_of(hit["snippet"])
    page = client.get(f"/{language}/search/", {"q": phrase}).content.decode()
    assert f'href="{file_url(document)}#page=3"' in page
    assert f'href="{document.get_landing_url()}"' in page
    opened = client.get(hit["file_url"])
    assert opened.status_code == 200 and opened["Content-Type"] == "application/pdf"


def test_words_only_on_page_1_link_to_page_1_and_a_document_title_has_no_page(
    search_engine, reviewer, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(reviewer, "minutes.pdf", pdf_of(file_pages("en")), title="Marigold minutes")
    client.logout()
    hit = search_within_a_minute(client, "en", "opening remarks", search_engine)["hits"][0]
    assert hit["page"] == 1 and hit["page_url"].endswith("#page=1")
    # Words spread over two pages find the document, without claiming a page.
    (hit,) = search_within_a_minute(client, "en", "opening shelter", search_engine)["hits"]
    assert hit["title"] == "Marigold minutes" and hit["page"] is None and hit["page_url"] == file_url(document)


def _translate(page, locale, **changes):
    copy = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def attached(search_engine, site, reviewer, django_capture_on_commit_callbacks):
    """A brief, in three languages, attaching an uploaded PDF of the same title."""
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(reviewer, "minutes.pdf", pdf_of(file_pages("en")), title="Round table minutes")
        brief = make_knowledge(
            site["knowledge"],
            title="Round table minutes",
            summary="What the round table agreed.",
            slug="round-table-minutes",
            attachments=[("attachment", {"document": document, "description": ""})],
        )
        briefs = {"en": brief}
        for code, title in (("ru", "Протокол круглого стола"), ("ko", "원탁회의 회의록")):
            locale = Locale.objects.get_or_create(language_code=code)[0]
            briefs[code] = _translate(brief, locale, title=title)
    reviewer.logout()
    if search_engine == "elasticsearch":
        indexing.refresh()
    return {"document": document, "briefs": briefs}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_document_attached_to_a_brief_is_found_as_part_of_the_brief(client, attached, language):
    document, brief = attached["document"], attached["briefs"][language]
    answer = search_api(client, language, FILES["en"]["phrase"])
    # One hit, the brief in the reader's language, that says where in the file the words are.
    assert [(hit["title"], hit["kind"]) for hit in answer["hits"]] == [(brief.title, "brief")]
    assert answer["total"] == 1
    (found,) = answer["hits"][0]["found_in"]
    assert found["title"] == "Round table minutes" and found["page"] == 3
    assert found["page_url"] == f"{file_url(document)}#page=3"
    assert FILES["en"]["phrase"] in text_of(found["snippet"])
    page = client.get(f"/{language}/search/", {"q": FILES["en"]["phrase"]}).content.decode()
    assert f'href="{file_url(document)}#page=3"' in page and brief.url in page


def test_a_brief_and_its_attachment_of_the_same_title_are_one_hit(client, attached):
    answer = search_api(client, "en", "round table minutes")
    # The brief's translations name the attachment too: the brief and its translations are one
    # hit, in the reader's language, linking the others.
    titles = [(hit["title"], hit["kind"]) for hit in answer["hits"]]
    assert titles == [("Round table minutes", "brief")]
    assert answer["total"] == 1
    briefs = attached["briefs"]
    assert [(other["locale"], other["url"]) for other in answer["hits"][0]["translations"]] == [
        ("ko", briefs["ko"].url),
        ("ru", briefs["ru"].url),
    ]
    assert [found["title"] for found in answer["hits"][0]["found_in"]] == ["Round table minutes"]
    # Asking for documents only shows the document as itself, with its landing page.
    documents = client.get("/en/search/api/", {"q": "round table minutes", "kind": "document"}).json()
    assert [(hit["kind"], hit["url"]) for hit in documents["hits"]] == [
        ("document", attached["document"].get_landing_url())
    ]


PARTNER_WORD = "zqxpagetwosecret"


@pytest.fixture
def partner_pdf(search_engine, site, roles, reviewer, django_capture_on_commit_callbacks):
    """A partner-only PDF with a secret word on page 2, attached to a public brief too."""
    collection = Collection.get_first_root_node().add_child(name="Partner-only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles["partners"]])
    pages = ["Cover of the memorandum", f"Negotiating positions {PARTNER_WORD} for the ministries", "Signatures"]
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(reviewer, "memo.pdf", pdf_of(pages), title="Partner memorandum", collection=collection)
        make_knowledge(
            site["knowledge"],
            title="Public note on the memorandum",
            slug="public-note",
            attachments=[("attachment", {"document": document, "description": ""})],
        )
    assert document.page_texts.filter(number=2, text__contains=PARTNER_WORD).exists()
    if search_engine == "elasticsearch":
        indexing.refresh()
    return document


SEARCH_ROUTES = ("search/", "search/api/", "search/feed/", "search/feed/rss/")


def _answers(client, query: str) -> dict[str, str]:
    """Each search route's answer, in each language, with the echoed query taken out."""
    answers = {}
    for language in LANGUAGES:
        for route in SEARCH_ROUTES:
            response = client.get(f"/{language}/{route}", {"q": query})
            assert response.status_code == 200, route
            answers[f"/{language}/{route}"] = response.content.decode().replace(query, "")
    return answers


def test_a_partner_only_files_pages_never_reach_other_readers(client, partner_pdf, make_user, partner):
    document = partner_pdf
    client.logout()
    for reader in (None, make_user("official")):
        if reader is not None:
            client.force_login(reader)
        for route, body in _answers(client, PARTNER_WORD).items():
            assert "#page=2" not in body, route
            assert "Partner memorandum" not in body and "Negotiating positions" not in body, route
        assert search_api(client, "en", "Negotiating positions")["hits"] == []
        assert [hit["found_in"] for hit in search_api(client, "en", "public note memorandum")["hits"]] == [[]]
        assert client.get(file_url(document)).status_code == 404
    client.force_login(partner)
    assert client.get(file_url(document)).status_code == 200
    answers = _answers(client, PARTNER_WORD)
    assert all("Negotiating positions" in body for route, body in answers.items() if "feed" not in route)
    for language in LANGUAGES:
        (hit,) = search_api(client, language, PARTNER_WORD)["hits"]
        # A partner may see both: the file is found as part of the public note.
        assert hit["title"] == "Public note on the memorandum"
        assert [(found["title"], found["page_url"]) for found in hit["found_in"]] == [
            ("Partner memorandum", f"{file_url(document)}#page=2")
        ]


def test_the_index_holds_each_page_of_the_file(search_engine, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(reviewer, "minutes.pdf", pdf_of(file_pages("ru")), title="Минуты", language="ru")
    if search_engine == "database":
        # The database engine reads the pages where extraction left them; its record links the landing page.
        assert SearchRecord.objects.get(key=f"document:{document.pk}").url == document.get_landing_url()
        assert document.page_texts.count() == 3
        return
    indexing.refresh()
    stored = get_client().get(index=conf.alias_name(), id=f"document-{document.pk}")["_source"]
    assert [page["number"] for page in stored["pages"]] == [1, 2, 3]
    assert FILES["ru"]["phrase"] in stored["pages"][2]["text"]
    assert stored["url"] == document.get_landing_url()
