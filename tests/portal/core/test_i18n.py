"""Every page in the reader's language: translations, fallbacks, and what readers and editors are told.

Pages are translated the way the team does it: with wagtail-localize (submit, export a PO file,
fill it in, import it, publish) or with a plain copy, as the demo loader does.
"""

import re
from html import unescape

from django.conf import settings

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import polib
import pytest

from tests.factories import make_knowledge
from tests.pages import main_tag, text_of
from tests.portal.translations import RUSSIAN, republish

pytestmark = pytest.mark.django_db

FALLBACK_RU = "Эта страница пока недоступна на русском языке; вы читаете английскую версию."
FALLBACK_KO = "이 페이지는 아직 한국어로 제공되지 않습니다. 지금 보고 계신 것은 영어판입니다."
OUTDATED_RU = "Возможно, этот перевод устарел"
MACHINE_RU = "Машинный перевод; ещё не проверен человеком."


# --- A page translated with wagtail-localize -----------------------------------------------------


def test_po_round_trip_serves_the_russian_page(client, site, locales, translate):
    brief = make_knowledge(site["knowledge"])
    source, _created = TranslationSource.get_or_create_from_instance(brief)
    translation = Translation.objects.create(source=source, target_locale=locales["ru"])
    exported = {entry.msgid for entry in translation.export_po()}
    assert {"Funding a one-stop centre", "How the centres are paid for."} <= exported

    russian = translate(brief, locales["ru"])

    assert russian.url == f"/ru/knowledge/{brief.slug}/"
    response = client.get(russian.url)
    assert response.status_code == 200
    html = response.text
    assert "<h1>Финансирование центра «одного окна»</h1>" in unescape(html)
    assert "Как финансируются центры." in html
    assert '<html lang="ru" dir="ltr">' in html
    assert "lang=" not in main_tag(html), "a real translation needs no language of its own"
    assert "translation-notice" not in html
    assert "Funding a one-stop centre" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_english_page_lists_its_translation_as_an_alternate(client, site, locales, translate):
    brief = make_knowledge(site["knowledge"])
    translate(brief, locales["ru"])

    html = client.get(brief.url).text
    assert re.search(rf'<link rel="alternate" hreflang="en" href="http://[^"]+/en/knowledge/{brief.slug}/">', html)
    assert re.search(rf'<link rel="alternate" hreflang="ru" href="http://[^"]+/ru/knowledge/{brief.slug}/">', html)
    assert f'href="/ru/knowledge/{brief.slug}/" lang="ru" hreflang="ru"' in html, "the language switcher offers it"


# --- Fallback: the reader's language has no translation -------------------------------------------


def test_untranslated_page_tells_russian_readers_they_read_english(client, site, locales):
    brief = make_knowledge(site["knowledge"])

    response = client.get(f"/ru/knowledge/{brief.slug}/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Funding a one-stop centre</h1>" in html, "Wagtail serves the English page"
    assert FALLBACK_RU in html
    assert '<html lang="ru"' in html, "the interface stays Russian"
    assert 'lang="en"' in main_tag(html), "the content is marked as English"
    assert re.search(r'class="container translation-notice" lang="ru"', html), "the notice itself is Russian"


def test_untranslated_page_tells_korean_readers_they_read_english(client, site, locales):
    brief = make_knowledge(site["knowledge"])

    html = client.get(f"/ko/knowledge/{brief.slug}/").text
    assert FALLBACK_KO in html
    assert 'lang="en"' in main_tag(html)


def test_untranslated_parent_of_a_translation_is_a_fallback_too(client, site, locales, translate):
    # Translating one page copies its parents as aliases: the English words under a Russian address.
    translate(make_knowledge(site["knowledge"]), locales["ru"])

    html = client.get("/ru/").text
    assert FALLBACK_RU in html
    assert 'lang="en"' in main_tag(html)


def test_english_page_for_english_readers_has_no_notice(client, site, locales):
    brief = make_knowledge(site["knowledge"])
    html = client.get(brief.url).text
    assert "translation-notice" not in html
    assert "lang=" not in main_tag(html)


def test_untranslated_page_inside_a_translated_section_falls_back_to_english(client, site, locales, translate):
    from knowledge.models import PolicyBriefPage

    translate(site["knowledge"], locales["ru"], {"Knowledge": "Знания"})
    untranslated = make_knowledge(site["knowledge"], PolicyBriefPage, title="Brief only in English")
    response = client.get(f"/ru/knowledge/{untranslated.slug}/")
    assert response.status_code == 200
    assert "Brief only in English" in response.text
    listing = client.get("/ru/knowledge/")
    assert "Brief only in English" in listing.text, "Russian lists show untranslated items in English"
    assert client.get("/ru/knowledge/no-such-brief/").status_code == 404


# --- Outdated and machine-translated translations ---------------------------------------------------


def test_translation_is_flagged_when_the_original_changes(client, site, locales, translate):
    brief = make_knowledge(site["knowledge"])
    russian = translate(brief, locales["ru"])
    assert OUTDATED_RU not in client.get(russian.url).text

    republish(brief)

    text = text_of(client.get(russian.url).text)
    assert OUTDATED_RU in text
    assert "Финансирование центра «одного окна»" in text, "the Russian text is still served"
    assert f'href="/en/knowledge/{brief.slug}/" hreflang="en">Читать оригинал</a>' in client.get(russian.url).text


def test_copied_translation_is_flagged_when_the_original_changes(client, site, locales):
    brief = make_knowledge(site["knowledge"])
    copy = brief.copy_for_translation(locales["ru"], copy_parents=True).specific
    copy.title = "Финансирование центра «одного окна»"
    copy.save_revision().publish()
    assert OUTDATED_RU not in client.get(copy.url).text

    republish(brief)

    assert OUTDATED_RU in text_of(client.get(copy.url).text)


def test_machine_translation_is_labelled_until_a_person_edits_it(client, site, locales, translate, make_user):
    brief = make_knowledge(site["knowledge"])
    russian = translate(brief, locales["ru"], translation_type="machine")
    assert MACHINE_RU in client.get(russian.url).text

    # A person corrects the machine's title (as wagtail-localize's editor does) and publishes.
    reviewed = {**RUSSIAN, "Funding a one-stop centre": "Как финансировать центр «одного окна»"}
    for string in StringTranslation.objects.filter(locale=locales["ru"]).select_related("translation_of"):
        string.data = reviewed.get(string.translation_of.data, string.data)
        string.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
        string.save()
    translate(brief, locales["ru"], reviewed, user=make_user("reviewer"))

    html = client.get(russian.url).text
    assert MACHINE_RU not in html
    assert "Как финансировать центр «одного окна»" in unescape(html)


# --- Interface strings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", ["Перейти к основному содержанию", ">Поиск<", "Покинуть сайт", "Вход для партнёров", "„Подсолнух“"]),
        ("ko", ["본문으로 건너뛰기", ">검색<", "이 사이트 나가기", "파트너 로그인", "해바라기센터"]),
    ],
)
def test_interface_is_in_the_readers_language(client, site, locales, language, expected):
    html = client.get(f"/{language}/").text
    for words in expected:
        assert words in html, words
    assert "Skip to main content" not in html


def test_result_counts_use_the_right_plural_form(client, site, locales):
    # Russian has three forms: 1 материал, 2 материала, 5 материалов.
    from django.utils import translation
    from django.utils.translation import ngettext

    with translation.override("ru"):
        forms = [ngettext("%(counter)s item", "%(counter)s items", n) % {"counter": n} for n in (1, 3, 5, 21, 111)]
    assert forms == ["1 материал", "3 материала", "5 материалов", "21 материал", "111 материалов"]


def test_catalogues_are_complete(locales):
    for language, plural_forms in (("ru", 3), ("ko", 1)):
        catalogue = polib.pofile(str(settings.LOCALE_PATHS[0] / language / "LC_MESSAGES" / "django.po"))
        assert f"nplurals={plural_forms};" in catalogue.metadata["Plural-Forms"]
        assert catalogue.untranslated_entries() == [], language
        assert catalogue.fuzzy_entries() == [], language
        for entry in catalogue:
            # A plural's forms carry the plural's placeholders: a language with one form (Korean),
            # or Russian's form for 1, 21, 31…, must still say the number.
            placeholders = set(re.findall(r"%\(\w+\)[sd]", entry.msgid_plural or entry.msgid))
            translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            for text in translations:
                assert set(re.findall(r"%\(\w+\)[sd]", text)) == placeholders, (language, entry.msgid)


# --- Right-to-left languages ------------------------------------------------------------------------


def test_a_right_to_left_language_is_a_settings_change(client, site, settings):
    # Dari, as one line in LANGUAGES would add it (and a Locale, as the admin would).
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.LANGUAGES, ("fa-af", "Dari")]
    Locale.objects.create(language_code="fa-af")
    brief = make_knowledge(site["knowledge"])

    html = client.get(f"/fa-af/knowledge/{brief.slug}/").text
    assert '<html lang="fa-af" dir="rtl">' in html
    assert 'lang="en" dir="ltr"' in main_tag(html), "the English fallback reads left to right"
    assert re.search(r'translation-notice" lang="fa-af" dir="rtl"', html), "the notice reads right to left"
