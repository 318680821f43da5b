"""Rate limits on the subscribe form, per address and per email address, counted in the cache.

Each subscribe sends a mail to whatever address is typed, so the limits keep the form from
being used to flood someone's inbox. The counts live in the default cache (local memory per
process unless a shared cache is configured): a limit per process is still a limit.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _limit() -> int:
    return int(getattr(settings, "ALERTS_SUBSCRIBE_LIMIT", 5))


def _window() -> int:
    return int(getattr(settings, "ALERTS_SUBSCRIBE_WINDOW_SECONDS", 60 * 60))


def _key(scope: str, value: str) -> str:
    # Hashed: keys stay short and valid whatever was typed, and the cache holds no addresses.
    return f"alerts:subscribe:{scope}:{hashlib.sha256(value.casefold().encode()).hexdigest()}"


def over_limit(scope: str, value: str) -> bool:
    """Whether `value` (an IP address, an email address) has used up its attempts in this window."""
    return (cache.get(_key(scope, value)) or 0) >= _limit()


def count_attempt(scope: str, value: str) -> None:
    key = _key(scope, value)
    if cache.add(key, 1, timeout=_window()):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.add(key, 1, timeout=_window())
