"""Writes for site-wide pages: the history of the Sunflower model statuses.

A country's statuses are published with its profile; `component_status_changes_record`
runs after each publish of a default-language profile and appends one
`ComponentStatusChange` per component whose status, note or verification date differs from
the last one recorded, so readers see how a country moved and reviewers see who changed it.
A removed row is recorded as "unknown".
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal.site import models


def component_status_changes_record(*, page, user=None) -> int:
    """Record what the live `page` (a country profile) changed; returns how many changes were recorded."""
    if page.locale.language_code != settings.LANGUAGE_CODE:
        return 0
    now = timezone.now()
    current = {status.component_id: status for status in models.ComponentStatus.objects.filter(page=page)}
    latest: dict[int, models.ComponentStatusChange] = {}
    for change in models.ComponentStatusChange.objects.filter(country=page.country_id).order_by("changed_at", "pk"):
        latest[change.component_id] = change
    changes = []
    for component_id in sorted(set(current) | set(latest)):
        status = current.get(component_id)
        values = (
            (status.status, status.note, status.last_verified)
            if status is not None
            else (models.StatusLevel.UNKNOWN, "", None)
        )
        previous = latest.get(component_id)
        if previous is None and status is None:
            continue
        if previous is not None and (previous.status, previous.note, previous.last_verified) == values:
            continue
        changes.append(
            models.ComponentStatusChange(
                country_id=page.country_id,
                component_id=component_id,
                status=values[0],
                note=values[1],
                last_verified=values[2],
                changed_at=now,
                changed_by=user if user is not None and user.is_authenticated else None,
            )
        )
    with transaction.atomic():
        models.ComponentStatusChange.objects.bulk_create(changes)
    return len(changes)
