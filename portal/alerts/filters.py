"""What a subscription follows: the search page's parameters, checked by its own form.

A filter is stored as a query string with the parameters in a fixed order (page and sort left
out), so the same filter is the same text however the reader's address listed it.
"""

from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext as _

from search.forms import SearchForm
from search.queries import FACET_LABELS, SearchParams
from search.queries.results import Labels

# The parameters a subscription keeps, in the order they are stored and described.
PARAMETERS = ("q", "country", "theme", "kind", "language", "year")


def filter_query(params: SearchParams) -> str:
    """`country=KZ&theme=police-response`: the stored form of a filter."""
    query = QueryDict(mutable=True)
    if params.q:
        query["q"] = params.q
    for facet in ("country", "theme", "kind", "language", "year"):
        values = sorted(params.selected(facet))
        if values:
            query.setlist(facet, values)
    return query.urlencode()


def filter_form(data) -> SearchForm:
    """The search form bound to `data` (a QueryDict or a stored query string), only the filter's parameters."""
    if isinstance(data, str):
        data = QueryDict(data)
    kept = QueryDict(mutable=True)
    for name in PARAMETERS:
        if name in data:
            kept.setlist(name, data.getlist(name))
    return SearchForm(kept)


def filter_description(params: SearchParams, language: str) -> str:
    """The filter in words, in `language`: "Words: “police”; Country: Kazakhstan; Theme: Police response"."""
    with translation.override(language):
        labels = Labels(language)
        parts = []
        if params.q:
            parts.append(_("Words: “%(q)s”") % {"q": params.q})
        for facet in ("country", "theme", "kind", "language", "year"):
            values = sorted(params.selected(facet))
            if values:
                names = ", ".join(labels.label(facet, value) for value in values)
                parts.append(f"{FACET_LABELS[facet]}: {names}")
        if not parts:
            return _("Everything new on the knowledge exchange")
        return "; ".join(parts)
