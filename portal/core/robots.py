"""`/robots.txt`: where the sitemap is, and what crawlers should leave alone."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/"]
    # Search results (and their feeds and JSON) are endless combinations of the same items, which
    # the lists and the sitemap already name; sign-in pages have nothing to index.
    for code, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{code}/search/", f"Disallow: /{code}/login/"]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
