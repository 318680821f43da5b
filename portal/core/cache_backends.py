"""Redis as a cache whose outage is a miss, not a reader's error page.

Production keeps its shared caches in Redis (`REDIS_URL`). The page cache and the shared reads
(the `pages` alias) catch a failing store and read the database; they must see the failure, since
an empty store would give them no epoch to compare and old entries would look current. The
default cache's users (the search thesaurus, the subscribe form's rate limits, thumbnail sizes)
call it directly, and Django's Redis backend raises when Redis is away, so a search answered 500
while Redis restarted. For them this backend answers as an empty cache instead, and logs once a
minute at most: a read is a miss, a write keeps nothing, a count starts again.
"""

from __future__ import annotations

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Seconds between two warnings: an outage under load would otherwise log every request.
WARN_EVERY = 60.0


def _forgiving(answer_when_down):
    def decorate(method):
        @functools.wraps(method)
        def call(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                self._warn(method.__name__, error)
                return answer_when_down(*args, **kwargs) if callable(answer_when_down) else answer_when_down

        return call

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


def _no_count(key, delta=1, *args, **kwargs):
    raise ValueError(f"the cache cannot count {key!r} while Redis is away")


class ForgivingRedisCache(RedisCache):
    """Django's Redis cache; while Redis cannot be reached, an empty cache that keeps nothing."""

    _warned_at = 0.0

    def _warn(self, operation: str, error: Exception) -> None:
        now = time.monotonic()
        if now - ForgivingRedisCache._warned_at >= WARN_EVERY:
            ForgivingRedisCache._warned_at = now
            logger.warning("cache: Redis failed (%s: %s); answering as an empty cache", operation, error)

    get = _forgiving(_default)(RedisCache.get)
    get_many = _forgiving({})(RedisCache.get_many)
    has_key = _forgiving(False)(RedisCache.has_key)
    set = _forgiving(None)(RedisCache.set)
    set_many = _forgiving([])(RedisCache.set_many)
    add = _forgiving(False)(RedisCache.add)
    touch = _forgiving(False)(RedisCache.touch)
    delete = _forgiving(False)(RedisCache.delete)
    delete_many = _forgiving(None)(RedisCache.delete_many)
    incr = _forgiving(_no_count)(RedisCache.incr)
    clear = _forgiving(False)(RedisCache.clear)
