"""Reads for the Sunflower model comparison: statuses per country and component, gaps, staleness.

A country's statuses are the rows of its live default-language profile (the translations
copy them), read as the reader may: a profile the reader may not see is not a country they
can compare, and evidence is only what the privacy gate lets them open. Components and
countries come in the reader's language; a status's note keeps the words it was written in,
marked with their language (`note_language`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from wagtail.models import Locale, Page, Site

from knowledge.models import KnowledgeDocument
from portal.core import request_memo
from portal.core.locale import entries_in_language, in_locale_with_fallback, locales_by_id
from portal.core.models.site_settings import SiteSettings
from portal.core.privacy import MEMO as PRIVACY_MEMO
from portal.core.privacy import documents_visible_to, pages_visible_to
from portal.site import models

MIN_COUNTRIES = 2
MAX_COUNTRIES = 4


@dataclass
class Evidence:
    title: str
    url: str
    kind: str  # "page", "document" or "link"
    language: str = ""  # the language of the page or document linked to; "" for an outside source


@dataclass
class StatusCell:
    component: models.ServiceComponent
    status: str = models.StatusLevel.UNKNOWN
    note: str = ""
    last_verified: datetime.date | None = None
    needs_verification: bool = False
    recorded: bool = False  # False: the profile has no row for this component
    evidence: list[Evidence] = field(default_factory=list)
    history: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return models.StatusLevel(self.status).label


@dataclass
class CountryColumn:
    iso_code: str
    country: object  # the Country entry in the reader's language
    profile: Page  # the profile in the reader's language, or the default language's
    cells: list[StatusCell]
    gaps: list[StatusCell] = field(default_factory=list)
    is_reference: bool = False
    note_language: str = settings.LANGUAGE_CODE

    @property
    def stale_count(self) -> int:
        return sum(cell.needs_verification for cell in self.cells)


@dataclass
class Comparison:
    components: list  # ServiceComponent entries in the reader's language, in order
    columns: list[CountryColumn]
    reference: CountryColumn | None
    max_age_days: int

    def rows(self) -> list[tuple]:
        """(component, [cell of each column]) in the components' order."""
        return [
            (component, [column.cells[index] for column in self.columns])
            for index, component in enumerate(self.components)
        ]


def comparison_settings() -> tuple[str, int]:
    """The reference country's ISO code and the age in days after which a status needs verifying.

    Within a request, the request's site's settings, read once (`SiteSettings.for_request`
    memoises them on the request, and the templates read them there too); elsewhere the first.
    """
    request = request_memo.current_request()
    if request is not None and Site.find_for_request(request) is not None:
        site_settings = SiteSettings.for_request(request)
    else:
        site_settings = SiteSettings.objects.order_by("pk").first()
    if site_settings is None:
        return "KR", 365
    return site_settings.reference_country, site_settings.verification_max_age_days


def needs_verification(
    last_verified: datetime.date | None, *, max_age_days: int, today: datetime.date | None = None
) -> bool:
    if last_verified is None:
        return True
    today = today or timezone.localdate()
    return (today - last_verified).days > max_age_days


def service_components(*, language: str | None = None) -> list:
    """The model's components in order, each in `language` (the reader's by default)."""
    default = models.ServiceComponent.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return entries_in_language(default.order_by("sort_order", "name"), language=language)


def comparable_profiles(*, user, locale: Locale) -> dict[str, Page]:
    """Every country profile the reader may see, by ISO code, in the reader's language where translated.

    Read once per request (the profile's map, "Compare with…" and status columns share it),
    and dropped with the request's privacy rules (`portal.core.privacy.forget_rules`).
    """

    def read() -> dict[str, Page]:
        profiles = pages_visible_to(
            user, in_locale_with_fallback(models.CountryPage.objects.all(), locale=locale)
        ).select_related("country")
        found: dict[str, Page] = {}
        for profile in profiles.order_by("title"):
            found.setdefault(profile.country.iso_code, profile)
        return found

    reader = user.pk if user is not None and user.is_authenticated else None
    return dict(request_memo.memoised((PRIVACY_MEMO, "comparable-profiles", reader, locale.pk), read))


def _evidence_blocks(status) -> list[tuple[str, object]]:
    """(block kind, value) of a status's evidence as stored: page and document ids, link values.

    Read raw, so that the chosen pages and documents are loaded for the whole table at once
    (Wagtail would load them stream by stream, one query per status).
    """
    return [(block["type"], block["value"]) for block in status.evidence.raw_data if block.get("value")]


def _visible_evidence(statuses, *, user, locale: Locale) -> dict[tuple, Evidence]:
    """The evidence of `statuses` the reader may open, keyed by (block kind, id chosen).

    A page links to its live translation in the reader's language when the reader may see it,
    else to the page chosen; a document to its row in the reader's language (a family shares
    its privacy). Both are read for the whole table at once.
    """
    page_ids, document_ids = set(), set()
    for status in statuses:
        for kind, value in _evidence_blocks(status):
            if kind == "page":
                page_ids.add(value)
            elif kind == "document":
                document_ids.add(value)
    found: dict[tuple, Evidence] = {}
    locales = locales_by_id()
    pages = list(pages_visible_to(user, Page.objects.filter(pk__in=page_ids)))
    translations = {
        page.translation_key: page
        for page in pages_visible_to(
            user, Page.objects.filter(translation_key__in=[page.translation_key for page in pages], locale=locale)
        )
    }
    for page in pages:
        shown = translations.get(page.translation_key, page)
        found[("page", page.pk)] = Evidence(
            title=shown.title, url=shown.url or "", kind="page", language=locales[shown.locale_id].language_code
        )
    documents = list(documents_visible_to(user, KnowledgeDocument.objects.filter(pk__in=document_ids)))
    for chosen, document in zip(documents, entries_in_language(documents, language=locale.language_code), strict=True):
        document.locale = locales[document.locale_id]  # read once above, not once per document
        found[("document", chosen.pk)] = Evidence(
            title=document.title,
            url=document.get_landing_url(),
            kind="document",
            language=document.locale.language_code,
        )
    return found


def _evidence_for(status, visible: dict) -> list[Evidence]:
    evidence = []
    for kind, value in _evidence_blocks(status):
        if kind == "link":
            evidence.append(Evidence(title=value.get("title", ""), url=value.get("url", ""), kind="link"))
        elif (kind, value) in visible:
            evidence.append(visible[(kind, value)])
    return evidence


def country_status_columns(
    *, codes: list[str], user, locale: Locale, with_history: bool = False, profiles: dict[str, Page] | None = None
) -> list[CountryColumn]:
    """One column per ISO code in `codes` (in that order) that the reader may see.

    `profiles` is `comparable_profiles(user=user, locale=locale)` when the caller has read it already.
    """
    shown = profiles if profiles is not None else comparable_profiles(user=user, locale=locale)
    codes = [code for code in codes if code in shown]
    components = service_components(language=locale.language_code)
    reference_code, max_age = comparison_settings()
    originals = {
        page.country.iso_code: page
        for page in pages_visible_to(
            user,
            models.CountryPage.objects.filter(
                locale__language_code=settings.LANGUAGE_CODE, country__iso_code__in=codes
            ),
        ).select_related("country")
    }
    statuses = list(
        models.ComponentStatus.objects.filter(page__in=list(originals.values())).select_related("component", "page")
    )
    visible = _visible_evidence(statuses, user=user, locale=locale)
    by_page: dict[int, dict[str, models.ComponentStatus]] = {}
    for status in statuses:
        by_page.setdefault(status.page_id, {})[status.component.translation_key] = status
    history: dict[tuple, list] = {}
    if with_history:
        changes = models.ComponentStatusChange.objects.filter(country__iso_code__in=codes).select_related(
            "country", "component"
        )
        for change in changes:
            history.setdefault((change.country.iso_code, change.component.translation_key), []).append(change)
    countries = dict(
        zip(
            codes,
            entries_in_language([shown[code].country for code in codes], language=locale.language_code),
            strict=True,
        )
    )
    today = timezone.localdate()
    columns = []
    for code in codes:
        original = originals.get(code)
        rows = by_page.get(original.pk, {}) if original else {}
        cells = []
        for component in components:
            status = rows.get(component.translation_key)
            if status is None:
                cells.append(StatusCell(component=component))
                continue
            cells.append(
                StatusCell(
                    component=component,
                    status=status.status,
                    note=status.note,
                    last_verified=status.last_verified,
                    needs_verification=needs_verification(status.last_verified, max_age_days=max_age, today=today),
                    recorded=True,
                    evidence=_evidence_for(status, visible),
                    history=history.get((code, component.translation_key), []),
                )
            )
        columns.append(
            CountryColumn(
                iso_code=code,
                country=countries[code],
                profile=shown[code],
                cells=cells,
                is_reference=code == reference_code,
            )
        )
    return columns


def country_comparison(
    *, codes: list[str], user, locale: Locale, profiles: dict[str, Page] | None = None
) -> Comparison:
    """The side-by-side table of `codes`, each with its gaps against the reference country.

    The reference country's statuses are read even when it is not among `codes`; a gap is a
    component the reference has in place that the country does not.
    """
    reference_code, max_age = comparison_settings()
    wanted = list(dict.fromkeys(codes))
    columns = country_status_columns(
        codes=[*wanted, reference_code] if reference_code not in wanted else wanted,
        user=user,
        locale=locale,
        profiles=profiles,
    )
    reference = next((column for column in columns if column.iso_code == reference_code), None)
    columns = [column for column in columns if column.iso_code in wanted]
    if reference is not None:
        for column in columns:
            if column.is_reference:
                continue
            column.gaps = [
                cell
                for cell, reference_cell in zip(column.cells, reference.cells, strict=True)
                if reference_cell.status == models.StatusLevel.IN_PLACE and cell.status != models.StatusLevel.IN_PLACE
            ]
            column.gaps.sort(key=lambda cell: models.StatusLevel.rank(cell.status))
    return Comparison(
        components=[cell.component for cell in columns[0].cells]
        if columns
        else service_components(language=locale.language_code),
        columns=columns,
        reference=reference,
        max_age_days=max_age,
    )
