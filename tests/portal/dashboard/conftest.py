"""A small programme: events held and not, documents public, partner-only and unreviewed, downloads,
searches that found nothing and component statuses, with figures known in advance."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, GroupPagePermission

import pytest

from knowledge.models import DocumentDownload, KnowledgeDocument
from portal.site.models import ComponentStatus, ServiceComponent
from search.zero_results import zero_result_query_record
from tests.factories import CountryFactory, make_country_page, make_event, restrict_to_group

PARTNER_ONLY_TITLE = "Budget line SECRET-7731"


def _at(year, month, day):
    return datetime.datetime(year, month, day, 9, tzinfo=datetime.UTC)


def _document(title, *, collection=None, language="en", countries=(), reviewed=True):
    document = KnowledgeDocument(
        title=title, language=language, collection=collection or Collection.get_first_root_node(), reviewed=reviewed
    )
    document.file.save("file.pdf", ContentFile(b"%PDF-1.4 " + title.encode()), save=False)
    document.save()
    document.countries.set(countries)
    return document


@pytest.fixture
def programme(site, roles, locales):
    kz = CountryFactory(iso_code="KZ", name="Kazakhstan")
    kg = CountryFactory(iso_code="KG", name="Kyrgyzstan")
    kr = CountryFactory(iso_code="KR", name="Republic of Korea", region="east-asia")
    russian_kz = kz.copy_for_translation(locales["ru"])
    russian_kz.name = "Казахстан"
    russian_kz.save()

    events = site["events"]
    webinar = make_event(events, title="Webinar 2023", start=_at(2023, 5, 10), host_country=kr, countries=[kz, kg])
    # A translation is the same event: counted once.
    russian = webinar.copy_for_translation(locales["ru"], copy_parents=True)
    russian.save_revision().publish()
    make_event(
        events,
        title="Round table 2023",
        event_type="round-table",
        start=_at(2023, 9, 1),
        host_country=kz,
        countries=[kz],
    )
    mission = make_event(
        events, title="Study mission 2024", event_type="study-mission", start=_at(2024, 3, 1), countries=[kg]
    )
    restrict_to_group(mission, roles["partners"])
    make_event(events, title="Cancelled 2024", start=_at(2024, 6, 1), status="cancelled", countries=[kz])
    make_event(events, title="Next year", start=timezone.now() + datetime.timedelta(days=300), countries=[kz])

    partner_collection = Collection.get_first_root_node().add_child(name="Partner-only")
    restriction = CollectionViewRestriction.objects.create(
        collection=partner_collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles["partners"]])
    protocol = _document("Referral protocol", countries=[kz])
    russian_protocol = protocol.copy_for_translation(locales["ru"])
    russian_protocol.title = "Протокол направления"
    russian_protocol.save()
    russian_protocol.own_file.save("protokol.pdf", ContentFile(b"%PDF-1.4 ru"), save=True)
    secret = _document(PARTNER_ONLY_TITLE, collection=partner_collection, language="ru", countries=[kz, kg])
    draft = _document("Unreviewed mapping", countries=[kg], reviewed=False)

    today = timezone.localdate()
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    DocumentDownload.objects.create(document=protocol, day=today, count=5)
    DocumentDownload.objects.create(document=russian_protocol, day=today, count=3)
    DocumentDownload.objects.create(document=protocol, day=last_month, count=2)
    DocumentDownload.objects.create(document=secret, day=today, count=7)
    # Thirteen months ago: outside the twelve months.
    DocumentDownload.objects.create(document=protocol, day=today - datetime.timedelta(days=400), count=100)

    for _time in range(3):
        zero_result_query_record(query="Dating violence apps", language="en")
    zero_result_query_record(query='=HYPERLINK("http://evil")', language="en")
    zero_result_query_record(query="насилие в школе", language="ru")
    zero_result_query_record(query="насилие в школе", language="ru", day=today - datetime.timedelta(days=3))
    zero_result_query_record(query="very old words", language="en", day=today - datetime.timedelta(days=120))

    component = ServiceComponent.objects.create(slug="hotline", name="Hotline", sort_order=1)
    shelter = ServiceComponent.objects.create(slug="shelter", name="Shelter", sort_order=2)
    police = ServiceComponent.objects.create(slug="police", name="Police unit", sort_order=3)
    kyrgyzstan = make_country_page(site["countries"], kg)
    ComponentStatus.objects.create(page=kyrgyzstan, component=component, status="in-place", last_verified=today)
    ComponentStatus.objects.create(
        page=kyrgyzstan, component=shelter, status="pilot", last_verified=datetime.date(2018, 4, 1)
    )
    ComponentStatus.objects.create(page=kyrgyzstan, component=police, status="planned", last_verified=None)
    return {
        "kz": kz,
        "kg": kg,
        "protocol": protocol,
        "secret": secret,
        "draft": draft,
        "kyrgyzstan": kyrgyzstan,
        "today": today,
        "last_month": last_month,
    }


@pytest.fixture
def reviewer(make_user, roles):
    return make_user("reviewer", group=roles["reviewers"])


@pytest.fixture
def focal_point(make_user, programme):
    """Admin access and the right to edit Kyrgyzstan's profile, as a country's focal point has."""
    group = Group.objects.create(name="Focal point (test): Kyrgyzstan")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=programme["kyrgyzstan"], permission=Permission.objects.get(codename="change_page")
    )
    return make_user("focal", group=group)


@pytest.fixture
def blind_reviewer(make_user, roles):
    """May open the dashboard (admin access, the review right) but no document collection: sees no title."""
    group = Group.objects.create(name="Review right only")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(codename="review_knowledgedocument"),
    )
    return make_user("blind", group=group)
