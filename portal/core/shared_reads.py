"""Reference data read once for every request and worker, until a change purges it.

Locales, the site and its settings, the vocabularies, the page restrictions and the countries'
profile addresses change a few times a month and are read by every page. `shared(key, read,
tags=…)` keeps what `read()` returns in the `pages` cache (`portal.core.page_cache`), stamped
with the versions of `tags` taken *before* reading the database: a change bumps those versions
(the receivers of `portal.core.page_cache_purge`), and a value stamped with an older version is
read again. A writer whose change lands between the stamp and the read leaves a value already
stale by its stamp, so no order of events keeps old rows. Inside a transaction of the site's own
(an admin form saving), nothing is kept: what it read may never be committed. Within a request
the value is also memoised (`portal.core.request_memo`), under the caller's memo key, so the
writers that clear that memo clear it here too. Only GET and HEAD requests (where the memo is)
use the shared copy: an admin form, a task or a command reads the database.

Values come back as the same objects to every request a worker serves: callers must not change
them. Only reads that are the same for every reader belong here. What depends on who asks (a user's
groups, what a partner may see) stays in the request memo.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.http.request import split_domain_port

from wagtail.models import Site

from portal.core import page_cache, request_memo
from portal.core.models.site_settings import SiteSettings

T = TypeVar("T")
logger = logging.getLogger(__name__)


def enabled() -> bool:
    return bool(getattr(settings, "SHARED_READS_ENABLED", True))


def shared(memo_key: Hashable, read: Callable[[], T], *, tags: Iterable[str] = ()) -> T:
    """`read()`, shared across requests until `all` or one of `tags` is purged; memoised for this request."""
    tags = tuple(sorted({page_cache.ALL, *tags}))
    key = hashlib.sha256(repr(memo_key).encode()).hexdigest()[:32]
    return request_memo.memoised(memo_key, lambda: _read_through(key, read, tags))


# What this worker read lately, with the page cache's epoch when it was last found current:
# while no purge happened anywhere, the value is served as it is, unread and unpickled.
_local: dict[str, tuple[str, object]] = {}
_LOCAL_ENTRIES = 512
# A value nobody asked for in two days goes (a profile's sections are keyed by the day).
TIMEOUT = 2 * 24 * 3600


def _read_through(key: str, read: Callable[[], T], tags: tuple[str, ...]) -> T:
    if not enabled() or not request_memo.active() or _in_own_transaction():
        return read()
    try:
        epoch = page_cache.request_epoch()  # before the versions: a purge after it is seen next time
        cache_key = f"pc:shared:{page_cache.release()}:{key}"
        local = _local.get(cache_key)
        if local is not None and local[0] == epoch:
            return local[1]
        cache = caches[page_cache.ALIAS]
        versions = page_cache.tag_versions(tags)
        entry = cache.get(cache_key)
    except Exception:  # noqa: BLE001 (the store is down: read the database, as without it)
        logger.warning("Shared reads: the cache could not be read; reading the database.", exc_info=True)
        return read()
    if entry is not None and entry[0] == versions:
        value = entry[1]
    else:
        value = read()
        try:
            cache.set(cache_key, (versions, value), timeout=TIMEOUT)
        except Exception:  # noqa: BLE001
            logger.warning("Shared reads: the cache could not be written.", exc_info=True)
            return value
    if len(_local) >= _LOCAL_ENTRIES:
        _local.clear()
    _local[cache_key] = (epoch, value)
    return value


def _in_own_transaction() -> bool:
    """Inside an atomic block the site opened (not a test case's wrapper): its reads may be rolled back."""
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def prime_request(request) -> None:
    """Give the request its Wagtail site and site settings from the shared reads, as Wagtail would find them.

    `Site.find_for_request` and `SiteSettings.for_request` keep what they find on the request;
    setting it first spares both their queries. A host the settings do not allow is left to
    Django's own answer.
    """
    if not enabled():
        return
    try:
        hostname = split_domain_port(request.get_host())[0]
    except DisallowedHost:
        return
    port = request.get_port()
    site = shared(("shared-site", hostname, port), lambda: Site._find_for_request(request))
    request._wagtail_site = site
    if site is not None:
        # A copy: Wagtail keeps the request on it, and the shared one serves every request.
        site_settings = copy.copy(shared(("shared-settings", site.pk), lambda: SiteSettings.for_site(site)))
        site_settings._request = request
        setattr(request, SiteSettings.get_cache_attr_name(), site_settings)
