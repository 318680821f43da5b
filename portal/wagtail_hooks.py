from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.wagtail_hooks import require_wagtail_login

from portal.core import page_cache
from portal.core.models import Country, Organisation, Person, Theme
from portal.core.privacy import page_hidden_by_its_family
from portal.dashboard.views import DashboardMenuItem, ProgrammeDashboardView
from portal.site.focal_points import (
    documents_for_focal_point_chooser,
    pages_for_focal_point_chooser,
    works_only_as_focal_point,
)
from portal.site.landing import hide_explorer_for_section_roles
from portal.site.models import ServiceComponent
from portal.site.review_actions import keep_workflow_actions_during_review, say_what_the_workflow_action_did
from portal.site.translation_review import ReviewedUpdateTranslationsView, refuse_unreviewed_vocabulary_save
from portal.site.translation_workflow import (
    convert_to_alias_for_publishers,
    handle_translation_editor_action,
    refuse_originals_to_translators,
    translation_action_menu,
)
from portal.site.views import TranslationStatusView


@hooks.register("on_serve_page")
def check_family_view_restrictions(callback):
    """A page whose translation is restricted is restricted too (`portal.core.restrictions`).

    Wagtail's own hook checks the page's restrictions; this one refuses a page that only a
    restriction over one of its translations covers, as Wagtail refuses a restricted page.
    """

    def inner(page, request, serve_args, serve_kwargs):
        if page_hidden_by_its_family(request.user, page):
            response = require_wagtail_login(next=request.get_full_path())
            add_never_cache_headers(response)
            return response
        return callback(page, request, serve_args, serve_kwargs)

    return inner


@hooks.register("before_serve_page")
def note_what_the_page_shows(page, request, serve_args, serve_kwargs):
    """Tell the anonymous page cache what purges this page's answer (`portal.core.page_cache`)."""
    page_cache.depends_on_page(page)


class VocabularyViewSet(SnippetViewSet):
    """A vocabulary's admin listing, searched with the database's own `icontains`.

    A vocabulary has at most a few hundred rows: a plain match on the listed fields finds
    partial words and codes ("KZ", "Kaz"), takes any text, and needs no full-text index
    (Wagtail's full-text search refuses fields that are not `SearchField`s, such as a code).
    """

    search_backend_name = None


class CountryViewSet(VocabularyViewSet):
    model = Country
    icon = "globe"
    list_display = ["name", "iso_code", "region"]
    list_filter = ["region", "locale"]
    search_fields = ["name", "iso_code"]


class ThemeViewSet(VocabularyViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]


class OrganisationViewSet(VocabularyViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "acronym", "kind"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "acronym"]


class PersonViewSet(VocabularyViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "job_title", "organisation"]
    list_filter = ["locale"]
    search_fields = ["name", "job_title"]


class ServiceComponentViewSet(VocabularyViewSet):
    model = ServiceComponent
    icon = "list-ol"
    list_display = ["name", "slug", "sort_order"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "list-ul"
    items = (CountryViewSet, ThemeViewSet, OrganisationViewSet, PersonViewSet, ServiceComponentViewSet)


register_snippet(TaxonomyGroup)
# Before wagtail-localize's own hook, which publishes a translation on the same POST.
hooks.register("before_edit_snippet", refuse_unreviewed_vocabulary_save, order=-1)
# Before wagtail-localize's own hook, which shows its translation editor on the same URL.
hooks.register("before_edit_page", refuse_originals_to_translators, order=-2)
hooks.register("before_edit_page", handle_translation_editor_action, order=-1)
hooks.register("construct_page_action_menu", translation_action_menu)


# The translation report is open to everyone with access to the admin: `register_admin_urls`
# puts it behind that permission, and translators need it as much as editors do.
@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path("reports/translations/", TranslationStatusView.as_view(), name="portal_translation_status"),
        # In front of wagtail-localize's own view at the same address (the portal's hooks run
        # first): its "publish" asks for no publish right.
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name="portal_update_translations",
        ),
        # In front of wagtail-localize's: it converts a translation back into an alias for
        # anyone who may edit it, and the translation is lost.
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias_for_publishers,
            name="portal_convert_to_alias",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        # The report lists every page and document, partner-only ones included: staff only.
        return not works_only_as_focal_point(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translations"), reverse("portal_translation_status"), name="translations", icon_name="globe", order=650
    )


# Reviewers and administrators only (`portal.dashboard.views.can_view_dashboard`); Wagtail turns others away.
@hooks.register("register_admin_urls")
def register_programme_dashboard_url():
    return [path("reports/programme/", ProgrammeDashboardView.as_view(), name="portal_programme_dashboard")]


@hooks.register("register_reports_menu_item")
def register_programme_dashboard_menu_item():
    return DashboardMenuItem(
        _("Programme dashboard"),
        reverse("portal_programme_dashboard"),
        name="programme-dashboard",
        icon_name="table",
        order=640,
    )


# A country's focal point cites as evidence only pages and documents they may read.
hooks.register("construct_document_chooser_queryset", documents_for_focal_point_chooser)
hooks.register("construct_page_chooser_queryset", pages_for_focal_point_chooser)

# Organisers and specialists work in their section's listing, not in the page explorer.
hooks.register("construct_main_menu", hide_explorer_for_section_roles)

# One way to publish a page in review, and messages that say what the review action did.
hooks.register("construct_page_action_menu", keep_workflow_actions_during_review)
hooks.register("after_edit_page", say_what_the_workflow_action_did)
