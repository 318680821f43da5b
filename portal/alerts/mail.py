"""The alert mails: in the subscriber's language, plain text and HTML, each with a one-click unsubscribe.

Every mail carries RFC 8058's headers, so mail programs offer their own "Unsubscribe" button,
which POSTs `List-Unsubscribe=One-Click` to the link without the reader signing in:
https://www.rfc-editor.org/rfc/rfc8058
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal.alerts.models import Subscription
from portal.alerts.tokens import confirm_token, unsubscribe_token


def absolute_url(url: str) -> str:
    """A link as a mail needs it, on the site's own address (`WAGTAILADMIN_BASE_URL`)."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + url.lstrip("/")


def unsubscribe_url(subscription: Subscription) -> str:
    with translation.override(subscription.language):
        return absolute_url(reverse("alerts:unsubscribe", args=[unsubscribe_token(subscription)]))


def _message(subscription: Subscription, template: str, context: dict) -> EmailMultiAlternatives:
    with translation.override(subscription.language):
        context = {
            **context,
            "subscription": subscription,
            "language": subscription.language,
            "unsubscribe_url": unsubscribe_url(subscription),
        }
        subject = " ".join(render_to_string(f"alerts/email/{template}_subject.txt", context).split())
        text = render_to_string(f"alerts/email/{template}.txt", context)
        html = render_to_string(f"alerts/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [subscription.email],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # Not an answer to anything: auto-replies and out-of-office notices stay away.
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(subscription: Subscription, description: str) -> EmailMultiAlternatives:
    with translation.override(subscription.language):
        confirm_url = absolute_url(reverse("alerts:confirm", args=[confirm_token(subscription)]))
    return _message(subscription, "confirm", {"confirm_url": confirm_url, "description": description})


def digest_message(subscription: Subscription, description: str, items: list[dict]) -> EmailMultiAlternatives:
    return _message(subscription, "digest", {"description": description, "items": items})
