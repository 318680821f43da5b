"""Which language a reader is really reading, and how fresh its translation is.

One set of rules for the public notices (`translation_context` below, rendered by
`includes/translation_notice.html`) and the admin report (`portal/site/reports.py`).

A translation is compared with its source in one of two ways:

* made with wagtail-localize (a `Translation` from a `TranslationSource`): the source is
  a snapshot taken when the page was submitted or last synced (`last_updated_at`). The
  translation is out of date when the source page was published after that snapshot,
  when the translation has not been published since the snapshot, or when a string of
  the snapshot has no translation yet (a sync that published with the English text filled
  in). wagtail-localize's own `translations_last_updated_at` and
  `destination_last_updated_at` are never written, so they are not used.
* a plain copy (`copy_for_translation`, as the demo loader makes): the source page was
  published after the translation was.

An alias in another language's tree (what wagtail-localize's tree sync and
`copy_parents=True` create) mirrors the original word for word: it is not a translation.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from portal.core.locale import default_locale, reader_language
from portal.core.page_family import page_family

UP_TO_DATE = "up-to-date"
SOURCE_CHANGED = "source-changed"
MISSING = "missing"
STATES = (UP_TO_DATE, SOURCE_CHANGED, MISSING)
STATE_LABELS = {
    UP_TO_DATE: _("up to date"),
    SOURCE_CHANGED: _("source changed since"),
    MISSING: _("missing"),
}

# Language names as they sit inside the notice's sentence. Russian declines them and Korean
# adds a particle, so each phrase is its own message instead of a name pasted into a sentence.
_IN_LANGUAGE = {
    "en": pgettext_lazy("This page is not yet available …", "in English"),
    "ko": pgettext_lazy("This page is not yet available …", "in Korean"),
    "ru": pgettext_lazy("This page is not yet available …", "in Russian"),
    "fr": pgettext_lazy("This page is not yet available …", "in French"),
    "sq": pgettext_lazy("This page is not yet available …", "in Albanian"),
    "id": pgettext_lazy("This page is not yet available …", "in Indonesian"),
    "kk": pgettext_lazy("This page is not yet available …", "in Kazakh"),
    "ky": pgettext_lazy("This page is not yet available …", "in Kyrgyz"),
    "uz": pgettext_lazy("This page is not yet available …", "in Uzbek"),
    "tg": pgettext_lazy("This page is not yet available …", "in Tajik"),
    "tk": pgettext_lazy("This page is not yet available …", "in Turkmen"),
}
_LANGUAGE_VERSION = {
    "en": pgettext_lazy("… you are reading", "the English version"),
    "ko": pgettext_lazy("… you are reading", "the Korean version"),
    "ru": pgettext_lazy("… you are reading", "the Russian version"),
    "fr": pgettext_lazy("… you are reading", "the French version"),
    "sq": pgettext_lazy("… you are reading", "the Albanian version"),
    "id": pgettext_lazy("… you are reading", "the Indonesian version"),
    "kk": pgettext_lazy("… you are reading", "the Kazakh version"),
    "ky": pgettext_lazy("… you are reading", "the Kyrgyz version"),
    "uz": pgettext_lazy("… you are reading", "the Uzbek version"),
    "tg": pgettext_lazy("… you are reading", "the Tajik version"),
    "tk": pgettext_lazy("… you are reading", "the Turkmen version"),
}


def _language_name(code: str) -> str:
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code


def in_language(code: str) -> str:
    """The phrase "in Russian" in the interface language; a generic one for languages added later."""
    if code in _IN_LANGUAGE:
        return str(_IN_LANGUAGE[code])
    return _("in %(language)s") % {"language": _language_name(code)}


def language_version(code: str) -> str:
    """The phrase "the English version" in the interface language."""
    if code in _LANGUAGE_VERSION:
        return str(_LANGUAGE_VERSION[code])
    return _("the %(language)s version") % {"language": _language_name(code)}


def _bidi(code: str) -> bool:
    try:
        return translation.get_language_info(code)["bidi"]
    except KeyError:
        return False


# --- Freshness: the one rule -----------------------------------------------------------------


@dataclass(frozen=True)
class LocalizeSync:
    """What wagtail-localize knows about one translation."""

    synced_at: datetime.datetime  # TranslationSource.last_updated_at: when the source was last extracted
    complete: bool  # every string of that extract has a translation


def translation_freshness(
    *,
    source_changed_at: datetime.datetime | None,
    translated_at: datetime.datetime | None,
    sync: LocalizeSync | None,
) -> str:
    """UP_TO_DATE or SOURCE_CHANGED, for a translation that exists (see the module's docstring)."""
    if sync is not None:
        if source_changed_at and source_changed_at > sync.synced_at:
            return SOURCE_CHANGED
        if translated_at and translated_at < sync.synced_at:
            return SOURCE_CHANGED
        return UP_TO_DATE if sync.complete else SOURCE_CHANGED
    if source_changed_at and translated_at and source_changed_at > translated_at:
        return SOURCE_CHANGED
    return UP_TO_DATE


def _translated_string_exists(locale_id: int):
    return Exists(
        StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale_id,
            has_error=False,
        )
    )


def sources_with_untranslated_strings(*, source_ids, locale_id: int) -> set[int]:
    """Of these TranslationSources, those with a string not yet translated into the locale."""
    untranslated = StringSegment.objects.filter(source_id__in=source_ids).filter(~_translated_string_exists(locale_id))
    return set(untranslated.values_list("source_id", flat=True).distinct())


def has_unreviewed_machine_translation(*, source_id: int, locale_id: int) -> bool:
    """Whether a string of the source is still in the machine's words.

    A person editing the string in wagtail-localize's editor (or importing a PO file as
    "manual") turns it into a manual translation.
    """
    in_source = StringSegment.objects.filter(
        source_id=source_id, string_id=OuterRef("translation_of_id"), context_id=OuterRef("context_id")
    )
    return (
        StringTranslation.objects.filter(
            locale_id=locale_id, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE, has_error=False
        )
        .filter(Exists(in_source))
        .exists()
    )


# --- One page, for its readers ------------------------------------------------------------------


def _content_locale(page: Page) -> Locale:
    """The language the page's words are in: an alias shows its original's."""
    if page.alias_of_id:
        original = page_family(page).alias_source
        if original is not None:
            return original.locale
    return page.locale


def page_translation_status(*, page: Page, request: HttpRequest | None) -> dict:
    """What a reader of `page` should be told about its language.

    Returns `reader_language` and `content_language` (codes), `content_bidi`,
    `is_fallback` (the page is not in the reader's language: Wagtail serves the
    default-language page where the reader's language has no translation),
    `in_reader_language` / `content_language_version` (the phrases of the notice),
    `is_outdated`, `is_machine_translated`, and for a translation its `original_url`,
    `original_language` and `original_published_at`.
    """
    reader = reader_language()
    content = _content_locale(page).language_code
    status = {
        "reader_language": reader,
        "content_language": content,
        "content_bidi": _bidi(content),
        "is_fallback": content != reader,
        "in_reader_language": in_language(reader),
        "content_language_version": language_version(content),
        "is_outdated": False,
        "is_machine_translated": False,
        "original_url": "",
        "original_language": "",
        "original_published_at": None,
    }
    if status["is_fallback"] or page.alias_of_id:
        return status

    localize = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .select_related("source")
        .order_by("-source__last_updated_at")
        .first()
    )
    if localize is not None:
        source_locale_id = localize.source.locale_id
    elif page.locale.language_code != settings.LANGUAGE_CODE:
        source_locale_id = default_locale().pk
    else:
        return status  # an original, not a translation

    original = page_family(page).member(locale_id=source_locale_id)
    sync = None
    if localize is not None:
        incomplete = sources_with_untranslated_strings(source_ids=[localize.source_id], locale_id=page.locale_id)
        sync = LocalizeSync(synced_at=localize.source.last_updated_at, complete=not incomplete)
        status["is_machine_translated"] = has_unreviewed_machine_translation(
            source_id=localize.source_id, locale_id=page.locale_id
        )
    freshness = translation_freshness(
        source_changed_at=original.last_published_at if original else None,
        translated_at=page.last_published_at,
        sync=sync,
    )
    status["is_outdated"] = freshness == SOURCE_CHANGED
    if original is not None:
        status["original_url"] = original.get_url(request)
        status["original_language"] = original.locale.language_code
        status["original_published_at"] = original.last_published_at
    return status


def _routed_page(request: HttpRequest) -> Page | None:
    """The page Wagtail's serve view routed this request to (its result is cached on the request)."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_serve":
        return None
    path = match.args[0] if match.args else match.kwargs.get("path", "")
    route = Page.route_for_request(request, path)
    return route[0] if route else None


def translation_context(request: HttpRequest) -> dict:
    """Context processor: `page_translation`, the status of the Wagtail page being served.

    Lazy, so other views and the admin pay nothing; empty outside Wagtail's page routes.
    """

    def status():
        page = _routed_page(request)
        return page_translation_status(page=page, request=request) if page is not None else {}

    return {"page_translation": SimpleLazyObject(status)}
