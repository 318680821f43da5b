import datetime
import zoneinfo

from django.utils import timezone

from wagtail.models import Locale

import pytest

from tests.factories import CountryFactory, ThemeFactory, make_event, restrict_to_group

# A word found only in a partner-only event: it must reach no public list, feed, calendar or sitemap.
PARTNER_WORD = "zqxpartnercall"


def local(zone: str, *args) -> datetime.datetime:
    """A moment on `zone`'s clock, as the event form stores it (in UTC)."""
    return datetime.datetime(*args, tzinfo=zoneinfo.ZoneInfo(zone)).astimezone(datetime.UTC)


def event(parent, *, themes=(), **kwargs):
    page = make_event(parent, **kwargs)
    if themes:
        page.themes.set(themes)
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def translate(page, locale, **changes):
    """A published copy of `page` in `locale` (its parents copied as needed), with `changes`."""
    copy = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def kyrgyz_events(site, roles):
    """Events in and around Kyrgyzstan × police response, one partner-only, two translated."""
    kg = CountryFactory(iso_code="KG", name="Kyrgyzstan", region="central-asia")
    kz = CountryFactory(iso_code="KZ", name="Kazakhstan", region="central-asia")
    police = ThemeFactory(slug="police-response", name="Police response")
    funding = ThemeFactory(slug="funding", name="Funding")
    ru, ko = (Locale.objects.get_or_create(language_code=code)[0] for code in ("ru", "ko"))
    index = site["events"]
    soon = timezone.now() + datetime.timedelta(days=20)
    events = {
        # Hosted by Kyrgyzstan, no participating countries listed: still Kyrgyzstan's.
        "hosted": event(
            index,
            title="Round table hosted in Bishkek",
            host_country=kg,
            themes=[police],
            event_type="round-table",
            time_zone="Asia/Bishkek",
        ),
        "participant": event(
            index, title="Webinar with Kyrgyz police", countries=[kg, kz], themes=[police], start=soon
        ),
        "kabul": event(
            index,
            title="Regional meeting in Kabul",
            countries=[kg],
            themes=[police],
            time_zone="Asia/Kabul",
            event_type="technical-meeting",
            start=local("Asia/Kabul", 2024, 3, 10, 9, 0),
            end=local("Asia/Kabul", 2024, 3, 10, 17, 30),
        ),
        "other_country": event(index, title="Study mission from Astana", host_country=kz, themes=[police]),
        "other_theme": event(index, title="Budget webinar for Bishkek", host_country=kg, themes=[funding]),
        "partner_only": event(
            index, title=f"Partner call {PARTNER_WORD}", host_country=kg, themes=[police], start=soon
        ),
    }
    restrict_to_group(events["partner_only"], roles["partners"])
    translations = {
        "ru": translate(events["hosted"], ru, title="Круглый стол в Бишкеке"),
        "ko": translate(events["participant"], ko, title="키르기스스탄 경찰과의 웨비나"),
    }
    return {**events, "translations": translations, "ru": ru, "ko": ko}


def expected_titles(kyrgyz_events, language: str) -> set[str]:
    """What the KG × police-response list shows a reader of `language` (translations where there are some)."""
    titles = {
        "hosted": "Round table hosted in Bishkek",
        "participant": "Webinar with Kyrgyz police",
        "kabul": "Regional meeting in Kabul",
    }
    translated = kyrgyz_events["translations"].get(language)
    if translated is not None:
        key = next(k for k in titles if kyrgyz_events[k].translation_key == translated.translation_key)
        titles[key] = translated.title
    return set(titles.values())


def every_title(kyrgyz_events) -> set[str]:
    pages = [value for key, value in kyrgyz_events.items() if key not in ("translations", "ru", "ko")]
    return {page.title for page in pages} | {page.title for page in kyrgyz_events["translations"].values()}
