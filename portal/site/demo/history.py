"""The demo's earlier Sunflower model statuses: history rows from before the profiles were published.

Publishing a profile records its live statuses (`portal.site.services`), so a fresh demo would
show one entry per component. `data/status_history.yaml` holds the steps before that, dated by
the events and documents the demo is built from. Each row must come before the entry the publish
recorded for its component, which is the live status: the history then ends where the profile
stands. A row is known by (country, component, changed_at), so a reload adds nothing.
"""

from __future__ import annotations

import datetime

from django.conf import settings

from portal.core.models import Country
from portal.site import models

from .fields import Refs
from .files import DemoDataError, data_read
from .tally import Tally

# A date in the data is recorded at noon UTC: the same day in every time zone the programme works in.
_RECORDED_AT = datetime.time(12, 0, tzinfo=datetime.UTC)


def status_history_ensure(tally: Tally, refs: Refs) -> None:
    tally.say("Sunflower model status history")
    for number, row in enumerate(data_read("status_history.yaml") or [], start=1):
        where = f"status_history.yaml, item {number} ({row.get('country')} {row.get('component')})"
        country = refs.get(Country, row["country"], where=where)
        component = refs.get(models.ServiceComponent, row["component"], where=where)
        if row["status"] not in models.StatusLevel.values:
            raise DemoDataError(f"{where}: no status {row['status']!r} in {models.StatusLevel.values}")
        changed_at = datetime.datetime.combine(row["changed_at"], _RECORDED_AT)
        _check_before_live(country, component, changed_at, where=where)
        changes = models.ComponentStatusChange.objects.filter(country=country, component=component)
        created = not changes.filter(changed_at=changed_at).exists()
        if created:
            models.ComponentStatusChange.objects.create(
                country=country,
                component=component,
                status=row["status"],
                note=" ".join(row.get("note", "").split()),
                last_verified=row.get("last_verified"),
                changed_at=changed_at,
            )
        tally.record("status history", created=created)
    tally.report("status history")


def _check_before_live(country, component, changed_at: datetime.datetime, *, where: str) -> None:
    """The live profile has a status for the component, recorded by its publish after `changed_at`."""
    live = models.ComponentStatus.objects.filter(
        page__live=True,
        page__country=country,
        page__locale__language_code=settings.LANGUAGE_CODE,
        component=component,
    ).exists()
    latest = (
        models.ComponentStatusChange.objects.filter(country=country, component=component)
        .order_by("-changed_at", "-pk")
        .first()
    )
    if not live or latest is None:
        raise DemoDataError(f"{where}: the published profile has no status for this component to come before")
    if latest.changed_at <= changed_at:
        raise DemoDataError(
            f"{where}: {changed_at:%Y-%m-%d} is not before the live status, recorded {latest.changed_at}"
        )
