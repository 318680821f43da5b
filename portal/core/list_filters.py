"""The filters of a list (knowledge items, events): one form, the same GET parameters everywhere.

`?country=KG&theme=police-response&kind=webinar&year=2024` means the same thing on a list
page, its Atom and RSS feeds and its calendar, in every language: the values are
language-neutral keys (`Country.iso_code`, `Theme.slug`, a kind's key), only the labels follow
the reader. Each list passes the kinds it offers (`kind_choices`); an unknown value is an
error shown beside the filters, and the routes answer 400 with it, never a 500.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from portal.core.locale import vocabulary_in_locale
from portal.core.models import Country, Theme

FILTER_PARAMETERS = ("country", "theme", "kind", "year")


class ListFilterForm(forms.Form):
    """GET filters of a list. Choices are language-neutral keys; labels follow the reader."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, locale: Locale, kind_choices: Iterable[tuple[str, str]], kind_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["country"].choices = every + [
            (c.iso_code, c.name) for c in vocabulary_in_locale(model=Country, locale=locale)
        ]
        self.fields["theme"].choices = every + [
            (t.slug, t.name) for t in vocabulary_in_locale(model=Theme, locale=locale)
        ]
        self.fields["kind"].choices = every + list(kind_choices)
        if kind_label is not None:
            self.fields["kind"].label = kind_label

    @property
    def filters(self) -> dict:
        """The valid filters, as keyword arguments for a selector (empty when the form is unbound or invalid)."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}

    def query_string(self) -> str:
        """The valid filters as a query string ("country=KG&theme=police-response"), for feed and calendar links."""
        return urlencode(self.filters)

    def error_message(self) -> str:
        """Every error in one sentence, for the routes that answer 400 in plain text (feeds, calendars)."""
        return " ".join(f"{self.fields[name].label}: {' '.join(errors)}" for name, errors in self.errors.items())


def list_filter_form(request, *, locale: Locale, kind_choices, kind_label=None) -> ListFilterForm:
    """The form bound to the request's filter parameters only (a page number or anything else is not a filter)."""
    data = {name: request.GET[name] for name in FILTER_PARAMETERS if name in request.GET}
    return ListFilterForm(data or None, locale=locale, kind_choices=kind_choices, kind_label=kind_label)


def with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url
