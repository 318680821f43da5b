"""Links from a country or theme name to its hub: the country's profile, the theme's page.

Items show their countries and themes as vocabulary entries already in the reader's language
(`item.in_language`). A country's hub is its profile, which is a page the reader may not be able
to see (a partner-only profile) or that may not exist; a theme's hub always exists
(`/<lang>/themes/<slug>/`). The profiles a reader may see are read once per request, so a list
of fifty cards costs the same as one.

This library sits on the ground floor (`portal.core : portal.templatetags`): it reads the
profile model through the app registry by name, never by importing `portal.site`.
"""

from django import template
from django.apps import apps
from django.urls import reverse
from django.utils.html import format_html

from wagtail.models import Locale

from portal.core import page_cache, shared_reads
from portal.core.locale import default_locale, in_locale_with_fallback, locale_for, reader_language
from portal.core.models import Country, Theme
from portal.core.privacy import pages_visible_to

register = template.Library()


def _locale(language: str) -> Locale:
    return locale_for(language) or default_locale()


def country_hub_urls(request) -> dict[str, str]:
    """{iso_code: address of the country's profile} for the profiles this request's reader may see.

    In the reader's language, else the default language's profile (which that language's tree
    serves under its own prefix with the "not yet translated" notice). Kept on the request, per
    language, so every card of a page shares one read.
    """
    language = reader_language()
    cache = request.__dict__.setdefault("_portal_country_hubs", {})
    if language not in cache:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            # The same for every signed-out reader: shared until a profile or its privacy changes.
            key = ("country-hubs", request.get_host(), language)
            tags = [page_cache.list_tag("countries")]
            cache[language] = shared_reads.shared(key, lambda: _hub_urls(request, None, language), tags=tags)
        else:
            cache[language] = _hub_urls(request, user, language)
    return cache[language]


def _hub_urls(request, user, language: str) -> dict[str, str]:
    profiles = apps.get_model("portal", "CountryPage").objects.all()
    profiles = pages_visible_to(user, in_locale_with_fallback(profiles, locale=_locale(language)))
    urls: dict[str, str] = {}
    for profile in profiles.select_related("country", "locale").order_by("pk"):
        url = profile.get_url(request)
        # A translation wins over the default-language page when both are listed.
        if url and (profile.locale.language_code == language or profile.country.iso_code not in urls):
            urls[profile.country.iso_code] = url
    return urls


@register.simple_tag(takes_context=True)
def hub_url(context, entry) -> str:
    """The address of `entry`'s hub (a Country's profile, a Theme's page), or "" when it has none."""
    if isinstance(entry, Theme):
        return reverse("theme_hub", kwargs={"slug": entry.slug})
    request = context.get("request")
    if isinstance(entry, Country) and request is not None:
        return country_hub_urls(request).get(entry.iso_code, "")
    return ""


@register.simple_tag(takes_context=True)
def hub_link(context, entry):
    """`entry`'s name, linked to its hub when it has one; escaped either way."""
    url = hub_url(context, entry)
    return format_html('<a href="{}">{}</a>', url, entry) if url else format_html("{}", entry)
