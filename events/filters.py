"""The events list's filters: the shared list form (`portal.core.list_filters`), its kinds the event types."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from events.choices import EventType
from portal.core.list_filters import ListFilterForm, list_filter_form


def event_filter_form(request, *, locale: Locale) -> ListFilterForm:
    return list_filter_form(request, locale=locale, kind_choices=EventType.choices, kind_label=_("Type of event"))
