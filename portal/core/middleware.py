from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property

from csp.middleware import CSPMiddleware
from csp.utils import default_config

from portal.core import page_cache, request_memo, shared_reads

# The Wagtail admin (portal/urls.py): its own content policy, never cached by anyone else.
ADMIN_PATH = "/admin/"
# Wagtail's admin sign-in address (`wagtailadmin_login`), where portal/urls.py serves the site's
# sign-in page: a page for anyone, in the site's layout, so under the site's strict policy.
ADMIN_SIGN_IN_PATH = f"{ADMIN_PATH}login/"
# Routes outside `i18n_patterns`: their 404s are answers, not missing language prefixes.
UNPREFIXED_PATHS = ("/api/", ADMIN_PATH, "/documents/", "/i18n/", "/static/", "/media/")


class TextGZipMiddleware(GZipMiddleware):
    """Django's gzip (with its BREACH mitigation, random bytes in each answer) for pages, feeds and JSON only.

    Readers on slow links get every page compressed: a signed-in partner's, or a first visit the
    page cache has not stored yet (its stored answers carry their own gzip copy, left as they are).
    Files (documents, images, static files, which WhiteNoise sends precompressed) go as stored.
    """

    def process_response(self, request, response):
        if response.streaming or not response.get("Content-Type", "").startswith(page_cache.COMPRESSED_TYPES):
            return response
        return super().process_response(request, response)


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s on non-page routes.

    Without this, `/api/v2/pages/999/` would answer 302 to `/en/api/…` (the page catch-all
    matches anything) instead of the API's own 404.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware: the site's strict policy, and the admin's own looser one.

    Public pages get `CONTENT_SECURITY_POLICY` (no inline script or style without the request's
    nonce). The Wagtail admin and its previews, under `ADMIN_PATH`, get
    `ADMIN_CONTENT_SECURITY_POLICY`: Wagtail's admin still relies on inline scripts and styles.
    The sign-in page at the admin's address is not the admin: whoever reaches it, signed out, with a
    wrong password or locked out (every answer there, whichever view or middleware wrote it), gets
    the strict policy it has at `/<lang>/login/`.
    """

    @cached_property
    def admin_policy(self):
        return default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_page(request.path_info):
            parts.config = self.admin_policy
        return parts


def is_admin_page(path: str) -> bool:
    """Whether `path` is one of the admin's own pages, which need its looser content policy."""
    return path.startswith(ADMIN_PATH) and path != ADMIN_SIGN_IN_PATH


class PrivateWhenSignedInMiddleware:
    """`Cache-Control: private` on every answer that may depend on who is signed in.

    A signed-in reader's pages, lists and search results can hold partner-only material, and the
    admin is always someone's own: no shared cache (a proxy, a CDN) may keep them. Anonymous
    answers keep their own headers, and the session is read only when its cookie came along.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PATH) or self._signed_in(request):
            patch_cache_control(response, private=True)
        return response

    @staticmethod
    def _signed_in(request) -> bool:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)


class RequestMemoMiddleware:
    """One memo of repeated reads (privacy rules, locales) per GET or HEAD request (`portal.core.request_memo`).

    Nothing is kept past the response: each request reads the rules afresh. Other methods (an
    admin form that changes a restriction, then lists) read the database at every call.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in {"GET", "HEAD"}:
            return self.get_response(request)
        tokens = request_memo.begin(request)
        try:
            shared_reads.prime_request(request)
            return self.get_response(request)
        finally:
            request_memo.end(tokens)
