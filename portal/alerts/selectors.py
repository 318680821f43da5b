"""What a digest holds: the items matching a subscription's filter that are new to it.

The search runs as the anonymous reader (`KnowledgeSearch(user=AnonymousUser())`), on whichever
engine answers, so only what `portal.core.privacy` shows everyone can reach a mail, whoever
the address belongs to. "New" is first published (a page) or uploaded (a document) since the
subscription was confirmed, counted over the item's whole family, so publishing a translation
of an older item does not make it new; each family is sent once (`SentItem`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.contrib.auth.models import AnonymousUser
from django.db.models import Min

from wagtail.documents import get_document_model
from wagtail.models import Page

from portal.alerts.filters import filter_form
from portal.alerts.models import Subscription
from portal.core.items import ItemKey
from search.queries import SORT_DATE, Hit, KnowledgeSearch

# How many of the newest matches (by the items' dates) a digest looks through. Items are
# sorted by their own date, so a new item dated long ago may sit deeper than this.
SCAN_LIMIT = 100


class InvalidFilter(Exception):
    """A stored filter the search form no longer accepts (a country or theme was removed)."""


@dataclass
class NewItem:
    family: str
    hit: Hit


def _families(keys: list[ItemKey]) -> dict[ItemKey, tuple[str, object]]:
    """For each key: its family's name and when the family first went out (first publish or upload)."""
    grouped = ItemKey.group(keys)
    found: dict[ItemKey, tuple[str, object]] = {}
    for key_type, model, since_field in (
        (ItemKey.PAGE, Page, "first_published_at"),
        (ItemKey.DOCUMENT, get_document_model(), "created_at"),
    ):
        ids = grouped[key_type]
        if not ids:
            continue
        translation_keys = dict(model.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
        earliest = dict(
            model.objects.filter(translation_key__in=set(translation_keys.values()))
            .values("translation_key")
            .annotate(since=Min(since_field))
            .values_list("translation_key", "since")
        )
        for pk, translation_key in translation_keys.items():
            found[ItemKey(key_type, pk)] = (f"{key_type}:{translation_key}", earliest.get(translation_key))
    return found


def subscription_new_items(*, subscription: Subscription, limit: int = SCAN_LIMIT) -> list[NewItem]:
    """The items matching the filter, visible to everyone, new since confirmation and not yet sent, newest first."""
    form = filter_form(subscription.query)
    if not form.is_valid():
        raise InvalidFilter(" ".join(form.error_list()))
    params = replace(form.params(), sort=SORT_DATE, page=1)
    search = KnowledgeSearch(user=AnonymousUser(), language=subscription.language)
    hits: list[Hit] = []
    while len(hits) < limit:
        result = search.search(params)
        # Results for a corrected spelling are not what the reader subscribed to.
        if result.corrected:
            break
        hits.extend(result.hits)
        if params.page >= result.num_pages or not result.hits:
            break
        params = replace(params, page=params.page + 1)
    hits = [hit for hit in hits[:limit] if hit.key is not None]
    families = _families([hit.key for hit in hits])
    sent = set(subscription.sent_items.values_list("family", flat=True))
    new: list[NewItem] = []
    for hit in hits:
        family, since = families.get(hit.key, (None, None))
        if family is None or family in sent or since is None or since < subscription.confirmed_at:
            continue
        sent.add(family)
        new.append(NewItem(family=family, hit=hit))
    return new
