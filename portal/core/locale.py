"""Content in the reader's language: locale fallbacks and vocabulary entries.

Readers of a language see every item, translated or not, and every vocabulary entry in
their language where it has been translated. Pages and documents link to the
default-language entry of a vocabulary; its translations share its `translation_key`.

Entries are put into the reader's language in one place, `entries_in_language`, always for a whole
list at once. Selectors attach the result to what they return (`attach_in_language`), so
templates read `item.in_language.countries` and never query.
"""

from collections.abc import Iterable, Mapping

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from portal.core import request_memo

# The request memo's namespace for the site's locales.
MEMO = "locales"


def _locales() -> dict[str, Locale]:
    """Every locale by language code, read once per request (`portal.core.request_memo`)."""
    return request_memo.memoised(MEMO, lambda: {locale.language_code: locale for locale in Locale.objects.all()})


def locale_for(language_code: str) -> Locale | None:
    """The locale of `language_code` (or its supported variant), None when the site has none."""
    try:
        return _locales().get(get_supported_content_language_variant(language_code or ""))
    except LookupError:
        return None


def default_locale() -> Locale:
    """`Locale.get_default()`, without a query once the request has read the locales."""
    return locale_for(settings.LANGUAGE_CODE) or Locale.get_default()


def active_locale() -> Locale:
    """`Locale.get_active()`: the locale of the active language, else the default one."""
    return locale_for(translation.get_language()) or default_locale()


def locale_codes() -> dict[int, str]:
    """Language code by locale id, for every locale."""
    return {locale.pk: code for code, locale in _locales().items()}


def locales_by_id() -> dict[int, Locale]:
    """Every locale by id."""
    return {locale.pk: locale for locale in _locales().values()}


def _forget_locales(sender, **kwargs):
    request_memo.forget(MEMO)


def connect_locale_memo() -> None:
    """A locale added, changed or deleted within a request is not read stale (called from `portal.apps`)."""
    post_save.connect(_forget_locales, sender=Locale, dispatch_uid="portal_locale_forget_saved")
    post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="portal_locale_forget_deleted")


def in_locale_with_fallback(queryset, *, locale: Locale):
    """Items in `locale`, plus default-language items not yet translated into it.

    Readers of a language see every item: the translated ones in their language, the rest
    in the default language (whose page then carries the fallback notice).
    """
    default = default_locale()
    if locale.pk == default.pk:
        return queryset.filter(locale=locale)
    translated = queryset.model.objects.filter(locale=locale)
    if any(field.name == "live" for field in queryset.model._meta.concrete_fields):
        # A translation waiting for review (a draft) leaves its original in the list.
        translated = translated.filter(live=True)
    translated = translated.values("translation_key")
    return queryset.filter(Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated)))


def under_section(section) -> Q:
    """Pages below `section` or below its default-language original."""
    condition = Q(path__startswith=section.path) & ~Q(pk=section.pk)
    original = section.get_translation_or_none(default_locale())
    if original is not None and original.pk != section.pk:
        condition |= Q(path__startswith=original.path) & ~Q(pk=original.pk)
    return condition


def reader_language() -> str:
    """The content language of the reader: the active interface language, else the default."""
    try:
        return get_supported_content_language_variant(translation.get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def entries_in_language(entries: Iterable, *, language: str | None = None) -> list:
    """Vocabulary entries and documents in `language` (the reader's by default), in their order.

    An entry without a translation stays as it is. One query per model for the whole list,
    none in the default language, which is the language content links to.
    """
    entries = list(entries)
    language = language or reader_language()
    if language == settings.LANGUAGE_CODE:
        return entries
    keys_by_model: dict[type, set] = {}
    for entry in entries:
        if entry is not None:
            keys_by_model.setdefault(type(entry), set()).add(entry.translation_key)
    found = {}
    for model, keys in keys_by_model.items():
        for translated in model.objects.filter(translation_key__in=keys, locale__language_code=language):
            found[(model, translated.translation_key)] = translated
    return [entry and found.get((type(entry), entry.translation_key), entry) for entry in entries]


def _read(item, path: str):
    """`item.a.b` for the path "a.b"; a many-to-many step gives the list of its entries."""
    value = item
    for name in path.split("."):
        if value is None:
            return None
        value = value.get(name) if isinstance(value, Mapping) else getattr(value, name)
    return list(value.all()) if hasattr(value, "all") else value


def attach_in_language(items: list, fields: Iterable[str], *, language: str | None = None) -> list:
    """Give each item an `in_language` mapping: each field's entry, or list of entries, in `language`.

    `fields` name relations of the items ("countries", "host_country"; "person.organisation"
    is attached as "organisation"). Read the relations with `select_related` or
    `prefetch_related` beforehand: the translations themselves cost one query per model for
    all items together. Items may be objects or block values (a StructBlock's "document").
    """
    fields = list(fields)
    values = {(index, field): _read(item, field) for index, item in enumerate(items) for field in fields}
    flat = [entry for value in values.values() for entry in (value if isinstance(value, list) else [value])]
    translated = iter(entries_in_language(flat, language=language))
    for index, item in enumerate(items):
        attached = dict(getattr(item, "in_language", None) or {})
        for field in fields:
            value = values[(index, field)]
            name = field.rsplit(".", 1)[-1]
            attached[name] = [next(translated) for _entry in value] if isinstance(value, list) else next(translated)
        item.in_language = attached
    return items


def block_values(*streams, field: str) -> list:
    """The values of the blocks in `streams` (StreamField values) that have `field`, such as a document."""
    return [
        block.value
        for stream in streams
        for block in stream or ()
        if isinstance(block.value, Mapping) and block.value.get(field) is not None
    ]


def vocabulary_in_locale(*, model, locale: Locale) -> list:
    """Every entry of a vocabulary in the reader's language, falling back to the default language."""
    entries = model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return sorted(entries_in_language(entries, language=locale.language_code), key=str)
