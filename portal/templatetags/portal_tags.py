"""Template helpers for the public site: navigation, languages and labels.

Vocabulary entries and documents reach templates already in the reader's language
(`item.in_language`, attached by the selectors through `portal.core.locale`).
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page, Site

from portal.core.models import SiteSettings

register = template.Library()

NEUTRAL_SITE_URL = "https://www.wikipedia.org/"


def _site_root(request):
    """The site's root page in the reader's language, or None outside any site.

    Kept on the request: the header, the navigation and the home page all ask for it.
    """
    if request is None:
        return None
    if not hasattr(request, "_portal_site_root"):
        site = Site.find_for_request(request)
        request._portal_site_root = site.root_page.localized if site else None
    return request._portal_site_root


@register.simple_tag(takes_context=True)
def site_home(context):
    return _site_root(context.get("request"))


@register.simple_tag(takes_context=True)
def section_pages(context):
    """Live, public children of the site root in the reader's language: the main navigation."""
    root = _site_root(context.get("request"))
    if root is None:
        return []
    return list(root.get_children().live().public())


@register.simple_tag
def nav_current(section, page=None):
    """The `aria-current` value of a navigation link: "page" on the section, "true" below it."""
    if not isinstance(page, Page):
        return ""
    if page.pk == section.pk:
        return "page"
    return "true" if page.path.startswith(section.path) else ""


@register.simple_tag(takes_context=True)
def language_options(context, page=None):
    """Languages the reader can switch to.

    On a Wagtail page: its live translations, so no link ever leads to a missing page.
    Elsewhere: every interface language, keeping the same route where Django can translate it.
    """
    request = context.get("request")
    current = translation.get_language()
    if isinstance(page, Page):
        translations = page.get_translations(inclusive=True).live().select_related("locale").order_by("locale_id")
        options = []
        for item in translations:
            code = item.locale.language_code
            options.append(
                {
                    "code": code,
                    "name": translation.get_language_info(code)["name_local"],
                    "url": item.get_url(request),
                    "full_url": item.get_full_url(request),
                    "is_current": item.pk == page.pk,
                }
            )
        if len(options) > 1:
            return options
        # An untranslated page: offer the other languages' home pages instead.

    match = getattr(request, "resolver_match", None)
    keep_route = match is not None and match.url_name not in (None, "wagtail_serve")
    options = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.get_full_path(), code) if keep_route else f"/{code}/"
        options.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url,
                "full_url": "",
                "is_current": code == current,
            }
        )
    return options


@register.simple_tag(takes_context=True)
def portal_settings(context):
    """The site's settings, or None when the request matches no site (error pages)."""
    request = context.get("request")
    if request is None or Site.find_for_request(request) is None:
        return None
    return SiteSettings.for_request(request)


@register.simple_tag(takes_context=True)
def leave_site_url(context):
    site_settings = portal_settings(context)
    return (site_settings and site_settings.leave_site_url) or NEUTRAL_SITE_URL


@register.filter
def kind_label(page):
    """What kind of page this is, for badges: the page's own label, else its model's name."""
    label = getattr(page, "kind_label", None)
    if label:
        return label
    model = page.specific_class or type(page)
    return model._meta.verbose_name


@register.simple_tag
def elided_page_range(page_obj, on_each_side=2, on_ends=1):
    """Page numbers with ellipses, for long result lists."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends))


@register.filter
def language_name(code):
    """A language's name in the reader's language ("ru" → "Russian"), or the code if unknown."""
    try:
        return translation.get_language_info(str(code))["name_translated"]
    except KeyError:
        return code
