"""The countries a reader compares (`?country=KR&country=KG&country=KZ`), as the page and its CSV take them.

The choices are the profiles the reader may see (`comparison.comparable_profiles`), so a code
that is no profile, a partner-only profile asked for by the public and garbage all get the
same answer: an error the reader can act on, which the routes turn into a 400. The order of
the address is kept (it is the order of the columns), a repeated code counts once and `kz`
means `KZ`, so an address typed or shared by hand still works.
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from portal.site.comparison import MAX_COUNTRIES, MIN_COUNTRIES

ISO_CODE = re.compile(r"[A-Za-z]{2,3}")


def requested_codes(values: list[str]) -> list[str]:
    """The codes asked for, in order, each once: ISO codes upper-cased, anything else left as typed."""
    codes = []
    for value in values:
        text = value.strip()
        codes.append(text.upper() if ISO_CODE.fullmatch(text) else text)
    return [code for code in dict.fromkeys(codes) if code]


class CountryChoiceField(forms.MultipleChoiceField):
    """Two to four codes among the choices, in the order given."""

    default_error_messages = {
        "invalid_choice": _("“%(value)s” is not a country profile you can compare. Choose countries from the list."),
        "too_few": ngettext_lazy(
            "Choose at least %(count)d country to compare.", "Choose at least %(count)d countries to compare.", "count"
        ),
        "too_many": ngettext_lazy(
            "Choose at most %(count)d country to compare.", "Choose at most %(count)d countries to compare.", "count"
        ),
    }
    widget = forms.CheckboxSelectMultiple

    def validate(self, value):
        for code in value:
            if not self.valid_value(code):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    # A long value is not echoed whole.
                    params={"value": Truncator(code).chars(12)},
                )
        if len(value) < MIN_COUNTRIES:
            raise ValidationError(self.error_messages["too_few"], code="too_few", params={"count": MIN_COUNTRIES})
        if len(value) > MAX_COUNTRIES:
            raise ValidationError(self.error_messages["too_many"], code="too_many", params={"count": MAX_COUNTRIES})


class CountryComparisonForm(forms.Form):
    # Required or not, an empty choice is "too few" (the field's own message), not "This field is required."
    country = CountryChoiceField(label=_("Countries to compare"), required=False)

    def __init__(self, *args, profiles: dict, country_names: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.profiles = profiles  # the choices' profiles, by ISO code, for the comparison to reuse
        self.fields["country"].choices = [(code, country_names.get(code, code)) for code in profiles]

    @property
    def codes(self) -> list[str]:
        """The valid codes, in the order asked (empty when the form is unbound or invalid)."""
        if not self.is_bound or not self.is_valid():
            return []
        return self.cleaned_data["country"]

    def error_message(self) -> str:
        """Every error in one sentence, for the CSV's plain-text 400."""
        return " ".join(" ".join(errors) for errors in self.errors.values())


def country_comparison_form(
    query: QueryDict, *, profiles: dict, country_names: dict[str, str], always_bound: bool = False
) -> CountryComparisonForm:
    """The form bound to the `country` parameters only; unbound without one unless `always_bound` (the CSV)."""
    if "country" not in query and not always_bound:
        return CountryComparisonForm(profiles=profiles, country_names=country_names)
    data = QueryDict(mutable=True)
    data.setlist("country", requested_codes(query.getlist("country")))
    return CountryComparisonForm(data, profiles=profiles, country_names=country_names)
