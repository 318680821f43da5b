"""Atom and RSS feeds of any search: the newest items matching the same parameters."""

from __future__ import annotations

import datetime
from dataclasses import replace

from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from search.forms import SearchForm
from search.queries import SORT_DATE, KnowledgeSearch


class SearchResultsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        # The same parameters as the page, checked the same way; a feed is always page 1, newest first.
        form = SearchForm(request.GET)
        if not form.is_valid():
            raise BadRequest(" ".join(form.error_list()))
        params = replace(form.params(), sort=SORT_DATE, page=1)
        search = KnowledgeSearch(user=request.user, language=get_language())
        query = request.GET.copy()
        query.pop("page", None)
        query.pop("sort", None)
        return {"params": params, "result": search.search(params), "query": query.urlencode()}

    def title(self, obj):
        q = obj["params"].q
        if q:
            return _("DSP Knowledge Exchange: search results for “%(q)s”") % {"q": q}
        return _("DSP Knowledge Exchange: latest items")

    def subtitle(self, obj):
        return _("New knowledge items, country profiles, events and documents matching this search.")

    description = subtitle

    def link(self, obj):
        url = reverse("search:search")
        return f"{url}?{obj['query']}" if obj["query"] else url

    def items(self, obj):
        return obj["result"].hits

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return str(item.snippet)

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.url

    def item_pubdate(self, item):
        if item.date is None:
            return None
        return datetime.datetime.combine(item.date, datetime.time.min, tzinfo=datetime.UTC)

    def item_categories(self, item):
        return [str(item.kind_label), *(label for _code, label in item.countries)]


class SearchResultsRssFeed(SearchResultsFeed):
    feed_type = Rss201rev2Feed
