"""Flat admin listings of one section's pages (events, knowledge), shared by the apps that have one.

Wagtail's explorer starts at the pages a user may edit; an organiser's rights sit on the events
index of every language, whose nearest common ancestor is the root, so the explorer opened on
three home pages "not accessible at any URL". A `SectionListingViewSet` lists the section's
pages of every language at once, with the columns that matter to the people who work there,
a filter by language, and shows its menu item only to those who may edit some of them
(https://docs.wagtail.org/en/stable/extending/generic_views.html#custom-page-listings).
"""

from django import forms
from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.pages import ParentChooserForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.choose_parent import ChooseParentView
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Locale, Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

import django_filters

EDIT_ACTIONS = {"add", "change", "publish"}


def pages_user_works_on(user, *models):
    """The pages of `models` that `user` may add under, change or publish."""
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, EDIT_ACTIONS)
    return pages.type(*models)


class SectionMenuItem(MenuItem):
    """Shown to users who may edit a page of the section (its index page included)."""

    def __init__(self, *args, section_models, **kwargs):
        super().__init__(*args, **kwargs)
        self.section_models = section_models

    def is_shown(self, request):
        return pages_user_works_on(request.user, *self.section_models).exists()


def language_choices() -> list[tuple[str, str]]:
    """The languages that have a locale, by name in the admin user's language, in alphabetical order."""
    choices = [(locale.language_code, locale.get_display_name()) for locale in Locale.objects.all()]
    return sorted(choices, key=lambda choice: str(choice[1]).casefold())


class LanguageFilter(django_filters.ChoiceFilter):
    """The pages of one language: `?locale=ru`, the parameter Wagtail's other listings use."""

    def filter(self, qs, value):
        return qs.filter(locale__language_code=value) if value else qs


class SectionFilterSet(PageFilterSet):
    """Wagtail's page filters with the language named "Language" and read from the locales that exist.

    Wagtail adds its own "Locale" filter only when two content languages have locales, and its view
    answers an unknown `?locale=` with a 404; here an unknown language is the filter form's error
    ("Select a valid choice") and the list stays whole.
    """

    locale = LanguageFilter(
        label=_("Language"),
        choices=language_choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )


class SectionIndexView(IndexView):
    """Wagtail's flat page listing, leaving a `locale` it does not know to the language filter."""

    def get_locale(self):
        # Wagtail's generic views read `?locale=` for the add button's language, with a 404 when
        # no such locale exists; the filter form reports that instead.
        code = self.request.GET.get("locale")
        if code and not Locale.objects.filter(language_code=code).exists():
            return None
        return super().get_locale()


def creatable_kinds_at(model, parent: Page) -> list:
    """The page models of `model` (itself or its subclasses) that may be added under `parent`."""
    return [kind for kind in parent.specific_class.creatable_subpage_models() if issubclass(kind, model)]


class SectionParentChooserForm(ParentChooserForm):
    """Wagtail's parent chooser, also for a listing whose model is a family of kinds (a knowledge item)."""

    def clean_parent_page(self):
        if self.child_page_type.is_creatable:
            return super().clean_parent_page()
        parent = self.cleaned_data["parent_page"].specific_deferred
        if not parent.permissions_for_user(self.user).can_add_subpage() or not creatable_kinds_at(
            self.child_page_type, parent
        ):
            raise forms.ValidationError(
                _("You cannot add a %(kind)s under “%(page_title)s”. Choose the section’s own page.")
                % {"kind": self.child_page_type._meta.verbose_name, "page_title": parent.get_admin_display_title()}
            )
        return parent


class SectionChooseParentView(ChooseParentView):
    """The listing's "Add" button: straight to the section's page, then to the choice of kind.

    The Knowledge listing's model, the knowledge item, is a family of kinds (brief, practice note,
    policy tool) that cannot be created itself; Wagtail's view would send its "Add knowledge
    item" to a form for that family and answer "You cannot create a page of type …". For such a
    model the parent leads to Wagtail's "add a page here" view, which offers the kinds.
    """

    def get_valid_parent_pages(self, user):
        if self.model.is_creatable:
            return super().get_valid_parent_pages(user)
        # Few pages may hold a family of kinds (a section's page, one per language): each is asked.
        candidates = Page.objects.type(*self.model.clean_parent_page_models())
        if self.locale:
            candidates = candidates.filter(locale=self.locale)
        allowed = [
            page.pk
            for page in candidates
            if page.permissions_for_user(user).can_add_subpage() and creatable_kinds_at(self.model, page)
        ]
        return Page.objects.filter(pk__in=allowed)

    def get(self, request, *args, **kwargs):
        if not self.model.is_creatable:
            parent_ids = list(self.get_valid_parent_pages(request.user).values_list("pk", flat=True)[:2])
            if len(parent_ids) == 1:
                return redirect("wagtailadmin_pages:add_subpage", quote(parent_ids[0]))
        return super().get(request, *args, **kwargs)

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return SectionParentChooserForm(self.model, self.request.user, data)

    def form_valid(self, form):
        if self.model.is_creatable:
            return super().form_valid(form)
        return redirect("wagtailadmin_pages:add_subpage", quote(form.cleaned_data["parent_page"].pk))


class SectionListingViewSet(PageListingViewSet):
    """A section's pages, flat, with a language filter and a menu item only for those who edit them.

    `section_models`: the section's index page model and its page models; whoever may edit one
    of them sees the menu item.
    """

    add_to_admin_menu = True
    index_view_class = SectionIndexView
    choose_parent_view_class = SectionChooseParentView
    filterset_class = SectionFilterSet
    section_models: tuple = ()

    def get_menu_item(self, order=None):
        return SectionMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=order if order is not None else self.menu_order,
            section_models=self.section_models or (self.model,),
        )


def language_column(**kwargs) -> Column:
    """The page's language by name ("English", "русский"), sortable."""
    return Column(
        "language",
        label=_("Language"),
        accessor=lambda page: page.locale.get_display_name(),
        sort_key="locale__language_code",
        width="10%",
        **kwargs,
    )


def review_state(page: Page) -> str:
    """Where the page is in its review workflow, in the words of the listing."""
    state = page.current_workflow_state
    if state is None:
        return _("Not submitted") if not page.live or page.has_unpublished_changes else "—"
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return _("Changes requested")
    task_state = page.current_workflow_task_state
    if task_state is None:
        return _("In review")
    return _("Awaiting %(task)s") % {"task": task_state.task.name}


def review_state_column(**kwargs) -> Column:
    return Column("review_state", label=_("Review"), accessor=review_state, width="16%", **kwargs)
