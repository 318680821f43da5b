"""The tokens in alert links: signed from a subscription's `public_id`, so they cannot be guessed.

Confirmation tokens expire (`CONFIRM_MAX_AGE`); unsubscribe tokens do not, so the link in an
old mail still works. Django's signing uses `SECRET_KEY` (and `SECRET_KEY_FALLBACKS` while a
key is rotated). https://docs.djangoproject.com/en/5.2/topics/signing/
"""

import datetime
import uuid

from django.core import signing

from portal.alerts.models import Subscription

CONFIRM_MAX_AGE = datetime.timedelta(days=7)
_CONFIRM = signing.TimestampSigner(salt="portal.alerts.confirm")
_UNSUBSCRIBE = signing.Signer(salt="portal.alerts.unsubscribe")


class ExpiredToken(Exception):
    """A genuine confirmation link, used too late."""


def confirm_token(subscription: Subscription) -> str:
    return _CONFIRM.sign(subscription.public_id.hex)


def unsubscribe_token(subscription: Subscription) -> str:
    return _UNSUBSCRIBE.sign(subscription.public_id.hex)


def _subscription(value: str) -> Subscription | None:
    try:
        public_id = uuid.UUID(hex=value)
    except ValueError:
        return None
    return Subscription.objects.filter(public_id=public_id).first()


def subscription_for_confirm_token(token: str) -> Subscription | None:
    """The subscription a confirmation link names; None for a forged one; `ExpiredToken` when too old."""
    try:
        value = _CONFIRM.unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature:
        return None
    return _subscription(value)


def subscription_for_unsubscribe_token(token: str) -> Subscription | None:
    try:
        return _subscription(_UNSUBSCRIBE.unsign(token))
    except signing.BadSignature:
        return None
