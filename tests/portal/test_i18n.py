"""Every page in the reader's language: translations, fallbacks, and what readers and editors are told.

Pages are translated the way the team does it: with wagtail-localize (submit, export a PO file,
fill it in, import it, publish) or with a plain copy, as the demo loader does.
"""

import re
from html import unescape

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import polib
import pytest

from tests.factories import make_knowledge

pytestmark = pytest.mark.django_db

RUSSIAN = {
    "Funding a one-stop centre": "Финансирование центра «одного окна»",
    "How the centres are paid for.": "Как финансируются центры.",
    "Police training course": "Учебный курс для полиции",
    "Training for investigators.": "Обучение следователей.",
}
FALLBACK_RU = "Эта страница пока недоступна на русском языке; вы читаете английскую версию."
FALLBACK_KO = "이 페이지는 아직 한국어로 제공되지 않습니다. 지금 보고 계신 것은 영어판입니다."
OUTDATED_RU = "Возможно, этот перевод устарел"
MACHINE_RU = "Машинный перевод; ещё не проверен человеком."


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("ru", "ko")}


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate a page through wagtail-localize's PO round trip and publish it."""

    def run(page, locale, words=RUSSIAN, *, translation_type="manual", user=None):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
        po = translation.export_po()
        for entry in po:
            # Slugs stay as they are, so the address differs only by its language prefix.
            entry.msgstr = entry.msgid if entry.msgctxt == "slug" else words[entry.msgid]
        warnings = translation.import_po(polib.pofile(str(po)), user=user, translation_type=translation_type)
        assert warnings == []
        # wagtail-localize publishes once the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(user=user, publish=True)
        return page.get_translation(locale).specific

    return run


def republish(page):
    page.refresh_from_db()
    page.save_revision().publish()


def main_tag(html: str) -> str:
    return re.search(r"<main[^>]*>", html).group(0)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


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
            placeholders = set(re.findall(r"%\(\w+\)[sd]", entry.msgid))
            translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            for text in translations:
                assert set(re.findall(r"%\(\w+\)[sd]", text)) == placeholders, (language, entry.msgid)


def test_compile_translations_needs_no_gettext_and_is_idempotent(tmp_path, settings, capsys):
    messages = tmp_path / "ru" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"}
    catalogue.append(polib.POEntry(msgid="Search", msgstr="Поиск"))
    catalogue.append(polib.POEntry(msgid="Guess", msgstr="Догадка", flags=["fuzzy"]))
    catalogue.save(str(messages / "django.po"))
    settings.LOCALE_PATHS = [tmp_path]

    call_command("compile_translations")
    compiled = {entry.msgid: entry.msgstr for entry in polib.mofile(str(messages / "django.mo"))}
    assert compiled["Search"] == "Поиск"
    assert "Guess" not in compiled, "a fuzzy entry is a guess, not a translation"
    assert "compiled 1, already up to date 0" in capsys.readouterr().out

    call_command("compile_translations")
    assert "compiled 0, already up to date 1" in capsys.readouterr().out


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


# --- The translation status report ---------------------------------------------------------------------


def report_states(html: str) -> dict[str, dict[str, str]]:
    """{item title: {language code: the state an editor reads}} from the report's tables."""
    states = {}
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        header = re.search(r'<th scope="row"[^>]*>(.*?)</th>', row, re.S)
        if header is None:
            continue
        title = text_of(re.sub(r"<div.*?</div>", "", header.group(1), flags=re.S))
        cells = re.findall(r'<td data-language="(\w+)" data-state="[\w-]+">(.*?)</td>', row, re.S)
        states[title] = {code: text_of(re.sub(r'<span class="w-sr-only">.*?</span>', "", cell)) for code, cell in cells}
    return states


def test_report_shows_up_to_date_changed_and_missing(client, site, locales, translate, make_user):
    current = make_knowledge(site["knowledge"])
    changed = make_knowledge(site["knowledge"], title="Police training course", summary="Training for investigators.")
    make_knowledge(site["knowledge"], title="Shelter standards", summary="Minimum standards.")
    translate(current, locales["ru"])
    translate(changed, locales["ru"])
    republish(changed)
    client.force_login(make_user("admin", superuser=True))

    response = client.get(reverse("portal_translation_status"), {"language": "ru"})

    assert response.status_code == 200
    html = response.text
    states = report_states(html)
    assert states["Funding a one-stop centre"] == {"ru": "up to date"}
    assert states["Police training course"] == {"ru": "source changed since"}
    assert states["Shelter standards"] == {"ru": "missing"}
    assert "<caption" in html and '<th scope="col">Russian</th>' in html
    assert 'data-language="ko"' not in html, "filtered to Russian"


def test_report_lists_every_language_and_the_vocabularies(client, site, locales, make_user):
    from tests.factories import CountryFactory

    kazakhstan = CountryFactory()
    russian = kazakhstan.copy_for_translation(locales["ru"])
    russian.name = "Казахстан"
    russian.save()
    client.force_login(make_user("admin", superuser=True))

    states = report_states(client.get(reverse("portal_translation_status")).text)
    assert states["Kazakhstan"] == {"ko": "missing", "ru": "up to date"}
    assert states["Knowledge"] == {"ko": "missing", "ru": "missing"}


def test_report_is_for_admin_users_and_refuses_unknown_languages(client, site, locales, roles, make_user):
    url = reverse("portal_translation_status")
    assert client.get(url).status_code == 302, "anonymous readers are sent to sign in"

    client.force_login(make_user("translator", group=roles["translators"]))
    assert client.get(url).status_code == 200
    assert client.get(url, {"language": "xx"}).status_code == 400

    client.force_login(make_user("partner", group=roles["partners"]))
    assert client.get(url).status_code in (302, 403), "partner officials have no admin access"


def test_report_is_in_the_reports_menu(client, site, make_user):
    client.force_login(make_user("admin", superuser=True))
    assert reverse("portal_translation_status") in client.get(reverse("wagtailadmin_home")).text


# --- Translators ---------------------------------------------------------------------------------------


def test_translator_cannot_publish_a_translation(client, site, locales, roles, translate, make_user):
    translator = make_user("translator", group=roles["translators"])
    brief = make_knowledge(site["knowledge"])
    russian = translate(brief, locales["ru"])
    # The translator's new wording waits in wagtail-localize's translation memory…
    StringTranslation.objects.filter(locale=locales["ru"], data=RUSSIAN["Funding a one-stop centre"]).update(
        data="Черновик переводчика"
    )
    client.force_login(translator)

    response = client.post(reverse("wagtailadmin_pages:edit", args=[russian.pk]), {"action": "publish"})

    assert response.status_code in (302, 403)
    assert not Page.objects.get(pk=russian.pk).permissions_for_user(translator).can_publish()
    html = client.get(russian.url).text
    assert "Финансирование центра «одного окна»" in unescape(html), "readers still see the published wording"
    assert "Черновик переводчика" not in html


def test_translator_can_edit_the_russian_translation(site, locales, roles, translate, make_user):
    from portal.site.roles import roles_ensure

    translator = make_user("translator", group=roles["translators"])
    russian = translate(make_knowledge(site["knowledge"]), locales["ru"])
    roles_ensure(site_root=site["home"])
    assert Page.objects.get(pk=russian.pk).permissions_for_user(translator).can_edit()


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


def test_image_alt_text_is_translated_with_its_page(client, site, locales, translate):
    """An image's alt text belongs to the page that shows it, so it goes through the same PO file."""
    from tests.portal.test_images import body_img, page_with_image

    page, _photo = page_with_image(site, alt_text="Counsellor and survivor in a quiet room")
    words = {
        "Inside a one-stop centre": "Внутри центра «одного окна»",
        "How the centres are paid for.": "Как финансируются центры.",
        "Counsellor and survivor in a quiet room": "Консультант и пострадавшая в тихой комнате",
    }
    russian = translate(page, locales["ru"], words)
    assert body_img(client, russian)["alt"] == "Консультант и пострадавшая в тихой комнате"
    assert body_img(client, page)["alt"] == "Counsellor and survivor in a quiet room"
