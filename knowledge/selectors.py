"""Reads of knowledge items, always through the privacy rules in `portal.core.privacy`.

The page models call these (`from knowledge import selectors`), so the models are read
through their module (`models.KnowledgePage`), which either side may import first.
Vocabulary entries and documents come attached in the reader's language (`in_language`).
"""

import datetime
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet, Sum
from django.urls import reverse

from wagtail.models import Locale, Page, ReferenceIndex

from knowledge import models, uploads
from portal.core import items
from portal.core.locale import (
    attach_in_language,
    block_values,
    default_locale,
    in_locale_with_fallback,
    locale_for,
    locales_by_id,
    reader_language,
    under_section,
)
from portal.core.privacy import (
    attached_documents_visible_to,
    documents_visible_to,
    in_collections_visible_to,
    pages_visible_to,
)

PAGE_SIZE = 12

# What a knowledge item shows of its vocabularies: on its card, and on its own page.
CARD_VOCABULARIES = ("countries",)
PAGE_VOCABULARIES = ("countries", "themes", "organisations")


def _listing(queryset: QuerySet) -> QuerySet:
    # Specific pages in one query per type, with the countries their cards show prefetched, so a
    # list costs the same number of queries for 1 item as for 50.
    return queryset.order_by("-publication_date", "-pk").prefetch_related("countries").specific(defer=True)


def _cards(queryset) -> list:
    return attach_in_language(list(queryset), CARD_VOCABULARIES)


def knowledge_items_latest(*, locale: Locale, user, limit: int = 6) -> list:
    queryset = in_locale_with_fallback(models.KnowledgePage.objects.all(), locale=locale)
    return _cards(_listing(pages_visible_to(user, queryset))[:limit])


def knowledge_items_for_country(*, iso_code: str, locale: Locale, user, limit: int = 12) -> list:
    queryset = in_locale_with_fallback(models.KnowledgePage.objects.filter(countries__iso_code=iso_code), locale=locale)
    queryset = queryset.distinct()
    return _cards(_listing(pages_visible_to(user, queryset))[:limit])


def _filtered(*, index, user, country: str = "", theme: str = "", kind: str = "", year=None) -> QuerySet:
    """The one selector of a filtered knowledge list: its page, its feeds (`knowledge.feeds`) read it."""
    queryset = in_locale_with_fallback(models.KnowledgePage.objects.filter(under_section(index)), locale=index.locale)
    if country:
        queryset = queryset.filter(countries__iso_code=country)
    if theme:
        queryset = queryset.filter(themes__slug=theme)
    if kind:
        queryset = queryset.type(items.kind(kind).model)
    if year:
        queryset = queryset.filter(publication_date__year=year)
    return _listing(pages_visible_to(user, queryset.distinct()))


def knowledge_items_filtered(*, index, user, page_number=None, **filters):
    page = Paginator(_filtered(index=index, user=user, **filters), PAGE_SIZE).get_page(page_number)
    page.object_list = _cards(page.object_list)
    return page


def knowledge_items_listed(*, index, user, limit: int, **filters) -> list:
    """The first `limit` items of a filtered list, newest first, as the list orders them."""
    return _cards(_filtered(index=index, user=user, **filters)[:limit])


def knowledge_related_items(*, page, user, limit: int = 4) -> list:
    """Items sharing a theme or a country with `page`, most recent first.

    The page's themes and countries are those `knowledge_item_in_language` attached when it has
    run (the same entries, by their language-neutral key), else read here.
    """
    attached = getattr(page, "in_language", None) or {}
    if "themes" in attached and "countries" in attached:
        themes = Q(themes__translation_key__in=[theme.translation_key for theme in attached["themes"]])
        countries = Q(countries__translation_key__in=[country.translation_key for country in attached["countries"]])
        if not attached["themes"] and not attached["countries"]:
            return []
    else:
        theme_ids = list(page.themes.values_list("pk", flat=True))
        country_ids = list(page.countries.values_list("pk", flat=True))
        if not theme_ids and not country_ids:
            return []
        themes, countries = Q(themes__in=theme_ids), Q(countries__in=country_ids)
    queryset = (
        in_locale_with_fallback(
            models.KnowledgePage.objects.all(), locale=locales_by_id().get(page.locale_id) or page.locale
        )
        .filter(themes | countries)
        .exclude(pk=page.pk)
        .distinct()
    )
    return _cards(_listing(pages_visible_to(user, queryset))[:limit])


def knowledge_item_in_language(*, page, user) -> None:
    """Attach to `page` its vocabularies and the documents of its body in the reader's language.

    Only documents `user` may download are attached; `page.in_language["attachments"]` lists
    the attachment blocks whose document is among them.
    """
    attach_in_language([page], PAGE_VOCABULARIES)
    attachments = getattr(page, "attachments", None)
    values = block_values(page.body, attachments, field="document")
    attached_documents_visible_to(user, attach_in_language(values, ["document"]))
    page.in_language["attachments"] = [block for block in attachments or () if _downloadable(block)]


def _downloadable(block) -> bool:
    return bool(getattr(block.value, "in_language", {}).get("document"))


def policy_brief_authors(*, brief) -> list:
    """The brief's authors in the reader's language, in their order."""
    rows = attach_in_language(list(brief.brief_authors.select_related("person")), ["person"])
    return [row.in_language["person"] for row in rows]


def policy_tool_lineage(*, tool, user) -> dict:
    """The tool this one was adapted from, and the adaptations of it, that `user` may read."""
    tools = models.PolicyToolPage.objects
    source = None
    if tool.adapted_from_id:
        source = pages_visible_to(user, tools.filter(pk=tool.adapted_from_id)).first()
    adaptations = pages_visible_to(user, tools.filter(adapted_from_id=tool.pk, locale=tool.locale))
    return {"adapted_from": source, "adaptations": list(adaptations.order_by("title"))}


# --- A document's landing page ----------------------------------------------------------------


def document_for_reader(*, document_id: int, user, language: str | None = None):
    """The row of a document's family to show this reader, or None if they may not see it.

    `document_id` may name any row of the family. The answer is the family's row in `language`
    (the reader's by default) when it has one, else the row named; None when the row named is
    unknown or the privacy gate keeps it from `user` (a family shares its collection and review,
    so the gate answers the same for every row). The rows the reader may see come attached as
    `family_rows`, with their locale and vocabularies read: one query for the whole family.
    """
    language = language or reader_language()
    documents = models.KnowledgeDocument.objects
    key = documents.filter(pk=document_id).values("translation_key")
    rows = list(
        documents_visible_to(user, documents.filter(translation_key__in=key))
        .select_related("locale")
        .prefetch_related("countries", "themes")
        .order_by("pk")
    )
    named = next((row for row in rows if row.pk == document_id), None)
    if named is None:
        return None
    shown = next((row for row in rows if row.locale.language_code == language), named)
    shown.family_rows = rows
    return shown


@dataclass(frozen=True)
class DocumentFile:
    """One file of a document family a reader may download, as its landing page lists it."""

    url: str
    language: str
    size: int | None
    content_type: str
    format: str
    file: Any = None
    content_hash: str = ""
    # An earlier version: when its file was put in place, and when a newer one replaced it.
    uploaded_at: datetime.datetime | None = None
    replaced_at: datetime.datetime | None = None

    @property
    def is_pdf(self) -> bool:
        return self.content_type == "application/pdf"


def file_format(content_type: str, name: str) -> str:
    """A file's short format name ("PDF", "DOCX") from its detected type, else from its name."""
    for kind in uploads.ALLOWED_TYPES:
        if content_type == kind.mime or content_type in kind.mime_by_extension.values():
            return kind.extensions[0].upper()
    return PurePath(name).suffix.lstrip(".").upper()


def _file(url: str, file, *, language: str, size, content_type: str | None = None, **extra) -> DocumentFile:
    content_type = content_type or uploads.served_content_type(file, name=file.name)
    if size is None:
        # Rows made outside the admin's forms (imports, the demo) have no recorded size.
        try:
            size = file.size
        except OSError:
            size = None
    return DocumentFile(
        url=url,
        language=language,
        size=size,
        content_type=content_type,
        format=file_format(content_type, file.name),
        file=file,
        **extra,
    )


def document_files(*, document) -> tuple[DocumentFile, list[DocumentFile]]:
    """(the file offered first, the family's other files) for the row `document_for_reader` gave.

    A translation with its own file offers it first and the family's file among the others;
    every other row's own file (in its language) is among the others too.
    """
    args = (document.pk, document.slug)
    family_file = _file(
        reverse("document_download", args=args),
        document.file,
        language=document.language,
        size=document.file_size,
        content_type=document.content_type,
        content_hash=document.file_hash or "",
    )
    own = {
        row.locale.language_code: _file(
            reverse("document_download_language", args=(*args, row.locale.language_code)),
            row.own_file,
            language=row.locale.language_code,
            size=row.own_file_size,
        )
        for row in getattr(document, "family_rows", [document])
        if row.own_file
    }
    main = own.pop(document.locale.language_code, None)
    others = list(own.values())
    if main is None:
        main = family_file
    else:
        others.insert(0, family_file)
    return main, others


# `knowledge.review.REVIEW_PERMISSION`: read here by name, since the review module imports the
# models, which import this module.
REVIEW_PERMISSION = "knowledge.review_knowledgedocument"


def document_versions_visible_to(user, *, document) -> QuerySet:
    """The family's earlier versions `user` may download, `document` being a row they may see.

    A version is as private as the collection the family was in when it was replaced: a file
    replaced while the document was partner-only stays partner-only after a move to a more
    public collection. A version whose collection is unknown (deleted since) is for reviewers.
    """
    versions = models.DocumentVersion.objects.filter(key=document.translation_key)
    if not (user is not None and user.is_active and user.has_perm(REVIEW_PERMISSION)):
        versions = versions.filter(collection__isnull=False)
    return in_collections_visible_to(user, versions)


def document_is_restricted(*, document, version=None) -> bool:
    """Whether an anonymous reader would be refused this document (a partner-only one), or this version of it.

    A file that is not for everyone is kept out of shared caches (`Cache-Control: private`).
    """
    documents = models.KnowledgeDocument.objects.filter(pk=document.pk)
    if not documents_visible_to(None, documents).exists():
        return True
    if version is None:
        return False
    return not document_versions_visible_to(None, document=document).filter(pk=version.pk).exists()


def document_versions(*, document, user) -> list[DocumentFile]:
    """The family's earlier files `user` may download, newest replacement first, as the landing page lists them."""
    versions = document_versions_visible_to(user, document=document).order_by("-replaced_at", "-pk")
    return [
        _file(
            reverse("document_version_download", args=(document.pk, document.slug, version.pk)),
            version.file,
            language=version.language,
            size=version.file_size,
            uploaded_at=version.uploaded_at,
            replaced_at=version.replaced_at,
        )
        for version in versions
    ]


def document_version_for_reader(*, document, version_id: int, user):
    """An earlier version of the family of `document` (a row the reader may see) that `user` may download, or None."""
    return document_versions_visible_to(user, document=document).filter(pk=version_id).first()


def document_download_count(*, document) -> int:
    """Downloads of every file of the family, on every day."""
    total = models.DocumentDownload.objects.filter(document__translation_key=document.translation_key).aggregate(
        total=Sum("count")
    )["total"]
    return total or 0


def document_related_event(*, document, user, language: str | None = None):
    """The event the document comes from, in the reader's language where translated, if they may see it."""
    if not document.related_event_id:
        return None
    language = language or reader_language()
    pages = Page.objects.filter(pk=document.related_event_id)
    candidates = Page.objects.filter(
        Q(pk=document.related_event_id)
        | Q(translation_key__in=pages.values("translation_key"), locale__language_code=language)
    )
    visible = list(pages_visible_to(user, candidates).select_related("locale"))
    in_language = [page for page in visible if page.locale.language_code == language]
    return (in_language or visible or [None])[0]


def document_pages_using(*, document, user, language: str | None = None, limit: int = 10) -> list:
    """Pages the reader may see that attach or link any row of the family (Wagtail's reference index)."""
    language = language or reader_language()
    rows = getattr(document, "family_rows", [document])
    ids = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(models.KnowledgeDocument),
        to_object_id__in=[str(row.pk) for row in rows],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    page_ids = [int(pk) for pk in ids if str(pk).isdigit()]
    if not page_ids:
        return []
    locale = locale_for(language) or default_locale()
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    pages = in_locale_with_fallback(Page.objects.filter(translation_key__in=keys), locale=locale)
    return list(pages_visible_to(user, pages).select_related("locale").order_by("title")[:limit])


def document_facts(*, document, language: str | None = None) -> dict:
    """What the landing page says about the document, with its vocabularies in the reader's language."""
    attach_in_language([document], ("countries", "themes"), language=language)
    return {
        "authors": _names(document.authors),
        "partner_organisations": _names(document.partner_organisations),
        "licence_url": models.documents.LICENCE_URLS.get(document.licence, ""),
        "countries": document.in_language["countries"],
        "themes": document.in_language["themes"],
    }


def _names(text: str) -> list[str]:
    return [name.strip() for name in (text or "").split(";") if name.strip()]
