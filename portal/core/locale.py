"""Content in the reader's language: locale fallbacks and vocabulary entries.

Readers of a language see every item, translated or not, and every vocabulary entry in
their language where it has been translated. Pages and documents link to the
default-language entry of a vocabulary; its translations share its `translation_key`.
"""

from django.conf import settings
from django.db.models import Q

from wagtail.models import Locale


def in_locale_with_fallback(queryset, *, locale: Locale):
    """Items in `locale`, plus default-language items not yet translated into it.

    Readers of a language see every item: the translated ones in their language, the rest
    in the default language (whose page then carries the fallback notice).
    """
    default = Locale.get_default()
    if locale.pk == default.pk:
        return queryset.filter(locale=locale)
    translated = queryset.model.objects.filter(locale=locale).values("translation_key")
    return queryset.filter(Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated)))


def under_section(section) -> Q:
    """Pages below `section` or below its default-language original."""
    condition = Q(path__startswith=section.path) & ~Q(pk=section.pk)
    original = section.get_translation_or_none(Locale.get_default())
    if original is not None and original.pk != section.pk:
        condition |= Q(path__startswith=original.path) & ~Q(pk=original.pk)
    return condition


def vocabulary_in_locale(*, model, locale: Locale) -> list:
    """Entries of a vocabulary in the reader's language, falling back to the default language."""
    default = settings.LANGUAGE_CODE
    entries = {obj.translation_key: obj for obj in model.objects.filter(locale__language_code=default)}
    if locale.language_code != default:
        for obj in model.objects.filter(locale=locale):
            entries[obj.translation_key] = obj
    return sorted(entries.values(), key=lambda obj: str(obj))
