"""Reads for site-wide pages: home, country index and country profiles."""

from django.conf import settings
from django.db.models import Q

from wagtail.models import Locale

from portal.privacy import documents_visible_to, pages_visible_to


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


def home_page_sections(*, home, user) -> dict:
    from events.selectors import events_upcoming_and_recent
    from knowledge.selectors import knowledge_items_latest
    from portal.models import CountryPage

    countries = (
        pages_visible_to(user, in_locale_with_fallback(CountryPage.objects.all(), locale=home.locale))
        .select_related("country")
        .order_by("title")
    )
    return {
        "latest_knowledge": knowledge_items_latest(locale=home.locale, user=user, limit=6),
        **events_upcoming_and_recent(locale=home.locale, user=user, limit=3),
        "country_profiles": countries,
    }


def country_profiles_by_region(*, index, user) -> list[tuple[str, list]]:
    from portal.models import CountryPage

    profiles = (
        pages_visible_to(user, in_locale_with_fallback(CountryPage.objects.filter(under_section(index)), locale=index.locale))
        .select_related("country")
        .order_by("title")
    )
    regions: dict[str, list] = {}
    for profile in profiles:
        regions.setdefault(profile.country.get_region_display(), []).append(profile)
    return sorted(regions.items())


def country_activity(*, country, locale: Locale, user, limit: int = 12) -> dict:
    """What the programme did with one country: events, knowledge items and documents."""
    from events.selectors import events_for_country
    from knowledge.models import KnowledgeDocument
    from knowledge.selectors import knowledge_items_for_country

    # A document once, in the reader's language when it has been translated.
    documents = (
        in_locale_with_fallback(
            documents_visible_to(user, KnowledgeDocument.objects.filter(countries__iso_code=country.iso_code)),
            locale=locale,
        )
        .distinct()
        .order_by("-publication_date")[:limit]
    )
    return {
        "country_events": events_for_country(iso_code=country.iso_code, locale=locale, user=user, limit=limit),
        "country_knowledge": knowledge_items_for_country(
            iso_code=country.iso_code, locale=locale, user=user, limit=limit
        ),
        "country_documents": documents,
    }


def country_q(iso_code: str, field: str = "countries") -> Q:
    return Q(**{f"{field}__iso_code": iso_code})
