"""The dashboard's sections as tables: what the page shows, charts and all, and what each CSV holds.

One table per section, built once from the selectors' figures, so the page and its CSV export
never disagree. Headers and labels are in the admin user's language.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from events.choices import EventType
from portal.dashboard import selectors
from portal.dashboard.charts import BarChart, bar_chart


@dataclass
class Cell:
    value: object  # text, a number or a date
    url: str = ""
    lang: str = ""  # the language of the text when it is not the page's (a reader's search)

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, int)


@dataclass
class Section:
    key: str
    title: str
    description: str
    columns: list[str]
    rows: list[list[Cell]]  # the first cell of each row is its header
    empty: str
    chart: BarChart | None = None
    notes: list[str] = field(default_factory=list)
    csv_url: str = ""


# The sections in page order; `?format=csv&section=<key>` exports one.
SECTION_KEYS = (
    "events",
    "countries",
    "documents-by-country",
    "documents-by-language",
    "downloads",
    "top-documents",
    "zero-results",
    "verification",
)
SECTION_TITLES = {
    "events": gettext_lazy("Events held per year"),
    "countries": gettext_lazy("Participating countries"),
    "documents-by-country": gettext_lazy("Documents by country"),
    "documents-by-language": gettext_lazy("Documents by language"),
    "downloads": gettext_lazy("Downloads per month"),
    "top-documents": gettext_lazy("Most downloaded documents"),
    "zero-results": gettext_lazy("Searches that found nothing"),
    "verification": gettext_lazy("Statuses needing verification"),
}


def _cells(*values) -> list[Cell]:
    return [value if isinstance(value, Cell) else Cell(value) for value in values]


def _title(key: str) -> str:
    title = SECTION_TITLES[key]
    return str(title) if isinstance(title, Promise) else title


def events_section() -> Section:
    years = selectors.events_held_by_year()
    types = list(EventType)
    return Section(
        key="events",
        title=_title("events"),
        description=_(
            "Published events that have ended and were not cancelled or postponed, by the year they started "
            "(UTC) and their type. Each event is counted once, whatever the number of its translations."
        ),
        columns=[_("Year"), *[str(kind.label) for kind in types], _("Total"), _("Of which partner-only")],
        rows=[
            _cells(
                Cell(str(entry.year)),
                *[entry.by_type.get(kind.value, 0) for kind in types],
                entry.total,
                entry.restricted,
            )
            for entry in years
        ],
        empty=_("No event has been held yet."),
        chart=bar_chart(title=_("Events held per year"), data=[(str(entry.year), entry.total) for entry in years]),
    )


def countries_section() -> Section:
    countries = selectors.events_by_country()
    return Section(
        key="countries",
        title=_title("countries"),
        description=_(
            "For each country, the events held that it hosted or took part in (host country and "
            "participating countries of each event)."
        ),
        columns=[_("Country"), _("ISO code"), _("Hosted"), _("Took part"), _("Events")],
        rows=[_cells(entry.name, entry.iso_code, entry.hosted, entry.took_part, entry.total) for entry in countries],
        empty=_("No event held has a host or participating country yet."),
        chart=bar_chart(title=_("Events held per country"), data=[(entry.name, entry.total) for entry in countries]),
    )


def _documents_section(key: str, counts: list, *, first_column: str, code_column: str, description: str) -> Section:
    return Section(
        key=key,
        title=_title(key),
        description=description,
        columns=[first_column, code_column, _("Documents"), _("Of which not public")],
        rows=[_cells(entry.name, entry.key, entry.documents, entry.not_public) for entry in counts],
        empty=_("No document yet."),
        chart=bar_chart(title=_title(key), data=[(entry.name, entry.documents) for entry in counts]),
        notes=[_("“Not public”: partner-only, or not reviewed yet. Their titles are not listed here.")],
    )


def documents_by_country_section() -> Section:
    return _documents_section(
        "documents-by-country",
        selectors.documents_by_country(),
        first_column=_("Country"),
        code_column=_("ISO code"),
        description=_("Documents about each country, every document counted once with its translations."),
    )


def documents_by_language_section() -> Section:
    return _documents_section(
        "documents-by-language",
        selectors.documents_by_language(),
        first_column=_("Language"),
        code_column=_("Language code"),
        description=_("Documents with a file in each language: the document's file, or a translation's own file."),
    )


def downloads_section(*, today: datetime.date | None = None) -> Section:
    months = selectors.downloads_by_month(today=today)
    labels = [date_format(entry.month, "YEAR_MONTH_FORMAT") for entry in months]
    return Section(
        key="downloads",
        title=_title("downloads"),
        description=_(
            "File downloads from the documents' pages in each of the last twelve months, this month so far included."
        ),
        columns=[_("Month"), pgettext("number of downloads", "Downloads")],
        rows=[_cells(label, entry.downloads) for label, entry in zip(labels, months, strict=True)],
        empty=_("No download yet."),
        chart=bar_chart(
            title=_("Downloads per month"),
            data=[(label, entry.downloads) for label, entry in zip(labels, months, strict=True)],
        ),
    )


def _audience(entry: selectors.DocumentDownloads) -> str:
    if entry.public:
        return _("Public")
    return _("Partner-only") if entry.reviewed else _("Not reviewed yet")


def top_documents_section(*, user, today: datetime.date | None = None) -> Section:
    documents = selectors.top_documents_downloaded(user=user, today=today)
    hidden = _("A document you may not see")
    return Section(
        key="top-documents",
        title=_title("top-documents"),
        description=_("The documents downloaded most in the last twelve months, all their languages together."),
        columns=[_("Document"), _("Who may see it"), pgettext("number of downloads", "Downloads")],
        rows=[
            _cells(Cell(entry.title or hidden, url=entry.edit_url), _audience(entry), entry.downloads)
            for entry in documents
        ],
        empty=_("No download yet."),
    )


def zero_results_section() -> Section:
    searches = selectors.zero_result_searches()
    return Section(
        key="zero-results",
        title=_title("zero-results"),
        description=_(
            "Words readers searched for in the last 90 days that found nothing: topics the portal may be missing. "
            "Up to 20 per language of the site, the most frequent first. Nothing about who searched is kept; "
            "words with an @ and long numbers are removed before anything is stored."
        ),
        columns=[_("Search terms"), _("Language"), _("Searches"), _("Days")],
        rows=[
            _cells(
                Cell(entry.query, lang=entry.language),
                selectors.language_name(entry.language),
                entry.searches,
                entry.days,
            )
            for entry in searches
        ],
        empty=_("Every search of the last 90 days found something."),
    )


def verification_section(*, user) -> Section:
    verification = selectors.statuses_needing_verification(user=user)
    never = _("Never")
    return Section(
        key="verification",
        title=_title("verification"),
        description=_(
            "Sunflower model statuses of the published country profiles that were never verified or were "
            "last verified more than %(days)s days ago (the site settings' limit)."
        )
        % {"days": verification.max_age_days},
        columns=[_("Country"), _("Component"), _("Status"), _("Last verified")],
        rows=[
            _cells(
                Cell(entry.country, url=entry.edit_url),
                entry.component,
                entry.status_label,
                entry.last_verified or never,
            )
            for entry in verification.statuses
        ],
        empty=_("Every status has been verified recently."),
    )


def section(key: str, *, user) -> Section:
    """The section named `key` (one of SECTION_KEYS), as `user` may see it."""
    builders = {
        "events": events_section,
        "countries": countries_section,
        "documents-by-country": documents_by_country_section,
        "documents-by-language": documents_by_language_section,
        "downloads": downloads_section,
        "top-documents": lambda: top_documents_section(user=user),
        "zero-results": zero_results_section,
        "verification": lambda: verification_section(user=user),
    }
    return builders[key]()


def dashboard_sections(*, user) -> list[Section]:
    return [section(key, user=user) for key in SECTION_KEYS]
