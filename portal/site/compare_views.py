"""The country comparison's two routes below the countries index: `compare/` (HTML) and `compare/csv/`.

`CountryIndexPage` routes them here (Wagtail's `RoutablePageMixin`), so the section's own
privacy, checked by Wagtail's serve view, covers them as it covers the index. Both read the
same form (`portal.site.forms`) and the same table (`portal.site.comparison.country_comparison`),
as the reader may see it: a country they may not compare is a 400 with the form's message,
never a 500 and never a hint of what the profile holds.
"""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Locale

from portal.core.locale import active_locale, entries_in_language
from portal.site import comparison, forms

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _form(request: HttpRequest, *, locale: Locale, always_bound: bool = False) -> forms.CountryComparisonForm:
    profiles = comparison.comparable_profiles(user=request.user, locale=locale)
    countries = entries_in_language([profile.country for profile in profiles.values()], language=locale.language_code)
    names = {code: country.name for code, country in zip(profiles, countries, strict=True)}
    return forms.country_comparison_form(request.GET, profiles=profiles, country_names=names, always_bound=always_bound)


def _query(codes: list[str]) -> str:
    return urlencode([("country", code) for code in codes])


def comparison_page(request: HttpRequest, *, index) -> TemplateResponse:
    """The form, and the table with the gap lists when two to four countries the reader may see are asked for."""
    locale = active_locale()
    form = _form(request, locale=locale)
    compare_url = index.url + index.reverse_subpage("compare")
    context = {
        "page": index,
        "self": index,
        "request": request,
        "form": form,
        "compare_url": compare_url,
        "min_countries": comparison.MIN_COUNTRIES,
        "max_countries": comparison.MAX_COUNTRIES,
    }
    codes = form.codes
    if codes:
        table = comparison.country_comparison(codes=codes, user=request.user, locale=locale, profiles=form.profiles)
        query = _query(codes)
        context.update(
            comparison=table,
            rows=[(component, list(zip(table.columns, cells, strict=True))) for component, cells in table.rows()],
            share_url=request.build_absolute_uri(f"{compare_url}?{query}"),
            csv_url=f"{index.url}{index.reverse_subpage('compare_csv')}?{query}",
        )
    response = TemplateResponse(request, "portal/country_comparison.html", context)
    if form.is_bound and form.errors:
        # The page still renders, with the error beside the choices, but says 400.
        response.status_code = 400
    return response


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def comparison_csv(request: HttpRequest, *, index) -> HttpResponse:
    """One row per component and country, in the reader's language, for a spreadsheet (UTF-8 with a BOM)."""
    locale = active_locale()
    form = _form(request, locale=locale, always_bound=True)
    if not form.is_valid():
        return HttpResponseBadRequest(form.error_message(), content_type="text/plain; charset=utf-8")
    codes = form.codes
    table = comparison.country_comparison(codes=codes, user=request.user, locale=locale, profiles=form.profiles)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="comparison-{"-".join(codes)}.csv"'
    response.write("\ufeff")  # so that spreadsheets read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Component key"),
            _("Component"),
            _("Country code"),
            _("Country"),
            _("Status key"),
            _("Status"),
            _("Note"),
            _("Last verified"),
            _("Needs verification"),
            _("Evidence"),
        ]
    )
    for component, cells in table.rows():
        for column, cell in zip(table.columns, cells, strict=True):
            writer.writerow(
                _cell(value)
                for value in (
                    component.slug,
                    component.name,
                    column.iso_code,
                    column.country.name,
                    cell.status,
                    cell.label,
                    cell.note,
                    cell.last_verified.isoformat() if cell.last_verified else "",
                    _("yes") if cell.needs_verification else _("no"),
                    " ".join(request.build_absolute_uri(evidence.url) for evidence in cell.evidence if evidence.url),
                )
            )
    return response
