"""Atom and RSS feeds of the knowledge list, filtered as the page is (`portal.core.feeds`)."""

from knowledge import selectors
from portal.core.feeds import FilteredListFeed, rss


class KnowledgeFeed(FilteredListFeed):
    def list_items(self, *, index, filters, limit):
        return selectors.knowledge_items_listed(index=index, user=None, limit=limit, **filters)


KnowledgeRssFeed = rss(KnowledgeFeed)
