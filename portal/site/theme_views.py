"""The theme hubs: `/<lang>/themes/` (every theme) and `/<lang>/themes/<slug>/` (one theme across countries).

Themes are vocabulary entries, not pages, so they are served here rather than by Wagtail's page
tree; the routes sit before Wagtail's catch-all in `portal/urls.py`. Reads are in
`portal/site/themes.py`; every list there goes through the privacy gate.
"""

from django import forms
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from portal.core import page_cache
from portal.core.locale import active_locale
from portal.site import themes

PAGE_PARAMETERS = {"knowledge": "knowledge_page", "events": "events_page", "documents": "documents_page"}


class ThemeCountryForm(forms.Form):
    """The one filter of a theme's page: a country, by its ISO code; labels in the reader's language."""

    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries"))] + [(c.iso_code, c.name) for c in countries]


@require_safe
def theme_index(request):
    locale = active_locale()
    summaries = themes.themes_with_counts(locale=locale, user=request.user)
    page_cache.depends_on(*page_cache.every_list())  # each theme's count of items
    return TemplateResponse(request, "portal/theme_index.html", {"page": None, "themes": summaries})


@require_safe
def theme_hub(request, slug: str):
    locale = active_locale()
    theme = themes.theme_for_reader(slug=slug, locale=locale)
    if theme is None:
        raise Http404
    page_cache.depends_on(page_cache.theme_tag(slug), page_cache.list_tag("countries"))
    countries = themes.theme_countries(locale=locale)
    # An ISO code in either case; a long value is cut before the form's message repeats it.
    data = {"country": request.GET["country"].strip().upper()[:10]} if "country" in request.GET else None
    form = ThemeCountryForm(data, countries=countries)
    country = form.cleaned_data["country"] if form.is_valid() else ""
    items = themes.theme_items(
        theme=theme,
        locale=locale,
        user=request.user,
        country=country,
        page_numbers={kind: request.GET.get(param) for kind, param in PAGE_PARAMETERS.items()},
    )
    selected = next((c for c in countries if c.iso_code == country), None)
    context = {
        "page": None,
        "theme": theme,
        "filter_form": form,
        "selected_country": selected,
        "page_parameters": PAGE_PARAMETERS,
        **items,
    }
    # An unknown country is the reader's mistake, told beside the filter: 400, never a 500.
    return TemplateResponse(request, "portal/theme_hub.html", context, status=400 if form.errors else 200)
