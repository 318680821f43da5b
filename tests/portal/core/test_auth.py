"""Sign-in throttling (portal/core/auth.py, django-axes): on the site's and the admin's forms, five
failures per account or per address lock it for the cool-off, with a translated page; the right
password does not get in until the cool-off has passed."""

import datetime

from django.contrib.auth import SESSION_KEY
from django.test import RequestFactory
from django.utils import timezone

import pytest
from axes.models import AccessAttempt, AccessLog

from portal.core.auth import client_ip_address

pytestmark = pytest.mark.django_db

SITE_LOGIN = "/en/login/"
ADMIN_LOGIN = "/admin/login/"


@pytest.fixture
def official(make_user):
    return make_user("official")


@pytest.fixture
def editor(make_user):
    return make_user("editor", superuser=True)


def sign_in(client, url, username, password, address="203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return SESSION_KEY in client.session


def fail(client, url, username, times, address="203.0.113.7"):
    for _ in range(times):
        response = sign_in(client, url, username, "wrong-password", address)
    return response


@pytest.mark.parametrize("url", [SITE_LOGIN, ADMIN_LOGIN])
def test_four_failures_still_let_the_right_password_in(client, site, official, editor, url):
    username = "editor" if url == ADMIN_LOGIN else "official"
    assert fail(client, url, username, 4).status_code == 200
    assert sign_in(client, url, username, "pw").status_code == 302
    assert signed_in(client)


@pytest.mark.parametrize("url", [SITE_LOGIN, ADMIN_LOGIN])
def test_the_fifth_failure_locks_and_the_right_password_does_not_get_in(client, site, official, editor, url):
    username = "editor" if url == ADMIN_LOGIN else "official"
    locked = fail(client, url, username, 5)
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()
    assert "Please try again in 15 minutes." in locked.content.decode()

    right = sign_in(client, url, username, "pw")
    assert right.status_code == 429
    assert not signed_in(client)


def test_an_account_is_locked_whatever_the_address(client, site, official):
    for number in range(5):
        sign_in(client, SITE_LOGIN, "official", "wrong-password", address=f"198.51.100.{number}")
    assert sign_in(client, SITE_LOGIN, "official", "pw", address="192.0.2.1").status_code == 429
    assert not signed_in(client)


def test_an_address_is_locked_whatever_the_account(client, site, official, make_user):
    make_user("other")
    for name in ("a", "b", "c", "d", "e"):
        sign_in(client, SITE_LOGIN, name, "wrong-password")
    assert sign_in(client, SITE_LOGIN, "other", "pw").status_code == 429
    # Another address, another account: not touched by this one's failures.
    assert sign_in(client, SITE_LOGIN, "official", "pw", address="192.0.2.1").status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, site, official):
    fail(client, SITE_LOGIN, "official", 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert sign_in(client, SITE_LOGIN, "official", "pw").status_code == 302
    assert signed_in(client)


@pytest.mark.parametrize(
    ("lang", "heading", "wait"),
    [
        ("ru", "Вход приостановлен", "Попробуйте снова через 15 минут."),
        ("ko", "로그인 일시 중지", "15분 후에 다시 시도해 주세요."),
    ],
)
def test_the_lock_out_page_is_in_the_readers_language(client, site, official, lang, heading, wait):
    locked = fail(client, f"/{lang}/login/", "official", 5)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert f'<html lang="{lang}"' in html
    assert heading in html
    assert wait in html


def test_a_successful_sign_in_clears_the_failures_and_leaves_no_record(client, site, official):
    fail(client, SITE_LOGIN, "official", 3)
    assert sign_in(client, SITE_LOGIN, "official", "pw").status_code == 302
    assert not AccessAttempt.objects.filter(username="official").exists()
    assert not AccessLog.objects.exists()


def test_the_test_clients_login_still_works(client, official):
    # Django's test client signs in without a request; the throttle leaves it to the next backend.
    assert client.login(username="official", password="pw")


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.9", "10.0.0.2"),
        (1, "198.51.100.9", "198.51.100.9"),
        (1, "1.2.3.4, 198.51.100.9", "198.51.100.9"),
        (2, "1.2.3.4, 198.51.100.9, 10.0.0.5", "198.51.100.9"),
        (1, "", "10.0.0.2"),
    ],
)
def test_the_readers_address_is_the_one_the_trusted_proxies_saw(settings, proxies, forwarded, expected):
    # Entries left of the trusted proxies' are written by the client: spoofing one changes nothing.
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip_address(request) == expected
