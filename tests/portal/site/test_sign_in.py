"""One sign-in page (portal/site/sign_in.py): the site's layout with "Leave this site", in the reader's
language, at every door (the header, a partner-only page, the admin); staff go on to the admin, partner
officials to the site with a word about it; `next` only to this site; a wrong password is the form again."""

import re

from django.contrib.auth import SESSION_KEY
from django.test import Client

import pytest

from tests.factories import make_knowledge, restrict_to_group
from tests.portal.translations import RUSSIAN

pytestmark = pytest.mark.django_db

SITE_LOGIN = "/en/login/"
CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
ADMIN_LOGIN = "/admin/login/"


@pytest.fixture
def specialist(make_user, roles):
    # Staff without superuser rights: the admin's access comes from their group.
    return make_user("specialist", group=roles["specialists"])


@pytest.fixture
def internal(site, roles):
    page = make_knowledge(site["knowledge"], title="Internal workplan brief")
    restrict_to_group(page, roles["partners"])
    return page


def sign_in(client, url, username, password="pw", **extra):
    return client.post(url, {"username": username, "password": password, **extra}, REMOTE_ADDR="203.0.113.7")


def signed_in(client) -> bool:
    return SESSION_KEY in client.session


@pytest.mark.parametrize("url", [ADMIN_LOGIN, f"{ADMIN_LOGIN}?next=/admin/", SITE_LOGIN])
def test_a_partner_signing_in_at_the_admin_lands_on_the_site_with_a_message(client, site, partner, url):
    response = sign_in(client, url, "partner", **({"next": "/admin/"} if "next" in url else {}))
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert signed_in(client)
    home = client.get(response["Location"])
    assert home.status_code == 200
    assert "You are signed in." in home.text
    assert "artner-only pages and documents are open to you" in home.text


def test_a_partner_sent_to_the_admin_by_a_bookmark_lands_on_the_site_not_the_sign_in_page(client, site, partner):
    # Before: /admin/ -> /admin/login/ -> sign in -> /admin/ -> /admin/login/ again, silently.
    client.force_login(partner)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/"
    assert response.status_code == 200
    assert "The admin is for the portal&#x27;s staff" in response.text


@pytest.mark.parametrize("who", ["admin", "specialist"])
@pytest.mark.parametrize("url", [ADMIN_LOGIN, SITE_LOGIN])
def test_staff_land_in_the_admin_whichever_address_they_used(client, site, make_user, specialist, who, url):
    if who == "admin":
        make_user("admin", superuser=True)
    response = sign_in(client, url, who)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    admin = client.get("/admin/", follow=True)
    assert admin.status_code == 200
    assert admin.redirect_chain == [] or admin.redirect_chain[-1][0].startswith("/admin/")
    assert 'name="password"' not in admin.text


def test_staff_follow_next_into_the_admin_and_partners_follow_it_to_a_site_page(
    client, site, partner, specialist, internal
):
    staff = sign_in(client, SITE_LOGIN, "specialist", next="/admin/pages/")
    assert staff["Location"] == "/admin/pages/"
    client.logout()
    response = sign_in(client, SITE_LOGIN, "partner", next=internal.url)
    assert response["Location"] == internal.url
    page = client.get(internal.url)
    assert page.status_code == 200
    assert "Internal workplan brief" in page.text


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "http://evil.example/en/",
        "https:evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
    ],
)
@pytest.mark.parametrize("who", ["partner", "specialist"])
def test_next_to_another_site_is_ignored(client, site, partner, specialist, target, who):
    response = sign_in(client, ADMIN_LOGIN, who, next=target)
    assert response.status_code == 302
    assert response["Location"] == ("/admin/" if who == "specialist" else "/en/")
    # Nor is it carried into the form as a hidden field.
    form = client.get(SITE_LOGIN, {"next": target}) if who == "partner" else None
    if form is not None and form.status_code == 200:
        assert "evil.example" not in form.text


def test_next_to_this_site_with_its_full_address_is_followed(client, site, partner, internal):
    target = f"http://testserver{internal.url}"
    assert sign_in(client, SITE_LOGIN, "partner", next=target)["Location"] == target


def test_a_signed_out_visitor_of_a_partner_only_page_gets_the_sites_sign_in(client, site, internal):
    response = client.get(internal.url, follow=True)
    assert response.redirect_chain[0][0].startswith("/en/login/?next=")
    assert response.status_code == 200
    assert 'class="quick-exit"' in response.text
    assert "Leave this site" in response.text
    assert f'name="next" value="{internal.url}"' in response.text


def test_a_signed_out_visitor_in_russian_is_asked_to_sign_in_in_russian(client, site, internal, locales, translate):
    russian = translate(internal, locales["ru"], {**RUSSIAN, "Internal workplan brief": "Внутренний рабочий план"})
    response = client.get(russian.url, follow=True)
    assert response.redirect_chain[0][0].startswith("/ru/login/?next=")
    assert '<html lang="ru"' in response.text
    assert "Покинуть сайт" in response.text


def test_the_admins_sign_in_address_shows_the_sites_page_and_keeps_next(client, site):
    response = client.get("/admin/", follow=True)
    assert [url for url, _status in response.redirect_chain] == [
        "/admin/login/?next=/admin/",
        "/en/login/?next=%2Fadmin%2F",
    ]
    assert response.status_code == 200
    assert 'class="quick-exit"' in response.text
    assert 'name="next" value="/admin/"' in response.text
    assert 'name="csrfmiddlewaretoken"' in response.text


@pytest.mark.parametrize(
    ("lang", "accept", "heading", "leave", "error"),
    [
        ("en", "en", "Sign in", "Leave this site", "Your username and password didn&#x27;t match. Please try again."),
        ("ru", "ru", "Войти", "Покинуть сайт", "Ваши имя пользователя и пароль не совпали."),
        ("ko", "ko", "로그인", "이 사이트 나가기", "사용자 이름 과 비밀번호가 맞지 않습니다."),
    ],
)
@pytest.mark.parametrize("url", ["site", ADMIN_LOGIN])
def test_a_wrong_password_is_the_form_again_with_an_error_in_the_readers_language(
    client, site, partner, lang, accept, heading, leave, error, url
):
    address = f"/{lang}/login/" if url == "site" else url
    response = client.post(
        address, {"username": "partner", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE=accept, REMOTE_ADDR="203.0.113.7"
    )
    assert response.status_code == 200
    html = response.text
    assert f'<html lang="{lang}"' in html
    assert f"<h1>{heading}</h1>" in html
    assert leave in html
    assert error in html
    assert 'role="alert"' in html
    assert not signed_in(client)


def test_an_unknown_account_gets_the_same_answer_as_a_wrong_password(client, site, partner):
    def answer(username):
        response = sign_in(client, SITE_LOGIN, username, "wrong")
        html = response.content.decode().replace(f'value="{username}"', "")
        return response.status_code, CSRF_VALUE.sub("", html)

    assert answer("partner") == answer("nobody-by-this-name")


def test_the_sign_in_page_is_translated(client, site):
    for lang, words in {
        "ru": ["Войти", "Имя пользователя", "Пароль", "Представители партнёров входят здесь"],
        "ko": ["로그인", "사용자 이름", "비밀번호", "파트너 기관 관계자는 여기에서 로그인하여"],
    }.items():
        html = client.get(f"/{lang}/login/").text
        for word in words:
            assert word in html, (lang, word)


def test_a_partner_refused_a_page_is_shown_the_form_not_sent_round_in_a_loop(client, site, make_user, internal):
    # Signed in, but not a partner: the page sends them to sign in with another account.
    client.force_login(make_user("reader"))
    response = client.get(internal.url, follow=True)
    assert response.status_code == 200
    assert len(response.redirect_chain) == 1
    assert 'name="password"' in response.text


def test_the_form_needs_its_csrf_token(site, partner):
    response = Client(enforce_csrf_checks=True).post(ADMIN_LOGIN, {"username": "partner", "password": "pw"})
    assert response.status_code == 403


def test_remember_me_keeps_the_session_past_the_browser_and_its_absence_does_not(client, site, partner):
    sign_in(client, SITE_LOGIN, "partner")
    assert client.session.get_expire_at_browser_close()
    client.logout()
    sign_in(client, SITE_LOGIN, "partner", remember="on")
    assert not client.session.get_expire_at_browser_close()


def test_wagtails_own_sign_in_address_shows_the_same_page_and_posts_to_it(client, site, partner):
    response = client.get("/en/_util/login/", {"next": "/en/"})
    assert response.status_code == 200
    assert 'class="quick-exit"' in response.text
    assert 'action="/en/login/"' in response.text
    assert sign_in(client, "/en/login/", "partner", next="/en/")["Location"] == "/en/"
