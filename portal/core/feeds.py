"""Atom and RSS feeds of a filtered list (knowledge items, events), with the list's own parameters.

A list page serves its feeds as routes of its own (`feed/`, `feed/rss/`), so
`/en/events/feed/?country=KG&theme=police-response` follows exactly what
`/en/events/?country=KG&theme=police-response` lists: each app's feed (`knowledge.feeds`,
`events.feeds`) reads the page's own selector. A feed is read by programs without the
reader's session, and may be shared or cached, so it always lists what the public may read.
Bad parameters answer 400 with the form's message, in plain text.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from portal.core.list_filters import ListFilterForm, with_query

FEED_SIZE = 50


class FilteredListFeed(Feed):
    """The newest items of a list page, filtered as the page is; subclasses say which items."""

    feed_type = Atom1Feed

    def list_items(self, *, index, filters: dict, limit: int) -> list:
        """The first `limit` items the list page shows with `filters`, read as the public reads them."""
        raise NotImplementedError

    def __call__(self, request, *, index, form: ListFilterForm):
        if form.is_bound and not form.is_valid():
            return HttpResponseBadRequest(form.error_message(), content_type="text/plain; charset=utf-8")
        return super().__call__(request, index=index, form=form)

    def get_object(self, request, *, index, form):
        # One instance per request (the page's routes build one), so the items' addresses can use it.
        self.request = request
        return {"index": index, "request": request, "query": form.query_string(), "filters": form.filters}

    def title(self, obj):
        return _("%(section)s · DSP Knowledge Exchange") % {"section": obj["index"].title}

    def subtitle(self, obj):
        return obj["index"].introduction or self.title(obj)

    description = subtitle

    def link(self, obj):
        return with_query(obj["index"].get_url(obj["request"]), obj["query"])

    def feed_url(self, obj):
        return obj["request"].get_full_path()

    def items(self, obj):
        return self.list_items(index=obj["index"], filters=obj["filters"], limit=FEED_SIZE)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        # The site's own address (Wagtail's site root), whichever host name the feed was asked at.
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [country.name for country in item.in_language.get("countries", ())]


def rss(feed_class: type[FilteredListFeed]) -> type[FilteredListFeed]:
    """The RSS 2.0 twin of an Atom list feed."""
    return type(f"{feed_class.__name__}Rss", (feed_class,), {"feed_type": Rss201rev2Feed})


def alternate_links(*, index, request, form: ListFilterForm) -> list[dict]:
    """The `<link rel="alternate">` of a list page's feeds, with its current filters (none when they are invalid)."""
    if form.is_bound and not form.is_valid():
        return []
    base = index.get_url(request)
    query = form.query_string()
    return [
        {"type": "application/atom+xml", "title": _("Atom feed"), "href": with_query(f"{base}feed/", query)},
        {"type": "application/rss+xml", "title": _("RSS feed"), "href": with_query(f"{base}feed/rss/", query)},
    ]
