"""Settings → Email alerts: who follows what, with their consent, for the people answerable for it.

A subscriber's request to see or erase what is kept about them is answered here: the list is
searchable by address, each row opens on its record of consent, and "Delete" erases the row with
what it was sent. Nobody adds or edits a subscription in the admin: consent comes only from the
subscriber's own confirmation. Only those given the model's view/delete permissions (by default,
administrators) see the menu item.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from portal.alerts.models import Subscription

CONSENT_FIELDS = [
    "email",
    "description",
    "query",
    "language",
    "ip_address",
    "created_at",
    "confirmed_at",
    "unsubscribed_at",
    "last_sent_at",
]


class ReadAndEraseOnly(ModelPermissionPolicy):
    """The model's permissions, without adding or changing: a record of consent is the subscriber's."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    icon = "mail"
    menu_label = _("Email alerts")
    add_to_settings_menu = True
    list_display = ["email", "description", "language", "confirmed_at", "unsubscribed_at"]
    list_filter = ["language"]
    search_fields = ["email"]
    inspect_view_enabled = True
    inspect_view_fields = CONSENT_FIELDS
    form_fields = ["email"]  # never shown: there is no add or edit view for anyone


register_permission_policy(Subscription, ReadAndEraseOnly(Subscription))


@hooks.register("register_admin_viewset")
def register_subscription_viewset():
    return SubscriptionViewSet("email_alerts")
