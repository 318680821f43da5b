"""The anonymous page cache: a public page made once, served to every signed-out reader until it changes.

Django's cache framework holds the pages (the `pages` alias in `CACHES`: local memory for one
process, a shared file folder or Redis for several workers). Each entry is one answer to one
address (`scheme://host/path?query`, the language being the path's prefix).

What is cached, and for whom:
- only GET and HEAD requests with no session, messages or Authorization header, to a
  language-prefixed public address (not the sign-in, alerts or download routes);
- only 200 answers to an anonymous reader that set no cookie, used no CSRF token, carry no
  CSP nonce and are not `private`, `no-cache` or `no-store`; a page Wagtail restricts answers
  with a redirect to the sign-in, so partner-only content is never stored;
- only answers whose view declared what they show (`depends_on`): a view that did not is
  never stored, so a new route is uncached until it says what purges it.

Purging is by tag, the way reverse proxies purge by surrogate key: every entry records the
tags it depends on and each tag's version when it was made; a change bumps the versions of the
tags it touches (`purge`), and an entry whose versions are not all current is a miss.
Nothing has to list or find the entries, and a tag the cache evicted counts as changed.
The tags (see `portal.core.page_cache_purge` for what bumps them):
- `all`: every entry (vocabularies, settings, locales, privacy rules, moves, deletions);
- `page:<translation key>`: a page's own addresses in every language, sub-routes included;
- `list:<section>`: every entry that lists or links items of that section;
- `country:<ISO code>` and `theme:<slug>`: a country's profile and a theme's hub;
- `document:<translation key>`: a document's landing pages in every language.

A new page showing up in lists a few seconds late reveals nothing, while every list remade at
once after a publish would make the next seconds' readers wait on two cores: a page's first
publish purges the lists, countries, themes and pages that link it *softly* (`purge(...,
soft=True)`). For `PAGE_CACHE_STALE_SECONDS` after a soft purge, an entry whose only changed tags
were softly purged (none purged any other way since it was made) is served as it was, marked
`stale`, and remade once the reader has it: one page at a time across all workers, so a burst
of remakes never takes both cores. Anything else (an edit to a live page, unpublishing,
restrictions, `all`) purges at once, as before.

A publish that lands while another request renders the old content must not let that request
store it afresh: a purge also bumps an epoch, and an answer made across an epoch change is
served but not stored. Time also changes pages (an event's registration closes): a view says
when its answer goes out of date with `valid_until`, and no entry outlives
`PAGE_CACHE_TIMEOUT` seconds.
"""

from __future__ import annotations

import datetime
import functools
import gzip
import hashlib
import io
import logging
import re
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIRequest
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers

from portal.core import request_memo

logger = logging.getLogger(__name__)

ALIAS = "pages"
ALL = "all"
SECTIONS = ("knowledge", "events", "countries", "documents")
HEADER = "X-Page-Cache"
_EPOCH_KEY = "pc:epoch"
_TAGS_MEMO = "page_cache_tags"
_INDENTATION = re.compile(rb"\n\s+")
# A stored answer keeps a gzip copy for readers whose browser accepts it (every browser does):
# a long profile travels as a sixth of its size. Shared answers hold no secret (no CSRF token,
# no session), so compressing them reveals nothing (BREACH needs a secret beside the reader's input).
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
COMPRESSED_TYPES = ("text/", "application/xml", "application/rss+xml", "application/atom+xml", "application/json")
_MIN_COMPRESSED = 512
_MAX_QUERY = 1000  # longer query strings are answered, never stored
_UNCACHED_ROUTES = ("login/", "logout/", "alerts/")
_UNCACHED_PARTS = ("/download/", "/thumbnail/", "/versions/")
_SKIPPED_HEADERS = {"set-cookie", HEADER.lower(), "content-length", "date"}


def page_tag(page) -> str:
    return f"page:{page.translation_key}"


def list_tag(section: str) -> str:
    return f"list:{section}"


def every_list() -> list[str]:
    return [list_tag(section) for section in SECTIONS]


def country_tag(iso_code: str) -> str:
    return f"country:{iso_code.upper()}"


def theme_tag(slug: str) -> str:
    return f"theme:{slug}"


def document_tag(document) -> str:
    return document_family_tag(document.translation_key)


def document_family_tag(key) -> str:
    """The tag of a document family's landing pages, from its `translation_key`."""
    return f"document:{key}"


def enabled() -> bool:
    return bool(getattr(settings, "PAGE_CACHE_ENABLED", False))


# --- what the answer being made depends on ---------------------------------------------


@dataclass
class _Making:
    tags: set[str] = field(default_factory=set)
    pages: list = field(default_factory=list)  # pages whose dependencies are added when the answer is stored
    expires: float | None = None  # a Unix time, when the answer goes out of date by itself
    refused: bool = False


_making: ContextVar[_Making | None] = ContextVar("portal_page_cache_making", default=None)


def depends_on(*tags: str) -> None:
    """Record that the answer being made shows what `tags` name; without a request, nothing."""
    making = _making.get()
    if making is not None:
        making.tags.update(tag for tag in tags if tag)


def depends_on_page(page) -> None:
    """Record that the answer being made serves `page`: its `page_dependencies`, read only if the answer is stored."""
    making = _making.get()
    if making is not None:
        making.pages.append(page)


def valid_until(moment: datetime.datetime | None) -> None:
    """The answer being made is out of date at `moment` (a registration closes, an event starts)."""
    making = _making.get()
    if making is None or moment is None:
        return
    stamp = moment.timestamp()
    if stamp > time.time() and (making.expires is None or stamp < making.expires):
        making.expires = stamp


def refuse() -> None:
    """Never store the answer being made: it depends on something no tag names."""
    making = _making.get()
    if making is not None:
        making.refused = True


def page_dependencies(page) -> set[str]:
    """The tags a page's answer depends on: its own, and what its model says it shows (every list by default)."""
    declared = getattr(page, "page_cache_dependencies", None)
    tags = set(declared()) if declared else set(every_list())
    tags.add(page_tag(page))
    return tags


# --- purging -------------------------------------------------------------------------------


def purge(tags: Iterable[str], *, soft: bool = False) -> None:
    """Make every entry that depends on one of `tags` a miss, now and again when the transaction commits.

    Now, so that the writer's next request sees its change; after the commit, so that a request
    that read the old rows in between cannot keep them. `soft`: for something only added (a page
    published for the first time), the entries may still be served for `stale_seconds()` while
    they are remade; never for a change to what readers were already shown.
    """
    tags = sorted({tag for tag in tags if tag})
    if not tags:
        return
    soft = soft and ALL not in tags
    _bump(tags, soft)
    transaction.on_commit(functools.partial(_bump, tags, soft))


def purge_all() -> None:
    purge([ALL])


def stale_seconds() -> int:
    return max(0, int(getattr(settings, "PAGE_CACHE_STALE_SECONDS", 0)))


def _bump(tags: list[str], soft: bool = False) -> None:
    """New versions for `tags` and the epoch.

    A soft purge notes, beside each new version, until when and in place of which version it
    may be served stale; any other purge notes its time, so that nothing made before it is.
    """
    request_memo.forget(_TAGS_MEMO)  # a request that changed something reads the new versions
    cache = caches[ALIAS]
    stamp = uuid.uuid4().hex
    now = time.time()
    keys = [_tag_key(tag) for tag in tags]
    replaced, chains = {}, {}
    if soft:
        known = cache.get_many(keys + [_soft_key(key) for key in keys])
        replaced = {key: known.get(key) for key in keys}
        chains = {key: known.get(_soft_key(key)) for key in keys}
    values = {_EPOCH_KEY: stamp}
    for key in keys:
        values[key] = stamp
        if soft:
            values[_soft_key(key)] = (stamp, _soft_chain(chains[key], replaced[key], now))
        else:
            values[_hard_key(key)] = now
    cache.set_many(values, timeout=None)
    if soft:
        # A tag whose hard time is gone (evicted, or never set) gets this one: nothing made before
        # now is served stale on its account.
        for key in keys:
            cache.add(_hard_key(key), now, timeout=None)


_SOFT_CHAIN = 8  # versions a run of soft purges remembers


def _soft_chain(mark, replaced: str | None, now: float) -> tuple:
    """The versions that soft purges alone replaced, each with when: the tag's run of soft purges.

    The run goes on while the version being replaced is the last soft purge's own (a publish
    purges now and again after its commit; publishes follow one another); any other version
    starts it afresh.
    """
    earlier = mark[1] if mark is not None and mark[0] == replaced else ()
    return (*earlier, (replaced, now))[-_SOFT_CHAIN:]


def _tag_key(tag: str) -> str:
    return f"pc:tag:{tag}"


def _soft_key(tag_key: str) -> str:
    """The version the last soft purge gave the tag, and the versions soft purges replaced, with when."""
    return f"pc:soft:{tag_key}"


def _hard_key(tag_key: str) -> str:
    """When the tag was last purged other than softly."""
    return f"pc:hard:{tag_key}"


def request_epoch() -> str:
    """The epoch (bumped by every purge) as this request first read it (`portal.core.shared_reads`)."""
    return request_memo.memoised((_TAGS_MEMO, "epoch"), lambda: _epoch(caches[ALIAS]))


def tag_versions(tags: tuple[str, ...]) -> dict[str, str]:
    """The current versions of `tags` (by cache key), read once per request (`portal.core.shared_reads`)."""
    return request_memo.memoised((_TAGS_MEMO, tags), lambda: _current_versions(tags))


def _current_versions(tags: tuple[str, ...]) -> dict[str, str]:
    """Each tag's version; a tag never bumped (or evicted) gets a new one, which nothing stored can match."""
    cache = caches[ALIAS]
    keys = [_tag_key(tag) for tag in tags]
    versions = cache.get_many(keys)
    if len(versions) < len(keys):
        for missing in set(keys) - set(versions):
            if cache.add(missing, uuid.uuid4().hex, timeout=None):
                cache.add(_hard_key(missing), 0, timeout=None)  # a new tag: no purge before it
        versions = cache.get_many(keys)
    return versions


# --- the middleware ------------------------------------------------------------------------


class AnonymousPageCacheMiddleware:
    """Serve signed-out readers' pages from the `pages` cache; store the answers that may be shared.

    It sits before the session middleware: a hit touches neither the session nor the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not _may_use_cache(request):
            return self.get_response(request)
        cache = caches[ALIAS]
        key = _entry_key(request)
        try:
            epoch = _epoch(cache)
            entry = _valid_entry(cache, key, epoch)
        except Exception:  # noqa: BLE001 (the store is down: answer uncached, store nothing)
            logger.warning("Page cache: the cache could not be read; answering uncached.", exc_info=True)
            return self.get_response(request)
        if entry is not None:
            return _serve_entry(entry, request)
        if not getattr(request, "page_cache_remake", False):
            stale = _stale_entry(cache, key)
            if stale is not None:
                response = _serve_entry(stale, request, state="stale")
                slot = _claim_remake(cache, key)
                if slot:
                    response._resource_closers.append(functools.partial(self._remake, request, key, slot))
                return response
        started = time.time()
        making = _Making()
        token = _making.set(making)
        try:
            response = self.get_response(request)
        finally:
            _making.reset(token)
        if request.method == "GET" and _may_store(request, response, making):
            _mark_shared(response)
            try:
                _store(cache, key, response, making, epoch, started)
            except Exception:  # noqa: BLE001 (a store that is down keeps nothing; the reader has the page)
                logger.warning("Page cache: the answer could not be stored.", exc_info=True)
            response[HEADER] = "miss"
        return response

    def _remake(self, request, key: str, slot: str) -> None:
        """Once the reader has the stale answer (the server closes it), make the page afresh and store it.

        The same request again, without its body or conditions, through this middleware and
        everything after it; its answer goes to the cache only.
        """
        try:
            environ = {name: value for name, value in request.META.items() if name != "HTTP_IF_NONE_MATCH"}
            environ["wsgi.input"] = io.BytesIO(b"")
            environ["REQUEST_METHOD"] = "GET"
            remake = WSGIRequest(environ)
            remake.page_cache_remake = True
            self(remake)
        except Exception:  # noqa: BLE001 (the next reader after the window makes it, as any miss)
            logger.warning("Page cache: a stale page could not be remade.", exc_info=True)
        finally:
            _free_remake(caches[ALIAS], key, slot)


class PageCacheFront:
    """WSGI middleware in front of Django (`portal.wsgi`): a hit is answered before Django's handler runs.

    The same entries and the same checks as `AnonymousPageCacheMiddleware` (which stores them, and
    answers hits where this front is not installed, as under Django's test client), without the
    request signals, the middleware chain and a response object. Anything else, a miss, a host
    Django would refuse or a store that cannot be read, goes to Django as it came.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        answer = answer_from_cache(environ)
        if answer is None:
            return self.application(environ, start_response)
        status, headers, content = answer
        start_response(status, headers)
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else content]


def answer_from_cache(environ) -> tuple[str, list[tuple[str, str]], bytes] | None:
    """The stored answer for a WSGI request (status line, headers, body), or None to let Django answer."""
    if not enabled():
        return None
    try:
        request = WSGIRequest(environ)
        if not _may_use_cache(request):
            return None
        cache = caches[ALIAS]
        key = _entry_key(request)  # a host Django refuses raises here: Django answers it
        entry = _valid_entry(cache, key, _epoch(cache))
    except Exception:  # noqa: BLE001 (Django answers, and logs what it meets)
        return None
    if entry is None:
        return None
    content, headers = _representation(entry, _encoding(entry, request))
    etag = headers.get("etag")
    if etag is not None and request.META.get("HTTP_IF_NONE_MATCH") == etag[1]:
        kept = [headers[name] for name in ("etag", "cache-control", "vary", HEADER.lower()) if name in headers]
        return f"304 {HTTPStatus.NOT_MODIFIED.phrase}", kept, b""
    return f"{entry['status']} {HTTPStatus(entry['status']).phrase}", list(headers.values()), content


def _may_use_cache(request) -> bool:
    if request.method not in {"GET", "HEAD"}:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    if "HTTP_AUTHORIZATION" in request.META or len(request.META.get("QUERY_STRING", "")) > _MAX_QUERY:
        return False
    path = request.path_info
    language, _slash, rest = path.lstrip("/").partition("/")
    if language not in _language_codes():
        return path == "/sitemap.xml"
    return not rest.startswith(_UNCACHED_ROUTES) and not any(part in path for part in _UNCACHED_PARTS)


@functools.cache
def _language_codes() -> frozenset[str]:
    return frozenset(code for code, _name in settings.LANGUAGES)


def _entry_key(request) -> str:
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return f"pc:page:{release()}:{hashlib.sha256(address.encode()).hexdigest()}"


def _may_store(request, response, making: _Making) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if making.refused or not (making.tags or making.pages) or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-cache", "no-store")):
        return False
    return "nonce-" not in response.get("Content-Security-Policy", "")


def _mark_shared(response) -> None:
    """Anyone may keep the answer, but must ask again each time: the ETag makes asking cheap.

    An HTML page loses the indentation of its template lines (a fifth of a long profile), which
    no reader sees: a line break stays where each run of white space was, and a page with
    preformatted text keeps every space.
    """
    if response.get("Content-Type", "").startswith("text/html"):
        content = response.content
        if b"<pre" not in content and b"<textarea" not in content:
            response.content = _INDENTATION.sub(b"\n", content)
            response["Content-Length"] = str(len(response.content))
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    patch_vary_headers(response, ["Cookie", "Accept-Encoding"])
    response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'


def _store(cache, key: str, response, making: _Making, epoch, started: float) -> None:
    """Keep the answer under the versions its tags have now, unless a purge came since the request began.

    The versions are read before the epoch is compared: a purge after the comparison leaves an
    entry whose versions are already old, which the next reader treats as a miss.
    """
    tags = making.tags.union({ALL}, *(page_dependencies(page) for page in making.pages))
    versions = _current_versions(tuple(sorted(tags)))
    if cache.get(_EPOCH_KEY) != epoch:
        return
    timeout = settings.PAGE_CACHE_TIMEOUT
    if making.expires is not None:
        timeout = min(timeout, max(1, int(making.expires - time.time())))
    entry = {
        "made": started,  # before anything was read: a hard purge after it may not be served stale
        "expires": time.time() + timeout,
        "versions": versions,
        "status": response.status_code,
        "headers": [(name, value) for name, value in response.items() if name.lower() not in _SKIPPED_HEADERS],
        "content": response.content,
        "gzip": _compressed(response),
    }
    cache.set(key, entry, timeout=timeout)


def _compressed(response) -> bytes | None:
    """The body gzipped (no timestamp, so the same page always gives the same bytes), when worth it."""
    content = response.content
    if len(content) < _MIN_COMPRESSED or response.has_header("Content-Encoding"):
        return None
    if not response.get("Content-Type", "").startswith(COMPRESSED_TYPES):
        return None
    return gzip.compress(content, compresslevel=6, mtime=0)


# Entries this worker served lately, with the epoch at which their tags were last checked: while
# the shared epoch has not moved (no purge anywhere), such an entry is current without reading
# its tags again, and a hit costs one small read of the shared cache.
_LOCAL_ENTRIES = 256
_local: OrderedDict[str, tuple[str, dict]] = OrderedDict()
_local_lock = threading.Lock()  # `make run`'s server answers in threads


def _epoch(cache) -> str:
    epoch = cache.get(_EPOCH_KEY)
    if epoch is None:
        cache.add(_EPOCH_KEY, uuid.uuid4().hex, timeout=None)
        epoch = cache.get(_EPOCH_KEY)
    return epoch


def _valid_entry(cache, key: str, epoch: str) -> dict | None:
    """The stored answer for `key` if it is still current: its tags unchanged and its time not up.

    The epoch is read before the tags: a purge after it moves the epoch, so an entry checked
    under the old epoch is checked again on the next request.
    """
    local = _local.get(key)
    if local is not None and local[0] == epoch:
        entry = local[1]
    else:
        entry = cache.get(key)
        if entry is None or cache.get_many(list(entry["versions"])) != entry["versions"]:
            _forget_local(key)
            return None
        with _local_lock:
            _local[key] = (epoch, entry)
            _local.move_to_end(key)
            while len(_local) > _LOCAL_ENTRIES:
                _local.popitem(last=False)
    if entry["expires"] <= time.time():
        _forget_local(key)
        return None
    return entry


_REMAKE_SLOT = "pc:remaking"
_REMAKE_SECONDS = 10  # the slot frees itself if a worker died while remaking
# Seconds by which the clocks of the machines writing the cache may differ: an entry made that
# close to a hard purge is never served stale on its account.
_CLOCK_SLACK = 2.0


def _remaking_key(key: str) -> str:
    return f"pc:remaking:{key}"


def _stale_entry(cache, key: str) -> dict | None:
    """The stored answer for `key` if it may be served while it is remade (see the module's notes).

    Every tag whose version changed since the entry was made must have been changed by soft
    purges alone, from the entry's version to the current one, the first of them less than
    `stale_seconds()` ago, and by no other purge since the entry was made. (A soft purge racing
    another purge of the same tag reads the version the other replaced: the other's time rules
    out what was made before it.) Whatever is missing from the store means no.
    """
    if not stale_seconds():
        return None
    try:
        entry = cache.get(key)
        now = time.time()
        if entry is None or "made" not in entry or entry["expires"] <= now:
            return None
        current = cache.get_many(list(entry["versions"]))
        changed = [tag for tag, version in entry["versions"].items() if current.get(tag) != version]
        if not changed:
            return None
        marks = cache.get_many([_soft_key(tag) for tag in changed] + [_hard_key(tag) for tag in changed])
    except Exception:  # noqa: BLE001 (the store is down: a miss, as `_valid_entry` says)
        return None
    for tag in changed:
        mark = marks.get(_soft_key(tag))
        if mark is None or mark[0] != current.get(tag):
            return None
        replaced_at = dict(mark[1]).get(entry["versions"][tag])
        if replaced_at is None or replaced_at + stale_seconds() <= now:
            return None
        hard = marks.get(_hard_key(tag))
        if hard is None or hard + _CLOCK_SLACK > entry["made"]:
            return None
    return entry


def _claim_remake(cache, key: str) -> str:
    """This request's token if it remakes the stale page (nobody else is remaking it, and no page is
    being remade anywhere), else "". One at a time is as sure as the store's `add` (Redis: atomic)."""
    token = uuid.uuid4().hex
    try:
        if not cache.add(_remaking_key(key), token, timeout=stale_seconds()):
            return ""
        if cache.add(_REMAKE_SLOT, token, timeout=_REMAKE_SECONDS):
            return token
        cache.delete(_remaking_key(key))  # a later reader of this page tries again
    except Exception:  # noqa: BLE001 (the store is down: nothing remade, nothing lost)
        logger.warning("Page cache: a remake could not be claimed.", exc_info=True)
    return ""


def _free_remake(cache, key: str, token: str) -> None:
    """Free the page's lock and the slot, if they are still this remake's (a slow one's may have expired)."""
    try:
        held = cache.get_many([_remaking_key(key), _REMAKE_SLOT])
        cache.delete_many([name for name, value in held.items() if value == token])
    except Exception:  # noqa: BLE001 (both expire by themselves)
        logger.warning("Page cache: a remake's locks could not be freed.", exc_info=True)


def _forget_local(key: str) -> None:
    with _local_lock:
        _local.pop(key, None)


def _serve_entry(entry: dict, request, state: str = "hit"):
    content, headers = _representation(entry, _encoding(entry, request))
    if state != "hit":
        headers = {**headers, HEADER.lower(): (HEADER, state)}
    etag = headers.get("etag")
    if etag is not None and request.META.get("HTTP_IF_NONE_MATCH") == etag[1]:
        response = HttpResponseNotModified()
        for name in ("etag", "cache-control", "vary", HEADER.lower()):
            if name in headers:
                response[headers[name][0]] = headers[name][1]
        return response
    response = HttpResponse(content, status=entry["status"])
    # The headers were checked when the entry was first served by this worker: set as they are.
    response.headers._store = dict(headers)
    return response


def _encoding(entry: dict, request) -> str:
    if entry.get("gzip") is not None and _ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        return "gzip"
    return "identity"


def _representation(entry: dict, encoding: str) -> tuple[bytes, dict]:
    """The body and headers (Django's `ResponseHeaders` store) of the plain or the gzip answer, made once.

    The gzip copy is another representation of the page: its own ETag, as HTTP caches expect.
    """
    made = entry.get("_made", {}).get(encoding)
    if made is not None:
        return made
    content = entry["gzip"] if encoding == "gzip" else entry["content"]
    response = HttpResponse(content, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    if encoding == "gzip":
        response["Content-Encoding"] = "gzip"
        response["ETag"] = response.get("ETag", '""')[:-1] + '-gzip"'
    response["Content-Length"] = str(len(content))
    response[HEADER] = "hit"
    made = (content, dict(response.headers._store))
    entry.setdefault("_made", {})[encoding] = made
    return made


@functools.cache
def release() -> str:
    """A stamp of the code, templates and catalogues: a deploy starts with an empty cache."""
    if getattr(settings, "PAGE_CACHE_RELEASE", ""):
        return settings.PAGE_CACHE_RELEASE
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for folder in ("portal", "knowledge", "events", "search", "static"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in {".py", ".html", ".mo", ".css", ".js", ".json", ".svg"}:
                stat = path.stat()
                digest.update(f"{path.relative_to(root)}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()[:12]
