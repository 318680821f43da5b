"""Reads of knowledge items, always through the privacy rules in `portal.core.privacy`.

The page models call these (`from knowledge import selectors`), so the models are read
through their module (`models.KnowledgePage`), which either side may import first.
Vocabulary entries and documents come attached in the reader's language (`in_language`).
"""

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet

from wagtail.models import Locale

from knowledge import models
from portal.core import items
from portal.core.locale import attach_in_language, block_values, in_locale_with_fallback, under_section
from portal.core.privacy import attached_documents_visible_to, documents_visible_to, pages_visible_to

PAGE_SIZE = 12

# What a knowledge item shows of its vocabularies: on its card, and on its own page.
CARD_VOCABULARIES = ("countries",)
PAGE_VOCABULARIES = ("countries", "themes", "organisations")


def _listing(queryset: QuerySet) -> QuerySet:
    # Specific pages in one query per type, with their vocabularies prefetched, so a list
    # costs the same number of queries for 1 item as for 50.
    return queryset.order_by("-publication_date", "-pk").prefetch_related("countries", "themes").specific(defer=True)


def _cards(queryset) -> list:
    return attach_in_language(list(queryset), CARD_VOCABULARIES)


def knowledge_items_latest(*, locale: Locale, user, limit: int = 6) -> list:
    queryset = in_locale_with_fallback(models.KnowledgePage.objects.all(), locale=locale)
    return _cards(_listing(pages_visible_to(user, queryset))[:limit])


def knowledge_items_for_country(*, iso_code: str, locale: Locale, user, limit: int = 12) -> list:
    queryset = in_locale_with_fallback(models.KnowledgePage.objects.filter(countries__iso_code=iso_code), locale=locale)
    queryset = queryset.distinct()
    return _cards(_listing(pages_visible_to(user, queryset))[:limit])


def knowledge_items_filtered(
    *, index, user, page_number=None, country: str = "", theme: str = "", kind: str = "", year=None
):
    queryset = in_locale_with_fallback(models.KnowledgePage.objects.filter(under_section(index)), locale=index.locale)
    if country:
        queryset = queryset.filter(countries__iso_code=country)
    if theme:
        queryset = queryset.filter(themes__slug=theme)
    if kind:
        queryset = queryset.type(items.kind(kind).model)
    if year:
        queryset = queryset.filter(publication_date__year=year)
    queryset = _listing(pages_visible_to(user, queryset.distinct()))
    page = Paginator(queryset, PAGE_SIZE).get_page(page_number)
    page.object_list = _cards(page.object_list)
    return page


def knowledge_related_items(*, page, user, limit: int = 4) -> list:
    """Items sharing a theme or a country with `page`, most recent first."""
    theme_ids = list(page.themes.values_list("pk", flat=True))
    country_ids = list(page.countries.values_list("pk", flat=True))
    if not theme_ids and not country_ids:
        return []
    queryset = (
        in_locale_with_fallback(models.KnowledgePage.objects.all(), locale=page.locale)
        .filter(Q(themes__in=theme_ids) | Q(countries__in=country_ids))
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


def document_for_reader(*, document_id: int, user):
    """The document row with this id, if this reader may see it (the privacy gate's answer), or None."""
    return documents_visible_to(user, models.KnowledgeDocument.objects.filter(pk=document_id)).first()
