"""Live pages and documents turned into the documents of the search index.

What is searchable, and as what kind, is declared on the models (`@item_kind`, read through
`portal.core.items`). A serializer is a set of `prepare_<field>` methods named after the
fields of `search.mappings.KnowledgeItem`; `SERIALIZERS` at the bottom names the one of each
kind whose text needs more than the default. A page kind without an entry gets
`PageSerializer`, whose body is the text of the model's own Wagtail `search_fields`: a new
kind is searchable once it is declared.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, QuerySet
from django.utils.html import strip_tags

from wagtail.documents import get_document_model
from wagtail.models import Page, Site
from wagtail.search import index

from portal.core.items import ItemKey, ItemKind, kind_of, kinds
from portal.core.privacy import documents_visible_to, restricted_page_ids
from search import mappings


@dataclass
class PrivacySnapshot:
    """Which objects are partner-only, read once per batch from `portal.core.privacy`.

    A page is partner-only when any view restriction covers it; a document when its
    collection keeps it from the public (what `documents_visible_to(None, …)` leaves out).
    `only` narrows the reads to the objects of a small batch.
    """

    page_ids: Iterable[int] | None = None
    document_ids: Iterable[int] | None = None
    _pages: set[int] | None = field(default=None, init=False)
    _documents: set[int] | None = field(default=None, init=False)
    _known_public: dict[int, bool] = field(default_factory=dict, init=False)

    def page_is_restricted(self, page_id: int) -> bool:
        if self._pages is None:
            restricted = restricted_page_ids()
            if self.page_ids is not None:
                restricted = restricted.filter(pk__in=list(self.page_ids))
            self._pages = set(restricted)
        return page_id in self._pages

    def documents_public(self, document_ids: Iterable[int]) -> set[int]:
        """Which of these documents the public may read: what a page may say of its attachments.

        Read for the ids asked about (not `document_ids`, which names a batch's own documents)
        and remembered for the rest of the batch.
        """
        ids = set(document_ids)
        unknown = ids - self._known_public.keys()
        if unknown:
            public = set(
                documents_visible_to(None, get_document_model().objects.filter(pk__in=unknown)).values_list(
                    "pk", flat=True
                )
            )
            self._known_public.update({pk: pk in public for pk in unknown})
        return {pk for pk in ids if self._known_public[pk]}

    def document_is_restricted(self, document_id: int) -> bool:
        if self._documents is None:
            documents = get_document_model().objects.all()
            if self.document_ids is not None:
                documents = documents.filter(pk__in=list(self.document_ids))
            public = set(documents_visible_to(None, documents).values_list("pk", flat=True))
            self._documents = set(documents.values_list("pk", flat=True)) - public
        return document_id in self._documents


def field_text(obj: Model, name: str) -> str:
    """The readable text of a model field: rich text without tags, streams flattened."""
    value = getattr(obj, name, None)
    if not value:
        return ""
    model_field = obj._meta.get_field(name)
    if hasattr(model_field, "get_searchable_content"):
        parts = model_field.get_searchable_content(value)
    else:
        parts = [strip_tags(str(value))]
    return "\n".join(" ".join(str(part).split()) for part in parts if part and str(part).strip())


def _join(parts: Iterable[str]) -> str:
    return "\n".join(part for part in parts if part)


class ItemSerializer:
    """Turns one object into the dict the index stores; subclasses fill in the details."""

    body_fields: tuple[str, ...] = ()
    attachment_fields: tuple[str, ...] = ()
    country_fields: tuple[str, ...] = ("countries",)
    organisation_fields: tuple[str, ...] = ()
    # Relations read for a whole chunk of objects at once (`load_related`): relation name ->
    # the values kept of each related row. Many-to-many fields and child relations alike.
    bulk_relations: dict[str, tuple[str, ...]] = {}
    # What `searchable_querysets` still prefetches: relations whose values need model methods.
    prefetch: tuple[str, ...] = ()
    # What `searchable_querysets` reads with each object (the locale always).
    select_related: tuple[str, ...] = ()

    def __init__(self, privacy: PrivacySnapshot | None = None):
        self.privacy = privacy or PrivacySnapshot()
        self._related: dict[str, dict[int, list[tuple]]] = {}
        self._site_root_paths = None
        self._labels: dict[tuple[str, object], str] = {}

    def load_related(self, objs: list) -> None:
        """Read `bulk_relations` for these objects (all of one model): one query per relation.

        Prefetching builds a related manager and model instances per object, which costs more
        than serializing the object; plain rows of values cost almost nothing.
        """
        self._related = {}
        if not objs:
            return
        model = type(objs[0])
        ids = [obj.pk for obj in objs]
        for name, values in self.bulk_relations.items():
            field = model._meta.get_field(name)
            if field.many_to_many:
                rows = field.remote_field.through.objects.filter(**{f"{field.m2m_field_name()}_id__in": ids})
                owner, prefix = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}__"
            else:  # A child relation (ParentalKey): rows of the related model point at the owner.
                related = field.related_model
                rows = related.objects.filter(**{f"{field.field.name}_id__in": ids})
                if any(f.name == "sort_order" for f in related._meta.get_fields()):
                    rows = rows.order_by("sort_order", "pk")
                owner, prefix = f"{field.field.name}_id", ""
            found: dict[int, list[tuple]] = {pk: [] for pk in ids}
            for pk, *row in rows.values_list(owner, *(f"{prefix}{value}" for value in values)):
                found[pk].append(tuple(row))
            self._related[name] = found

    def choice_label(self, obj, name: str) -> str:
        """The label of a choice field's value, looked up once per value (not per object)."""
        value = getattr(obj, name)
        key = (name, value)
        if key not in self._labels:
            self._labels[key] = str(dict(obj._meta.get_field(name).flatchoices).get(value, value or ""))
        return self._labels[key]

    def related_rows(self, obj, name: str) -> list[tuple] | None:
        """The rows `load_related` read for this object's relation, or None if it did not."""
        rows = self._related.get(name)
        return rows.get(obj.pk, []) if rows is not None else None

    # Every mapped field but the language copies, which `serialize` fills from the text fields.
    FIELDS = tuple(name for name in mappings.KnowledgeItem._doc_type.mapping if name not in mappings.LANGUAGE_FIELDS)

    def serialize(self, obj) -> dict:
        data = {name: getattr(self, f"prepare_{name}")(obj) for name in self.FIELDS}
        language = (data.get("locale") or "").split("-")[0]
        if language in mappings.LANGUAGE_COPIES:
            for name in mappings.SEARCH_TEXT_FIELDS:
                if data.get(name):
                    data[mappings.language_field(name, language)] = data[name]
        return data

    # Text ---------------------------------------------------------------------------------
    def prepare_title(self, obj) -> str:
        return obj.title

    def prepare_summary(self, obj) -> str:
        return " ".join((getattr(obj, "summary", "") or "").split())

    def prepare_body(self, obj) -> str:
        return _join(field_text(obj, name) for name in self.body_fields)

    def prepare_attachment(self, obj) -> str:
        # A page names its public attachments; a document's own text is indexed only as the
        # document, with its own audience, so a partner-only file never speaks through a page.
        values = [
            block.value
            for name in self.attachment_fields
            for block in getattr(obj, name, None) or []
            if block.value.get("document") is not None
        ]
        public = self.privacy.documents_public(value["document"].pk for value in values)
        texts = []
        for value in values:
            if value["document"].pk in public:
                texts += [value["document"].title, value.get("description") or ""]
        return _join(texts)

    def prepare_pages(self, obj) -> list[dict]:
        return []  # Only a document's file has pages (`DocumentSerializer`).

    def prepare_suggest(self, obj) -> None:
        return None  # Filled by `copy_to` from title and summary.

    # Facets -------------------------------------------------------------------------------
    def prepare_kind(self, obj) -> str:
        return kind_of(obj).key

    def prepare_countries(self, obj) -> list[str]:
        codes: set[str] = set()
        for name in self.country_fields:
            rows = self.related_rows(obj, name)
            if rows is not None:
                codes.update(code for (code,) in rows)
                continue
            value = getattr(obj, name, None)
            if value is None:
                continue
            if hasattr(value, "all"):
                codes.update(country.iso_code for country in value.all())
            else:
                codes.add(value.iso_code)
        return sorted(codes)

    def prepare_themes(self, obj) -> list[str]:
        rows = self.related_rows(obj, "themes")
        if rows is not None:
            return sorted({slug for (slug,) in rows})
        themes = getattr(obj, "themes", None)
        return sorted({theme.slug for theme in themes.all()}) if themes is not None else []

    def prepare_keywords(self, obj) -> list[str]:
        return []

    def prepare_organisations(self, obj) -> list[str]:
        names: set[str] = set()
        for name in self.organisation_fields:
            rows = self.related_rows(obj, name)
            if rows is not None:
                names.update(value for row in rows for value in row if value)
                continue
            for organisation in getattr(obj, name).all():
                names.add(organisation.name)
                if organisation.acronym:
                    names.add(organisation.acronym)
        return sorted(names)

    def prepare_date(self, obj):
        return None

    def prepare_year(self, obj) -> int | None:
        date = self.prepare_date(obj)
        return date.year if date else None

    # Identity -----------------------------------------------------------------------------
    def prepare_locale(self, obj) -> str:
        """The language the item is written in: an alias in another locale (a synced tree) shows its
        source's words, so it is in its source's language, never offered as a translation."""
        source = getattr(obj, "alias_of", None)
        if source is not None and source.translation_key == obj.translation_key:
            return source.locale.language_code
        return obj.locale.language_code

    def prepare_translation_key(self, obj) -> str:
        return str(obj.translation_key)

    def prepare_url(self, obj) -> str:
        # A page caches the sites' root paths on itself (Wagtail's `cache_object`); sharing one
        # copy saves a cache lookup per page in a rebuild.
        if self._site_root_paths is None:
            self._site_root_paths = Site.get_site_root_paths()
        obj._wagtail_cached_site_root_paths = self._site_root_paths
        return obj.get_url() or ""

    def prepare_audience(self, obj) -> str:
        return mappings.AUDIENCE_PARTNER if self.privacy.page_is_restricted(obj.pk) else mappings.AUDIENCE_PUBLIC

    def prepare_page_id(self, obj) -> int | None:
        return obj.pk

    def prepare_doc_id(self, obj) -> int | None:
        return None


@cache
def searched_text_fields(model: type[Model]) -> tuple[str, ...]:
    """The model fields a model's Wagtail `search_fields` search as text, but title and summary."""
    names = []
    for search_field in model.get_search_fields():
        name = search_field.field_name
        if not isinstance(search_field, index.SearchField) or name in ("title", "summary") or name in names:
            continue
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:
            continue  # A method or property: not text `field_text` can read.
        names.append(name)
    return tuple(names)


class PageSerializer(ItemSerializer):
    """A page of any kind: the serializer of a kind that has none of its own (`SERIALIZERS`).

    The body is the text of `body_fields`, by default of the fields the model's `search_fields`
    search (what Wagtail's own search reads too); countries and themes come from fields of
    those names if the model has them; the date is the page's `publication_date` or else its
    last publication.
    """

    def prepare_body(self, obj) -> str:
        names = self.body_fields or searched_text_fields(type(obj))
        return _join(field_text(obj, name) for name in names)

    def prepare_date(self, obj):
        if getattr(obj, "publication_date", None):
            return obj.publication_date
        published = obj.last_published_at or obj.first_published_at
        return published.date() if published else None


ORGANISATION_VALUES = ("name", "acronym")


class KnowledgePageSerializer(ItemSerializer):
    body_fields = ("body",)
    organisation_fields = ("organisations",)
    bulk_relations = {
        "countries": ("iso_code",),
        "themes": ("slug",),
        "organisations": ORGANISATION_VALUES,
        "tagged_items": ("tag__name",),
    }

    def prepare_keywords(self, obj) -> list[str]:
        rows = self.related_rows(obj, "tagged_items")
        if rows is not None:
            return sorted({name for (name,) in rows})
        return sorted({item.tag.name for item in obj.tagged_items.all()})

    def prepare_date(self, obj):
        return obj.publication_date


class PolicyBriefSerializer(KnowledgePageSerializer):
    attachment_fields = ("attachments",)
    bulk_relations = {**KnowledgePageSerializer.bulk_relations, "brief_authors": ("person__name",)}

    def prepare_body(self, obj) -> str:
        rows = self.related_rows(obj, "brief_authors")
        names = [name for (name,) in rows] if rows is not None else [a.person.name for a in obj.brief_authors.all()]
        authors = ", ".join(names)
        return _join([authors, super().prepare_body(obj)])


class PracticeNoteSerializer(KnowledgePageSerializer):
    body_fields = (
        "context",
        "service_description",
        "steps",
        "staffing",
        "funding",
        "results",
        "lessons",
        "transfer_conditions",
        "body",
    )


class PolicyToolSerializer(KnowledgePageSerializer):
    body_fields = ("intended_users", "body", "adaptation_notes")
    attachment_fields = ("attachments",)

    def prepare_body(self, obj) -> str:
        return _join([self.choice_label(obj, "tool_kind"), super().prepare_body(obj)])


class CountryPageSerializer(PageSerializer):
    body_fields = (
        "legal_framework",
        "one_stop_services",
        "police_justice",
        "health_response",
        "psychosocial_support",
        "coordination",
        "helplines",
    )
    country_fields = ("country",)
    organisation_fields = ("national_counterparts", "un_partners")
    bulk_relations = {"national_counterparts": ORGANISATION_VALUES, "un_partners": ORGANISATION_VALUES}
    prefetch = ("key_figures",)
    select_related = ("country",)

    def prepare_body(self, obj) -> str:
        figures = [f"{figure.label}: {figure.display_value} {figure.unit}".strip() for figure in obj.key_figures.all()]
        return _join([obj.country.name, super().prepare_body(obj), *figures])


class EventPageSerializer(ItemSerializer):
    body_fields = ("venue", "city", "online_platform", "body", "agenda", "outcomes", "follow_up_actions")
    attachment_fields = ("materials",)
    country_fields = ("countries", "host_country")
    organisation_fields = ("organisers", "partners")
    bulk_relations = {
        "countries": ("iso_code",),
        "themes": ("slug",),
        "organisers": ORGANISATION_VALUES,
        "partners": ORGANISATION_VALUES,
        "speakers": ("person__name",),
    }

    def prepare_body(self, obj) -> str:
        rows = self.related_rows(obj, "speakers")
        names = [name for (name,) in rows] if rows is not None else [s.person.name for s in obj.speakers.all()]
        speakers = ", ".join(names)
        return _join([self.choice_label(obj, "event_type"), speakers, super().prepare_body(obj)])

    def prepare_date(self, obj):
        return obj.local_start.date() if obj.start else None


class DocumentSerializer(ItemSerializer):
    bulk_relations = {"countries": ("iso_code",), "themes": ("slug",), "page_texts": ("number", "text")}

    def prepare_summary(self, obj) -> str:
        return " ".join((obj.description or "").split())

    def prepare_body(self, obj) -> str:
        return _join([obj.authors, obj.publisher, self.choice_label(obj, "document_type")])

    def carries_file_text(self, obj) -> bool:
        """Translations share the file: its text is searched on the original (default-language)
        row and on a row in the file's own language, not once more per language. A row with a file
        of its own (`own_file`) carries that file's text, which is its alone."""
        if obj.own_file:
            return True
        return obj.locale.language_code in {settings.LANGUAGE_CODE, (obj.language or "").lower()}

    def prepare_attachment(self, obj) -> str:
        return (obj.extracted_text or "") if self.carries_file_text(obj) else ""

    def prepare_pages(self, obj) -> list[dict]:
        """The file's pages with text (`DocumentPageText`), so a search says on which page its words are."""
        if not self.carries_file_text(obj):
            return []
        rows = self.related_rows(obj, "page_texts")
        if rows is None:
            rows = obj.page_texts.values_list("number", "text")
        language = obj.locale.language_code.split("-")[0]
        copy = mappings.language_field("text", language) if language in mappings.LANGUAGE_COPIES else None
        pages = []
        for number, text in rows:
            if text and text.strip():
                page = {"number": number, "text": text}
                if copy:
                    page[copy] = text
                pages.append(page)
        return pages

    def prepare_organisations(self, obj) -> list[str]:
        return [obj.publisher] if obj.publisher else []

    def prepare_date(self, obj):
        return obj.publication_date

    # Its language (`prepare_locale`) is the locale's, as for pages: the language of the title
    # and description a reader reads in the hit. A Russian translation of an English report is
    # found as Russian; the file's own language is shown where the file is linked.

    def prepare_url(self, obj) -> str:
        # The landing page (title, summary, the file and its facts); hits link the file beside it.
        return obj.get_landing_url()

    def prepare_audience(self, obj) -> str:
        if not obj.reviewed:
            return mappings.AUDIENCE_UNREVIEWED
        restricted = self.privacy.document_is_restricted(obj.pk)
        return mappings.AUDIENCE_PARTNER if restricted else mappings.AUDIENCE_PUBLIC

    def prepare_page_id(self, obj) -> None:
        return None

    def prepare_doc_id(self, obj) -> int:
        return obj.pk


# The serializer of each kind (`portal.core.items`) whose text is more than `PageSerializer` reads.
SERIALIZERS: dict[str, type[ItemSerializer]] = {
    "country-profile": CountryPageSerializer,
    "brief": PolicyBriefSerializer,
    "practice-note": PracticeNoteSerializer,
    "policy-tool": PolicyToolSerializer,
    "event": EventPageSerializer,
    "document": DocumentSerializer,
}


def serializer_class(kind: ItemKind) -> type[ItemSerializer]:
    default = DocumentSerializer if kind.key_type == ItemKey.DOCUMENT else PageSerializer
    return SERIALIZERS.get(kind.key, default)


def serializer_for(obj, privacy: PrivacySnapshot | None = None) -> ItemSerializer:
    """The serializer of a document or of a page of its specific class."""
    kind = kind_of(obj)
    if kind is None:
        raise ValueError(f"{type(obj).__name__} is not a searchable kind (see portal.core.items).")
    return serializer_class(kind)(privacy)


def serialize(obj, privacy: PrivacySnapshot | None = None) -> dict:
    """The index document of a live page (any class; the specific one is used) or a document."""
    if isinstance(obj, Page) and kind_of(obj) is None:
        obj = obj.specific
    return serializer_for(obj, privacy).serialize(obj)


def is_searchable_page(page: Page | None) -> bool:
    return page is not None and page.live and kind_of(page.specific_class) is not None


def searchable_querysets() -> list[tuple[type[ItemSerializer], QuerySet]]:
    """Everything the index should hold, one queryset per kind in the kinds' order: what a rebuild reads."""
    sets: list[tuple[type[ItemSerializer], QuerySet]] = []
    for kind in kinds():
        serializer = serializer_class(kind)
        queryset = kind.model.objects.all()
        if kind.key_type == ItemKey.PAGE:
            queryset = queryset.live()
        queryset = queryset.select_related("locale", *serializer.select_related).prefetch_related(*serializer.prefetch)
        sets.append((serializer, queryset.order_by("pk")))
    return sets


def serialized_chunks(
    privacy: PrivacySnapshot | None = None, *, chunk_size: int = 500
) -> Iterator[list[tuple[ItemKey, dict | Exception]]]:
    """Everything searchable, serialized, in chunks of (key, document); a failure is the exception.

    What both rebuilds read: each chunk's relations are read in bulk (`load_related`), and
    one broken item is handed back rather than stopping the rest.
    """
    privacy = privacy or PrivacySnapshot()
    for serializer_class, queryset in searchable_querysets():
        serializer = serializer_class(privacy)
        objects = queryset.iterator(chunk_size=chunk_size)
        while objs := list(itertools.islice(objects, chunk_size)):
            serializer.load_related(objs)
            chunk: list[tuple[ItemKey, dict | Exception]] = []
            for obj in objs:
                try:
                    chunk.append((ItemKey.of(obj), serializer.serialize(obj)))
                except Exception as error:  # noqa: BLE001 - reported by the caller, with the key
                    chunk.append((ItemKey.of(obj), error))
            yield chunk
