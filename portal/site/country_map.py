"""The partner-countries map: outlines drawn as inline SVG, each country with a profile a link to it.

The outlines are a committed data file (`data/country_map.json`, Natural Earth, public domain,
built once by `scripts/build_country_map.py`): the site never fetches a tile or a script, so
the map costs a reader on a slow link only its few kilobytes of markup, and nobody else learns
who looked at it.

A country is a link only when the reader may see its profile (the privacy gate): a
partner-only profile is, for the public, plain land like any neighbour, with no name, so the
map says no more than the list of profiles does. Names are the country vocabulary's entries in
the reader's language.
"""

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from wagtail.models import Locale, Page

from portal.core.locale import attach_in_language
from portal.site import comparison

DATA = Path(__file__).resolve().parent / "data" / "country_map.json"


@dataclass(frozen=True)
class MapCountry:
    """A country the reader may open: its outline, marker and name's place, and its profile."""

    iso_code: str
    name: str
    profile: Page
    path: str
    marker_x: int
    marker_y: int
    label_x: int
    label_y: int
    label_anchor: str
    is_current: bool
    language: str  # the name's language when it is not the reader's (an entry not yet translated), else ""
    profile_language: str  # the profile's language when it is not the reader's (not yet translated), else ""


@dataclass(frozen=True)
class CountryMap:
    width: int
    height: int
    marker_radius: int
    land: str
    borders: str
    countries: list[MapCountry]  # by name in the reader's language, the order a screen reader reads them
    unlinked: list[str]  # outlines of the mapped countries without a profile for this reader, drawn as land
    attribution: str

    @property
    def current(self) -> MapCountry | None:
        return next((country for country in self.countries if country.is_current), None)


@functools.cache
def map_outlines() -> dict:
    """The committed outlines, read once per process."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def country_map(*, user, locale: Locale, current=None) -> CountryMap:
    """The map for this reader: a link for each mapped country whose profile they may see.

    `current` is the profile being read (any language of it), marked on the map. The profiles
    are in `locale` where translated, else in the default language (linked at its own address,
    as the lists of profiles link it), one per country.
    """
    outlines = map_outlines()
    shapes = outlines["countries"]
    # The profiles the reader may compare are those the map links: one read per request for both.
    comparable = comparison.comparable_profiles(user=user, locale=locale)
    by_code = {code: comparable[code] for code in sorted(comparable, key=lambda code: comparable[code].pk)}
    by_code = {code: profile for code, profile in by_code.items() if code in shapes}
    attach_in_language(list(by_code.values()), ["country"], language=locale.language_code)
    current_country = current.country_id if current is not None else None
    countries = []
    for code, profile in by_code.items():
        shape = shapes[code]
        label_x, label_y, anchor = shape["label"]
        entry = profile.in_language["country"]
        countries.append(
            MapCountry(
                iso_code=code,
                name=entry.name,
                profile=profile,
                path=shape["path"],
                marker_x=shape["marker"][0],
                marker_y=shape["marker"][1],
                label_x=label_x,
                label_y=label_y,
                label_anchor=anchor,
                is_current=profile.country_id == current_country,
                language="" if entry.locale_id == locale.pk else settings.LANGUAGE_CODE,
                profile_language="" if profile.locale_id == locale.pk else settings.LANGUAGE_CODE,
            )
        )
    countries.sort(key=lambda country: country.name)
    return CountryMap(
        width=outlines["width"],
        height=outlines["height"],
        marker_radius=outlines["marker_radius"],
        land=outlines["land"],
        borders=outlines["borders"],
        countries=countries,
        unlinked=[shape["path"] for code, shape in shapes.items() if code not in by_code],
        attribution=outlines["attribution"],
    )
