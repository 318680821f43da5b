"""The demo loader builds a realistic site once, and a second run changes nothing."""

import datetime
import re
import zoneinfo
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Locale, Page, PageViewRestriction, Site

import feedparser
import icalendar
import pytest
import yaml

from events.models import EventPage
from knowledge.models import KnowledgeDocument, KnowledgePage
from portal.core.models import Country
from portal.site.comparison import country_comparison
from portal.site.focal_points import focal_point_profiles
from portal.site.models import CountryPage
from search.models import Synonym

DEMO_DATA = Path(__file__).resolve().parents[2] / "portal" / "site" / "demo" / "data"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    # Built once for the module inside a transaction that is rolled back afterwards, so the demo's
    # users, groups, locales and vocabularies do not leak into the modules that run after this one.
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "live", "latest_revision_id")),
        "documents": list(KnowledgeDocument.objects.order_by("pk").values_list("pk", "title", "file")),
        "countries": Country.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
        "thesaurus": list(Synonym.objects.order_by("pk").values_list("pk", "terms")),
    }


@pytest.mark.django_db
def test_demo_has_at_least_60_published_items(demo):
    published = (
        KnowledgePage.objects.live().count()
        + EventPage.objects.live().count()
        + CountryPage.objects.live().count()
        + KnowledgeDocument.objects.count()
    )
    assert published >= 60


@pytest.mark.django_db
def test_second_run_changes_nothing(demo):
    before = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == before


@pytest.mark.django_db
def test_demo_loads_the_search_thesaurus(demo):
    terms = "\n".join(Synonym.objects.values_list("terms", flat=True))
    for term in ("центр «Подсолнух»", "위기센터", "учебная поездка", "webinaire"):
        assert term in terms, term


@pytest.mark.django_db
def test_demo_holds_the_programme_facts(demo, client):
    titles = " ".join(EventPage.objects.values_list("title", flat=True))
    for fact in ("Albania", "Kyrgyz", "Central Asian technical meeting", "WHRIK"):
        assert fact in titles, fact
    dates = {e.local_start.date().isoformat() for e in EventPage.objects.filter(locale__language_code="en")}
    for day in ("2017-11-15", "2018-03-28", "2018-04-24", "2019-01-29", "2020-08-17", "2021-04-28", "2024-11-12"):
        assert day in dates, day
    korea = CountryPage.objects.get(country__iso_code="KR", locale__language_code="en")
    assert korea.key_figures.filter(value=38).exists()


@pytest.mark.django_db
def test_demo_has_partner_only_items_hidden_from_the_public(demo, client):
    restricted = PageViewRestriction.objects.all()
    assert restricted.count() >= 4
    for restriction in restricted:
        assert client.get(restriction.page.url).status_code == 302


@pytest.mark.django_db
def test_demo_pages_serve_in_english_russian_and_korean(demo, client):
    for prefix in ("en", "ru", "ko"):
        response = client.get(f"/{prefix}/")
        assert response.status_code == 200, prefix
        assert f'lang="{prefix}"' in response.text
    assert "Знания" in client.get("/ru/knowledge/").text or "Знан" in client.get("/ru/").text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "ko"])
def test_every_demo_page_reads_in_russian_and_korean(demo, language):
    """Below the home page, every English page has a live translation with a title of its own."""
    translated = Page.objects.filter(locale__language_code=language, live=True)
    missing = [
        page.url_path
        for page in Page.objects.filter(locale__language_code="en", depth__gt=2)
        if not translated.filter(translation_key=page.translation_key).exclude(title=page.title).exists()
    ]
    assert missing == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "ko"])
def test_every_demo_document_has_its_title_and_description_translated(demo, language):
    from knowledge.models import KnowledgeDocument

    originals = KnowledgeDocument.objects.filter(locale__language_code="en")
    translated = {
        document.translation_key: document
        for document in KnowledgeDocument.objects.filter(locale__language_code=language)
    }
    missing = [
        document.title
        for document in originals
        if document.translation_key not in translated
        or translated[document.translation_key].title == document.title
        or translated[document.translation_key].description == document.description
        or translated[document.translation_key].file.name != document.file.name
    ]
    assert originals.count() == 23 and missing == []


@pytest.mark.django_db
def test_a_translated_brief_keeps_its_own_pdf_first(demo):
    from knowledge.models import PolicyBriefPage

    brief = PolicyBriefPage.objects.get(slug="internal-draft-workplan-kyrgyzstan", locale__language_code="ru")
    descriptions = [block.value["description"] for block in brief.attachments]
    assert descriptions == ["Эта аналитическая записка в формате PDF", "Проект картирования (PDF только для партнёров)"]


@pytest.mark.django_db
def test_demo_documents_carry_full_metadata_versions_an_own_file_and_a_scan(demo):
    from pypdf import PdfReader

    from knowledge.extraction import read_file
    from knowledge.models import DocumentVersion

    originals = list(KnowledgeDocument.objects.filter(locale__language_code="en"))
    for document in originals:
        assert document.authors and document.licence and document.audience and document.document_type, document.title
    # Authors as a catalogue writes them: "Family, Given" for people, then organisations.
    assert "Lee, Ahjung; UNDP Seoul Policy Centre" in {document.authors for document in originals}
    with_events = [document for document in originals if document.related_event_id]
    assert len(with_events) >= 8 and all(document.related_event.specific.local_start for document in with_events)
    # Earlier versions kept by ordinary replacements, dated as the data says, one each.
    versions = DocumentVersion.objects.order_by("uploaded_at")
    assert versions.count() == 2
    for version in versions:
        document = KnowledgeDocument.objects.get(translation_key=version.key, locale__language_code="en")
        assert version.uploaded_at < version.replaced_at and version.file.name != document.file.name
        assert document.edition == "Version 2"
    # A Russian translation with a Russian PDF of its own; the family keeps the English file.
    russian = KnowledgeDocument.objects.get(locale__language_code="ru", own_file__gt="")
    assert russian.file.name != russian.own_file.name
    with russian.own_file.open("rb") as handle:
        assert "Опрос пострадавших" in read_file(handle.read(), russian.own_file.name).text
    # A scanned, public meeting record: pictures only, no text layer for search to read without OCR.
    scan = KnowledgeDocument.objects.get(locale__language_code="en", title__startswith="Meeting record (scanned)")
    assert scan.document_type == "proceedings" and scan.collection.name != "Partner-only"
    with scan.file.open("rb") as handle:
        reader = PdfReader(handle)
        assert all(not (page.extract_text() or "").strip() and len(page.images) == 1 for page in reader.pages)


@pytest.mark.django_db
def test_the_demo_site_follows_the_served_port(demo, client, settings):
    # `make run` with PORT=8765: WAGTAILADMIN_BASE_URL follows (tests/portal/settings/test_base.py) and a
    # re-run of the loader moves the default site there, so full addresses (hreflang, the API's html_url)
    # name the port the reader uses, not 8000 or "localhost".
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    try:
        settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = "http://127.0.0.1:8765"
        call_command("load_demo", verbosity=0)
        site.refresh_from_db()
        assert (site.hostname, site.port) == ("127.0.0.1", 8765)

        home = client.get("/en/", HTTP_HOST="127.0.0.1:8765").content.decode()
        assert 'hreflang="ru" href="http://127.0.0.1:8765/ru/"' in home
        brief = client.get("/api/v2/pages/?type=knowledge.PolicyBriefPage&limit=1", HTTP_HOST="127.0.0.1:8765").json()
        meta = brief["items"][0]["meta"]
        assert meta["html_url"].startswith("http://127.0.0.1:8765/en/")
        assert meta["detail_url"].startswith("http://127.0.0.1:8765/api/v2/pages/")
    finally:
        # The other tests share this demo: back to the address they expect.
        Site.objects.filter(pk=site.pk).update(port=8000)


@pytest.mark.django_db
def test_demo_events_show_registration_status_and_lineage(demo, client):
    """Upcoming webinars take registrations, one is postponed, and past events list what they produced
    and the follow-ups still open: a partner-only product stays out of the public page."""
    events = {event.slug: event for event in EventPage.objects.filter(locale__language_code="en")}
    budgeting = events["webinar-budgeting-one-stop-services-2026"]
    assert budgeting.registration_url
    assert budgeting.local_registration_closes.isoformat() == "2026-12-07T18:00:00+09:00"
    assert events["webinar-crisis-centre-standards-2027"].status == "postponed"
    postponed = client.get(events["webinar-crisis-centre-standards-2027"].url).text
    assert "This event has been postponed." in postponed
    kyrgyzstan = client.get(events["webinar-kyrgyzstan-january-2019"].url).text
    assert "What came out of this event" in kyrgyzstan
    assert "Internal" not in kyrgyzstan  # the partner-only brief and mapping
    workplan = {
        "en": "Develop a concrete, strategic workplan",
        "ru": "Разработать конкретный стратегический план работы",
        "ko": "구체적이고 전략적인 업무 계획 수립",
    }
    for language, action in workplan.items():
        profile = client.get(f"/{language}/countries/kyrgyzstan/").text
        assert 'id="country-follow-ups-heading"' in profile, language
        assert action in profile, language
        # Done: the meeting record of the 2021 round table was compiled.
        assert "Compile the presentations into a meeting record" not in profile


def demo_event_times() -> dict[str, tuple[datetime.datetime, datetime.datetime]]:
    """Each demo event's start and end as its YAML gives them, on the event's own clock, made exact."""
    data = yaml.safe_load((DEMO_DATA / "pages" / "50-events.yaml").read_text(encoding="utf-8"))
    times = {}
    for item in data["items"]:
        zone = zoneinfo.ZoneInfo(item["time_zone"])
        times[item["title"]] = (item["start"].replace(tzinfo=zone), item["end"].replace(tzinfo=zone))
    return times


@pytest.mark.django_db
def test_the_demo_events_import_into_a_calendar_at_their_own_times(demo, client):
    """The events list's calendar file, read as a calendar program reads it: every public demo event, at the instant
    its organisers gave on their own clock (Tirana, Bishkek, Almaty, Seoul...)."""
    response = client.get("/en/events/calendar/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    found = {
        str(event["SUMMARY"]): (event.decoded("DTSTART"), event.decoded("DTEND")) for event in calendar.walk("VEVENT")
    }
    expected = demo_event_times()
    public = set(EventPage.objects.filter(locale__language_code="en").live().public().values_list("title", flat=True))
    assert set(found) == public
    assert len(found) >= 8
    for title, (start, end) in found.items():
        assert (start, end) == expected[title], title
        assert start.utcoffset() is not None, f"{title}: a floating time would move with the reader's clock"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_kyrgyzstan_police_response_feed_and_calendar_list_what_the_page_lists(demo, client, language):
    query = "?country=KG&theme=police-response"
    page = client.get(f"/{language}/events/{query}")
    assert page.status_code == 200
    listed = {event.pk for event in [*page.context["upcoming_events"], *page.context["past_events"]]}
    assert listed, "the demo has Kyrgyzstan's police-response events"
    urls = {event.full_url for event in EventPage.objects.filter(pk__in=listed)}
    feed = feedparser.parse(client.get(f"/{language}/events/feed/{query}").content)
    assert {entry.link for entry in feed.entries} == urls
    calendar = icalendar.Calendar.from_ical(client.get(f"/{language}/events/calendar/{query}").content)
    assert {str(event["URL"]) for event in calendar.walk("VEVENT")} == urls


@pytest.mark.django_db
def test_the_sitemap_lists_every_public_page_in_every_language(demo, client):
    sitemap = client.get("/sitemap.xml").content.decode()
    located = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    public = [page for page in Page.objects.live().public().specific() if page.depth > 1]
    languages = {page.locale.language_code for page in public}
    assert languages >= {"en", "ru", "ko"}
    for page in public:
        assert page.full_url in located, page.full_url
    partner_only = Page.objects.live().exclude(pk__in=[page.pk for page in public]).filter(depth__gt=1)
    assert partner_only.exists()
    for page in partner_only:
        assert page.full_url not in located


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "joining", "note"),
    [
        ("ru", "ссылку на видеоконференцию", "Перенесено по просьбе министерств"),
        ("ko", "화상회의 링크를 이메일로", "협력국 부처의 요청으로 연기"),
    ],
)
def test_demo_event_notices_read_in_the_readers_language(demo, client, language, joining, note):
    budgeting = client.get(f"/{language}/events/webinar-budgeting-one-stop-services-2026/").text
    assert joining in budgeting
    assert "Registered participants receive" not in budgeting
    postponed = client.get(f"/{language}/events/webinar-crisis-centre-standards-2027/").text
    assert note in postponed
    assert "Postponed at the request" not in postponed


@pytest.mark.django_db
def test_every_demo_profile_has_sourced_dated_key_figures(demo):
    for profile in CountryPage.objects.filter(locale__language_code="en"):
        figures = list(profile.key_figures.all())
        assert figures, profile.title
        for figure in figures:
            assert figure.source and figure.as_of, (profile.title, figure.label)
        # A population is an estimate, and says so.
        assert all(figure.is_estimate for figure in figures if figure.label == "Population"), profile.title


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_demo_compares_korea_kyrgyzstan_and_kazakhstan_from_their_statuses(demo, language):
    comparison = country_comparison(
        codes=["KR", "KG", "KZ"], user=AnonymousUser(), locale=Locale.objects.get(language_code=language)
    )
    statuses = {
        column.iso_code: {cell.component.slug: cell.status for cell in column.cells} for column in comparison.columns
    }
    assert [column.iso_code for column in comparison.columns] == ["KR", "KG", "KZ"]
    assert set(statuses["KR"].values()) == {"in-place"}
    assert statuses["KG"]["counselling"] == "in-place" and statuses["KG"]["one-stop-centre"] == "planned"
    assert statuses["KZ"]["staffing-training"] == "in-place" and statuses["KZ"]["police-on-site"] == "not-in-place"
    gaps = {column.iso_code: [cell.component.slug for cell in column.gaps] for column in comparison.columns}
    assert gaps["KR"] == []
    assert "counselling" not in gaps["KG"] and "one-stop-centre" in gaps["KG"]
    assert "staffing-training" not in gaps["KZ"] and "police-on-site" in gaps["KZ"]
    # The components read in the reader's language.
    names = [component.name for component in comparison.components]
    assert ("Counselling" in names) == (language == "en")


@pytest.mark.django_db
def test_demo_focal_point_edits_kyrgyzstan_only(demo, client):
    focal_point = get_user_model().objects.get(username="focalpoint")
    profiles = list(focal_point_profiles(focal_point))
    assert [(profile.country.iso_code, profile.locale.language_code) for profile in profiles] == [("KG", "en")]
    client.force_login(focal_point)
    assert client.get("/admin/")["Location"] == f"/admin/pages/{profiles[0].pk}/edit/"
    for profile in CountryPage.objects.filter(country__iso_code="KG"):
        assert profile.permissions_for_user(focal_point).can_edit(), profile.locale
        assert not profile.permissions_for_user(focal_point).can_publish(), profile.locale
    kazakhstan = CountryPage.objects.get(country__iso_code="KZ", locale__language_code="en")
    assert not kazakhstan.permissions_for_user(focal_point).can_edit()
    # A partner official: reads the partner-only document that Kyrgyzstan's statuses cite.
    mapping = KnowledgeDocument.objects.get(title__startswith="Internal: draft mapping")
    assert client.get(mapping.get_landing_url()).status_code == 200
