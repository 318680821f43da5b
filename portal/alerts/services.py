"""Writes of email alerts: ask for a subscription, confirm it, unsubscribe, send a digest.

Every write that sends a mail does so inside its transaction: when the mail cannot be sent,
nothing is written (a subscription without its confirmation mail, or items recorded as sent
that never left), and the next attempt starts clean.
"""

from __future__ import annotations

import datetime
import ipaddress
import logging
import smtplib

from django.contrib.auth.base_user import BaseUserManager
from django.db import transaction
from django.utils import timezone, translation

from portal.alerts import mail
from portal.alerts.filters import filter_description, filter_form, filter_query
from portal.alerts.models import SentItem, Subscription
from portal.alerts.selectors import subscription_new_items
from portal.alerts.tokens import CONFIRM_MAX_AGE
from search.queries import SearchParams

logger = logging.getLogger(__name__)

# What a mail server or the network raise when a mail cannot be handed over.
MAIL_ERRORS = (smtplib.SMTPException, OSError)


class MailNotSent(Exception):
    """The confirmation mail could not be handed to the mail server; nothing was stored."""


def _ip_address(value: str | None) -> str | None:
    """The address as stored, or None for anything a proxy wrote that is not one."""
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def subscription_request(*, email: str, params: SearchParams, language: str, ip_address: str | None) -> Subscription:
    """A pending subscription with its consent, and the mail that asks its owner to confirm it.

    Asking again for the same address and filter before confirming renews the same request
    (its consent details and a new mail) rather than adding another.
    """
    email = BaseUserManager.normalize_email(email)
    query = filter_query(params)
    description = filter_description(params, language)
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update()
            .filter(email__iexact=email, query=query, confirmed_at__isnull=True, unsubscribed_at__isnull=True)
            .first()
        )
        if subscription is None:
            subscription = Subscription(email=email, query=query)
        subscription.description = description
        subscription.language = language
        subscription.ip_address = _ip_address(ip_address)
        subscription.created_at = timezone.now()
        subscription.save()
        try:
            mail.confirmation_message(subscription, description).send()
        except MAIL_ERRORS as error:
            logger.warning("alerts: confirmation mail not sent (%s)", error)
            transaction.set_rollback(True)
            raise MailNotSent from error
    return subscription


def subscription_confirm(*, subscription: Subscription) -> Subscription:
    """Confirm a request; the subscription that is now active (an identical one already confirmed wins)."""
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.confirmed_at is not None or subscription.unsubscribed_at is not None:
            return subscription
        existing = (
            Subscription.objects.filter(
                email__iexact=subscription.email,
                query=subscription.query,
                confirmed_at__isnull=False,
                unsubscribed_at__isnull=True,
            )
            .exclude(pk=subscription.pk)
            .first()
        )
        if existing is not None:
            subscription.delete()
            return existing
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def subscription_unsubscribe(*, subscription: Subscription) -> Subscription:
    """Stop all mail to this subscription; again is harmless."""
    updated = Subscription.objects.filter(pk=subscription.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=timezone.now()
    )
    if updated:
        subscription.refresh_from_db()
    return subscription


def digest_send(*, subscription: Subscription) -> int:
    """Mail the subscription its new items, once each; how many were sent (0: no mail)."""
    with translation.override(subscription.language):
        new = subscription_new_items(subscription=subscription)
        if not new:
            return 0
        form = filter_form(subscription.query)
        form.is_valid()  # checked by subscription_new_items
        description = filter_description(form.params(), subscription.language)
        items = [
            {
                "title": item.hit.title,
                "kind": str(item.hit.kind_label),
                "countries": ", ".join(label for _code, label in item.hit.countries),
                "date": item.hit.date,
                "url": mail.absolute_url(item.hit.url),
                "locale": item.hit.locale,
            }
            for item in new
        ]
        with transaction.atomic():
            locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
            if not locked.is_active:
                return 0
            # Another run may have sent some while this one searched.
            sent = set(locked.sent_items.values_list("family", flat=True))
            pairs = [(item, entry) for item, entry in zip(new, items, strict=True) if item.family not in sent]
            if not pairs:
                return 0
            items = [entry for _item, entry in pairs]
            SentItem.objects.bulk_create(
                [
                    SentItem(
                        subscription=locked,
                        family=item.family,
                        key=str(item.hit.key),
                        title=entry["title"],
                        url=entry["url"],
                    )
                    for item, entry in pairs
                ]
            )
            locked.last_sent_at = timezone.now()
            locked.save(update_fields=["last_sent_at"])
            # Sent last, so a mail that fails leaves nothing recorded and the next run tries again.
            mail.digest_message(locked, description, items).send()
    return len(items)


def pending_subscriptions_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete requests never confirmed whose link has expired: an address nobody confirmed is not kept."""
    cutoff = (now or timezone.now()) - CONFIRM_MAX_AGE
    deleted, _by_model = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return deleted
