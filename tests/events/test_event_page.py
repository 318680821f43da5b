"""An event page as its reader sees it: times, registration, status, what it produced, and its metadata.

Times are written on the event's own clock and in UTC in the HTML itself, so the page reads
fully without JavaScript; static/js/reader-time.js only adds the reader's own clock.
"""

import datetime
import json
import re
import zoneinfo
from html.parser import HTMLParser

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, Locale

import pytest

from events.choices import EventPhase
from knowledge.models import KnowledgeDocument
from tests.factories import CountryFactory, OrganisationFactory, make_event, make_knowledge, restrict_to_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("ru", "ko")}


LANGUAGES = ("en", "ru", "ko")


class _Head(HTMLParser):
    """The page's JSON-LD, Open Graph properties and scripts, read as a browser or a crawler reads them."""

    def __init__(self):
        super().__init__()
        self.json_ld, self.og, self.scripts, self._in_ld = [], {}, [], False
        self.hidden_reader_time = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs)
            self._in_ld = attrs.get("type") == "application/ld+json"
        if tag == "meta" and attrs.get("property", "").startswith("og:"):
            self.og.setdefault(attrs["property"], []).append(attrs["content"])
        if "reader-time" in (attrs.get("class") or "").split():
            self.hidden_reader_time.append("hidden" in attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(json.loads(data))


def _read(response) -> _Head:
    assert response.status_code == 200
    parser = _Head()
    parser.feed(response.content.decode())
    return parser


def _text(response) -> str:
    """The page's words, tags removed and spaces folded: what a reader without JavaScript reads."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _at(zone, *args):
    return datetime.datetime(*args, tzinfo=zoneinfo.ZoneInfo(zone))


# --- Times --------------------------------------------------------------------------------------


def test_times_around_the_spring_change_in_tirana(client, site):
    """Albania moves its clocks forward on 29 March 2026: 10:00 is 09:00 UTC before, 08:00 UTC after."""
    before = make_event(
        site["events"], title="Before", start=_at("Europe/Tirane", 2026, 3, 28, 10), time_zone="Europe/Tirane"
    )
    after = make_event(
        site["events"], title="After", start=_at("Europe/Tirane", 2026, 3, 30, 10), time_zone="Europe/Tirane"
    )

    before_page = client.get(before.url)
    assert '<time datetime="2026-03-28T10:00:00+01:00">' in before_page.content.decode()
    assert "Tirane (UTC+1)" in _text(before_page)
    assert '<time datetime="2026-03-28T09:00:00Z" data-reader-start>' in before_page.content.decode()

    after_page = client.get(after.url)
    assert '<time datetime="2026-03-30T10:00:00+02:00">' in after_page.content.decode()
    assert "Tirane (UTC+2)" in _text(after_page)
    assert '<time datetime="2026-03-30T08:00:00Z" data-reader-start>' in after_page.content.decode()


def test_an_event_across_the_autumn_change_names_both_offsets(client, site):
    """Overnight into 25 October 2026 Tirana goes back from UTC+2 to UTC+1; the page says both."""
    start = _at("Europe/Tirane", 2026, 10, 24, 22)
    event = make_event(
        site["events"],
        title="Night session",
        start=start,
        # Eight real hours: arithmetic on an aware datetime in its own zone would add wall-clock hours.
        end=start.astimezone(datetime.UTC) + datetime.timedelta(hours=8),
        time_zone="Europe/Tirane",
    )
    response = client.get(event.url)
    text = _text(response)
    assert "Tirane (UTC+2) at the start, Tirane (UTC+1) at the end" in text
    html = response.content.decode()
    assert '<time datetime="2026-10-24T20:00:00Z" data-reader-start>' in html
    # Eight hours later in UTC is 05:00 on the Tirana clock, not 06:00.
    assert '<time datetime="2026-10-25T05:00:00+01:00">' in html
    json_ld = _read(response).json_ld[0]
    assert json_ld["startDate"] == "2026-10-24T22:00:00+02:00"
    assert json_ld["endDate"] == "2026-10-25T05:00:00+01:00"


@pytest.mark.parametrize(
    ("language", "zone_label"), [("en", "Kabul (UTC+4:30)"), ("ru", "Кабул (UTC+4:30)"), ("ko", "카불 (UTC+4:30)")]
)
def test_kabul_half_hour_offset(client, site, language, zone_label):
    event = make_event(
        site["events"], title="Kabul round table", start=_at("Asia/Kabul", 2026, 12, 9, 14), time_zone="Asia/Kabul"
    )
    response = client.get(f"/{language}/events/{event.slug}/")
    html = response.content.decode()
    assert zone_label in _text(response)
    assert '<time datetime="2026-12-09T14:00:00+04:30">' in html
    assert '<time datetime="2026-12-09T09:30:00Z" data-reader-start>' in html
    assert _read(response).json_ld[0]["startDate"] == "2026-12-09T14:00:00+04:30"


def test_the_page_reads_fully_without_javascript(client, site):
    """The event's clock and UTC are words on the page; the reader's own clock waits, hidden, for the script."""
    event = make_event(
        site["events"], title="Seoul webinar", start=_at("Asia/Seoul", 2026, 12, 9, 16), time_zone="Asia/Seoul"
    )
    response = client.get(event.url)
    text = _text(response)
    head = _read(response)
    assert "Seoul (UTC+9)" in text
    assert "In UTC" in text
    assert "Starts 10 December 2026, 01:00" not in text
    assert "Starts 9 December 2026, 16:00" in text
    assert "In UTC 9 December 2026, 07:00 – 09:00" in text
    # "In your time zone" is there for the script to fill, hidden until it does.
    assert head.hidden_reader_time == [True, True]
    # One script file of the site's own, no inline code: no tracking, no request, no cookie.
    sources = [script.get("src") for script in head.scripts if script.get("type") != "application/ld+json"]
    assert "/static/js/reader-time.js" in sources
    assert all(source and source.startswith("/static/") for source in sources)
    assert not response.cookies


# --- Registration and status ------------------------------------------------------------------


def _upcoming(site, **fields):
    start = timezone.now() + datetime.timedelta(days=10)
    return make_event(site["events"], title="Budgeting webinar", start=start, time_zone="Asia/Seoul", **fields)


def test_open_registration_says_register_by(client, site):
    closes = timezone.now() + datetime.timedelta(days=5)
    event = _upcoming(
        site,
        registration_url="https://example.org/register",
        registration_closes=closes,
        joining_instructions="<p>The meeting link is sent by email after registration.</p>",
    )
    assert event.phase == EventPhase.OPEN_FOR_REGISTRATION
    response = client.get(event.url)
    text = _text(response)
    assert "Open for registration" in text
    assert "Registration is open." in text
    assert "Register by" in text and "Seoul (UTC+9)" in text
    assert 'href="https://example.org/register"' in response.content.decode()
    assert "How to join" in text
    assert "The meeting link is sent by email after registration." in text


def test_closed_registration(client, site):
    event = _upcoming(
        site,
        registration_url="https://example.org/register",
        registration_closes=timezone.now() - datetime.timedelta(hours=1),
    )
    assert event.phase == EventPhase.UPCOMING
    response = client.get(event.url)
    assert "Registration has closed." in _text(response)
    assert 'href="https://example.org/register"' not in response.content.decode()


@pytest.mark.parametrize(
    ("status", "phase", "message"),
    [
        ("cancelled", "Cancelled", "This event has been cancelled."),
        ("postponed", "Postponed", "This event has been postponed."),
    ],
)
def test_a_called_off_event_hides_register(client, site, status, phase, message):
    event = _upcoming(
        site,
        registration_url="https://example.org/register",
        joining_instructions="<p>Join link by email.</p>",
        status=status,
        status_note="The new date will be announced here.",
    )
    response = client.get(event.url)
    text = _text(response)
    assert message in text
    assert "The new date will be announced here." in text
    assert phase in text
    assert "Register" not in text.replace("Registration", "")
    assert "example.org/register" not in response.content.decode()
    assert "Join link by email." not in text
    assert _read(response).json_ld[0]["eventStatus"] == f"https://schema.org/Event{status.capitalize()}"
    assert "offers" not in _read(response).json_ld[0]


def test_after_the_event_recording_materials_and_outcomes_not_registration(client, site):
    event = make_event(
        site["events"],
        registration_url="https://example.org/register",
        joining_instructions="<p>Join link by email.</p>",
        recording_url="https://example.org/recording",
        outcomes="<p>Both sides agreed a workplan.</p>",
    )
    assert event.phase == EventPhase.HELD
    response = client.get(event.url)
    text = _text(response)
    assert "Held" in text
    assert "Watch the recording" in text
    assert "Both sides agreed a workplan." in text
    assert "How to join" not in text and "Registration" not in text


def test_an_event_under_way_says_so_and_still_tells_how_to_join(client, site):
    event = make_event(
        site["events"],
        start=timezone.now() - datetime.timedelta(minutes=30),
        joining_instructions="<p>Join link by email.</p>",
    )
    assert event.phase == EventPhase.UNDER_WAY
    text = _text(client.get(event.url))
    assert "Under way" in text and "Upcoming" not in text
    assert "Join link by email." in text


def test_status_labels_on_the_event_cards(client, site):
    make_event(
        site["events"],
        title="Called-off meeting",
        start=timezone.now() + datetime.timedelta(days=3),
        status="cancelled",
    )
    make_event(site["events"], title="Last year webinar")
    text = _text(client.get(site["events"].url))
    assert re.search(r"Called-off meeting Webinar Status: Cancelled", text), text
    assert re.search(r"Last year webinar Webinar Status: Held", text), text


# --- Metadata -----------------------------------------------------------------------------------


def test_json_ld_describes_the_event(client, site):
    albania = CountryFactory(iso_code="AL", name="Albania", region="europe")
    event = make_event(
        site["events"],
        title="Study mission to Tirana",
        event_type="study-mission",
        start=_at("Europe/Tirane", 2026, 6, 2, 9, 30),
        is_online=False,
        venue="Ministry of Health",
        city="Tirana",
        host_country=albania,
        registration_url="https://example.org/register",
    )
    event.organisers.set([OrganisationFactory()])
    event.save_revision().publish()
    head = _read(client.get(event.url))
    (data,) = head.json_ld
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Study mission to Tirana"
    assert data["startDate"] == "2026-06-02T09:30:00+02:00"
    assert data["endDate"] == "2026-06-02T11:30:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Ministry of Health",
        "address": {"@type": "PostalAddress", "addressLocality": "Tirana", "addressCountry": "AL"},
    }
    assert data["organizer"] == [{"@type": "Organization", "name": "UNDP Seoul Policy Centre", "alternateName": "USPC"}]
    assert data["url"] == f"http://localhost{event.url}"
    assert data["inLanguage"] == "en"


def test_json_ld_of_an_online_event_and_a_title_that_would_close_the_script(client, site):
    event = make_event(
        site["events"],
        title="Webinar </script><b>bold</b>",
        start=_at("Asia/Seoul", 2026, 12, 9, 16),
        time_zone="Asia/Seoul",
    )
    response = client.get(event.url)
    assert "</script><b>" not in response.content.decode()
    (data,) = _read(response).json_ld
    assert data["name"] == "Webinar </script><b>bold</b>"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": f"http://localhost{event.url}"}


def test_open_graph_with_its_translations(client, site, locales):
    event = make_event(site["events"], title="Webinar with Albania", summary="Sharing the Sunflower model.")
    translated = event.copy_for_translation(locales["ru"], copy_parents=True)
    translated.title = "Вебинар с Албанией"
    translated.save_revision().publish()

    og = _read(client.get(event.url)).og
    assert og["og:title"] == ["Webinar with Albania"]
    assert og["og:description"] == ["Sharing the Sunflower model."]
    assert og["og:type"] == ["website"]
    assert og["og:url"] == [f"http://localhost{event.url}"]
    assert og["og:locale"] == ["en_US"]
    assert og["og:locale:alternate"] == ["ru_RU"]

    russian = _read(client.get(f"/ru/events/{event.slug}/")).og
    assert russian["og:title"] == ["Вебинар с Албанией"]
    assert russian["og:locale"] == ["ru_RU"]
    assert russian["og:locale:alternate"] == ["en_US"]


# --- What the event produced: only what the reader may open ----------------------------------------

PRIVATE_PAGE_WORD = "zqxproducedpage"
PRIVATE_DOCUMENT_WORD = "zqxproduceddocument"


@pytest.fixture
def producing_event(site, roles):
    partners = roles["partners"]
    public_brief = make_knowledge(site["knowledge"], title="Crisis centres in Kyrgyzstan")
    private_brief = make_knowledge(site["knowledge"], title=f"Internal workplan {PRIVATE_PAGE_WORD}")
    restrict_to_group(private_brief, partners)
    collection = Collection.get_first_root_node().add_child(name="Partner-only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([partners])
    private_document = KnowledgeDocument(title=f"Mapping {PRIVATE_DOCUMENT_WORD}", collection=collection, reviewed=True)
    private_document.file.save("mapping.pdf", ContentFile(b"%PDF-1.4 internal"), save=True)
    public_document = KnowledgeDocument(title="Meeting record of the webinar", reviewed=True)
    public_document.file.save("record.pdf", ContentFile(b"%PDF-1.4 public"), save=True)
    event = make_event(site["events"], title="Webinar with Kyrgyzstan")
    event.produced = [
        ("page", public_brief),
        ("page", private_brief),
        ("document", private_document),
        ("document", public_document),
    ]
    event.save_revision().publish()
    return event


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_partner_only_product_is_absent_for_the_public(client, producing_event, language):
    response = client.get(f"/{language}/events/{producing_event.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Crisis centres in Kyrgyzstan" in html
    assert "Meeting record of the webinar" in html
    assert PRIVATE_PAGE_WORD not in html
    assert PRIVATE_DOCUMENT_WORD not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_partner_sees_every_product(client, producing_event, partner, language):
    client.force_login(partner)
    html = client.get(f"/{language}/events/{producing_event.slug}/").content.decode()
    assert PRIVATE_PAGE_WORD in html
    assert PRIVATE_DOCUMENT_WORD in html
    assert html.index("Crisis centres in Kyrgyzstan") < html.index(PRIVATE_PAGE_WORD)


def test_a_product_is_shown_in_the_readers_language(client, producing_event, locales):
    brief = next(block.value for block in producing_event.produced if block.block_type == "page").specific
    translated = brief.copy_for_translation(locales["ru"], copy_parents=True)
    translated.title = "Кризисные центры в Кыргызстане"
    translated.save_revision().publish()
    html = client.get(f"/ru/events/{producing_event.slug}/").content.decode()
    assert "Кризисные центры в Кыргызстане" in html
    assert "Crisis centres in Kyrgyzstan" not in html


def test_follow_ups_with_owner_and_status(client, site):
    owner = OrganisationFactory()
    event = make_event(site["events"], title="Round table")
    event.follow_up_actions = [
        ("action", {"action": "Draft a workplan", "organisation": owner, "owner": "", "status": "in-progress"}),
        ("action", {"action": "Share the record", "organisation": None, "owner": "UNDP Albania", "status": "done"}),
    ]
    event.save_revision().publish()
    text = _text(client.get(event.url))
    assert "Draft a workplan UNDP Seoul Policy Centre (USPC) In progress" in text
    assert "Share the record UNDP Albania Done" in text
