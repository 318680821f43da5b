"""The programme dashboard's figures: events held, countries taking part, documents, downloads, gaps.

The dashboard is an internal admin page, so its counts include everything: partner-only and
unreviewed documents, events behind a view restriction. Those are counted, never named here:
each figure says how many of its items are not public, and the only titles it returns (the
most downloaded documents) are checked against the person asking
(`top_documents_downloaded`). A document or an event is counted once per family (its
translations share a `translation_key`).
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import get_language_info

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.permissions import policy_registry

from events.choices import EventStatus, EventType
from events.models import EventPage
from knowledge.models import DocumentDownload, KnowledgeDocument
from portal.core.locale import entries_in_language
from portal.core.models import Country
from portal.core.privacy import documents_visible_to, restricted_page_ids
from portal.site.comparison import comparison_settings, needs_verification
from portal.site.models import ComponentStatus, StatusLevel
from search.models import ZeroResultQuery

DOWNLOAD_MONTHS = 12
TOP_DOCUMENTS = 10
ZERO_RESULT_DAYS = 90
ZERO_RESULTS_PER_LANGUAGE = 20


@dataclass
class EventsByYear:
    year: int
    by_type: dict[str, int]  # event type key → events held that year
    total: int
    restricted: int  # of which behind a view restriction (partner-only)


@dataclass
class CountryEvents:
    iso_code: str
    name: str
    hosted: int
    took_part: int
    total: int  # events it hosted or took part in


@dataclass
class DocumentCount:
    key: str  # an ISO code or a language code
    name: str
    documents: int
    not_public: int  # partner-only or not reviewed yet


@dataclass
class MonthDownloads:
    month: datetime.date  # the month's first day
    downloads: int


@dataclass
class DocumentDownloads:
    downloads: int
    public: bool
    reviewed: bool
    title: str = ""  # empty when the person asking may not see the document
    edit_url: str = ""


@dataclass
class ZeroResultSearch:
    query: str
    language: str
    searches: int
    days: int  # on how many days it was searched


@dataclass
class StaleStatus:
    iso_code: str
    country: str
    component: str
    status: str  # a StatusLevel value
    last_verified: datetime.date | None
    edit_url: str = ""

    @property
    def status_label(self) -> str:
        return StatusLevel(self.status).label if self.status in StatusLevel.values else self.status


@dataclass
class Verification:
    max_age_days: int
    statuses: list[StaleStatus] = field(default_factory=list)


def _country_names(codes) -> dict[str, str]:
    """ISO code → the country's name in the active language (the default entry's where untranslated)."""
    entries = Country.objects.filter(locale__language_code=settings.LANGUAGE_CODE, iso_code__in=set(codes))
    return {entry.iso_code: entry.name for entry in entries_in_language(entries.order_by("iso_code"))}


def language_name(code: str) -> str:
    """The language's name in the active language, or its code when Django does not know it."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _held_event_families(*, now: datetime.datetime) -> dict:
    """One row per family of live events that took place (ended before `now`, not called off).

    The default language's row where there is one: translations copy the type and dates.
    """
    rows = (
        EventPage.objects.live()
        .filter(end__lt=now)
        .exclude(status__in=[EventStatus.CANCELLED, EventStatus.POSTPONED])
        .values("pk", "translation_key", "locale__language_code", "start", "event_type", "host_country__iso_code")
        .order_by("pk")
    )
    families: dict = {}
    for row in rows:
        chosen = families.get(row["translation_key"])
        if chosen is None or (
            row["locale__language_code"] == settings.LANGUAGE_CODE
            and chosen["locale__language_code"] != settings.LANGUAGE_CODE
        ):
            families[row["translation_key"]] = row
    return families


def events_held_by_year(*, now: datetime.datetime | None = None) -> list[EventsByYear]:
    """Events held per year of their start (UTC, like the events list's year filter), by type, oldest first."""
    families = _held_event_families(now=now or timezone.now())
    restricted = set(restricted_page_ids())
    years: dict[int, EventsByYear] = {}
    for row in families.values():
        year = row["start"].astimezone(datetime.UTC).year
        entry = years.setdefault(
            year, EventsByYear(year=year, by_type=dict.fromkeys(EventType.values, 0), total=0, restricted=0)
        )
        entry.by_type[row["event_type"]] = entry.by_type.get(row["event_type"], 0) + 1
        entry.total += 1
        entry.restricted += row["pk"] in restricted
    return [years[year] for year in sorted(years)]


def events_by_country(*, now: datetime.datetime | None = None) -> list[CountryEvents]:
    """Per country, the events held that it hosted or took part in; most events first."""
    families = _held_event_families(now=now or timezone.now())
    chosen = {row["pk"]: row for row in families.values()}
    hosted: dict[str, set] = defaultdict(set)
    took_part: dict[str, set] = defaultdict(set)
    for pk, row in chosen.items():
        if row["host_country__iso_code"]:
            hosted[row["host_country__iso_code"]].add(pk)
    through = EventPage.countries.through.objects.filter(eventpage_id__in=list(chosen))
    for pk, code in through.values_list("eventpage_id", "country__iso_code"):
        took_part[code].add(pk)
    codes = set(hosted) | set(took_part)
    names = _country_names(codes)
    found = [
        CountryEvents(
            iso_code=code,
            name=names.get(code, code),
            hosted=len(hosted[code]),
            took_part=len(took_part[code]),
            total=len(hosted[code] | took_part[code]),
        )
        for code in codes
    ]
    return sorted(found, key=lambda entry: (-entry.total, entry.name))


def _public_document_families() -> set:
    return set(documents_visible_to(None, KnowledgeDocument.objects.all()).values_list("translation_key", flat=True))


def documents_by_country() -> list[DocumentCount]:
    """Document families per country they are about; most first."""
    pairs = set(
        KnowledgeDocument.objects.filter(countries__isnull=False).values_list("translation_key", "countries__iso_code")
    )
    public = _public_document_families()
    counts, not_public = Counter(), Counter()
    for key, code in pairs:
        counts[code] += 1
        not_public[code] += key not in public
    names = _country_names(counts)
    found = [
        DocumentCount(key=code, name=names.get(code, code), documents=count, not_public=not_public[code])
        for code, count in counts.items()
    ]
    return sorted(found, key=lambda entry: (-entry.documents, entry.name))


def documents_by_language() -> list[DocumentCount]:
    """Document families with a file in each language: the family's file, or a translation's own file."""
    pairs = set(KnowledgeDocument.objects.exclude(language="").values_list("translation_key", "language"))
    pairs |= set(KnowledgeDocument.objects.exclude(own_file="").values_list("translation_key", "locale__language_code"))
    public = _public_document_families()
    counts, not_public = Counter(), Counter()
    for key, code in pairs:
        counts[code] += 1
        not_public[code] += key not in public
    found = [
        DocumentCount(key=code, name=language_name(code), documents=count, not_public=not_public[code])
        for code, count in counts.items()
    ]
    return sorted(found, key=lambda entry: (-entry.documents, entry.name))


def _months_back(today: datetime.date, months: int) -> list[datetime.date]:
    """The first days of the last `months` months, this one included, oldest first."""
    firsts = []
    year, month = today.year, today.month
    for _step in range(months):
        firsts.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return firsts[::-1]


def downloads_by_month(*, today: datetime.date | None = None) -> list[MonthDownloads]:
    """Downloads of every document in each of the last twelve months, this one included; months without any show 0."""
    months = _months_back(today or timezone.localdate(), DOWNLOAD_MONTHS)
    totals: Counter = Counter()
    rows = DocumentDownload.objects.filter(day__gte=months[0]).values_list("day", "count")
    for day, count in rows:
        totals[day.replace(day=1)] += count
    return [MonthDownloads(month=month, downloads=totals[month]) for month in months]


def top_documents_downloaded(*, user, today: datetime.date | None = None) -> list[DocumentDownloads]:
    """The most downloaded document families of the last twelve months, each titled only if `user` may see it.

    A title is shown when the privacy gate lets `user` read the document, or when they may edit
    it in the admin (where they see its title anyway); otherwise the row says only how public
    the document is.
    """
    since = _months_back(today or timezone.localdate(), DOWNLOAD_MONTHS)[0]
    totals = (
        DocumentDownload.objects.filter(day__gte=since)
        .values("document__translation_key")
        .annotate(downloads=Sum("count"))
        .order_by("-downloads", "document__translation_key")[:TOP_DOCUMENTS]
    )
    totals = {row["document__translation_key"]: row["downloads"] for row in totals}
    family_rows = KnowledgeDocument.objects.filter(translation_key__in=list(totals)).select_related("locale")
    public = set(
        documents_visible_to(None, family_rows).values_list("translation_key", flat=True).order_by("translation_key")
    )
    readable = set(documents_visible_to(user, family_rows).values_list("pk", flat=True))
    readable |= set(
        policy_registry.get_by_type(KnowledgeDocument)
        .instances_user_has_permission_for(user, "change")
        .filter(pk__in=family_rows.values("pk"))
        .values_list("pk", flat=True)
    )
    # The family's row in the active language where there is one, else its original.
    rows: dict = {}
    for row in family_rows.order_by("pk"):
        rows.setdefault(row.translation_key, row)
    language = entries_in_language(list(rows.values()))
    by_key = {row.translation_key: row for row in language}
    finder = AdminURLFinder(user)
    found = []
    for key, downloads in totals.items():
        row = by_key.get(key)
        if row is None:
            continue
        entry = DocumentDownloads(downloads=downloads, public=key in public, reviewed=row.reviewed)
        if row.pk in readable or rows[key].pk in readable:
            entry.title = row.title
            entry.edit_url = finder.get_edit_url(row) or ""
        found.append(entry)
    return found


def zero_result_searches(*, today: datetime.date | None = None) -> list[ZeroResultSearch]:
    """The words searched most often without results in the last 90 days, up to 20 per language.

    In the order of the site's languages, then most searched first.
    """
    since = (today or timezone.localdate()) - datetime.timedelta(days=ZERO_RESULT_DAYS - 1)
    rows = (
        ZeroResultQuery.objects.filter(day__gte=since)
        .values("language", "query")
        .annotate(searches=Sum("count"), days=Count("day"))
        .order_by("language", "-searches", "query")
    )
    per_language: dict[str, list[ZeroResultSearch]] = defaultdict(list)
    for row in rows:
        found = per_language[row["language"]]
        if len(found) < ZERO_RESULTS_PER_LANGUAGE:
            found.append(ZeroResultSearch(**row))
    order = [code for code, _name in settings.LANGUAGES]
    languages = sorted(per_language, key=lambda code: (order.index(code) if code in order else len(order), code))
    return [search for code in languages for search in per_language[code]]


def statuses_needing_verification(*, user, today: datetime.date | None = None) -> Verification:
    """The live country profiles' component statuses never verified or verified too long ago.

    "Too long" is the site settings' age (`comparison_settings`); never verified first, then oldest.
    """
    _reference, max_age = comparison_settings()
    today = today or timezone.localdate()
    statuses = [
        status
        for status in ComponentStatus.objects.filter(
            page__live=True, page__locale__language_code=settings.LANGUAGE_CODE
        ).select_related("page", "page__country", "component")
        if needs_verification(status.last_verified, max_age_days=max_age, today=today)
    ]
    components = entries_in_language([status.component for status in statuses])
    countries = entries_in_language([status.page.country for status in statuses])
    finder = AdminURLFinder(user)
    found = [
        StaleStatus(
            iso_code=status.page.country.iso_code,
            country=country.name,
            component=component.name,
            status=status.status,
            last_verified=status.last_verified,
            edit_url=finder.get_edit_url(status.page) or "",
        )
        for status, component, country in zip(statuses, components, countries, strict=True)
    ]
    found.sort(key=lambda entry: (entry.last_verified is not None, entry.last_verified or today, entry.country))
    return Verification(max_age_days=max_age, statuses=found)
