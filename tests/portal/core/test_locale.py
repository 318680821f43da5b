"""Vocabulary entries in the reader's language, read whole once per request (portal/core/locale.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale

import pytest

from portal.core.locale import attach_in_language, entries_in_language, vocabulary_in_locale
from portal.core.models import Country, Theme
from tests.factories import CountryFactory, ThemeFactory, make_event, make_knowledge

pytestmark = pytest.mark.django_db


def translated(entry, code, name):
    copy = entry.copy_for_translation(Locale.objects.get_or_create(language_code=code)[0])
    copy.name = name
    copy.save()
    return copy


def vocabulary_reads(captured, table):
    return [query for query in captured if f'FROM "{table}"' in query["sql"]]


@pytest.mark.parametrize("code", ["ru", "ko"])
def test_a_vocabulary_is_read_once_per_request_in_the_readers_language(memo, code):
    kz = CountryFactory(iso_code="KZ", name="Kazakhstan")
    kg = CountryFactory(iso_code="KG", name="Kyrgyzstan")
    translated(kz, code, f"Kazakhstan [{code}]")
    with CaptureQueriesContext(connection) as captured:
        first = entries_in_language([kz, kg], language=code)
        second = entries_in_language([kg], language=code)
        listed = vocabulary_in_locale(model=Country, locale=Locale.objects.get(language_code=code))
    assert [entry.name for entry in first] == [f"Kazakhstan [{code}]", "Kyrgyzstan"]
    assert [entry.name for entry in second] == ["Kyrgyzstan"]
    assert sorted(entry.name for entry in listed) == [f"Kazakhstan [{code}]", "Kyrgyzstan"]
    assert len(vocabulary_reads(captured, "portal_country")) == 1


def test_an_entry_translated_within_the_request_is_not_read_stale(memo):
    kz = CountryFactory(iso_code="KZ", name="Kazakhstan")
    assert entries_in_language([kz], language="ru")[0].name == "Kazakhstan"
    translated(kz, "ru", "Казахстан")
    assert entries_in_language([kz], language="ru")[0].name == "Казахстан"


def test_without_a_request_only_the_entries_asked_for_are_read():
    kz = CountryFactory(iso_code="KZ", name="Kazakhstan")
    translated(kz, "ru", "Казахстан")
    translated(CountryFactory(iso_code="KG", name="Kyrgyzstan"), "ru", "Кыргызстан")
    with CaptureQueriesContext(connection) as captured:
        (entry,) = entries_in_language([kz], language="ru")
    assert entry.name == "Казахстан"
    (read,) = vocabulary_reads(captured, "portal_country")
    assert "translation_key" in read["sql"]


@pytest.mark.parametrize("code", ["en", "ru", "ko"])
def test_a_pages_relations_are_read_together_in_their_order(site, memo, code):
    """An event's countries, themes, organisers and partners: each list in its own order, in the reader's language."""
    countries = [CountryFactory(iso_code=iso, name=name) for iso, name in (("KZ", "Kazakhstan"), ("AL", "Albania"))]
    themes = [ThemeFactory(slug="police", name="Police"), ThemeFactory(slug="health", name="Health")]
    if code != "en":
        translated(countries[0], code, f"Kazakhstan [{code}]")
        translated(themes[1], code, f"Health [{code}]")
    event = make_event(site["events"], title="Anchor", countries=countries)
    event.themes.set(themes)
    event.save()  # a page's many-to-many relations are kept in memory until it is saved
    event = type(event).objects.get(pk=event.pk)  # as a request reads it: nothing in memory
    with translation.override(code):
        attach_in_language([event], ["countries", "themes", "organisers", "partners"])
    suffix = "" if code == "en" else f" [{code}]"
    assert [entry.name for entry in event.in_language["countries"]] == ["Albania", f"Kazakhstan{suffix}"]
    assert [entry.name for entry in event.in_language["themes"]] == [f"Health{suffix}", "Police"]
    assert event.in_language["organisers"] == event.in_language["partners"] == []


def test_a_preview_shows_its_unsaved_relations(site, memo):
    """A page being previewed keeps its relations in memory: those are shown, not the saved ones."""
    kz = CountryFactory(iso_code="KZ", name="Kazakhstan")
    al = CountryFactory(iso_code="AL", name="Albania")
    theme = ThemeFactory(slug="police", name="Police")
    page = make_knowledge(site["knowledge"], title="Anchor", countries=[kz], themes=[theme])
    page.countries = [al]  # the editor's unsaved choice
    attach_in_language([page], ["countries", "themes"], language="ru")
    assert [entry.name for entry in page.in_language["countries"]] == ["Albania"]
    assert [entry.name for entry in page.in_language["themes"]] == ["Police"]
    assert Theme.objects.count() == 1
