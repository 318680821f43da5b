"""Template helpers for the public site: navigation, languages and labels.

Vocabulary entries and documents reach templates already in the reader's language
(`item.in_language`, attached by the selectors through `portal.core.locale`).
"""

import re

from django import template
from django.conf import settings
from django.db.models import Model
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.models import Page, Site

from portal.core import fragments, l10n, page_family, routing
from portal.core.language_links import language_links
from portal.core.locale import locale_codes, reader_language
from portal.core.models import SiteSettings
from portal.core.privacy import is_restricted, may_use_admin

register = template.Library()

NEUTRAL_SITE_URL = "https://www.wikipedia.org/"


def _site_root(request):
    """The site's root page in the reader's language, or None outside any site (once per request)."""
    if request is None:
        return None
    return routing.site_root(request)


@register.simple_tag(takes_context=True)
def site_home(context):
    return _site_root(context.get("request"))


@register.simple_tag(takes_context=True)
def section_pages(context):
    """Live, public children of the site root in the reader's language: the main navigation.

    Read once per request: the header and the home page both show them.
    """
    root = _site_root(context.get("request"))
    if root is None:
        return []
    return [child for child in routing.section_pages(root) if not is_restricted(child)]


@register.simple_tag(takes_context=True)
def page_ancestors(context, page):
    """The page's ancestors below the tree's root, home first, for breadcrumbs (read once per request)."""
    return page_family.ancestors(page) if isinstance(page, Page) else ()


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
    """The language menu: every interface language, each linking to this page in it (`portal.core.language_links`)."""
    request = context.get("request")
    if request is None:
        return language_links(request=request, page=page)
    # The same for every signed-out reader of this address: kept until a change (`portal.core.fragments`).
    key = ("language-links", request.scheme, request.get_host(), request.get_full_path())
    return fragments.kept(key, lambda: language_links(request=request, page=page), request=request)


@register.simple_tag(takes_context=True)
def portal_settings(context):
    """The site's settings, or None when the request matches no site (error pages)."""
    request = context.get("request")
    if request is None or Site.find_for_request(request) is None:
        return None
    return SiteSettings.for_request(request)


# The footer's safety sentence, which the demo once stored as the site's helpline notice: it is
# now an interface string in every language, so a site still holding it does not repeat it in English.
SAFETY_SENTENCE = (
    "If you are in danger now, call your local emergency number. "
    "Country profiles list national helplines where partners have confirmed them."
)


@register.simple_tag(takes_context=True)
def helpline_notice(context):
    """The site's own helpline notice (site settings), with its language when it is not the reader's.

    Site settings are not translated: the notice is in the default language, so a reader of
    another language is told which (`lang`), rather than reading it as theirs.
    """
    site_settings = portal_settings(context)
    text = (site_settings.helpline_text or "").strip() if site_settings else ""
    if not text or " ".join(text.split()) == SAFETY_SENTENCE:
        return None
    language = settings.LANGUAGE_CODE
    return {"text": text, "language": "" if language == reader_language() else language}


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


@register.simple_tag(takes_context=True)
def page_query(context, number, param="page"):
    """`?country=KG&page=3`: the current query with one pager's page number set (`param`: which pager)."""
    query = context["request"].GET.copy()
    query[param] = number
    return f"?{query.urlencode()}"


@register.filter
def language_name(code):
    """A language's name in the reader's language ("ru" → "Russian"), or the code if unknown."""
    try:
        return translation.get_language_info(str(code))["name_translated"]
    except KeyError:
        return code


@register.filter
def time_zone_label(zone_name, moment=None):
    """'Asia/Seoul' → 'Seoul (UTC+9)' in the reader's language, the offset at `moment` (summer time)."""
    return l10n.time_zone_label(str(zone_name), moment)


@register.simple_tag(takes_context=True)
def item_language(context, item):
    """The language of a list item's words when it is not the reader's, else "".

    Lists show items not yet translated in the default language; their cards say so. The
    locales' codes are read once per request, so a list costs one query whatever its length.
    """
    request = context.get("request")
    codes = getattr(request, "_portal_locale_codes", None)
    if codes is None:
        codes = locale_codes()
        if request is not None:
            request._portal_locale_codes = codes
    language_code = l10n.page_language(item, locale_codes=codes)
    return language_code if language_code and language_code != reader_language() else ""


# A phone number in free text: a run of digits, optionally after "+", with spaces, dashes, dots
# and brackets between them ("+996 (312) 62-23-33", "116 117", "17"). Bounded on each side by
# anything but a word character or a slash, so that "A1", "x12345y" and "24/7" stay words.
PHONE_NUMBER = re.compile(r"(?<![\w+/])\+?\d(?:[\d \u00a0().-]*\d)?(?![\w/])")
PHONE_MIN_DIGITS, PHONE_MAX_DIGITS = 2, 15  # the shortest emergency numbers (17) to E.164's longest


@register.filter
def text_lines(text):
    """The non-empty lines of a plain-text field, stripped: one helpline a line."""
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


@register.filter
def tel_links(text):
    """Plain text with each phone number in it a `tel:` link, everything else escaped.

    Helplines are typed by editors as "who answers: number"; on a phone the number is then one
    tap away. Only the digits (and a leading "+") reach the link's address.
    """
    text = str(text or "")
    parts, position = [], 0
    for match in PHONE_NUMBER.finditer(text):
        number = match.group()
        digits = re.sub(r"\D", "", number)
        if not PHONE_MIN_DIGITS <= len(digits) <= PHONE_MAX_DIGITS:
            continue
        address = f"+{digits}" if number.startswith("+") else digits
        parts.append(escape(text[position : match.start()]))
        parts.append(f'<a href="tel:{address}" class="tel">{escape(number)}</a>')
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 -- every piece of the text is escaped above


class KeptFragmentNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist, self.name, self.values = nodelist, name, values

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        values = (_key_part(value.resolve(context)) for value in self.values)
        key = ("fragment", self.name, request.get_host(), *values)
        return fragments.kept(key, lambda: self.nodelist.render(context), request=request)


def _key_part(value):
    """A model instance stands for itself by its kind and primary key."""
    return (value._meta.label, value.pk) if isinstance(value, Model) else value


@register.filter
def event_phase(item):
    """An event's phase (`EventPage.phase`), or None for any other page: part of a card's key."""
    return getattr(item, "phase", None)


@register.tag
def kept_fragment(parser, token):
    """`{% kept_fragment "name" value … %}…{% endkept_fragment %}`: rendered once per worker until a change.

    The values (and the reader's language) name all the part depends on; signed-in readers get
    it rendered afresh (`portal.core.fragments`).
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("kept_fragment needs a name.")
    nodelist = parser.parse(("endkept_fragment",))
    parser.delete_first_token()
    return KeptFragmentNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag(takes_context=True)
def uses_admin(context) -> bool:
    """Whether the reader may use the admin, so the page carries Wagtail's userbar (no query for a partner)."""
    request = context.get("request")
    return may_use_admin(getattr(request, "user", None))
