"""What an event page tells machines: schema.org `Event` JSON-LD and Open Graph tags.

Search engines read the JSON-LD (https://schema.org/Event; Google's event guidelines ask for
the times with their offset, the status and the attendance mode); chat and social apps read
the Open Graph tags (https://ogp.me/) when someone shares the page's address. Both are built
from what the page shows its reader, in the page's language.
"""

import json

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from events.choices import EventStatus
from portal.core.l10n import open_graph_locale
from portal.core.page_family import page_family

# What a JSON-LD <script> must not contain literally (the HTML parser would end it early).
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

_SCHEMA_STATUS = {
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
}


def _vocabulary(event, name: str):
    """The page's vocabulary entry (or entries) in the reader's language, as `event_in_language` attached them."""
    attached = getattr(event, "in_language", None) or {}
    if name in attached:
        return attached[name]
    value = getattr(event, name)
    return list(value.all()) if hasattr(value, "all") else value


def _location(event, url: str) -> dict:
    if event.is_online:
        return {"@type": "VirtualLocation", "url": url}
    place = {"@type": "Place", "name": event.venue or event.city}
    address = {"@type": "PostalAddress"}
    if event.city:
        address["addressLocality"] = event.city
    if event.host_country_id:
        address["addressCountry"] = event.host_country.iso_code
    if len(address) > 1:
        place["address"] = address
    return place


def _organisation(entry) -> dict:
    data = {"@type": "Organization", "name": entry.name}
    if getattr(entry, "acronym", ""):
        data["alternateName"] = entry.acronym
    return data


def event_json_ld(*, event, request) -> SafeString:
    """schema.org `Event` of the page, as a safe <script> body."""
    url = event.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventStatus": _SCHEMA_STATUS.get(event.status, "https://schema.org/EventScheduled"),
        "eventAttendanceMode": "https://schema.org/"
        + ("OnlineEventAttendanceMode" if event.is_online else "OfflineEventAttendanceMode"),
        "location": _location(event, url),
        "url": url,
        "inLanguage": event.locale.language_code,
    }
    organisers = [_organisation(entry) for entry in _vocabulary(event, "organisers")]
    if organisers:
        data["organizer"] = organisers
    if event.registration_url and not event.is_called_off:
        offer = {"@type": "Offer", "url": event.registration_url, "price": 0}
        if event.registration_closes:
            offer["validThrough"] = event.local_registration_closes.isoformat()
        data["offers"] = offer
    text = json.dumps(data, ensure_ascii=False, indent=1).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 - JSON whose <, > and & are escaped just above


def event_open_graph(*, event, request) -> dict:
    """Open Graph properties of the page: title, description, type, address, language and its translations."""
    language = event.locale.language_code
    alternates = sorted(
        {
            open_graph_locale(translation.locale.language_code)
            for translation in page_family(event).live_members()
            if translation.pk != event.pk
        }
        - {open_graph_locale(language)}
    )
    return {
        "title": event.title,
        "description": event.summary,
        "type": "website",
        "url": event.get_full_url(request),
        "site_name": gettext("DSP Knowledge Exchange"),
        "locale": open_graph_locale(language),
        "locale_alternates": alternates,
    }
