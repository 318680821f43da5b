"""Translations go live through review: a draft, the translator's editor, the reviewers' dashboard.

The translator works as in the browser: wagtail-localize's "Translate this page", its editor's
string API (what the editor calls on each "Save"), then the editor's own buttons.
"""

from html import unescape

from django.core import mail
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

import polib
import pytest

from portal.site.roles import roles_ensure
from tests.factories import make_event, make_knowledge
from tests.pages import main_tag
from tests.portal.core.test_i18n import FALLBACK_KO, FALLBACK_RU, MACHINE_RU, OUTDATED_RU

pytestmark = pytest.mark.django_db

FALLBACK = {"ru": FALLBACK_RU, "ko": FALLBACK_KO}
WORDS = {
    "ru": {
        "Funding a one-stop centre": "Финансирование центра «одного окна»",
        "How the centres are paid for.": "Как финансируются центры.",
        "Webinar on crisis centres": "Вебинар о кризисных центрах",
    },
    "ko": {
        "Funding a one-stop centre": "원스톱 센터 재원 마련",
        "How the centres are paid for.": "센터의 재원 조달 방법.",
        "Webinar on crisis centres": "위기 센터 웨비나",
    },
}


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_for_translation(client, page, locale):
    """wagtail-localize's "Translate this page", for one language (translators and administrators may)."""
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, response.text[:500]
    return Page.objects.get(translation_key=page.translation_key, locale=locale).specific


def fill_in(client, translated, words):
    """Every string of the translation, as the translator types it into the editor and saves.

    What `words` has no translation for (a slug, a time zone) is kept as it is.
    """
    translation = Translation.objects.get(source__object_id=translated.translation_key, target_locale=translated.locale)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string", "context"):
        text = segment.string.data
        value = words.get(text, text)
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT)
        assert response.status_code in (200, 201), response.content
    return translation


def press(client, page, action):
    return client.post(edit_url(page), {"portal-translation-action": action})


def reader_sees(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.text)


@pytest.fixture
def people(site, locales, roles, make_user):
    """The roles, over a site with Russian and Korean trees (home and sections), as the demo has them."""
    for locale in locales.values():
        site["home"].copy_for_translation(locale).save_revision().publish()
        for section in ("countries", "knowledge", "events"):
            site[section].copy_for_translation(locale).save_revision().publish()
    roles_ensure(site_root=site["home"])
    return {
        "translator": make_user("translator", group=roles["translators"]),
        "reviewer": make_user("reviewer", group=roles["reviewers"]),
        "organiser": make_user("organiser", group=roles["organisers"]),
    }


# --- (a) A new translation is a draft; readers get the original -------------------------------


@pytest.mark.parametrize("language", ["ru", "ko"])
def test_a_page_submitted_for_translation_is_a_draft_and_readers_get_the_original(
    client, site, locales, people, language
):
    brief = make_knowledge(site["knowledge"])
    client.force_login(people["translator"])
    translated = submit_for_translation(client, brief, locales[language])
    client.logout()

    assert not translated.live, "not live until it is translated and published"
    html = reader_sees(client, f"/{language}/knowledge/{brief.slug}/")
    assert "<h1>Funding a one-stop centre</h1>" in html, "the English original"
    assert FALLBACK[language] in html
    assert 'lang="en"' in main_tag(html), "marked as English"
    assert OUTDATED_RU not in html
    assert "Funding a one-stop centre" in reader_sees(client, f"/{language}/knowledge/"), "still listed, in English"


# --- (b) (c) The translator submits; the section's reviewers publish ------------------------------


@pytest.mark.parametrize(
    ("section", "approver", "bystander", "language"),
    [("knowledge", "reviewer", "organiser", "ru"), ("events", "organiser", "reviewer", "ko")],
)
def test_the_translator_submits_and_the_sections_reviewers_publish(
    client, site, locales, people, section, approver, bystander, language
):
    if section == "events":
        original = make_event(site["events"], title="Webinar on crisis centres")
    else:
        original = make_knowledge(site["knowledge"])
    words = WORDS[language]
    client.force_login(people["translator"])
    translated = submit_for_translation(client, original, locales[language])

    editor = client.get(edit_url(translated))
    assert editor.status_code == 200
    assert 'value="submit-for-review"' in editor.text and "Submit for review" in editor.text
    fill_in(client, translated, words)
    response = press(client, translated, "submit-for-review")
    assert response.status_code == 302

    translated = Page.objects.get(pk=translated.pk).specific
    assert not translated.live, "waiting for review, not live"
    assert translated.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert translated.get_latest_revision_as_object().title == words[original.title]
    client.logout()
    url = f"/{language}/{section}/{original.slug}/"
    assert FALLBACK[language] in reader_sees(client, url), "readers still get the original"

    # Wagtail tells the section's reviewers by e-mail, and the admin's home shows them what waits
    # (organisers, who otherwise start in Events, get the dashboard while something waits).
    told = {address for message in mail.outbox for address in message.to if words[original.title] in message.subject}
    assert people[approver].email in told
    assert people[bystander].email not in told
    client.force_login(people[approver])
    home = client.get(reverse("wagtailadmin_home"), follow=True)
    dashboard = unescape(home.text)
    assert "Awaiting your review" in dashboard
    assert words[original.title] in dashboard
    client.force_login(people[bystander])
    assert words[original.title] not in unescape(client.get(reverse("wagtailadmin_home"), follow=True).text)
    client.force_login(people[approver])

    task_state = translated.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[translated.pk, "approve", task_state.pk]),
        {"comment": "Reviewed."},
    )
    assert response.status_code in (200, 302), response.text[:300]
    client.logout()

    assert Page.objects.get(pk=translated.pk).live
    html = reader_sees(client, url)
    assert f"<h1>{words[original.title]}</h1>" in html
    assert "translation-notice" not in html


def test_saving_a_draft_starts_no_review(client, site, locales, people):
    brief = make_knowledge(site["knowledge"])
    client.force_login(people["translator"])
    russian = submit_for_translation(client, brief, locales["ru"])
    fill_in(client, russian, WORDS["ru"])

    assert press(client, russian, "save-draft").status_code == 302

    russian = Page.objects.get(pk=russian.pk).specific
    assert russian.get_latest_revision_as_object().title == "Финансирование центра «одного окна»"
    assert russian.current_workflow_state is None
    assert not russian.live


def test_a_translation_sent_back_is_resubmitted(client, site, locales, people):
    brief = make_knowledge(site["knowledge"])
    client.force_login(people["translator"])
    russian = submit_for_translation(client, brief, locales["ru"])
    fill_in(client, russian, WORDS["ru"])
    press(client, russian, "submit-for-review")
    russian = Page.objects.get(pk=russian.pk).specific
    client.force_login(people["reviewer"])
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[russian.pk, "reject", russian.current_workflow_task_state.pk],
        ),
        {"comment": "Use the glossary's term."},
    )
    assert Page.objects.get(pk=russian.pk).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(people["translator"])
    press(client, russian, "submit-for-review")

    state = Page.objects.get(pk=russian.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.filter(object_id=str(russian.pk)).count() == 1, "the same review, resumed"


def test_a_translator_cannot_publish_from_the_editor(client, site, locales, people):
    brief = make_knowledge(site["knowledge"])
    client.force_login(people["translator"])
    russian = submit_for_translation(client, brief, locales["ru"])
    fill_in(client, russian, WORDS["ru"])

    response = client.post(edit_url(russian), {"action": "publish"})

    assert response.status_code in (302, 403)
    assert not Page.objects.get(pk=russian.pk).live


def test_convert_to_alias_is_for_publishers_only(client, site, locales, people):
    brief = make_knowledge(site["knowledge"])
    client.force_login(people["translator"])
    russian = submit_for_translation(client, brief, locales["ru"])
    convert = reverse("wagtail_localize:convert_to_alias", args=[russian.pk])

    response = client.post(convert)

    assert response.status_code == 302
    assert Page.objects.get(pk=russian.pk).alias_of_id is None, "the translation is kept"
    client.force_login(people["reviewer"])
    assert client.get(convert).status_code == 200, "a reviewer may still choose it"


def test_in_the_page_editor_a_translators_primary_action_is_submit(client, site, locales, people, translate):
    # A translation copied rather than made with wagtail-localize opens in Wagtail's own editor.
    brief = make_knowledge(site["knowledge"])
    russian = brief.copy_for_translation(locales["ru"])
    client.force_login(people["translator"])

    html = client.get(edit_url(russian)).text

    footer = html[html.index('<footer class="footer') :]
    first_button = footer[footer.index("<button") : footer.index(">", footer.index("<button"))]
    assert 'name="action-submit"' in first_button
    assert "localize-convert-to-alias" not in footer


# --- (d) Translators do not edit originals ------------------------------------------------------


def test_a_translator_cannot_open_or_save_an_original(client, site, locales, people, make_user, roles):
    brief = make_knowledge(site["knowledge"])
    event = make_event(site["events"])
    client.force_login(people["translator"])
    for original in (brief, event):
        response = client.get(edit_url(original))
        assert response.status_code == 302, original
        assert response.url == reverse("wagtailadmin_explore", args=[original.get_parent().pk])
    client.post(edit_url(brief), {"title": "Overwritten", "slug": brief.slug, "action-submit": "1"})
    assert Page.objects.get(pk=brief.pk).get_latest_revision_as_object().title == "Funding a one-stop centre"

    # Their translations are theirs to edit, in any language.
    translations = [submit_for_translation(client, brief, locales[code]) for code in ("ru", "ko")]
    for translated in translations:
        assert client.get(edit_url(translated)).status_code == 200

    # A translator who also writes for the section keeps the writer's rights.
    writer = make_user("writer", group=roles["specialists"])
    writer.groups.add(roles["translators"])
    client.force_login(writer)
    assert client.get(edit_url(brief)).status_code == 200


# --- (e) Machine-translated text stays marked ------------------------------------------------


def test_machine_translated_text_stays_marked_until_a_person_edits_it(client, site, locales, people):
    brief = make_knowledge(site["knowledge"])
    client.force_login(people["translator"])
    russian = submit_for_translation(client, brief, locales["ru"])
    translation = Translation.objects.get(source__object_id=brief.translation_key, target_locale=locales["ru"])
    po = translation.export_po()
    for entry in po:
        entry.msgstr = entry.msgid if entry.msgctxt == "slug" else WORDS["ru"][entry.msgid]
    translation.import_po(polib.pofile(str(po)), translation_type="machine", tool_name="DeepL")
    client.force_login(people["translator"])
    press(client, russian, "submit-for-review")
    client.force_login(people["reviewer"])
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[russian.pk, "approve", Page.objects.get(pk=russian.pk).current_workflow_task_state.pk],
        ),
        {"comment": "Reviewed."},
    )
    client.logout()
    html = reader_sees(client, russian.url)
    assert "<h1>Финансирование центра «одного окна»</h1>" in html, html[html.find("<main") :][:1500]
    assert MACHINE_RU in html, "published through review, still the machine's words"

    client.force_login(people["translator"])
    fill_in(client, russian, WORDS["ru"])
    assert not StringTranslation.objects.filter(
        locale=locales["ru"], translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ).exists()
    client.logout()
    assert MACHINE_RU not in reader_sees(client, russian.url)
