"""A list page that filters (knowledge, events): its form, its 400, its feeds, its `<link rel="alternate">`.

The page, `feed/` (Atom) and `feed/rss/` read the same filters (`portal.core.list_filters`)
and each app's one selector, so `/en/events/feed/?country=KG` holds what `/en/events/?country=KG`
lists. Routes come from Wagtail's `RoutablePageMixin` (no database field); the section's
privacy, checked by Wagtail's serve view, covers them as it covers the page.
"""

from __future__ import annotations

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.core.feeds import FilteredListFeed, alternate_links
from portal.core.list_filters import ListFilterForm


class FilteredListPageMixin(RoutablePageMixin):
    feed_class: type[FilteredListFeed]
    rss_feed_class: type[FilteredListFeed]
    # Addresses below the list its routes answer: a child page there could not be reached
    # (`portal.core.page_forms.SectionPageForm` refuses them).
    reserved_child_slugs: tuple[str, ...] = ("feed",)

    def filter_form(self, request) -> ListFilterForm:
        raise NotImplementedError

    def list_context(self, request, filters: dict) -> dict:
        """What the template lists, for `request.user`, with the valid `filters`."""
        raise NotImplementedError

    def alternate_links(self, request, form: ListFilterForm) -> list[dict]:
        return alternate_links(index=self, request=request, form=form)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.filter_form(request)
        context["filter_form"] = form
        context["alternate_links"] = self.alternate_links(request, form)
        context.update(self.list_context(request, form.filters))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        form = (getattr(response, "context_data", None) or {}).get("filter_form")
        if form is not None and form.is_bound and form.errors:
            # The page still renders, with the errors beside the filters, but says 400.
            response.status_code = 400
        return response

    @path("feed/", name="feed")
    def atom_feed(self, request):
        return self.feed_class()(request, index=self, form=self.filter_form(request))

    @path("feed/rss/", name="feed_rss")
    def rss_feed(self, request):
        return self.rss_feed_class()(request, index=self, form=self.filter_form(request))
