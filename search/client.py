"""The Elasticsearch client, built once per URL, with short timeouts and no retries.

A reader's request must not wait on a node that is down: one quick attempt, then the
caller falls back (queries) or records the update for later (indexing).
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
def _client_for(url: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def get_client(*, timeout: float | None = None) -> Elasticsearch:
    url = conf.elasticsearch_url()
    if not url:
        raise RuntimeError("SEARCH_ELASTICSEARCH_URL is empty: Elasticsearch is not configured.")
    return _client_for(url, conf.request_timeout() if timeout is None else timeout)


class CircuitBreaker:
    """Remembers a recent failure so the next searches skip the node for a few seconds."""

    def __init__(self):
        self._lock = threading.Lock()
        self._open_until = 0.0

    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    def trip(self) -> None:
        with self._lock:
            self._open_until = time.monotonic() + conf.circuit_breaker_seconds()

    def reset(self) -> None:
        with self._lock:
            self._open_until = 0.0


breaker = CircuitBreaker()
