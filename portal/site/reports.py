"""The admin's translation report: every item of the default language × every other language.

The freshness rules are `portal.core.i18n`'s, so the report and the readers' notices never
disagree.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from knowledge.models import KnowledgeDocument
from portal.core.i18n import (
    MISSING,
    STATES,
    LocalizeSync,
    sources_with_untranslated_strings,
    translation_freshness,
)
from portal.core.models import Country, Organisation, Theme


def _report_queryset(model):
    """The report's rows, with what their admin links' permission checks read (documents:
    owner and collection) fetched in the same query."""
    if model is KnowledgeDocument:
        return model.objects.select_related("collection", "uploaded_by_user")
    return model.objects.all()


def _report_rows(items: list, *, model, locales: list[Locale], default: Locale, is_page: bool) -> list[dict]:
    """One row per default-language item: its state in each locale, and the translation if any."""
    keys = [item.translation_key for item in items]
    targets = _report_queryset(model).filter(translation_key__in=keys, locale__in=locales)
    if is_page:
        # Readers never see a draft, and an alias shows the original's words.
        targets = targets.filter(live=True, alias_of__isnull=True)
    found = {(target.translation_key, target.locale_id): target for target in targets}

    syncs = {}
    localize = Translation.objects.filter(
        enabled=True, source__object_id__in=keys, source__locale=default, target_locale__in=locales
    ).values_list("source_id", "source__object_id", "source__last_updated_at", "target_locale_id")
    sources_by_locale: dict[int, list] = {}
    for source_id, key, synced_at, locale_id in localize:
        sources_by_locale.setdefault(locale_id, []).append((source_id, key, synced_at))
    for locale_id, sources in sources_by_locale.items():
        incomplete = sources_with_untranslated_strings(source_ids=[s[0] for s in sources], locale_id=locale_id)
        for source_id, key, synced_at in sources:
            syncs[(key, locale_id)] = LocalizeSync(synced_at=synced_at, complete=source_id not in incomplete)

    rows = []
    for item in items:
        cells = []
        for locale in locales:
            target = found.get((item.translation_key, locale.pk))
            if target is None:
                state = MISSING
            else:
                state = translation_freshness(
                    source_changed_at=item.last_published_at if is_page else None,
                    translated_at=target.last_published_at if is_page else None,
                    sync=syncs.get((item.translation_key, locale.pk)),
                )
            cells.append(
                {
                    "language": locale.language_code,
                    "state": state,
                    "target": target,
                    "in_editor": (item.translation_key, locale.pk) in syncs,
                }
            )
        rows.append({"item": item, "cells": cells})
    return rows


def translation_report(*, language_codes: list[str]) -> dict:
    """Every live page of the default language, the translatable vocabularies and documents, by language.

    Returns `{"languages": [code, …], "groups": [{"key", "label", "rows": [{"item", "cells":
    [{"language", "state", "target"}]}]}], "totals": {code: {state: count}}}`. The number of
    queries depends on the number of languages, not of items.
    """
    default = Locale.get_default()
    by_code = {locale.language_code: locale for locale in Locale.objects.exclude(pk=default.pk)}
    locales = [by_code[code] for code in language_codes if code in by_code]

    pages = list(
        Page.objects.live().filter(locale=default, depth__gt=1).order_by("path").select_related("content_type")
    )
    groups = [
        {
            "key": "pages",
            "label": _("Pages"),
            "rows": _report_rows(pages, model=Page, locales=locales, default=default, is_page=True),
        }
    ]
    for model in (Country, Theme, Organisation, KnowledgeDocument):
        items = _report_queryset(model).filter(locale=default)
        if model is KnowledgeDocument:
            items = items.order_by("title")
        items = list(items)
        groups.append(
            {
                "key": model._meta.model_name,
                "label": model._meta.verbose_name_plural,
                "rows": _report_rows(items, model=model, locales=locales, default=default, is_page=False),
            }
        )

    totals = {locale.language_code: dict.fromkeys(STATES, 0) for locale in locales}
    for group in groups:
        for row in group["rows"]:
            for cell in row["cells"]:
                totals[cell["language"]][cell["state"]] += 1
    return {"languages": [locale.language_code for locale in locales], "groups": groups, "totals": totals}
