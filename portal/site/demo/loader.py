"""The demo loader: builds the portal's demonstration content from `content.py`.

Idempotent by design. Every item is looked up by a stable key (ISO code, slug, username,
document or image title, a page's slug under its parent) and left exactly as it is when
found, so `make run` can call the loader on every start without duplicating anything or
overwriting what an editor has changed since.
"""

from __future__ import annotations

import io
import json
import math
import zoneinfo
from collections import Counter
from dataclasses import dataclass, field
from html import escape

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail_localize.models import Translation, TranslationSource

from PIL import Image, ImageDraw

from events.models import EventIndexPage, EventPage, EventSeries, EventSpeaker
from knowledge.models import (
    KnowledgeDocument,
    KnowledgeIndexPage,
    PolicyBriefAuthor,
    PolicyBriefPage,
    PolicyToolPage,
    PracticeNotePage,
)
from portal.core.models import Country, Organisation, Person, SiteSettings, Theme
from portal.core.privacy import PARTNER_GROUP
from portal.site.models import CountryIndexPage, CountryKeyFigure, CountryPage, HomePage
from portal.site.roles import roles_ensure

from . import content
from .pdfs import pdf_render
from .translations import translations_by_document, translations_by_page


@dataclass
class _Tally:
    """Counts what was created and what was already there, per kind, and reports progress."""

    stdout: object | None = None
    created: Counter = field(default_factory=Counter)
    present: Counter = field(default_factory=Counter)

    def record(self, kind: str, *, created: bool) -> None:
        (self.created if created else self.present)[kind] += 1

    def say(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)

    def report(self, *kinds: str) -> None:
        for kind in kinds:
            self.say(f"  {kind}: created {self.created[kind]}, already present {self.present[kind]}")


@dataclass
class _Refs:
    """What later steps point to, keyed by the same keys `content.py` uses."""

    locales: dict = field(default_factory=dict)
    countries: dict = field(default_factory=dict)
    themes: dict = field(default_factory=dict)
    organisations: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    series: dict = field(default_factory=dict)
    collections: dict = field(default_factory=dict)
    images: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    partner_group: Group | None = None


def demo_load(*, stdout=None) -> dict:
    """Create whatever demo content is missing; return counts of created and present items.

    Returns `{"created": int, "present": int, "kinds": {kind: {"created": int, "present": int}}}`.
    """
    tally = _Tally(stdout=stdout)
    refs = _Refs()
    with transaction.atomic():
        _ensure_locales(tally, refs)
        _ensure_vocabularies(tally, refs)
        _ensure_collections(tally, refs)
        _ensure_images(tally, refs)
        _ensure_documents(tally, refs)
        home = _ensure_home_and_site(tally, refs)
        _ensure_index_pages(tally, refs, home)
        _ensure_country_pages(tally, refs)
        _ensure_knowledge_pages(tally, refs)
        _ensure_events(tally, refs)
        _ensure_page_restrictions(tally, refs)
        _ensure_page_translations(tally, refs)
        _ensure_users(tally, refs, home)
        _ensure_site_settings(tally)

    kinds = sorted(set(tally.created) | set(tally.present))
    return {
        "created": sum(tally.created.values()),
        "present": sum(tally.present.values()),
        "kinds": {kind: {"created": tally.created[kind], "present": tally.present[kind]} for kind in kinds},
    }


# --- Locales and vocabularies ---------------------------------------------------------------


def _ensure_locales(tally: _Tally, refs: _Refs) -> None:
    tally.say("Locales")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale, created = Locale.objects.get_or_create(language_code=code)
        refs.locales[code] = locale
        tally.record("locales", created=created)
    tally.report("locales")


def _vocabulary_entry(tally: _Tally, kind: str, model, lookup: dict, defaults: dict):
    obj = model.objects.filter(**lookup).first()
    created = obj is None
    if created:
        obj = model.objects.create(**lookup, **defaults)
    tally.record(kind, created=created)
    return obj


def _ensure_vocabularies(tally: _Tally, refs: _Refs) -> None:
    tally.say("Vocabularies")
    en = refs.locales[settings.LANGUAGE_CODE]
    for spec in content.COUNTRIES:
        refs.countries[spec["iso_code"]] = _vocabulary_entry(
            tally,
            "countries",
            Country,
            {"iso_code": spec["iso_code"], "locale": en},
            {"name": spec["name"], "region": spec["region"]},
        )
    for spec in content.THEMES:
        refs.themes[spec["slug"]] = _vocabulary_entry(
            tally,
            "themes",
            Theme,
            {"slug": spec["slug"], "locale": en},
            {"name": spec["name"], "description": spec["description"]},
        )
    for spec in content.ORGANISATIONS:
        refs.organisations[spec["slug"]] = _vocabulary_entry(
            tally,
            "organisations",
            Organisation,
            {"slug": spec["slug"], "locale": en},
            {
                "name": spec["name"],
                "acronym": spec["acronym"],
                "kind": spec["kind"],
                "country": refs.countries.get(spec["country"]),
            },
        )
    for spec in content.PEOPLE:
        refs.people[spec["name"]] = _vocabulary_entry(
            tally,
            "people",
            Person,
            {"name": spec["name"], "locale": en},
            {"job_title": spec["job_title"], "organisation": refs.organisations[spec["organisation"]]},
        )
    for spec in content.EVENT_SERIES:
        refs.series[spec["slug"]] = _vocabulary_entry(
            tally,
            "event series",
            EventSeries,
            {"slug": spec["slug"], "locale": en},
            {"title": spec["title"], "description": spec["description"]},
        )

    # Translations keep the language-neutral key and change only the words.
    for spec in content.COUNTRIES:
        for code, name in spec["translations"].items():
            _ensure_vocabulary_translation(tally, refs.countries[spec["iso_code"]], refs.locales[code], {"name": name})
    for specs, entries, key in (
        (content.THEMES, refs.themes, "slug"),
        (content.ORGANISATIONS, refs.organisations, "slug"),
        (content.PEOPLE, refs.people, "name"),
        (content.EVENT_SERIES, refs.series, "slug"),
    ):
        for spec in specs:
            for code, words in spec["translations"].items():
                _ensure_vocabulary_translation(tally, entries[spec[key]], refs.locales[code], words)
    tally.report("countries", "themes", "organisations", "people", "event series", "vocabulary translations")


def _ensure_vocabulary_translation(tally: _Tally, source, locale: Locale, words: dict) -> None:
    exists = type(source).objects.filter(translation_key=source.translation_key, locale=locale).exists()
    if not exists:
        translation = source.copy_for_translation(locale)
        for name, value in words.items():
            setattr(translation, name, value)
        translation.save()
    tally.record("vocabulary translations", created=not exists)


# --- Collections, images and documents ------------------------------------------------------


def _ensure_collections(tally: _Tally, refs: _Refs) -> None:
    tally.say("Collections")
    root = Collection.get_first_root_node()
    for key, name in content.COLLECTIONS.items():
        collection = root.get_children().filter(name=name).first()
        created = collection is None
        if created:
            collection = root.add_child(name=name)
        tally.record("collections", created=created)
        refs.collections[key] = collection

    # By name, as `portal.core.privacy` defines it; `portal.site.roles` runs only after the page tree.
    refs.partner_group, _created = Group.objects.get_or_create(name=PARTNER_GROUP)
    partner = refs.collections["partner"]
    restricted = CollectionViewRestriction.objects.filter(collection=partner).exists()
    if not restricted:
        restriction = CollectionViewRestriction.objects.create(
            collection=partner, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set([refs.partner_group])
    tally.record("collection restrictions", created=not restricted)
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


def _ensure_images(tally: _Tally, refs: _Refs) -> None:
    tally.say("Images")
    image_model = get_image_model()
    for spec in content.IMAGES:
        image = image_model.objects.filter(title=spec["title"]).first()
        created = image is None
        if created:
            image = image_model(
                title=spec["title"],
                description=spec["description"],
                credit="Generated illustration",
                file=ImageFile(io.BytesIO(_image_render(spec["pattern"])), name=f"demo-{spec['key']}.png"),
            )
            image._set_image_file_metadata()
            image.save()
        refs.images[spec["key"]] = image
        tally.record("images", created=created)
    tally.report("images")


def _brief_document_specs() -> list[dict]:
    """Each policy brief is also published as a PDF of its summary and body."""
    specs = []
    for brief in content.POLICY_BRIEFS:
        sections = [{"heading": "Summary", "paragraphs": [brief["summary"]]}]
        sections += [
            {"heading": section.get("heading"), "paragraphs": section.get("paragraphs", [])}
            for section in brief.get("body", [])
            if section.get("heading") or section.get("paragraphs")
        ]
        if brief.get("restricted"):
            sections.insert(0, {"paragraphs": [content.INTERNAL_NOTICE]})
        specs.append(
            {
                "key": f"brief:{brief['slug']}",
                "title": brief["title"],
                "collection": "partner" if brief.get("restricted") else "programme",
                "document_type": "brief",
                "publication_date": brief["publication_date"],
                "description": brief["summary"],
                "countries": brief["countries"],
                "themes": brief["themes"],
                "authors": ", ".join(brief["authors"]),
                "publisher": content.USPC_SOURCE,
                "sections": sections,
            }
        )
    return specs


def _ensure_documents(tally: _Tally, refs: _Refs) -> None:
    tally.say("Documents")
    for spec in [*content.DOCUMENTS, *_brief_document_specs()]:
        document = KnowledgeDocument.objects.filter(title=spec["title"], locale=Locale.get_default()).first()
        created = document is None
        if created:
            slug = spec["key"].replace("brief:", "brief-")
            file, text = pdf_render(
                title=spec["title"],
                sections=spec["sections"],
                filename=f"{slug}.pdf",
                authors=spec.get("authors", ""),
                publisher=spec.get("publisher", ""),
                subject=spec["description"],
            )
            document = KnowledgeDocument(
                title=spec["title"],
                file=file,
                collection=refs.collections[spec.get("collection", "programme")],
                description=spec["description"],
                document_type=spec["document_type"],
                language="en",
                publication_date=spec["publication_date"],
                authors=spec.get("authors", ""),
                publisher=spec.get("publisher", ""),
                extracted_text=text,
            )
            document._set_document_file_metadata()
            document.save()
            document.countries.set([refs.countries[code] for code in spec["countries"]])
            document.themes.set([refs.themes[slug] for slug in spec["themes"]])
        refs.documents[spec["key"]] = document
        tally.record("documents", created=created)
    # Titles and descriptions in the reader's language; the file and its facts are shared.
    for key, languages in translations_by_document().items():
        for code, words in languages.items():
            _ensure_document_translation(tally, refs.documents[key], refs.locales[code], words)
    tally.report("documents", "document translations")


def _ensure_document_translation(tally: _Tally, document, locale: Locale, words: dict) -> None:
    """Translated through wagtail-localize, as a translator does (a PO file, then publish).

    Its stored strings are what it puts back whenever a page linking the document is
    submitted for translation: a plain copy would be overwritten with the English words.
    """
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


# --- Page fields ----------------------------------------------------------------------------


def _html(paragraphs) -> str:
    """Rich text from plain paragraphs: a nested list is bulleted, `{"ol": [...]}` numbered."""
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    parts = []
    for paragraph in paragraphs:
        if isinstance(paragraph, dict):
            items = "".join(f"<li>{escape(item, quote=False)}</li>" for item in paragraph["ol"])
            parts.append(f"<ol>{items}</ol>")
        elif isinstance(paragraph, (list, tuple)):
            items = "".join(f"<li>{escape(item, quote=False)}</li>" for item in paragraph)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{escape(paragraph, quote=False)}</p>")
    return "".join(parts)


def _stream(items: list[tuple[str, object]]) -> str:
    """StreamField data in its stored JSON form; Wagtail adds block ids on save."""
    return json.dumps([{"type": kind, "value": value} for kind, value in items], cls=DjangoJSONEncoder)


def _body(sections: list[dict], refs: _Refs) -> str:
    items = []
    for section in sections:
        if section.get("callout"):
            items.append(("callout", {"kind": "note", "text": _html(section["callout"])}))
        if section.get("heading"):
            items.append(("heading", {"text": section["heading"], "level": "h2"}))
        items.extend(("paragraph", _html([paragraph])) for paragraph in section.get("paragraphs", []))
        if section.get("image"):
            image = refs.images[section["image"]]
            items.append(("image", {"image": image.pk, "decorative": False, "alt_text": image.description}))
    return _stream(items)


def _attachments(specs: list[dict], refs: _Refs) -> str:
    return _stream(
        [
            ("attachment", {"document": refs.documents[spec["document"]].pk, "description": spec["description"]})
            for spec in specs
        ]
    )


def _steps(steps: list[dict], refs: _Refs) -> str:
    return _stream(
        [
            (
                "step",
                {
                    "title": step["title"],
                    "responsible": step.get("responsible", ""),
                    "description": _html(step["description"]),
                },
            )
            for step in steps
        ]
    )


def _agenda(items: list[dict], refs: _Refs) -> str:
    return _stream(
        [
            (
                "item",
                {
                    "day": item.get("day", 1),
                    "start_time": item.get("start_time"),
                    "end_time": item.get("end_time"),
                    "title": item["title"],
                    "speakers": item.get("speakers", ""),
                },
            )
            for item in items
        ]
    )


def _follow_up(actions: list[dict], refs: _Refs) -> str:
    return _stream(
        [("action", {"action": a["action"], "owner": a.get("owner", ""), "due": a.get("due")}) for a in actions]
    )


_PLAIN_FIELDS = frozenset(
    {
        "title",
        "summary",
        "introduction",
        "helplines",
        "intended_users",
        "tool_kind",
        "event_type",
        "partnership_status",
        "partnership_start",
        "publication_date",
        "content_warning",
        "is_online",
        "online_platform",
        "venue",
        "city",
        "time_zone",
    }
)
_RICH_TEXT_FIELDS = frozenset(
    {
        "mission",
        "legal_framework",
        "one_stop_services",
        "police_justice",
        "health_response",
        "psychosocial_support",
        "coordination",
        "context",
        "service_description",
        "staffing",
        "funding",
        "results",
        "transfer_conditions",
        "adaptation_notes",
        "outcomes",
    }
)
_STREAM_FIELDS = {
    "body": _body,
    "steps": _steps,
    "lessons": lambda lessons, refs: _stream([("lesson", lesson) for lesson in lessons]),
    "agenda": _agenda,
    "follow_up_actions": _follow_up,
    "attachments": _attachments,
    "materials": _attachments,
}
_ORGANISATION_FIELDS = frozenset({"organisations", "organisers", "partners", "national_counterparts", "un_partners"})
_CONTENT_ONLY_KEYS = frozenset({"slug", "restricted", "translations"})


def _apply(page: Page, data: dict, refs: _Refs) -> None:
    """Set page fields from a content dict whose keys are the model's field names."""
    for key, value in data.items():
        if key in _CONTENT_ONLY_KEYS:
            continue
        if key in _PLAIN_FIELDS:
            setattr(page, key, value)
        elif key in _RICH_TEXT_FIELDS:
            setattr(page, key, _html(value))
        elif key in _STREAM_FIELDS:
            setattr(page, key, _STREAM_FIELDS[key](value, refs))
        elif key in ("start", "end"):
            setattr(page, key, value.replace(tzinfo=zoneinfo.ZoneInfo(data["time_zone"])))
        elif key in ("country", "host_country"):
            setattr(page, key, refs.countries[value])
        elif key == "countries":
            page.countries = [refs.countries[code] for code in value]
        elif key == "themes":
            page.themes = [refs.themes[slug] for slug in value]
        elif key in _ORGANISATION_FIELDS:
            setattr(page, key, [refs.organisations[slug] for slug in value])
        elif key == "series":
            page.series = refs.series[value]
        elif key == "adapted_from":
            page.adapted_from = refs.pages[f"knowledge/{value}"]
        elif key == "keywords":
            page.keywords.set(value)
        elif key == "authors":
            page.brief_authors = [
                PolicyBriefAuthor(person=refs.people[name], sort_order=order) for order, name in enumerate(value)
            ]
        elif key == "speakers":
            page.speakers = [
                EventSpeaker(person=refs.people[item["person"]], role=item.get("role", ""), sort_order=order)
                for order, item in enumerate(value)
            ]
        elif key == "key_figures":
            page.key_figures = [CountryKeyFigure(sort_order=order, **item) for order, item in enumerate(value)]
        else:
            raise KeyError(f"The demo loader does not know the page field {key!r}.")


def _merged(source: dict, translation: dict) -> dict:
    """The translation's fields, where lists of dicts are merged item by item with the source.

    So a translated agenda only repeats titles; times and days come from the English page.
    """
    merged = {}
    for key, value in translation.items():
        original = source.get(key)
        if (
            isinstance(value, list)
            and isinstance(original, list)
            and len(value) == len(original)
            and all(isinstance(item, dict) for item in [*value, *original])
        ):
            value = [{**old, **new} for old, new in zip(original, value, strict=True)]
        merged[key] = value
    return merged


# --- The page tree --------------------------------------------------------------------------


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _ensure_page(tally: _Tally, refs: _Refs, *, kind: str, parent: Page, model, data: dict, key: str) -> Page:
    page = parent.get_children().filter(slug=data["slug"]).specific().first()
    created = page is None
    if created:
        page = model(slug=data["slug"])
        _apply(page, data, refs)
        parent.add_child(instance=page)
        _publish(page)
    refs.pages[key] = page
    tally.record(kind, created=created)
    return page


def _starter_page(root: Page) -> Page | None:
    """Wagtail's "Welcome to your new Wagtail site!" page: a plain Page, directly under the root."""
    plain_page = ContentType.objects.get_for_model(Page)
    return root.get_children().filter(content_type=plain_page, numchild=0).first()


def _ensure_home_and_site(tally: _Tally, refs: _Refs) -> HomePage:
    tally.say("Page tree")
    root = Page.get_first_root_node()
    starter = _starter_page(root)
    if starter is not None:
        # Sites point at the starter page and would be deleted with it (on_delete=CASCADE).
        Site.objects.filter(root_page=starter).update(root_page=root)
        tally.say(f"  removed the Wagtail starter page {starter.title!r}")
        starter.delete()
        root.refresh_from_db()

    default_locale = refs.locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(depth=2, locale=default_locale).first()
    created = home is None
    if created:
        home = HomePage(slug=content.HOME["slug"], locale=default_locale)
        _apply(home, content.HOME, refs)
        root.add_child(instance=home)
        _publish(home)
    refs.pages["home"] = home
    tally.record("home page", created=created)

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=settings.WAGTAIL_SITE_NAME
        )
        tally.record("sites", created=True)
    else:
        changed = site.root_page_id != home.pk or not site.site_name
        if changed:
            site.root_page = home
            site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
            site.save()
            tally.say(f"  pointed the default site ({site.hostname}:{site.port}) at the home page")
        tally.record("sites", created=False)
    return home


_INDEX_MODELS = {"countries": CountryIndexPage, "knowledge": KnowledgeIndexPage, "events": EventIndexPage}


def _ensure_index_pages(tally: _Tally, refs: _Refs, home: HomePage) -> None:
    for key, model in _INDEX_MODELS.items():
        _ensure_page(tally, refs, kind="index pages", parent=home, model=model, data=content.INDEX_PAGES[key], key=key)
    tally.report("home page", "index pages")


def _ensure_country_pages(tally: _Tally, refs: _Refs) -> None:
    tally.say("Country profiles")
    for data in content.COUNTRY_PAGES:
        _ensure_page(
            tally,
            refs,
            kind="country profiles",
            parent=refs.pages["countries"],
            model=CountryPage,
            data=data,
            key=f"countries/{data['slug']}",
        )
    tally.report("country profiles")


def _ensure_knowledge_pages(tally: _Tally, refs: _Refs) -> None:
    tally.say("Knowledge")
    index = refs.pages["knowledge"]
    for kind, model, items in (
        ("practice notes", PracticeNotePage, content.PRACTICE_NOTES),
        ("policy tools", PolicyToolPage, content.POLICY_TOOLS),
        ("policy briefs", PolicyBriefPage, content.POLICY_BRIEFS),
    ):
        for data in items:
            if model is PolicyBriefPage:
                data = _with_own_pdf(data)
            _ensure_page(tally, refs, kind=kind, parent=index, model=model, data=data, key=f"knowledge/{data['slug']}")
    tally.report("practice notes", "policy tools", "policy briefs")


def _with_own_pdf(data: dict, words: dict | None = None, *, language: str = "en") -> dict:
    """A brief's content (or, with `words`, its translation) with the brief's own PDF attached first."""
    if words is None:
        own_pdf = {"document": f"brief:{data['slug']}", "description": content.OWN_PDF_DESCRIPTION["en"]}
        return {**data, "attachments": [own_pdf, *data.get("attachments", [])]}
    others = words.get("attachments") or [{} for _ in data.get("attachments", [])]
    return {**words, "attachments": [{"description": content.OWN_PDF_DESCRIPTION[language]}, *others]}


def _ensure_events(tally: _Tally, refs: _Refs) -> None:
    tally.say("Events")
    for data in content.EVENTS:
        _ensure_page(
            tally,
            refs,
            kind="events",
            parent=refs.pages["events"],
            model=EventPage,
            data=data,
            key=f"events/{data['slug']}",
        )
    tally.report("events")


def _restricted_page_keys() -> list[str]:
    keys = []
    for prefix, items in (
        ("knowledge", [*content.PRACTICE_NOTES, *content.POLICY_TOOLS, *content.POLICY_BRIEFS]),
        ("events", content.EVENTS),
    ):
        keys.extend(f"{prefix}/{data['slug']}" for data in items if data.get("restricted"))
    return keys


def _ensure_page_restrictions(tally: _Tally, refs: _Refs) -> None:
    """Partner-only pages: a Wagtail view restriction is what `portal.core.privacy` reads."""
    tally.say("Partner-only pages")
    for key in _restricted_page_keys():
        page = refs.pages[key]
        exists = PageViewRestriction.objects.filter(page=page).exists()
        if not exists:
            restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.set([refs.partner_group])
        tally.record("page restrictions", created=not exists)
    tally.report("page restrictions")


def _translation_plan() -> list[tuple[str, dict, dict]]:
    """(page key, content, {language: words}) for every translated page, parents before children.

    A page's words come from its own `translations` entry or from `translations/`.
    """
    separate = translations_by_page()
    plan = [("home", content.HOME)]
    plan += [(key, content.INDEX_PAGES[key]) for key in _INDEX_MODELS]
    for prefix, items in (
        ("countries", content.COUNTRY_PAGES),
        ("knowledge", [*content.PRACTICE_NOTES, *content.POLICY_TOOLS, *content.POLICY_BRIEFS]),
        ("events", content.EVENTS),
    ):
        plan += [(f"{prefix}/{data['slug']}", data) for data in items]
    unknown = set(separate) - {key for key, _ in plan}
    if unknown:
        raise KeyError(f"Demo translations name pages that do not exist: {sorted(unknown)}")
    plan = [(key, data, {**separate.get(key, {}), **data.get("translations", {})}) for key, data in plan]
    return [(key, data, words) for key, data, words in plan if words]


def _ensure_page_translations(tally: _Tally, refs: _Refs) -> None:
    tally.say("Page translations")
    for key, data, translations in _translation_plan():
        source = refs.pages[key]
        for code in content.TRANSLATION_LANGUAGES:
            words = translations.get(code)
            if not words:
                continue
            english = data
            if key.startswith("knowledge/") and data in content.POLICY_BRIEFS:
                english, words = _with_own_pdf(data), _with_own_pdf(data, words, language=code)
            locale = refs.locales[code]
            exists = source.get_translation_or_none(locale) is not None
            if not exists:
                # A copy keeps slugs, classification and structure; only the words change.
                translation = source.copy_for_translation(locale, copy_parents=True, alias=False).specific
                _apply(translation, _merged(english, words), refs)
                _publish(translation)
            tally.record("page translations", created=not exists)
    tally.report("page translations")


# --- Users and settings ---------------------------------------------------------------------


def _ensure_users(tally: _Tally, refs: _Refs, home: HomePage) -> None:
    tally.say("Roles and demo users")
    # Groups and their permissions; page permissions and the workflow need the tree built.
    roles = roles_ensure(site_root=home)
    user_model = get_user_model()
    for spec in content.DEMO_USERS:
        user = user_model.objects.filter(username=spec["username"]).first()
        created = user is None
        if created:
            superuser = spec.get("superuser", False)
            # Only new users get the demo password; existing accounts keep theirs.
            user = user_model.objects.create_user(
                spec["username"],
                email=f"{spec['username']}@example.org",
                password=content.DEMO_PASSWORD,
                first_name="Demo",
                last_name=spec["last_name"],
                is_staff=superuser,
                is_superuser=superuser,
            )
        tally.record("users", created=created)

        groups = [roles[spec["role"]]]
        if spec["role"] == "partners":
            # The group the view restrictions name, whatever `portal.site.roles` calls its partner role.
            groups.append(refs.partner_group)
        member_of = set(user.groups.values_list("pk", flat=True))
        missing = list({group.pk: group for group in groups if group.pk not in member_of}.values())
        if missing:
            user.groups.add(*missing)
            if not created:
                tally.say(f"  added {user.username} to {', '.join(group.name for group in missing)}")
    tally.report("users")


def _ensure_site_settings(tally: _Tally) -> None:
    site = Site.objects.get(is_default_site=True)
    _settings, created = SiteSettings.objects.get_or_create(site=site, defaults=content.SITE_SETTINGS)
    tally.record("site settings", created=created)
    tally.report("site settings")
