"""The dashboard's figures for a known programme (tests/portal/dashboard/conftest.py)."""

import datetime

from django.utils import translation

import pytest

from portal.dashboard import selectors

pytestmark = pytest.mark.django_db


def test_events_held_per_year_count_each_event_once_by_type(programme):
    years = selectors.events_held_by_year()

    assert [(entry.year, entry.total, entry.restricted) for entry in years] == [(2023, 2, 0), (2024, 1, 1)]
    assert {kind: count for kind, count in years[0].by_type.items() if count} == {"webinar": 1, "round-table": 1}
    assert {kind: count for kind, count in years[1].by_type.items() if count} == {"study-mission": 1}


def test_countries_count_the_events_they_hosted_or_took_part_in(programme):
    found = [(entry.iso_code, entry.hosted, entry.took_part, entry.total) for entry in selectors.events_by_country()]

    # Kazakhstan hosted the round table it took part in: two events, not three.
    assert found == [("KZ", 1, 2, 2), ("KG", 0, 2, 2), ("KR", 1, 0, 1)]


def test_country_names_are_in_the_admin_users_language(programme):
    with translation.override("ru"):
        names = {entry.iso_code: entry.name for entry in selectors.events_by_country()}
    assert names["KZ"] == "Казахстан"
    assert names["KG"] == "Kyrgyzstan", "an untranslated entry keeps its default name"


def test_documents_are_counted_once_per_family_by_country_and_language(programme):
    by_country = {entry.key: (entry.documents, entry.not_public) for entry in selectors.documents_by_country()}
    by_language = {entry.key: (entry.documents, entry.not_public) for entry in selectors.documents_by_language()}

    # KZ: the protocol (and its Russian row) and the partner-only sheet; KG: the sheet and the unreviewed mapping.
    assert by_country == {"KZ": (2, 1), "KG": (2, 2)}
    # Russian: the protocol's own Russian file and the partner-only sheet; English: the protocol and the mapping.
    assert by_language == {"en": (2, 1), "ru": (2, 1)}


def test_downloads_per_month_cover_twelve_months_and_nothing_older(programme):
    months = selectors.downloads_by_month()

    assert len(months) == 12
    assert months[-1].month == programme["today"].replace(day=1)
    assert months[-1].downloads == 15
    assert months[-2].month == programme["last_month"].replace(day=1)
    assert months[-2].downloads == 2
    assert sum(entry.downloads for entry in months) == 17
    assert months[0].month > programme["today"] - datetime.timedelta(days=366)


def test_top_documents_add_up_a_family_and_name_only_what_the_user_may_see(programme, reviewer, blind_reviewer):
    shown = selectors.top_documents_downloaded(user=reviewer)
    assert [(entry.title, entry.downloads, entry.public) for entry in shown] == [
        ("Referral protocol", 10, True),
        (programme["secret"].title, 7, False),
    ]

    hidden = selectors.top_documents_downloaded(user=blind_reviewer)
    assert [(entry.title, entry.downloads, entry.public, entry.edit_url) for entry in hidden] == [
        ("Referral protocol", 10, True, ""),
        ("", 7, False, ""),
    ]


def test_the_most_frequent_searches_without_results_of_the_last_90_days_by_language(programme):
    found = [(entry.query, entry.language, entry.searches, entry.days) for entry in selectors.zero_result_searches()]

    assert found == [
        ("dating violence apps", "en", 3, 1),
        ('=hyperlink("http://evil")', "en", 1, 1),
        ("насилие в школе", "ru", 2, 2),
    ]


def test_statuses_never_verified_or_verified_too_long_ago_are_listed(programme, reviewer):
    verification = selectors.statuses_needing_verification(user=reviewer)

    assert verification.max_age_days == 365
    assert [
        (entry.iso_code, entry.component, entry.status, entry.last_verified) for entry in verification.statuses
    ] == [
        ("KG", "Police unit", "planned", None),
        ("KG", "Shelter", "pilot", datetime.date(2018, 4, 1)),
    ]
    assert verification.statuses[0].edit_url == f"/admin/pages/{programme['kyrgyzstan'].pk}/edit/"
