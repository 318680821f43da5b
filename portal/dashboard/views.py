"""Reports → Programme dashboard: the programme's figures on one admin page, each section as CSV too.

For reviewers and administrators (`can_view_dashboard`); anyone else with admin access is
refused as Wagtail refuses an admin page (back to the admin's home with "Sorry, you do not have
permission"), and Wagtail sends everyone else to sign in. `?format=csv&section=<key>` answers one section
as a UTF-8 CSV file (with a byte order mark, so spreadsheet programs read Cyrillic and Hangul
right), its headers in the admin user's language.
"""

from __future__ import annotations

import csv
import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.dashboard.sections import SECTION_KEYS, Section, dashboard_sections, section

DASHBOARD_PERMISSION = "knowledge.review_knowledgedocument"
# A cell a spreadsheet would read as a formula (CSV injection, OWASP) starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def can_view_dashboard(user) -> bool:
    """Reviewers and administrators: those who may review documents, and so see them all.

    Partner officials have no admin access; focal points, organisers, specialists and
    translators have it but not this right.
    """
    return user.is_active and user.has_perm(DASHBOARD_PERMISSION)


def csv_safe(value) -> str:
    """The cell's text, with a leading ' when a spreadsheet would run it as a formula."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_response(table: Section) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="programme-{table.key}-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([csv_safe(column) for column in table.columns])
    for row in table.rows:
        writer.writerow([csv_safe(cell.value) for cell in row])
    return response


class ProgrammeDashboardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "portal/admin/dashboard/dashboard.html"
    page_title = gettext_lazy("Programme dashboard")
    header_icon = "table"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")},
        {"url": "", "label": gettext_lazy("Reports")},
    ]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not can_view_dashboard(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        export = request.GET.get("format", "")
        if export:
            key = request.GET.get("section", "")
            if export != "csv" or key not in SECTION_KEYS:
                message = _("Ask for format=csv and one of these sections: %(sections)s.") % {
                    "sections": ", ".join(SECTION_KEYS)
                }
                return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
            return csv_response(section(key, user=request.user))
        sections = dashboard_sections(user=request.user)
        url = reverse("portal_programme_dashboard")
        for table in sections:
            table.csv_url = f"{url}?{urlencode({'format': 'csv', 'section': table.key})}"
        return self.render_to_response(self.get_context_data(sections=sections))


class DashboardMenuItem(MenuItem):
    """Reports → Programme dashboard, shown only to those who may open it."""

    def is_shown(self, request):
        return can_view_dashboard(request.user)
