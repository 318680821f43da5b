"""A country profile's "Sunflower model components" section, its staleness and its history.

Each component in the reader's language with the country's status in words, the note marked
with the language it was written in, the evidence the reader may open, when it was last
verified and, past `SiteSettings.verification_max_age_days`, "Needs verification"; the history
appended by each publish under "History". The editor's tab lists the rows past that age. The
demo's earlier history is loaded once, however often the loader runs.
"""

import datetime
import re

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from wagtail.models import Collection, CollectionViewRestriction, Locale, Site

import pytest

from knowledge.models import KnowledgeDocument
from portal.core.models import Country, SiteSettings
from portal.site import services, sunflower
from portal.site.demo.fields import Refs
from portal.site.demo.files import data_read
from portal.site.demo.history import status_history_ensure
from portal.site.demo.tally import Tally
from portal.site.models import ComponentStatus, ComponentStatusChange, ServiceComponent, StatusLevel
from tests.factories import CountryFactory, make_country_page

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ru", "ko")
PRIVATE_WORD = "zqxsunflowersecret"
TODAY = timezone.localdate()

COMPONENTS = [
    ("one-stop-centre", "Hospital-based one-stop service", "Больничный центр", "병원 기반 원스톱"),
    ("counselling", "Counselling", "Консультирование", "상담"),
    ("police-on-site", "Police investigation on site", "Полиция на месте", "현장 경찰 수사"),
    ("staffing-training", "Multidisciplinary staffing and training", "Кадры и обучение", "다학제 인력과 교육"),
]


def _component(slug, name, sort_order, *, locales=None, ru="", ko=""):
    component = ServiceComponent.objects.create(
        slug=slug, name=name, sort_order=sort_order, locale=Locale.get_default()
    )
    for code, words in (("ru", ru), ("ko", ko)):
        if locales and words:
            translation = component.copy_for_translation(locales[code])
            translation.name = words
            translation.save()
    return component


@pytest.fixture
def components(site, locales):
    return {
        slug: _component(slug, name, index * 10, locales=locales, ru=ru, ko=ko)
        for index, (slug, name, ru, ko) in enumerate(COMPONENTS)
    }


def _statuses(page, rows):
    """Replace the profile's statuses with `rows` and publish it, as an editor's save and publish would."""
    page.component_statuses = [ComponentStatus(**row) for row in rows]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def kazakhstan(site, components):
    profile = make_country_page(site["countries"], CountryFactory(iso_code="KZ", name="Kazakhstan"))
    return _statuses(
        profile,
        [
            {
                "component": components["counselling"],
                "status": StatusLevel.PILOT,
                "note": "Psycho-Social Support Services in the Turkestan region.",
                "last_verified": TODAY - datetime.timedelta(days=200),
            },
            {
                "component": components["staffing-training"],
                "status": StatusLevel.PLANNED,
                "note": "Korea's course outline was shared as the basis of a police course.",
                "last_verified": TODAY - datetime.timedelta(days=30),
            },
            {
                "component": components["police-on-site"],
                "status": StatusLevel.NOT_IN_PLACE,
                "note": "Police respond from their own stations.",
                "last_verified": None,
            },
        ],
    )


def _section(html: str) -> str:
    match = re.search(r'<section id="sunflower-model".*?</section>', html, re.S)
    assert match, "the profile has no Sunflower model section"
    return match.group(0)


def _get(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _max_age(days):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.verification_max_age_days = days
    site_settings.save()


def test_each_component_in_order_with_its_status_in_words(client, kazakhstan):
    section = _section(_get(client, kazakhstan.url))
    assert 'aria-labelledby="sunflower-model-heading"' in section
    assert '<h2 id="sunflower-model-heading">Sunflower model components</h2>' in section
    names = [name for _slug, name, _ru, _ko in COMPONENTS]
    positions = [section.index(f">{name}</h3>") for name in names]
    assert positions == sorted(positions)
    # The words carry the status; colour and shape only repeat it.
    for label in ("Pilot", "Planned", "Not in place", "Unknown"):
        assert re.search(
            r'class="status status--[a-z-]+">\s*<span class="status__shape" aria-hidden="true">.</span>\s*'
            rf"{label}\s*</span>",
            section,
        )
    assert "Police respond from their own stations." in section
    # No row for the one-stop centre: it reads as unknown, with no verification date.
    assert "Not recorded for this country." in section
    assert f'<time datetime="{TODAY - datetime.timedelta(days=30):%Y-%m-%d}">' in section
    assert "Never verified" in section
    summary = re.search(r'<p class="sunflower__summary">(.*?)</p>', section, re.S).group(1)
    assert " ".join(summary.split()) == (
        "1 pilot, 1 planned, 1 not in place, 1 unknown; <strong>1 needs verification</strong>"
    )
    assert "Reference model" not in section


def test_the_reference_country_reads_reference_model(client, site, components):
    korea = make_country_page(site["countries"], CountryFactory(iso_code="KR", name="Republic of Korea"))
    _statuses(
        korea,
        [
            {"component": component, "status": StatusLevel.IN_PLACE, "last_verified": TODAY}
            for component in components.values()
        ],
    )
    section = _section(_get(client, korea.url))
    assert "Reference model" in section
    assert "4 in place" in section
    assert "Needs verification" not in section


def test_needs_verification_follows_the_configured_age(client, kazakhstan):
    def flagged():
        section = _section(_get(client, kazakhstan.url))
        return section.count('class="status status--stale"'), " ".join(section.split())

    # Default 365 days: only the row never verified.
    count, section = flagged()
    assert count == 1
    assert "more than 365 days ago, or never" in section

    _max_age(100)  # the row verified 200 days ago is now past it
    count, section = flagged()
    assert count == 2
    assert "2 need verification" in section
    assert "more than 100 days ago, or never" in section

    _max_age(10)  # and the one verified 30 days ago
    assert flagged()[0] == 3

    _max_age(1000)
    assert flagged()[0] == 1


def _history(country, component):
    return list(
        ComponentStatusChange.objects.filter(country=country, component=component)
        .order_by("changed_at", "pk")
        .values_list("status", "note")
    )


def test_each_publish_records_what_changed(kazakhstan, components, make_user):
    staffing, counselling = components["staffing-training"], components["counselling"]
    country = kazakhstan.country
    assert _history(country, staffing) == [
        (StatusLevel.PLANNED, "Korea's course outline was shared as the basis of a police course.")
    ]

    editor = make_user("editor", superuser=True)
    statuses = {status.component_id: status for status in kazakhstan.component_statuses.all()}
    statuses[staffing.pk].status = StatusLevel.IN_PLACE
    statuses[staffing.pk].note = "The course was presented at the April 2021 round table."
    kazakhstan.component_statuses = list(statuses.values())
    kazakhstan.save_revision(user=editor).publish(user=editor)

    assert _history(country, staffing) == [
        (StatusLevel.PLANNED, "Korea's course outline was shared as the basis of a police course."),
        (StatusLevel.IN_PLACE, "The course was presented at the April 2021 round table."),
    ]
    assert (
        ComponentStatusChange.objects.filter(country=country, component=staffing).latest("changed_at").changed_by
        == editor
    )
    # Counselling did not change: still its one entry.
    assert len(_history(country, counselling)) == 1

    # Publishing again unchanged adds nothing, and neither does the service run on its own.
    before = ComponentStatusChange.objects.count()
    kazakhstan.refresh_from_db()
    kazakhstan.save_revision().publish()
    assert ComponentStatusChange.objects.count() == before
    assert services.component_status_changes_record(page=kazakhstan) == 0

    # A removed row is recorded as unknown, once.
    kazakhstan.component_statuses = [s for s in kazakhstan.component_statuses.all() if s.component_id != counselling.pk]
    kazakhstan.save_revision().publish()
    assert _history(country, counselling)[-1] == (StatusLevel.UNKNOWN, "")
    kazakhstan.save_revision().publish()
    assert len(_history(country, counselling)) == 2


def test_the_history_is_shown_under_a_status_with_more_than_one_entry(client, kazakhstan, components):
    statuses = list(kazakhstan.component_statuses.all())
    for status in statuses:
        if status.component_id == components["staffing-training"].pk:
            status.status = StatusLevel.IN_PLACE
            status.note = "The course was presented at the April 2021 round table."
    _statuses(
        kazakhstan,
        [
            {field: getattr(status, field) for field in ("component", "status", "note", "last_verified")}
            for status in statuses
        ],
    )
    section = _section(_get(client, kazakhstan.url))
    assert section.count("<details") == 1
    details = re.search(r"<details.*?</details>", section, re.S).group(0)
    assert "<summary>History</summary>" in details
    # Newest first: in place with its note, then planned with the earlier note.
    assert details.index("In place") < details.index("Planned")
    assert "The course was presented at the April 2021 round table." in details
    assert "Korea&#x27;s course outline was shared as the basis of a police course." in details
    assert f'<time datetime="{timezone.localdate():%Y-%m-%d}">' in details


@pytest.mark.parametrize("language", LANGUAGES)
def test_components_in_the_readers_language_and_notes_marked_with_theirs(client, kazakhstan, language):
    section = _section(_get(client, f"/{language}/countries/kz/"))
    names = {"en": "Counselling", "ru": "Консультирование", "ko": "상담"}
    assert f">{names[language]}</h3>" in section
    note = re.search(r'<p class="sunflower__note"([^>]*)>Psycho-Social Support', section).group(1)
    if language == settings.LANGUAGE_CODE:
        assert "lang=" not in note
    else:
        assert note == ' lang="en"'


@pytest.fixture
def evidenced(kazakhstan, components, roles):
    """A partner-only document and a public one as evidence of a public profile's status."""
    collection = Collection.get_first_root_node().add_child(name="Partner-only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles["partners"]])
    private = KnowledgeDocument(title=f"Internal mapping {PRIVATE_WORD}", collection=collection)
    private.file.save("mapping.pdf", ContentFile(b"%PDF-1.4 internal"), save=True)
    public = KnowledgeDocument(title="Round table record")
    public.file.save("record.pdf", ContentFile(b"%PDF-1.4 public"), save=True)
    _statuses(
        kazakhstan,
        [
            {
                "component": components["counselling"],
                "status": StatusLevel.PILOT,
                "note": "Psycho-Social Support Services in the Turkestan region.",
                "last_verified": TODAY,
                "evidence": [
                    ("document", public),
                    ("document", private),
                    ("link", {"title": "UNFPA Kazakhstan", "url": "https://kazakhstan.unfpa.org/"}),
                ],
            }
        ],
    )
    return {"public": public, "private": private}


@pytest.mark.parametrize("language", LANGUAGES)
def test_partner_only_evidence_is_absent_for_the_public(client, evidenced, language):
    html = _get(client, f"/{language}/countries/kz/")
    section = _section(html)
    assert "Round table record" in section
    assert "https://kazakhstan.unfpa.org/" in section
    assert PRIVATE_WORD not in html
    assert f"/documents/{evidenced['private'].pk}/" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_partner_sees_partner_only_evidence(client, evidenced, partner, language):
    client.force_login(partner)
    section = _section(_get(client, f"/{language}/countries/kz/"))
    assert PRIVATE_WORD in section
    assert f"/documents/{evidenced['private'].pk}/" in section


def _profile_with(site, components_made, count, *, iso_code):
    country = CountryFactory(iso_code=iso_code, name=f"Country {iso_code}")
    profile = make_country_page(site["countries"], country)
    documents = []
    for index in range(count):
        document = KnowledgeDocument(title=f"Evidence {iso_code} {index}")
        document.file.save(f"evidence-{iso_code}-{index}.pdf", ContentFile(b"%PDF-1.4 x"), save=True)
        documents.append(document)
    rows = [
        {
            "component": component,
            "status": StatusLevel.PILOT,
            "note": f"Note {index}",
            "last_verified": TODAY - datetime.timedelta(days=400 * (index % 2)),
            "evidence": [("document", documents[index]), ("link", {"title": "Source", "url": "https://example.org/"})],
        }
        for index, component in enumerate(components_made[:count])
    ]
    _statuses(profile, rows)
    # A second publish with every row changed: two history entries each.
    for row in rows:
        row["status"] = StatusLevel.IN_PLACE
    _statuses(profile, rows)
    return profile


def _queries(client, url):
    client.get(url)  # warm per-process caches, as a running site has
    with CaptureQueriesContext(connection) as captured:
        html = _get(client, url)
    return len(captured), html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_profile_reads_a_bounded_number_of_queries(client, site, locales, language, django_assert_max_num_queries):
    made = [
        _component(
            f"component-{index}",
            f"Component {index}",
            index,
            locales=locales,
            ru=f"Компонент {index}",
            ko=f"구성 요소 {index}",
        )
        for index in range(8)
    ]
    few = _profile_with(site, made, 2, iso_code="KG")
    many = _profile_with(site, made, 8, iso_code="KZ")
    few_count, few_html = _queries(client, f"/{language}/countries/{few.slug}/")
    many_count, many_html = _queries(client, f"/{language}/countries/{many.slug}/")
    assert _section(few_html).count("<details") == 2
    assert _section(many_html).count("<details") == 8
    assert many_count == few_count
    # The whole profile, whatever else it shows, and the section's own reads.
    with django_assert_max_num_queries(100):
        client.get(f"/{language}/countries/{many.slug}/")
    reader = Locale.objects.get(language_code=language)
    with django_assert_max_num_queries(24), translation.override(language):
        section = sunflower.country_sunflower_section(profile=many, user=AnonymousUser(), locale=reader)
    assert len(section.cells) == 8


def test_the_editor_tab_lists_the_rows_that_need_verification(client, kazakhstan, make_user):
    client.force_login(make_user("admin", superuser=True))
    url = f"/admin/pages/{kazakhstan.pk}/edit/"

    def panel():
        response = client.get(url)
        assert response.status_code == 200
        return " ".join(re.search(r'id="stale-statuses".*?</div>', response.content.decode(), re.S).group(0).split())

    shown = panel()
    assert "more than 365 days ago, or never" in shown
    assert "Police investigation on site: never verified" in shown
    assert "Counselling" not in shown

    _max_age(100)
    shown = panel()
    assert "more than 100 days ago" in shown
    assert "Counselling: last verified" in shown
    assert "Multidisciplinary staffing and training" not in shown


def _demo_profiles(site):
    """The countries, components and live statuses of the profiles the demo history names, from the demo data."""
    rows = data_read("status_history.yaml")
    pages = {item["country"]: item for item in data_read("pages/30-countries.yaml")["items"]}
    refs = Refs()
    for iso_code in {row["country"] for row in rows}:
        country = CountryFactory(iso_code=iso_code, name=pages[iso_code]["title"])
        refs.add(country, iso_code)
        live = []
        for position, status in enumerate(pages[iso_code]["component_statuses"]):
            component = ServiceComponent.objects.get_or_create(
                slug=status["component"],
                locale=Locale.get_default(),
                defaults={"name": status["component"], "sort_order": position},
            )[0]
            refs.add(component, status["component"])
            live.append(
                {
                    "component": component,
                    "status": status["status"],
                    "note": " ".join(status.get("note", "").split()),
                    "last_verified": datetime.date.fromisoformat(str(status["last_verified"])),
                }
            )
        _statuses(make_country_page(site["countries"], country, slug=pages[iso_code]["slug"]), live)
    return rows, refs


def test_the_demo_history_loads_once_and_ends_at_the_live_status(site):
    rows, refs = _demo_profiles(site)
    published = ComponentStatusChange.objects.count()

    first = Tally()
    status_history_ensure(first, refs)
    assert first.created["status history"] == len(rows)
    assert ComponentStatusChange.objects.count() == published + len(rows)

    again = Tally()
    status_history_ensure(again, refs)
    assert again.created["status history"] == 0
    assert again.present["status history"] == len(rows)
    assert ComponentStatusChange.objects.count() == published + len(rows)

    # Kazakhstan's training: planned in 2019, in place after the 2021 round table, then the live row.
    kz = Country.objects.get(iso_code="KZ")
    training = ServiceComponent.objects.get(slug="staffing-training")
    steps = list(
        ComponentStatusChange.objects.filter(country=kz, component=training)
        .order_by("changed_at")
        .values_list("changed_at__year", "status")
    )
    assert steps == [(2019, "planned"), (2021, "in-place"), (timezone.now().year, "in-place")]
    # Every history ends where its live profile stands.
    for status in ComponentStatus.objects.select_related("page__country"):
        latest = (
            ComponentStatusChange.objects.filter(country=status.page.country, component=status.component_id)
            .order_by("-changed_at")
            .first()
        )
        assert (latest.status, latest.note) == (status.status, status.note)
    # Kyrgyzstan has a history too.
    assert ComponentStatusChange.objects.filter(country__iso_code="KG", changed_at__year=2019).count() >= 3
