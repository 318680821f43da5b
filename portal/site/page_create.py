"""The page editor's create view without autosave: a new page exists once its author saves it.

Wagtail 8 autosaves the editor every `WAGTAIL_AUTOSAVE_INTERVAL` (500 ms). On a page being edited
that protects work on a slow link, and stays; on a page being created the first autosave adds the
half-filled page to the tree as a draft, so an author who gives up and starts again with the same
title meets "slug already in use" against a page they never meant to make. `portal.urls` routes
Wagtail's own add address (`wagtailadmin_pages:add`, which `reverse()` still names) to this view.
"""

import re

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.create import CreateView


class CreateWithoutAutosaveView(CreateView):
    """Wagtail's create view with the editor's autosave off, and its background saves refused."""

    def get_context_data(self, **kwargs):
        # The templates switch the form's `w-autosave` controller and the header's indicator on
        # these two; the view's own `autosave_enabled` is set in `dispatch` and read nowhere else.
        context = super().get_context_data(**kwargs)
        context.update(autosave_enabled=False, autosave_indicator=None)
        return context

    def get(self, request):
        # "Copy as a new event" (events/wagtail_hooks.py): `?copy_from=<id>` starts the form from an
        # earlier page of the same type that this user may edit, through the model's
        # `fill_from_earlier`; nothing is saved until the author saves.
        earlier_id = request.GET.get("copy_from")
        if earlier_id is not None and hasattr(self.page, "fill_from_earlier"):
            earlier = (
                self.page_class.objects.filter(pk=int(earlier_id)).first()
                if re.fullmatch(r"[0-9]{1,10}", earlier_id)
                else None
            )
            if earlier is None or not earlier.permissions_for_user(request.user).can_edit():
                raise Http404(_("There is no page to copy at this address, or you may not copy it."))
            if earlier.get_view_restrictions().exists():
                # The new page would be created without the restriction and could go live for
                # everyone; Wagtail's own Copy (the page's ⋯ → Copy) keeps restrictions.
                messages.error(
                    request,
                    _(
                        "“%(title)s” is for partner officials only. Use the page’s Copy action, which keeps "
                        "who may see it."
                    )
                    % {"title": earlier.title},
                )
                return redirect("wagtailadmin_explore", self.parent_page.pk)
            self.page.fill_from_earlier(earlier)
        return super().get(request)

    def post(self, request):
        # Only autosave posts the create form asking for JSON (the editor's buttons post the form
        # as a page). An editor opened before this view was in place may still try: no page.
        if self.expects_json_response:
            return self.json_error_response(
                "autosave_disabled",
                _("A new page is saved only when you save it. Use “Save draft” to keep your work."),
            )
        return super().post(request)


# Routed outside Wagtail's admin URLs, so given the same wrappers they get: a signed-out visitor
# is sent to sign in (not shown "Access denied"), and no answer is cached.
create_page = never_cache(require_admin_access(CreateWithoutAutosaveView.as_view()))
