"""Dates, times and time zones as a reader of each language writes them.

Dates and times have one format per language (`portal/formats/<lang>/formats.py`, found
through `FORMAT_MODULE_PATH`), so a card, a page and a search hit say the same date the same
way. Time zones are named by their city in the reader's language with the offset at the
moment shown ("Seoul (UTC+9)", "Сеул (UTC+9)", "서울 (UTC+9)"): the city names come from the
Unicode CLDR through Babel, which has them for every interface language.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone

from babel.core import Locale as BabelLocale
from babel.core import UnknownLocaleError, get_global
from babel.dates import get_timezone_location

from portal.core.locale import reader_language

MINUS = "\u2212"  # a real minus sign: read as "minus", not as a dash


def utc_offset(zone: datetime.tzinfo, moment: datetime.datetime) -> str:
    """'UTC+9', 'UTC+5:30', 'UTC−5', or 'UTC' at `moment` (offsets change with summer time)."""
    offset = timezone.localtime(moment, zone).utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else MINUS
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def city_name(zone_name: str, *, language: str | None = None) -> str:
    """The time zone's city in `language` (the reader's by default): 'Asia/Seoul' → 'Сеул'."""
    language = language or reader_language()
    try:
        locale = BabelLocale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = BabelLocale.parse("en")
    try:
        return get_timezone_location(zone_name, locale=locale, return_city=True)
    except LookupError:
        return zone_name.rsplit("/", 1)[-1].replace("_", " ")


def time_zone_label(zone_name: str, moment: datetime.datetime | None = None, *, language: str | None = None) -> str:
    """'Seoul (UTC+9)' in the reader's language; just 'UTC' for UTC itself."""
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zone_name
    offset = utc_offset(zone, moment or timezone.now())
    if zone_name in ("UTC", "Etc/UTC"):
        return offset
    return f"{city_name(zone_name, language=language)} ({offset})"


def open_graph_locale(language: str) -> str:
    """The Open Graph form of a language, language_TERRITORY: 'ru' → 'ru_RU', 'ko' → 'ko_KR', 'en' → 'en_US'.

    The territory is the CLDR's most likely one for the language (https://ogp.me/#optional).
    """
    code = language.replace("-", "_")
    likely = get_global("likely_subtags").get(code.split("_")[0].lower(), "")
    parts = likely.split("_")
    if "_" in code:
        language, territory = code.split("_", 1)
        return f"{language.lower()}_{territory.upper()}"
    return f"{code}_{parts[-1]}" if len(parts) > 1 and parts[-1].isalpha() and parts[-1].isupper() else code


def page_language(page, *, locale_codes: dict[int, str]) -> str:
    """The language a page's words are in, from its `locale_id` (no query).

    An alias (what wagtail-localize's tree sync puts in another language's tree) mirrors its
    original, which lists only hold in the default language.
    """
    if getattr(page, "alias_of_id", None):
        return settings.LANGUAGE_CODE
    return locale_codes.get(getattr(page, "locale_id", None), "")
