"""A subscription's whole life, as a reader lives it, with Django's mail outbox and both search engines:
subscribe, confirm from the mail, receive a new matching item once, unsubscribe from the mail
program's one-click button, then nothing more."""

from urllib.parse import urlsplit

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

import pytest

from portal.alerts.models import SentItem, Subscription
from portal.core.items import kind
from tests.portal.alerts.conftest import FILTER, PARTNER_ONLY_WORD, link

pytestmark = pytest.mark.django_db


def _digests() -> str:
    call_command("send_digests", verbosity=0)


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_round_trip(language, search_engine, site, vocab, roles, publish, publish_partner_document, client):
    old = publish("Police protocol, published before the subscription")

    # The subscribe page names the filter in the reader's language.
    page = client.get(f"/{language}/alerts/subscribe/", FILTER)
    assert page.status_code == 200
    with translation.override(language):
        country_label, kind_label = gettext("Country"), gettext("Kind")
    assert f"{country_label}: Kazakhstan" in page.content.decode()

    answer = client.post(
        f"/{language}/alerts/subscribe/", {**FILTER, "email": "Reader@Example.ORG"}, REMOTE_ADDR="203.0.113.7"
    )
    assert answer.status_code == 302 and answer["Location"] == f"/{language}/alerts/subscribe/sent/"
    assert client.get(answer["Location"]).status_code == 200

    # One confirmation mail, in the reader's language; nothing else until confirmed.
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["Reader@example.org"]
    with translation.override(language):
        assert confirmation.subject == gettext("Confirm your email alert from the DSP Knowledge Exchange")
    assert f"{country_label}: Kazakhstan" in confirmation.body
    html, mimetype = confirmation.alternatives[0]
    assert mimetype == "text/html" and f'<html lang="{language}">' in html
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None and subscription.language == language
    assert str(subscription.ip_address) == "203.0.113.7" and "Kazakhstan" in subscription.description
    publish("Police protocol published while the request waits")
    _digests()
    assert len(mail.outbox) == 1

    # The link in the mail shows a button; the button confirms.
    confirm = link(confirmation.body, "confirm")
    assert confirm.startswith(f"/{language}/alerts/confirm/")
    assert client.get(confirm).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None, "opening the link (as a mail scanner would) must not confirm"
    assert client.post(confirm).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None and subscription.confirmed_at >= subscription.created_at

    # New items: one that matches, one in another country, one partner-only, a partner-only file.
    publish("Police response in Kazakhstan: new protocol")
    publish("Police response in Kyrgyzstan", countries=("kg",))
    publish(f"Partner workplan {PARTNER_ONLY_WORD}", partners=roles["partners"])
    publish_partner_document(f"Partner budget {PARTNER_ONLY_WORD}")

    _digests()
    assert len(mail.outbox) == 2
    digest = mail.outbox[1]
    assert digest.to == ["Reader@example.org"]
    with translation.override(language):
        assert digest.subject == translation.ngettext(
            "DSP Knowledge Exchange: %(counter)s new item", "DSP Knowledge Exchange: %(counter)s new items", 1
        ) % {"counter": 1}
        brief_label = str(kind("brief").label)  # "Аналитическая записка", "정책 브리프"
    body = digest.body
    html = digest.alternatives[0][0]
    assert "Police response in Kazakhstan: new protocol" in body and "Police response in Kazakhstan" in html
    assert brief_label in body and "Kazakhstan" in body and f"{kind_label}:" in body
    assert "Kyrgyzstan" not in body and old.title not in body and "while the request waits" not in body
    assert PARTNER_ONLY_WORD not in body and PARTNER_ONLY_WORD not in html and PARTNER_ONLY_WORD not in digest.subject
    item = SentItem.objects.get(subscription=subscription)
    assert urlsplit(item.url).path in body and item.url.startswith("http")

    # RFC 8058: the unsubscribe address in a header, one-click by POST.
    unsubscribe_url = digest.extra_headers["List-Unsubscribe"].strip("<>")
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url in body and unsubscribe_url in html
    assert urlsplit(unsubscribe_url).path.startswith(f"/{language}/alerts/unsubscribe/")

    # Run again: nothing new, nothing sent.
    _digests()
    assert len(mail.outbox) == 2

    # The mail program's one-click POST: no session, no CSRF token.
    mail_program = Client(enforce_csrf_checks=True)
    answer = mail_program.post(
        urlsplit(unsubscribe_url).path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert answer.status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None

    publish("Police response in Kazakhstan: the second protocol")
    _digests()
    assert len(mail.outbox) == 2


def test_partner_only_never_mailed_even_to_a_partner(
    search_engine, site, vocab, roles, partner, publish, publish_partner_document, client
):
    """A partner official's own address, following everything, gets public items only."""
    client.force_login(partner)
    client.post("/en/alerts/subscribe/", {"email": partner.email})
    client.post(link(mail.outbox[0].body, "confirm"))
    client.logout()

    publish("Public brief for everyone")
    publish(f"Partner workplan {PARTNER_ONLY_WORD}", partners=roles["partners"])
    publish_partner_document(f"Partner budget {PARTNER_ONLY_WORD}")
    _digests()

    assert len(mail.outbox) == 2
    digest = mail.outbox[1]
    assert digest.to == [partner.email]
    assert "Public brief for everyone" in digest.body
    for part in (digest.subject, digest.body, digest.alternatives[0][0]):
        assert PARTNER_ONLY_WORD not in part
    assert not SentItem.objects.filter(title__contains=PARTNER_ONLY_WORD).exists()
