from django.middleware.locale import LocaleMiddleware

# Routes outside `i18n_patterns`: their 404s are answers, not missing language prefixes.
UNPREFIXED_PATHS = ("/api/", "/admin/", "/documents/", "/i18n/", "/static/", "/media/")


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s on non-page routes.

    Without this, `/api/v2/pages/999/` would answer 302 to `/en/api/…` (the page catch-all
    matches anything) instead of the API's own 404.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
