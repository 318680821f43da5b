"""A reader's subscription to a search, with the consent that allows mailing it, and what it was sent."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    """One address following one filter: pending until its owner confirms (double opt-in).

    The row is the record of consent: what (`query`, and `description` as the reader read it),
    when (`created_at`, `confirmed_at`), from where (`ip_address`, as `portal.core.auth`
    reads it behind the trusted proxies) and in which language. Unsubscribing keeps the row,
    marked, as the record that consent was withdrawn; nothing is sent to it again.
    """

    # Links carry a token signed from this value (`portal.alerts.tokens`), never the value alone,
    # so a copy of the table does not give anyone the power to confirm or unsubscribe.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("email address"), max_length=254, db_index=True)
    # The search parameters (`search.forms.SearchForm`) as a query string, page and sort left out.
    query = models.TextField(_("filter"), blank=True)
    description = models.TextField(_("filter, as the reader read it"), blank=True)
    language = models.CharField(_("language"), max_length=16)
    ip_address = models.GenericIPAddressField(_("requested from"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last digest sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("email alert")
        verbose_name_plural = _("email alerts")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.email}: {self.description or self.query}"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class SentItem(models.Model):
    """An item mailed to a subscription: each item (with its translations) goes out once."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="sent_items")
    # `page:<translation_key>` or `document:<translation_key>`, as `search.records.family_of` names it.
    family = models.CharField(_("item"), max_length=64)
    key = models.CharField(_("object"), max_length=64)
    title = models.TextField(_("title"))
    url = models.TextField(_("address"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("item sent")
        verbose_name_plural = _("items sent")
        constraints = [models.UniqueConstraint(fields=["subscription", "family"], name="alerts_sent_once")]

    def __str__(self):
        return self.title
