"""The Elasticsearch client, built once per set of nodes, with short timeouts.

A reader's request must not wait on a node that is down. With one node: one attempt, then
the caller falls back (queries) or records the update for later (indexing). With a cluster
(several URLs, `conf.elasticsearch_urls`), a request that cannot reach its node (refused,
reset) is sent again to the next one, up to every node once, all within the caller's one
time `Budget`; the node pool of elastic-transport leaves a failed node out for a second,
then for longer each time it fails again (up to 30 s), so later requests do not knock on
it first. A node that took the request and then ran out of time is not asked again: the
budget is spent. So an error reaches the caller, and trips the circuit breaker, only when
no node could answer.
"""

from __future__ import annotations

import threading
import time
from functools import lru_cache

from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch import ConnectionError as ESConnectionError
from elasticsearch import ConnectionTimeout as ESConnectionTimeout

from search import conf

# Anything that means "the engine could not do it": unreachable, timed out, or refused.
ENGINE_ERRORS = (ESConnectionError, ESConnectionTimeout, TransportError, ApiError)


@lru_cache(maxsize=8)
def _client_for(urls: tuple[str, ...], timeout: float) -> Elasticsearch:
    # Each node once at most: a connection error moves on to a node not tried yet (the pool
    # hands out live nodes first), a timeout does not (the budget is what timed out), and neither
    # does an answer (a busy 429 or 503 would get the whole budget again on every node).
    return Elasticsearch(
        list(urls), request_timeout=timeout, max_retries=len(urls) - 1, retry_on_timeout=False, retry_on_status=()
    )


def get_client(*, timeout: float | None = None) -> Elasticsearch:
    urls = conf.elasticsearch_urls()
    if not urls:
        raise RuntimeError("SEARCH_ELASTICSEARCH_URL is empty: Elasticsearch is not configured.")
    return _client_for(tuple(urls), conf.request_timeout() if timeout is None else timeout)


class Budget:
    """One time budget shared by the several requests of one search or one update.

    Each request gets what is left, so a slow node cannot stack timeouts: the whole search
    or update gives up after `seconds`, however many requests it makes.
    """

    # Less than this left is not worth a request: the caller gives up instead.
    MINIMUM = 0.05

    def __init__(self, seconds: float):
        self._deadline = time.monotonic() + seconds

    def remaining(self) -> float:
        return self._deadline - time.monotonic()

    def client(self, client: Elasticsearch) -> Elasticsearch:
        """The client with what is left as its request timeout; a timeout error when nothing is."""
        left = self.remaining()
        if left < self.MINIMUM:
            raise ESConnectionTimeout("the time budget for Elasticsearch is spent")
        return client.options(request_timeout=left)


class CircuitBreaker:
    """Remembers a recent failure so searches and live updates skip Elasticsearch for a few seconds.

    Callers trip it on an error from the client, which (see above) has already tried every
    configured node: one node of a cluster going away does not open it.

    When the window has passed, one caller (the first to ask) tries the node again while the
    others keep skipping it for another window: a hung node costs one request per window,
    not one per reader. Success closes the breaker; failure opens it again.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._open_until: float | None = None  # None: closed

    def is_open(self) -> bool:
        open_until = self._open_until
        return open_until is not None and time.monotonic() < open_until

    def allow(self) -> bool:
        """May this caller use the node now? Claims the one trial when the window has passed."""
        with self._lock:
            if self._open_until is None:
                return True
            now = time.monotonic()
            if now < self._open_until:
                return False
            self._open_until = now + conf.circuit_breaker_seconds()
            return True

    def trip(self) -> None:
        with self._lock:
            self._open_until = time.monotonic() + conf.circuit_breaker_seconds()

    def reset(self) -> None:
        with self._lock:
            self._open_until = None


breaker = CircuitBreaker()
