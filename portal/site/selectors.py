"""Reads for site-wide pages: home, country index and country profiles.

The page models call these (`from portal.site import selectors`), so the models are read
through their module (`models.CountryPage`), which either side may import first.
Vocabulary entries come attached in the reader's language (`in_language`).
"""

from wagtail.models import Locale

from events.selectors import events_for_country, events_upcoming_and_recent, follow_ups_open_for_country
from knowledge.models import KnowledgeDocument
from knowledge.selectors import knowledge_items_for_country, knowledge_items_latest
from portal.core.locale import attach_in_language, in_locale_with_fallback, under_section
from portal.core.privacy import documents_visible_to, pages_visible_to
from portal.site import comparison, models


def home_page_sections(*, home, user) -> dict:
    countries = (
        pages_visible_to(user, in_locale_with_fallback(models.CountryPage.objects.all(), locale=home.locale))
        .select_related("country")
        .order_by("title")
    )
    return {
        "latest_knowledge": knowledge_items_latest(locale=home.locale, user=user, limit=6),
        **events_upcoming_and_recent(locale=home.locale, user=user, limit=3),
        "country_profiles": countries,
    }


def country_profiles_by_region(*, index, user) -> list[tuple[str, list]]:
    profiles = (
        pages_visible_to(
            user, in_locale_with_fallback(models.CountryPage.objects.filter(under_section(index)), locale=index.locale)
        )
        .select_related("country")
        .order_by("title")
    )
    regions: dict[str, list] = {}
    for profile in attach_in_language(list(profiles), ["country"]):
        regions.setdefault(profile.country.get_region_display(), []).append(profile)
    return sorted(regions.items())


def country_profile_in_language(*, profile) -> None:
    """Attach to a country profile its partner organisations in the reader's language."""
    attach_in_language([profile], ["national_counterparts", "un_partners"])


def country_activity(*, country, locale: Locale, user, limit: int = 12) -> dict:
    """What the programme did with one country: events, knowledge items, documents, and follow-ups still open."""
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
        "country_follow_ups": follow_ups_open_for_country(iso_code=country.iso_code, locale=locale, user=user),
    }


def country_compare_options(*, profile, user, locale: Locale) -> dict:
    """What a profile's "Compare with…" form offers: the other profiles the reader may compare, and where.

    The others come with their country in the reader's language (`profile.in_language.country`);
    the form goes to the comparison route of the countries index in the reader's language.
    """
    profiles = comparison.comparable_profiles(user=user, locale=locale)
    if profile.country.iso_code not in profiles:
        return {"compare_others": [], "compare_url": "", "compare_max_others": 0}
    others = [other for code, other in profiles.items() if code != profile.country.iso_code]
    attach_in_language(others, ["country"], language=locale.language_code)
    index = models.CountryIndexPage.objects.live().ancestor_of(profile).first()
    if index is not None and index.locale_id != locale.pk:
        translated = models.CountryIndexPage.objects.live().filter(translation_key=index.translation_key, locale=locale)
        index = translated.first() or index
    compare_url = index.url + index.reverse_subpage("compare") if index is not None else ""
    return {"compare_others": others, "compare_url": compare_url, "compare_max_others": comparison.MAX_COUNTRIES - 1}
