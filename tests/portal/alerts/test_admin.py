"""Settings → Email alerts: an administrator finds a subscriber's record of consent and erases it; nobody
adds or edits one, and other staff do not see them."""

from django.urls import reverse
from django.utils import timezone

import pytest

from portal.alerts.models import SentItem, Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscription(db):
    subscription = Subscription.objects.create(
        email="reader@example.org",
        query="country=KG&theme=police-response",
        description="Country: Kyrgyzstan; Theme: Police response",
        language="ru",
        ip_address="203.0.113.7",
        confirmed_at=timezone.now(),
    )
    SentItem.objects.create(subscription=subscription, family="page:1", key="page:1", title="A brief", url="/en/")
    return subscription


def test_an_administrator_finds_the_record_of_consent_and_erases_it(client, admin_user, subscription):
    client.force_login(admin_user)
    listing = client.get(reverse("email_alerts:index"), {"q": "reader@example.org"})
    assert listing.status_code == 200
    assert "reader@example.org" in listing.text and "Kyrgyzstan" in listing.text
    assert reverse("email_alerts:add") not in listing.text

    record = client.get(reverse("email_alerts:inspect", args=[subscription.pk]))
    assert record.status_code == 200
    for shown in ("203.0.113.7", "country=KG&amp;theme=police-response", "Country: Kyrgyzstan"):
        assert shown in record.text

    erased = client.post(reverse("email_alerts:delete", args=[subscription.pk]))
    assert erased.status_code == 302
    assert not Subscription.objects.exists()
    assert not SentItem.objects.exists()


def test_nobody_adds_or_edits_a_subscription_in_the_admin(client, admin_user, subscription):
    client.force_login(admin_user)
    assert client.get(reverse("email_alerts:add")).status_code in (302, 403)
    edit = client.post(reverse("email_alerts:edit", args=[subscription.pk]), {"email": "someone@example.org"})
    assert edit.status_code in (302, 403)
    subscription.refresh_from_db()
    assert subscription.email == "reader@example.org"


def test_other_staff_do_not_see_subscribers(client, roles, make_user, subscription):
    client.force_login(make_user("organiser", group=roles["organisers"]))
    assert reverse("email_alerts:index") not in client.get("/admin/events/").text
    assert client.get(reverse("email_alerts:index")).status_code in (302, 403)
    assert client.get(reverse("email_alerts:inspect", args=[subscription.pk])).status_code in (302, 403)
