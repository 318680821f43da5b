"""The section listings' language filter (portal/core/admin_listings.py): an organiser or specialist sees
only the pages of one language, the languages named in their own admin language, and a language that
does not exist is the filter's error, never a 404 or a 500."""

import re

from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from tests.factories import make_event, make_knowledge

pytestmark = pytest.mark.django_db

KOREAN = {
    "Funding a one-stop centre": "원스톱 센터 재정 지원",
    "How the centres are paid for.": "센터의 재원 마련 방법.",
}
RADIO_LABEL = re.compile(r'<input type="radio" name="locale" value="(\w+)"[^>]*>([^<]+)</label>')
EVENT_RUSSIAN = {"Webinar with Albania": "Вебинар с Албанией", "Sharing the Sunflower model.": "О модели «Подсолнух»."}


def titles(response) -> list[str]:
    return sorted(page.title for page in response.context["object_list"])


@pytest.fixture
def knowledge_in_three_languages(site, locales, translate):
    brief = make_knowledge(site["knowledge"])
    translate(brief, locales["ru"])
    translate(brief, locales["ko"], KOREAN)
    return brief


@pytest.fixture
def specialist(client, roles, make_user):
    user = make_user("specialist", group=roles["specialists"])
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("", ["Funding a one-stop centre", "Финансирование центра «одного окна»", "원스톱 센터 재정 지원"]),
        ("ru", ["Финансирование центра «одного окна»"]),
        ("ko", ["원스톱 센터 재정 지원"]),
        ("en", ["Funding a one-stop centre"]),
    ],
)
def test_the_knowledge_listing_shows_the_chosen_language(
    client, knowledge_in_three_languages, specialist, language, expected
):
    response = client.get(reverse("knowledge_pages:index"), {"locale": language})
    assert response.status_code == 200
    assert titles(response) == expected


def test_the_events_listing_shows_the_chosen_language(client, site, locales, roles, translate, make_user):
    translate(make_event(site["events"]), locales["ru"], EVENT_RUSSIAN)
    client.force_login(make_user("organiser", group=roles["organisers"]))

    assert titles(client.get(reverse("event_pages:index"))) == ["Webinar with Albania", "Вебинар с Албанией"]
    assert titles(client.get(reverse("event_pages:index"), {"locale": "ru"})) == ["Вебинар с Албанией"]


@pytest.mark.parametrize(
    ("admin_language", "label", "names"),
    [
        ("en", "Language", {"en": "English", "ru": "Russian", "ko": "Korean"}),
        ("ru", "Язык", {"en": "английский", "ru": "русский", "ko": "корейский"}),
        ("ko", "언어", {"en": "영어", "ru": "러시아어", "ko": "한국어"}),
    ],
)
def test_languages_are_named_in_the_admin_users_language(
    client, knowledge_in_three_languages, specialist, admin_language, label, names
):
    profile = UserProfile.get_for_user(specialist)
    profile.preferred_language = admin_language
    profile.save()

    html = client.get(reverse("knowledge_pages:index")).content.decode()

    # The filter as rendered for this user: its heading, then a radio button per language.
    assert re.search(rf'<label class="w-field__label">\s*{label}\s*</label>', html), label
    shown = {code: name.strip().casefold() for code, name in RADIO_LABEL.findall(html)}
    assert {code: shown[code] for code in names} == {code: name.casefold() for code, name in names.items()}


@pytest.mark.parametrize("value", ["xx", "../../", "ru'--", "<b>ru</b>", "0" * 300])
def test_an_unknown_language_is_the_filters_error_and_the_list_stays_whole(
    client, knowledge_in_three_languages, specialist, value
):
    response = client.get(reverse("knowledge_pages:index"), {"locale": value})

    assert response.status_code == 200
    assert len(titles(response)) == 3
    assert "Select a valid choice" in response.content.decode()


def test_an_unknown_language_in_the_events_listing_is_no_error_page(client, site, roles, make_user):
    make_event(site["events"])
    client.force_login(make_user("organiser", group=roles["organisers"]))

    response = client.get(reverse("event_pages:index"), {"locale": "xx"})

    assert response.status_code == 200
    assert titles(response) == ["Webinar with Albania"]


@pytest.mark.parametrize("language", ["", "ru", "ko"])
def test_add_knowledge_item_leads_to_the_choice_of_kinds(client, site, locales, specialist, language):
    """Its "Add knowledge item" goes to the Knowledge page of the listing's language, which offers the kinds."""
    for code in ("ru", "ko"):
        site["knowledge"].copy_for_translation(locales[code], copy_parents=True)
    index = site["knowledge"] if not language else site["knowledge"].get_translation(locales[language])
    url = reverse("knowledge_pages:choose_parent") + (f"?locale={language}" if language else "")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:add_subpage", args=[index.pk])
    kinds = client.get(response["Location"])
    assert kinds.status_code == 200
    for kind in ("Policy brief", "Practice note", "Policy tool"):
        assert kind in kinds.text


def test_choosing_a_page_outside_the_section_is_refused_with_a_message(client, site, admin_user):
    client.force_login(admin_user)
    response = client.post(reverse("knowledge_pages:choose_parent"), {"parent_page": site["events"].pk})
    assert response.status_code == 200
    assert "You cannot add a knowledge item under" in response.text


def test_add_event_still_opens_the_event_form(client, site, roles, make_user):
    client.force_login(make_user("organiser", group=roles["organisers"]))
    response = client.get(reverse("event_pages:choose_parent"))
    assert response["Location"] == reverse("wagtailadmin_pages:add", args=["events", "eventpage", site["events"].pk])
