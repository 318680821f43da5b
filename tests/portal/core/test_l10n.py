"""Readers in every language: one date format per language, time zones by city, items marked
with their language, the footer's safety sentence and the quick-exit hints as interface strings.
"""

import datetime
import re
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation.template import templatize

import polib
import pytest
from bs4 import BeautifulSoup

from portal.core.l10n import time_zone_label
from portal.core.models import SiteSettings
from portal.templatetags.portal_tags import SAFETY_SENTENCE
from search import records
from tests.factories import CountryFactory, make_event, make_knowledge

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2019, 1, 29)
DATES = {"en": "29 January 2019", "ru": "29 января 2019 г.", "ko": "2019년 1월 29일"}


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.text, "html.parser")


# --- Dates: one format per language ---------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_a_date_reads_the_same_on_every_kind_of_page(client, site, locales, settings, language):
    settings.SEARCH_ELASTICSEARCH_URL = ""  # the date is the template's, whichever engine found it
    brief = make_knowledge(site["knowledge"], title="Funding the centres", publication_date=PUBLISHED)
    records.rebuild()

    shown = {
        "detail": soup(client, f"/{language}/knowledge/{brief.slug}/").select("main time"),
        "list": soup(client, f"/{language}/knowledge/").select(".card time"),
        "home": soup(client, f"/{language}/").select(".card time"),
        "search": soup(client, f"/{language}/search/?q=funding").select(".search-hit time"),
    }
    for where, times in shown.items():
        assert [time.get_text() for time in times] == [DATES[language]], where
        assert times[0]["datetime"] == "2019-01-29", where


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_an_event_says_its_date_as_the_lists_do_and_its_zone_by_city(client, site, locales, language):
    start = datetime.datetime(2026, 12, 9, 1, 0, tzinfo=datetime.UTC)  # 10:00 in Seoul
    event = make_event(site["events"], title="Study visit", start=start, time_zone="Asia/Seoul")

    page = soup(client, f"/{language}/events/{event.slug}/")
    facts = page.select_one(".facts").get_text(" ", strip=True)
    date = {"en": "9 December 2026", "ru": "9 декабря 2026 г.", "ko": "2026년 12월 9일"}[language]
    starts = {"en": f"{date}, 10:00", "ru": f"{date}, 10:00", "ko": f"{date} 10:00"}[language]
    assert starts in facts
    assert {"en": "Seoul (UTC+9)", "ru": "Сеул (UTC+9)", "ko": "서울 (UTC+9)"}[language] in facts
    assert "+0900" not in page.text and "Asia/Seoul" not in page.text

    card_dates = [time.get_text() for time in soup(client, f"/{language}/events/").select(".card time")]
    assert card_dates == [date]


def test_a_time_zone_says_its_offset_on_the_day_shown():
    winter = datetime.datetime(2026, 1, 15, 12, tzinfo=datetime.UTC)
    summer = datetime.datetime(2026, 7, 15, 12, tzinfo=datetime.UTC)
    with translation.override("ru"):
        assert time_zone_label("America/New_York", winter) == "Нью-Йорк (UTC\u22125)"
        assert time_zone_label("America/New_York", summer) == "Нью-Йорк (UTC\u22124)"
    with translation.override("ko"):
        assert time_zone_label("Europe/Paris", summer) == "파리 (UTC+2)"
    with translation.override("en"):
        assert time_zone_label("Asia/Kolkata", winter) == "Kolkata (UTC+5:30)"
        assert time_zone_label("UTC", winter) == "UTC"
        assert time_zone_label("Not/A_Zone", winter) == "Not/A_Zone"


# --- Items in another language are marked ---------------------------------------------------------


@pytest.mark.parametrize(("language", "name"), [("ru", "Английский"), ("ko", "영어")])
def test_an_english_item_in_a_translated_list_is_marked_english(client, site, locales, translate, language, name):
    CountryFactory(iso_code="KZ", name="Kazakhstan")
    english_only = make_knowledge(site["knowledge"], title="Brief only in English", summary="Not translated.")
    translated = make_knowledge(site["knowledge"])
    translate(translated, locales["ru"])  # the Russian words; Korean readers get its English

    cards = {
        card.select_one(".card__title").get_text(strip=True): card
        for card in soup(client, f"/{language}/knowledge/").select(".card")
    }
    card = cards["Brief only in English"]
    assert card.select_one(".card__title a")["lang"] == "en"
    assert card.select_one(".card__summary")["lang"] == "en"
    badge = card.select_one(".badge--language")
    assert badge is not None and badge.get_text(" ", strip=True).endswith(name)
    assert card.select_one(".card__meta").get("lang") is None, "the card's interface words stay the reader's"
    if language == "ru":
        russian = cards["Финансирование центра «одного окна»"]
        assert russian.select_one(".badge--language") is None
        assert russian.select_one(".card__title a").get("lang") is None
    assert english_only.slug in str(card)


def test_english_readers_see_no_language_marks(client, site, locales):
    make_knowledge(site["knowledge"], title="Brief only in English")
    page = soup(client, "/en/knowledge/")
    assert page.select(".card") and not page.select(".badge--language")


# --- The footer's safety sentence and the quick-exit hints ----------------------------------------


def _msgids(template: str) -> set[str]:
    """The messages makemessages extracts from a template."""
    path = Path(__file__).resolve().parents[3] / "portal" / "templates" / template
    return set(re.findall(r"gettext\(u?'((?:[^'\\]|\\.)*)'\)", templatize(path.read_text(), origin=str(path))))


def test_the_safety_sentence_and_the_hints_are_interface_strings():
    footer = _msgids("includes/footer.html")
    assert SAFETY_SENTENCE in footer
    assert SAFETY_SENTENCE in _msgids("includes/content_warning.html")
    header = _msgids("includes/header.html")
    assert {"To leave this site quickly, press Escape twice.", "To leave this site quickly, tap the button."} <= header
    assert any(msgid.startswith("Tap “Leave this site”") for msgid in footer)


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_the_footer_says_the_safety_sentence_in_the_readers_language(client, site, locales, language):
    # The demo once kept the sentence as the site's (English) helpline notice: it is not repeated.
    SiteSettings.objects.update_or_create(site=site["home"].get_site(), defaults={"helpline_text": SAFETY_SENTENCE})
    with translation.override(language):
        expected = translation.gettext(SAFETY_SENTENCE)
    if language != "en":
        catalogue = polib.pofile(str(settings.LOCALE_PATHS[0] / language / "LC_MESSAGES" / "django.po"))
        entry = catalogue.find(SAFETY_SENTENCE)
        if entry is not None and entry.msgstr:
            assert expected == entry.msgstr, "once the catalogue has it, readers get it"

    footer = soup(client, f"/{language}/").select_one("footer")
    help_lines = [p.get_text(" ", strip=True) for p in footer.select(".site-footer__help")]
    assert help_lines == [expected]


def test_a_sites_own_helpline_notice_follows_marked_with_its_language(client, site, locales):
    notice = "Kazakhstan: call 150 (free, 24 hours)."
    SiteSettings.objects.update_or_create(site=site["home"].get_site(), defaults={"helpline_text": notice})
    english = soup(client, "/en/").select(".site-footer__help")
    assert [p.get_text(strip=True) for p in english][1] == notice and english[1].get("lang") is None
    russian = soup(client, "/ru/").select(".site-footer__help")
    assert russian[1].get_text(strip=True) == notice and russian[1]["lang"] == "en"


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_the_keyboard_and_touch_hints_are_both_there_for_the_stylesheet_to_choose(client, site, locales, language):
    page = soup(client, f"/{language}/")
    assert len(page.select(".topbar .hint--keyboard")) == 1 and len(page.select(".topbar .hint--touch")) == 1
    assert len(page.select("footer .hint--keyboard")) == 1 and len(page.select("footer .hint--touch")) == 1
    css = (Path(__file__).resolve().parents[3] / "static" / "css" / "site.css").read_text()
    assert re.search(r"@media \(hover: hover\) and \(pointer: fine\) \{\s*\.hint--keyboard \{ display: revert; \}", css)
