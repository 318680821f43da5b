"""The subscribe form: an email address and the search page's own parameters (`search.forms.SearchForm`)."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from portal.alerts.filters import PARAMETERS
from search.forms import SearchForm


class SubscribeForm(SearchForm):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address such as name@example.org."),
            "max_length": _("An email address can be at most %(limit_value)d characters long."),
        },
    )


def subscribe_form(data: QueryDict) -> SubscribeForm:
    """The form bound to the filter's parameters and the address, nothing else (page and sort are not a filter)."""
    kept = QueryDict(mutable=True)
    for name in (*PARAMETERS, "email"):
        if name in data:
            kept.setlist(name, data.getlist(name))
    return SubscribeForm(kept)
