"""Work done once per worker and reused until the next change anywhere: rendered fragments, citations.

A public page is mostly made of the same parts as the page before it: the same cards, the same
map, the same citation. `kept(key, make)` keeps what `make()` returns in this worker's memory,
stamped with the page cache's epoch (`portal.core.page_cache.request_epoch`), which every purge
bumps: after any publish, unpublish, move, privacy, vocabulary or document change, each part is
made again on its first use. No tag reasoning is needed to stay right: only the key must name
everything about the request the part depends on (the language, the item, an event's phase,
the day).

Only a GET or HEAD request (where the request memo is) of a reader who is not signed in uses
it, and never inside a transaction of the site's own: what a signed-in reader sees may depend on
who they are, and what an admin form reads may be rolled back. With the cache store down, parts
are made afresh, as without it.

`{% kept_fragment "name" value … %}…{% endkept_fragment %}` (in `portal_tags`) wraps a template
part; the part must not hold a CSRF token, a CSP nonce or anything else that changes per request.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.utils import translation

from portal.core import page_cache, request_memo, shared_reads

T = TypeVar("T")
logger = logging.getLogger(__name__)

# The parts used least lately go first: a crawler's one-off addresses never push out the cards.
_ENTRIES = 4096
_kept: OrderedDict[Hashable, tuple[str, object]] = OrderedDict()
_lock = threading.Lock()
_MAX_QUERY = 1000  # as the page cache: longer query strings are answered, never kept


def usable(request=None) -> bool:
    """Whether this request may use kept parts: a GET or HEAD from a reader who is not signed in."""
    if not shared_reads.enabled() or not request_memo.active() or shared_reads._in_own_transaction():
        return False
    if request is not None and len(request.META.get("QUERY_STRING", "")) > _MAX_QUERY:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def kept(key: Hashable, make: Callable[[], T], *, request=None) -> T:
    """`make()`, kept by this worker until the next purge; `key` names all it depends on but the language."""
    if not usable(request):
        return make()
    try:
        epoch = page_cache.request_epoch()
    except Exception:  # noqa: BLE001 (the store is down: make it afresh)
        logger.warning("Kept fragments: the cache's epoch could not be read.", exc_info=True)
        return make()
    full_key = (key, translation.get_language())
    entry = _kept.get(full_key)
    if entry is not None and entry[0] == epoch:
        with _lock:
            if full_key in _kept:
                _kept.move_to_end(full_key)
        return entry[1]
    value = make()
    with _lock:
        _kept[full_key] = (epoch, value)
        _kept.move_to_end(full_key)
        while len(_kept) > _ENTRIES:
            _kept.popitem(last=False)
    return value


def forget() -> None:
    """Drop every kept part (tests)."""
    with _lock:
        _kept.clear()
