"""The search parameters, as the page, the JSON API and the feeds take them (GET).

Anything a form rejects answers 400 with a message the reader can act on; nothing a reader
types reaches an engine as syntax (quotes mark phrases; every other character is text).

Paging: `page` must be a whole number from 1 to the last page an engine can serve
(`max_page()`); outside that range it is a 400. A page past the last result is an empty
page (200), like any other page without results.
"""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.core.items import kinds
from portal.core.models import Country, Theme
from portal.core.shared_reads import shared
from search import conf
from search.queries import MAX_RESULT_WINDOW, SORT_DATE, SORT_RELEVANCE, SearchParams

# Control characters mean nothing in a search and cannot be written into a feed (XML 1.0).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def max_page() -> int:
    return MAX_RESULT_WINDOW // conf.page_size()


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    country = forms.MultipleChoiceField(label=_("Country"), required=False)
    theme = forms.MultipleChoiceField(label=_("Theme"), required=False)
    kind = forms.MultipleChoiceField(label=_("Kind"), required=False)
    language = forms.MultipleChoiceField(label=_("Language"), required=False)
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=1900,
        max_value=2100,
        error_messages={"invalid": _("Enter a year as four digits, for example 2024.")},
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(SORT_RELEVANCE, _("Relevance")), (SORT_DATE, _("Newest first"))],
        error_messages={"invalid_choice": _("Sort by “relevance” or “date”.")},
    )
    page = forms.IntegerField(
        label=_("Page"),
        required=False,
        min_value=1,
        error_messages={"invalid": _("The page number must be a whole number.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = conf.max_query_length()
        q = self.fields["q"]
        q.max_length = limit
        q.widget.attrs.update({"maxlength": limit, "type": "search"})
        q.validators.append(MaxLengthValidator(limit))
        q.error_messages["max_length"] = _("Search terms can be at most %(limit_value)d characters long.")
        self.fields["page"].max_value = max_page()
        self.fields["page"].validators.append(MaxValueValidator(max_page()))
        self.fields["page"].error_messages.update(
            {
                "min_value": _("Page numbers start at 1."),
                "max_value": _("Results can be paged up to page %(limit_value)s; narrow the search to see more."),
            }
        )
        # The codes every search may filter by: read once until a vocabulary changes (`portal.core.shared_reads`).
        self.fields["country"].choices = shared(("search-choices", "country"), _country_choices)
        self.fields["theme"].choices = shared(("search-choices", "theme"), _theme_choices)
        self.fields["kind"].choices = [(kind.key, kind.plural) for kind in kinds()]
        self.fields["language"].choices = list(settings.LANGUAGES)
        unknown = {
            "country": _("Unknown country code “%(value)s”. Use two-letter ISO codes such as KZ."),
            "theme": _("Unknown theme “%(value)s”."),
            "kind": format_lazy(
                "{unknown} {hint}",
                unknown=_("Unknown kind “%(value)s”."),
                hint=format_lazy(_("Use one of: {kinds}."), kinds=", ".join(kind.key for kind in kinds())),
            ),
            "language": _("Unknown language “%(value)s”."),
        }
        for name, message in unknown.items():
            self.fields[name].error_messages["invalid_choice"] = message

    def clean_q(self) -> str:
        """The words as typed, with control characters turned into spaces."""
        return " ".join(CONTROL_CHARACTERS.sub(" ", self.cleaned_data.get("q") or "").split())

    def params(self) -> SearchParams:
        data = self.cleaned_data
        q = data.get("q") or ""
        return SearchParams(
            q=q,
            countries=tuple(data.get("country") or ()),
            themes=tuple(data.get("theme") or ()),
            kinds=tuple(data.get("kind") or ()),
            languages=tuple(data.get("language") or ()),
            year=data.get("year"),
            sort=data.get("sort") or (SORT_RELEVANCE if q else SORT_DATE),
            page=data.get("page") or 1,
        )

    def error_list(self) -> list[str]:
        """Every error as one sentence, for the page and the API."""
        return [str(message) for errors in self.errors.values() for message in errors]


def _country_choices() -> list[tuple[str, str]]:
    codes = Country.objects.order_by("iso_code").values_list("iso_code", flat=True).distinct()
    return [(code, code) for code in codes]


def _theme_choices() -> list[tuple[str, str]]:
    return [(slug, slug) for slug in Theme.objects.order_by("slug").values_list("slug", flat=True).distinct()]
