"""Parts of pages made once per worker (`portal.core.fragments`): no work the second time, never stale.

With the page cache off, as the uncached pages are measured: a signed-out reader's second visit
renders no card, header or map again, and each change the editors make reaches the next reader
(the purge scenarios of `test_page_cache` run with kept fragments too). What depends on the
clock (an event's phase, the day on a profile) is part of a part's key, not left to a purge.
"""

import datetime

from django.utils import timezone

import pytest

from portal.core import fragments
from tests.factories import CountryFactory, make_country_page, make_document, make_event, make_knowledge
from tests.portal.test_query_counts import Translator

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "ko"]
# The parts a profile is made of (`kept_fragment` names and `kept` keys).
PROFILE_PARTS = {"card", "header", "footer", "map", "profile-sunflower", "profile-lists", "language-links"}


@pytest.fixture
def made(monkeypatch):
    """The parts made (not taken from what the worker kept) since the last call."""
    names = []
    kept = fragments.kept

    def watched(key, make, **kwargs):
        def making():
            names.append(key[1] if key[0] == "fragment" else key[0])
            return make()

        return kept(key, making, **kwargs)

    monkeypatch.setattr(fragments, "kept", watched)

    def since_last():
        found = set(names)
        names.clear()
        return found

    return since_last


def read(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def profile(site):
    def build(code):
        tr = Translator(code)
        kz = tr.entry(CountryFactory(iso_code="KZ", name="Kazakhstan"))
        for name in ("home", "countries", "knowledge", "events"):
            tr.page(site[name])
        page = tr.page(make_country_page(site["countries"], kz))
        tr.page(make_knowledge(site["knowledge"], title="Shelter standards", countries=[kz]))
        return tr, kz, page

    return build


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_signed_out_readers_second_visit_makes_no_card_header_or_map_again(client, profile, made, code):
    _tr, _kz, page = profile(code)
    first = read(client, page.url)
    assert made() >= PROFILE_PARTS
    assert read(client, page.url) == first
    assert not made()
    # Another page shows the same card, header and footer again, without making them.
    read(client, f"/{code}/knowledge/")
    assert not {"card", "footer"} & made()


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_signed_in_reader_gets_every_part_made_afresh(client, profile, partner, made, code):
    _tr, _kz, page = profile(code)
    read(client, page.url)
    client.force_login(partner)
    made()
    for _visit in range(2):
        read(client, page.url)
        assert made() >= PROFILE_PARTS


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_keeps_its_own_parts(client, profile, code):
    tr, kz, page = profile(code)
    english = client.get(f"/en/countries/{page.slug}/").content.decode()
    reader = client.get(page.url).content.decode()
    assert f'<html lang="{code}"' in reader
    if code != "en":
        # The card names the country in the reader's language, not as the English page kept it.
        assert kz.get_translation(tr.locale).name in reader
        assert "Kazakhstan" in english


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_event_card_turns_from_upcoming_to_held_as_time_passes(client, site, monkeypatch, code):
    tr = Translator(code)
    for name in ("home", "events"):
        tr.page(site[name])
    now = timezone.now()
    event = tr.page(
        make_event(
            site["events"],
            title="Round table",
            start=now + datetime.timedelta(hours=1),
            end=now + datetime.timedelta(hours=2),
        )
    )
    listing = f"/{code}/events/"
    before = client.get(listing).content.decode()
    assert event.title in before
    later = now + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    after = client.get(listing).content.decode()
    assert event.title in after
    assert _status_badges(before) != _status_badges(after)


def _status_badges(text: str) -> list[str]:
    return [part.split("</span>", 2)[1] for part in text.split('class="badge badge--status')[1:]]


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_citation_follows_its_documents_new_title(client, site, code):
    document = make_document("Annual report on shelters")
    landing = f"/{code}/documents/{document.pk}/{document.slug}/"
    assert "Annual report on shelters" in client.get(landing, follow=True).content.decode()
    document.title = "Annual report on shelters and helplines"
    document.save()
    text = client.get(f"/{code}/documents/{document.pk}/{document.slug}/", follow=True).content.decode()
    cite = text.split('id="cite-heading"', 1)[1].lower()
    assert cite.count("annual report on shelters and helplines") >= 2  # APA and Chicago (which capitalises)


def test_one_off_addresses_never_push_out_the_parts_readers_keep_using(client, profile, made, monkeypatch):
    _tr, _kz, page = profile("en")
    monkeypatch.setattr(fragments, "_ENTRIES", 40)
    read(client, page.url)
    made()
    for i in range(30):
        # A crawler's addresses: each keeps its own header and language links.
        assert client.get(f"/en/no-such-page-{i}/?utm_source={i}").status_code == 404
        made()
        read(client, page.url)
        assert "card" not in made(), i
