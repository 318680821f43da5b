"""Reads memoised for one request, never longer.

Privacy rules, locales and other rows that editors change are read fresh on every request: a
memo lives only while `RequestMemoMiddleware` (`portal.core.middleware`) handles a GET or HEAD
request, and is dropped when the response is ready. Outside a request (management commands,
tasks, tests calling selectors directly) and on other methods there is no memo, and every call
reads the database. Writers that change what a memo holds clear it (`forget`), so a view that
changes a restriction and then lists pages in the same request does not read a stale rule.
"""

from collections.abc import Callable, Hashable
from contextvars import ContextVar, Token
from typing import TypeVar

T = TypeVar("T")

_memo: ContextVar[dict | None] = ContextVar("portal_request_memo", default=None)
_request: ContextVar[object | None] = ContextVar("portal_request_memo_request", default=None)


def begin(request=None) -> tuple[Token, Token]:
    """Start an empty memo for `request`, the one being handled; pass the tokens to `end`."""
    return _memo.set({}), _request.set(request)


def end(tokens: tuple[Token, Token]) -> None:
    memo_token, request_token = tokens
    _memo.reset(memo_token)
    _request.reset(request_token)


def current_request():
    """The GET or HEAD request being handled, for reads that Wagtail memoises on it (`SiteSettings.for_request`).

    None outside a request: callers then read the database themselves.
    """
    return _request.get()


def active() -> bool:
    """Whether a request's memo is open: reads worth making whole only when shared check this first."""
    return _memo.get() is not None


def holds(key: Hashable) -> bool:
    """Whether `key` has been read in this request, so that reading it again costs nothing."""
    memo = _memo.get()
    return memo is not None and key in memo


def memoised(key: Hashable, read: Callable[[], T]) -> T:
    """`read()`, kept under `key` for the rest of the request; without a request, read each time."""
    memo = _memo.get()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]


def forget(*namespaces: str) -> None:
    """Drop the memoised reads whose key is, or starts with, one of `namespaces`."""
    memo = _memo.get()
    if not memo:
        return
    for key in list(memo):
        head = key[0] if isinstance(key, tuple) else key
        if head in namespaces:
            del memo[key]
