"""Demo collections, images and documents (real PDFs), and the documents' translations.

A document may come with an earlier version (its first file, replaced by the current one
through an ordinary save, so `knowledge.documents` keeps it as a `DocumentVersion`), as a
scanned record (pictures only: OCR reads it where Tesseract is installed, or it is flagged),
and with a translation's own file in that language (`own_file`).
"""

from __future__ import annotations

import datetime
import io
import math

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from PIL import Image, ImageDraw

from knowledge.models import DocumentVersion

from .fields import Refs, fields_apply
from .files import DemoDataError, data_read
from .pdfs import pdf_render, scan_render, unicode_font
from .tally import Tally

# Keys of a data item that are not model fields.
_IMAGE_KEYS = ("key", "pattern")
_DOCUMENT_KEYS = ("key", "sections", "earlier_version", "scanned", "related_event")


def collections_ensure(tally: Tally, refs: Refs, *, partner_group: Group) -> None:
    tally.say("Collections")
    root = Collection.get_first_root_node()
    restricted = []
    for spec in data_read("media.yaml")["collections"]:
        collection = root.get_children().filter(name=spec["name"]).first()
        created = collection is None
        if created:
            collection = root.add_child(name=spec["name"])
        tally.record("collections", created=created)
        refs.add(collection, spec["key"])
        if spec.get("restricted"):
            restricted.append(collection)
    for collection in restricted:
        exists = CollectionViewRestriction.objects.filter(collection=collection).exists()
        if not exists:
            restriction = CollectionViewRestriction.objects.create(
                collection=collection, restriction_type=CollectionViewRestriction.GROUPS
            )
            restriction.groups.set([partner_group])
        tally.record("collection restrictions", created=not exists)
    tally.report("collections", "collection restrictions")


def _image_render(pattern: str, *, size: tuple[int, int] = (1200, 675)) -> bytes:
    """A simple abstract PNG; shapes only, so the alt text can describe it fully."""
    width, height = size
    image = Image.new("RGB", size, (246, 243, 236))
    draw = ImageDraw.Draw(image)
    if pattern == "network":
        centre = (width // 2, height // 2)
        points = [(220, 160), (980, 150), (1040, 520), (600, 590), (160, 500)]
        colours = [(0, 104, 179), (230, 126, 34), (39, 174, 96), (192, 57, 43), (142, 68, 173)]
        for point in points:
            draw.line([centre, point], fill=(120, 120, 120), width=6)
        draw.ellipse([centre[0] - 110, centre[1] - 110, centre[0] + 110, centre[1] + 110], fill=(0, 61, 122))
        for (x, y), colour in zip(points, colours, strict=True):
            draw.ellipse([x - 60, y - 60, x + 60, y + 60], fill=colour)
    elif pattern == "petals":
        cx, cy = width // 2, height // 2
        for index in range(16):
            angle = 2 * math.pi * index / 16
            x, y = cx + 200 * math.cos(angle), cy + 200 * math.sin(angle)
            colour = (244, 196, 48) if index % 2 else (230, 140, 30)
            draw.ellipse([x - 70, y - 70, x + 70, y + 70], fill=colour)
        draw.ellipse([cx - 150, cy - 150, cx + 150, cy + 150], fill=(110, 70, 30))
    elif pattern == "steps":
        for index in range(6):
            left = 120 + index * 165
            top = height - 100 - (index + 1) * 75
            draw.rectangle([left, top, left + 135, height - 100], fill=(0, 104 + index * 20, 179))
    else:  # waves
        colours = [(22, 160, 133), (46, 204, 113), (52, 152, 219)]
        for band, colour in enumerate(colours):
            points = [
                (x, 250 + band * 110 + 60 * math.sin((x / width) * 4 * math.pi + band)) for x in range(0, width + 1, 10)
            ]
            draw.polygon([*points, (width, height), (0, height)], fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def images_ensure(tally: Tally, refs: Refs) -> None:
    tally.say("Images")
    image_model = get_image_model()
    for spec in data_read("media.yaml")["images"]:
        image = image_model.objects.filter(title=spec["title"]).first()
        created = image is None
        if created:
            image = image_model(
                file=ImageFile(io.BytesIO(_image_render(spec["pattern"])), name=f"demo-{spec['key']}.png")
            )
            fields_apply(image, _without(spec, _IMAGE_KEYS), refs, where=f"media.yaml, image {spec['key']!r}")
            image._set_image_file_metadata()
            image.save()
        refs.add(image, spec["key"])
        tally.record("images", created=created)
    tally.report("images")


def _without(spec: dict, keys: tuple[str, ...]) -> dict:
    return {name: value for name, value in spec.items() if name not in keys}


def _page_pdf_specs(page_pdfs: dict) -> list[dict]:
    """Each page of `page_pdfs["pages"]` (the policy briefs) also as a PDF of its summary and body."""
    specs = []
    for page in data_read(f"pages/{page_pdfs['pages']}")["items"]:
        sections = [{"heading": "Summary", "paragraphs": [page["summary"]]}]
        for block in page.get("body", []):
            ((kind, value),) = block.items()
            if kind == "heading":
                sections.append({"heading": value["text"], "paragraphs": []})
            elif kind == "paragraph":
                if len(sections) == 1:
                    sections.append({"paragraphs": []})
                sections[-1]["paragraphs"].append(value)
        if page.get("restricted"):
            sections.insert(0, {"paragraphs": [page_pdfs["internal_notice"]]})
        collection = page_pdfs["restricted_collection" if page.get("restricted") else "collection"]
        specs.append(
            {
                "key": f"{page_pdfs['document_type']}:{page['slug']}",
                "title": page["title"],
                "collection": collection,
                "document_type": page_pdfs["document_type"],
                "publication_date": page["publication_date"],
                "description": page["summary"],
                "countries": page["countries"],
                "themes": page["themes"],
                "authors": "; ".join(
                    [
                        *(_family_first(author["person"]) for author in page.get("brief_authors", [])),
                        page_pdfs["publisher"],
                    ]
                ),
                "publisher": page_pdfs["publisher"],
                "licence": page_pdfs["restricted_licence" if page.get("restricted") else "licence"],
                "audience": page_pdfs["audience"],
                "sections": sections,
            }
        )
    return specs


def _family_first(name: str) -> str:
    """ "Ahjung Lee" as a catalogue writes an author: "Lee, Ahjung" (the demo's names end with the family name)."""
    given, _space, family = name.rpartition(" ")
    return f"{family}, {given}" if given else name


def _pdf_sections(sections: list[dict]) -> list[dict]:
    """Sections for `pdf_render`: a `{ul: [...]}` paragraph becomes a bulleted list."""
    return [
        {**section, "paragraphs": [p["ul"] if isinstance(p, dict) else p for p in section.get("paragraphs", [])]}
        for section in sections
    ]


def documents_ensure(tally: Tally, refs: Refs, *, translations: dict) -> list[tuple]:
    """The documents and their translations; returns (document, event slug) for `document_events_ensure`."""
    tally.say("Documents")
    document_model = get_document_model()
    data = data_read("documents.yaml")
    events = []
    for spec in [*data["documents"], *_page_pdf_specs(data["page_pdfs"])]:
        document = document_model.objects.filter(title=spec["title"], locale=Locale.get_default()).first()
        created = document is None
        if created:
            document = _document_create(spec, refs)
            if spec.get("related_event"):
                events.append((document, spec["related_event"]))
        refs.add(document, spec["key"])
        tally.record("documents", created=created)
        if "earlier_version" in spec:
            tally.record("earlier versions", created=created)
    # Titles and descriptions in the reader's language; the file and its facts are shared.
    for code, words_by_key in translations.items():
        for key, words in words_by_key["documents"].items():
            where = f"translations/{code}/documents.yaml, {key!r}"
            document = refs.get(document_model, key, where=where)
            locale = Locale.objects.get(language_code=code)
            _document_translation_ensure(tally, document, locale, words, key=key, where=where)
    tally.report("documents", "earlier versions", "document translations", "own files")
    return events


def _document_file(spec: dict, sections: list[dict], *, filename: str):
    """(file, its text) for a document: a PDF, or a scan whose text is left to OCR."""
    if spec.get("scanned"):
        return scan_render(title=spec["title"], sections=_pdf_sections(sections), filename=filename), ""
    return pdf_render(
        title=spec["title"],
        sections=_pdf_sections(sections),
        filename=filename,
        authors=spec.get("authors", ""),
        publisher=spec.get("publisher", ""),
        subject=spec["description"],
    )


def _document_create(spec: dict, refs: Refs):
    name = spec["key"].replace(":", "-")
    earlier = spec.get("earlier_version")
    first = earlier["sections"] if earlier else spec["sections"]
    file, text = _document_file(spec, first, filename=f"{name}-v1.pdf" if earlier else f"{name}.pdf")
    document = get_document_model()(file=file, extracted_text=text)
    later = fields_apply(document, _without(spec, _DOCUMENT_KEYS), refs, where=f"documents.yaml, {spec['key']!r}")
    if earlier:
        document.edition = earlier.get("edition", "")
    document._set_document_file_metadata()
    document.save()
    for write in later:
        write()
    if earlier:
        _document_file_replace(document, spec, earlier, filename=f"{name}.pdf")
    return document


def _document_file_replace(document, spec: dict, earlier: dict, *, filename: str) -> None:
    """The current file replaces the first by an ordinary save: `knowledge.documents` keeps the first as a version."""
    first = document.file.name
    document.file, document.extracted_text = _document_file(spec, spec["sections"], filename=filename)
    document.edition = spec.get("edition", "")
    document._set_document_file_metadata()
    document.save()
    # The version's dates as the data gives them, not the moment of the load.
    DocumentVersion.objects.filter(key=document.translation_key, file=first).update(
        uploaded_at=_noon(earlier["uploaded"]), replaced_at=_noon(earlier["replaced"])
    )


def _noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


def document_events_ensure(tally: Tally, refs: Refs, events: list[tuple]) -> None:
    """The events new documents come from, named once the pages exist (documents load first)."""
    for document, slug in events:
        document.refresh_from_db()
        document.related_event = refs.get(Page, slug, where=f"documents.yaml, {document.title!r}, related_event")
        document.save()
        tally.record("document events", created=True)
    tally.report("document events")


def _document_translation_ensure(tally: Tally, document, locale: Locale, words: dict, *, key: str, where: str) -> None:
    """Translated through wagtail-localize, as a translator does (a PO file, then publish).

    Its stored strings are what it puts back whenever a page linking the document is
    submitted for translation: a plain copy would be overwritten with the English words.
    A new translation gets its `own_file`, when the data gives one, by an ordinary save.
    """
    unknown = set(words) - {"title", "description", "own_file"}
    if unknown:
        raise DemoDataError(
            f"{where}: a document translation has a title, a description and an own_file, not {unknown}"
        )
    source, _created = TranslationSource.get_or_create_from_instance(document)
    translation, created = Translation.objects.get_or_create(source=source, target_locale=locale)
    target = document.get_translation_or_none(locale)
    if not created and target is not None and target.title == words["title"]:
        tally.record("document translations", created=False)
        return
    wanted = {document.title: words["title"], document.description: words["description"]}
    po = translation.export_po()
    for entry in po:
        entry.msgstr = wanted.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(publish=True)
    tally.record("document translations", created=True)
    if words.get("own_file"):
        _own_file_attach(tally, document.get_translation(locale), words["own_file"], key=key)


def _own_file_attach(tally: Tally, target, spec: dict, *, key: str) -> None:
    """A translation's own file in its language, read for that row after the load commits."""
    font = unicode_font()
    if font is None:
        tally.say(f"  skipped the {target.locale.language_code} file of {key!r}: no font with its letters here")
        return
    target.own_file, _text = pdf_render(
        title=spec["title"],
        sections=_pdf_sections(spec["sections"]),
        filename=f"{key}-{target.locale.language_code}.pdf",
        authors=target.authors,
        publisher=target.publisher,
        subject=target.description,
        font=font,
    )
    target.save()
    tally.record("own files", created=True)
