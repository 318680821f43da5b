"""Reads for a country profile's "Sunflower model components" section.

One country's column of the comparison (`portal.site.comparison.country_status_columns`),
with its history, read as the reader may (evidence through the privacy gate), plus what the
section's summary line says: how many components stand at each status and how many need
verifying. The counts are built here, in the reader's language with its plural forms, so the
template only prints them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import ngettext_lazy

from wagtail.models import Locale

from portal.site import comparison, models

# "%(count)d in place" for each status, in the order of `StatusLevel` (most to least).
_STATUS_COUNTS = {
    models.StatusLevel.IN_PLACE: ngettext_lazy("%(count)d in place", "%(count)d in place", "count"),
    models.StatusLevel.PILOT: ngettext_lazy("%(count)d pilot", "%(count)d pilots", "count"),
    models.StatusLevel.PLANNED: ngettext_lazy("%(count)d planned", "%(count)d planned", "count"),
    models.StatusLevel.NOT_IN_PLACE: ngettext_lazy("%(count)d not in place", "%(count)d not in place", "count"),
    models.StatusLevel.UNKNOWN: ngettext_lazy("%(count)d unknown", "%(count)d unknown", "count"),
}
_STALE_COUNT = ngettext_lazy("%(count)d needs verification", "%(count)d need verification", "count")


@dataclass
class SunflowerSection:
    column: comparison.CountryColumn
    max_age_days: int
    counts: list[tuple[str, int, str]] = field(default_factory=list)  # (status, how many, "6 in place")
    stale_summary: str = ""

    @property
    def cells(self) -> list[comparison.StatusCell]:
        return self.column.cells

    @property
    def is_reference(self) -> bool:
        return self.column.is_reference


def country_sunflower_section(*, profile, user, locale: Locale) -> SunflowerSection | None:
    """The section of `profile`'s country in `locale`, or None when the reader may not see its statuses.

    A component without a row counts as unknown, as the editor's help text says.
    """
    columns = comparison.country_status_columns(
        codes=[profile.country.iso_code], user=user, locale=locale, with_history=True
    )
    if not columns:
        return None
    column = columns[0]
    _reference, max_age_days = comparison.comparison_settings()
    by_status: dict[str, int] = {}
    for cell in column.cells:
        by_status[cell.status] = by_status.get(cell.status, 0) + 1
    counts = [
        (status, by_status[status], label % {"count": by_status[status]})
        for status, label in _STATUS_COUNTS.items()
        if by_status.get(status)
    ]
    stale = column.stale_count
    return SunflowerSection(
        column=column,
        max_age_days=max_age_days,
        counts=counts,
        stale_summary=_STALE_COUNT % {"count": stale} if stale else "",
    )
