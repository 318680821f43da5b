"""Admin report: every item of the default language × every other language, and its state.

The rules are `portal.core.i18n`'s, so the report and the readers' notices never disagree.
Reachable by anyone with access to the admin (`register_admin_urls` requires it), but for a
country's focal point.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse, reverse_lazy
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from knowledge.models import KnowledgeDocument
from knowledge.views.document_translations import can_translate_documents
from portal.core.i18n import STATE_LABELS, STATES
from portal.site.focal_points import works_only_as_focal_point
from portal.site.reports import translation_report


class TranslationStatusFilterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False, choices=[("", _("Any state")), *STATE_LABELS.items()])

    def __init__(self, *args, languages: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All languages")), *languages]


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "portal/admin/translation_status.html"
    page_title = _("Translations")
    header_icon = "globe"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
        {"url": "", "label": _("Reports")},
    ]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        # Every page and document of every section, partner-only ones included: not for a country's
        # focal point, who reaches the admin for their own profile only (`portal.site.focal_points`).
        if works_only_as_focal_point(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code")
        languages = [(locale.language_code, locale.get_display_name()) for locale in locales]
        form = TranslationStatusFilterForm(request.GET or None, languages=languages)
        if form.is_bound and not form.is_valid():
            context = self.get_context_data(form=form, report=None)
            return self.render_to_response(context, status=400)

        data = form.cleaned_data if form.is_bound else {}
        codes = [data["language"]] if data.get("language") else [code for code, _name in languages]
        report = translation_report(language_codes=codes)
        self._decorate(report, names=dict(languages), state=data.get("state", ""))
        return self.render_to_response(self.get_context_data(form=form, report=report))

    @staticmethod
    def _cell_url(finder, item, cell: dict, translate_documents: bool) -> str:
        """Where a cell leads: the translation's editor, or for a missing document, translating it."""
        target = cell["target"]
        if isinstance(item, KnowledgeDocument) and translate_documents:
            if target is None:
                url = reverse("knowledge_document_translate", args=[item.pk])
                return f"{url}?{urlencode({'select_locale': cell['language']})}"
            if cell["in_editor"]:
                return reverse("knowledge_document_translation", args=[target.pk])
        return finder.get_edit_url(target) if target is not None else ""

    def _decorate(self, report: dict, *, names: dict, state: str) -> None:
        """Labels and edit links for the template; rows without the chosen state are dropped."""
        finder = AdminURLFinder(self.request.user)
        translate_documents = can_translate_documents(self.request.user)
        report["columns"] = [{"code": code, "name": names.get(code, code)} for code in report["languages"]]
        report["summary"] = [
            {
                "label": STATE_LABELS[key],
                "state": key,
                "counts": [report["totals"][code][key] for code in report["languages"]],
            }
            for key in STATES
        ]
        for group in report["groups"]:
            if state:
                group["rows"] = [row for row in group["rows"] if any(c["state"] == state for c in row["cells"])]
            for row in group["rows"]:
                item = row["item"]
                row["edit_url"] = finder.get_edit_url(item)
                row["kind"] = item.specific_class._meta.verbose_name if hasattr(item, "specific_class") else ""
                row["indent"] = max(getattr(item, "depth", 2) - 2, 0)
                for cell in row["cells"]:
                    cell["label"] = STATE_LABELS[cell["state"]]
                    cell["edit_url"] = self._cell_url(finder, item, cell, translate_documents)
