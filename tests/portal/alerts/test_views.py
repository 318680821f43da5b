"""The subscribe, confirm and unsubscribe pages: limits, bad input, bad links, signed out."""

import socket
import time

from django.core import mail, signing
from django.template import Context, Template
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

import pytest

from portal.alerts import tokens
from portal.alerts.models import Subscription
from portal.core.items import kinds
from tests.portal.alerts.conftest import FILTER, link

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many subscription requests. Please wait an hour and try again."


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_rate_limit_per_address(language, site, vocab, client, settings):
    settings.ALERTS_SUBSCRIBE_LIMIT = 5
    for number in range(5):
        answer = client.post(f"/{language}/alerts/subscribe/", {**FILTER, "email": f"r{number}@example.org"})
        assert answer.status_code == 302
    answer = client.post(f"/{language}/alerts/subscribe/", {**FILTER, "email": "r9@example.org"})
    assert answer.status_code == 429
    with translation.override(language):
        assert gettext(TOO_MANY) in answer.content.decode()
    assert len(mail.outbox) == 5 and Subscription.objects.count() == 5
    # Another address is not held back by this one's attempts.
    other = client.post(
        f"/{language}/alerts/subscribe/", {**FILTER, "email": "r9@example.org"}, REMOTE_ADDR="198.51.100.4"
    )
    assert other.status_code == 302


def test_rate_limit_per_email_address(site, vocab, client):
    for number in range(5):
        answer = client.post(
            "/en/alerts/subscribe/", {"email": "target@example.org"}, REMOTE_ADDR=f"198.51.100.{number}"
        )
        assert answer.status_code == 302
    answer = client.post("/en/alerts/subscribe/", {"email": "TARGET@example.org"}, REMOTE_ADDR="198.51.100.99")
    assert answer.status_code == 429 and TOO_MANY in answer.content.decode()
    assert len(mail.outbox) == 5


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**FILTER, "email": "not-an-address"}, "Enter an email address such as name@example.org."),
        ({**FILTER, "email": ""}, "Enter your email address."),
        ({**FILTER, "email": "a\r\nBcc: victim@example.org"}, "Enter an email address such as name@example.org."),
        ({"country": "XX", "email": "r@example.org"}, "Unknown country code"),
        ({"theme": "<script>", "email": "r@example.org"}, "Unknown theme"),
        ({"year": "twenty", "email": "r@example.org"}, "Enter a year as four digits"),
        ({"q": "x" * 600, "email": "r@example.org"}, "Search terms can be at most 500 characters long."),
    ],
)
def test_bad_input_is_400_with_a_message_and_writes_nothing(data, message, site, vocab, client):
    answer = client.post("/en/alerts/subscribe/", data)
    assert answer.status_code == 400
    assert message in answer.content.decode()
    assert Subscription.objects.count() == 0 and mail.outbox == []


def test_bad_filter_in_the_link_is_400(site, vocab, client):
    answer = client.get("/ru/alerts/subscribe/", {"country": "XX"})
    assert answer.status_code == 400
    assert "XX" in answer.content.decode()


def test_mail_server_down_writes_nothing(site, vocab, client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", _closed_port(), 2
    answer = client.post("/en/alerts/subscribe/", {**FILTER, "email": "r@example.org"})
    assert answer.status_code == 503
    assert "could not be sent" in answer.content.decode()
    assert Subscription.objects.count() == 0


def test_consent_records_the_address_behind_the_trusted_proxy(site, vocab, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client.post(
        "/ko/alerts/subscribe/",
        {**FILTER, "q": "경찰", "email": "r@example.org"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="192.0.2.66, 203.0.113.9",
    )
    subscription = Subscription.objects.get()
    assert str(subscription.ip_address) == "203.0.113.9"
    assert subscription.language == "ko" and subscription.created_at is not None
    assert subscription.query == "q=%EA%B2%BD%EC%B0%B0&country=KZ&theme=police-response&kind=brief"
    with translation.override("ko"):
        assert subscription.description.startswith(gettext("Words: “%(q)s”") % {"q": "경찰"})


def test_asking_twice_before_confirming_is_one_request(site, vocab, client):
    client.post("/en/alerts/subscribe/", {**FILTER, "email": "r@example.org"})
    client.post(
        "/en/alerts/subscribe/",
        {"kind": "brief", "theme": "police-response", "country": "KZ", "email": "R@example.org"},
    )
    assert Subscription.objects.count() == 1 and len(mail.outbox) == 2


def test_unsubscribe_signed_out_with_the_button(site, vocab, client):
    client.post("/ru/alerts/subscribe/", {**FILTER, "email": "r@example.org"})
    reader = Client(enforce_csrf_checks=True)  # a fresh browser: no session, no cookies
    path = link(mail.outbox[0].body, "unsubscribe")
    page = reader.get(path)
    assert page.status_code == 200 and page["Cache-Control"].startswith("max-age=0")
    with translation.override("ru"):
        assert gettext("Unsubscribe") in page.content.decode()
    assert Subscription.objects.get().unsubscribed_at is None
    assert reader.post(path).status_code == 200
    assert Subscription.objects.get().unsubscribed_at is not None
    # A second click changes nothing and says so.
    assert reader.post(path).status_code == 200
    # A request withdrawn before confirming can no longer be confirmed.
    assert reader.get(link(mail.outbox[0].body, "confirm")).status_code == 404


def test_forged_and_expired_links(site, vocab, client, monkeypatch):
    client.post("/en/alerts/subscribe/", {**FILTER, "email": "r@example.org"})
    subscription = Subscription.objects.get()
    unsubscribe = link(mail.outbox[0].body, "unsubscribe")
    forged = unsubscribe.replace(subscription.public_id.hex, "0" * 32)
    assert client.post(forged).status_code == 404
    assert client.get(f"/en/alerts/unsubscribe/{subscription.public_id.hex}/").status_code == 404
    assert client.get("/en/alerts/confirm/%00%ff/").status_code == 404
    assert Subscription.objects.get().unsubscribed_at is None
    # Made eight days ago: the confirmation link has expired.
    eight_days_ago = time.time() - 8 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: eight_days_ago)
    old = tokens.confirm_token(subscription)
    monkeypatch.undo()
    answer = client.post(f"/en/alerts/confirm/{old}/")
    assert answer.status_code == 410 and "expired" in answer.content.decode()
    assert Subscription.objects.get().confirmed_at is None


def test_search_page_links_to_the_subscription_for_its_filter(site, vocab, client):
    page = client.get("/en/search/", {"country": "KZ", "theme": "police-response", "page": "1"})
    assert page.status_code == 200
    assert 'href="/en/alerts/subscribe/?country=KZ&amp;theme=police-response"' in page.content.decode()


def test_a_section_list_links_to_its_kinds(site, rf):
    """The knowledge list without a kind chosen shows the knowledge kinds, so its link follows those."""
    template = Template('{% include "alerts/includes/subscribe_link.html" with section="knowledge" %}')
    with translation.override("ru"):
        html = template.render(Context({"request": rf.get("/ru/knowledge/", {"country": "KZ", "page": "2"})}))
        assert gettext("Get these by email") in html
    expected = "&amp;".join(f"kind={declared.key}" for declared in kinds(section="knowledge"))
    assert f'href="/ru/alerts/subscribe/?country=KZ&amp;{expected}"' in html
