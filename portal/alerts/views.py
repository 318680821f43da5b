"""The reader's side of email alerts: subscribe, confirm, unsubscribe. No sign-in anywhere.

Confirming is a button (POST), not the link itself: mail scanners open links, and a click by a
scanner must not stand for the reader's consent. Unsubscribing answers a POST without a CSRF
token, because mail programs send RFC 8058's one-click POST from outside the site; the
signed token in its address is what authorises it, and all it can do is stop mail.
"""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.alerts import services, throttle, tokens
from portal.alerts.filters import PARAMETERS, filter_description, filter_form
from portal.alerts.forms import subscribe_form
from portal.core.auth import client_ip_address


def _subscribe_page(request, data, *, form=None, status: int, message: str = "") -> TemplateResponse:
    """The form for the filter in `data`; `form` is the posted form, whose address errors it shows."""
    checked = filter_form(data)
    filter_ok = checked.is_valid()
    context = {
        "email": form["email"] if form is not None else subscribe_form(data)["email"],
        "email_errors": form.errors.get("email", []) if form is not None else [],
        "description": filter_description(checked.params(), get_language()) if filter_ok else "",
        "filter_errors": [] if filter_ok else checked.error_list(),
        "hidden": [(name, value) for name in PARAMETERS for value in data.getlist(name)],
        "message": message,
    }
    return TemplateResponse(request, "alerts/subscribe.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method != "POST":
        # Only the filter is checked before the reader has typed an address.
        return _subscribe_page(request, request.GET, status=200 if filter_form(request.GET).is_valid() else 400)

    form = subscribe_form(request.POST)
    too_many = _("Too many subscription requests. Please wait an hour and try again.")
    address = client_ip_address(request)
    if throttle.over_limit("ip", address):
        return _subscribe_page(request, request.POST, form=form, status=429, message=too_many)
    throttle.count_attempt("ip", address)
    if not form.is_valid():
        return _subscribe_page(request, request.POST, form=form, status=400)
    email = form.cleaned_data["email"]
    if throttle.over_limit("email", email):
        return _subscribe_page(request, request.POST, form=form, status=429, message=too_many)
    throttle.count_attempt("email", email)
    try:
        services.subscription_request(
            email=email, params=form.params(), language=get_language(), ip_address=address or None
        )
    except services.MailNotSent:
        message = _("The confirmation email could not be sent just now. Please try again later.")
        return _subscribe_page(request, request.POST, form=form, status=503, message=message)
    return redirect("alerts:subscribe_sent")


@never_cache
def subscribe_sent(request):
    return TemplateResponse(request, "alerts/subscribe_sent.html")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        subscription = tokens.subscription_for_confirm_token(token)
    except tokens.ExpiredToken:
        return TemplateResponse(request, "alerts/confirm.html", {"state": "expired"}, status=410)
    if subscription is None or subscription.unsubscribed_at is not None:
        return TemplateResponse(request, "alerts/confirm.html", {"state": "unknown"}, status=404)
    if request.method == "POST":
        subscription = services.subscription_confirm(subscription=subscription)
        return TemplateResponse(request, "alerts/confirm.html", {"state": "confirmed", "subscription": subscription})
    state = "confirmed" if subscription.confirmed_at else "ask"
    return TemplateResponse(request, "alerts/confirm.html", {"state": state, "subscription": subscription})


@csrf_exempt  # RFC 8058 one-click POST from mail programs; the signed token authorises it (module docstring).
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscription = tokens.subscription_for_unsubscribe_token(token)
    if subscription is None:
        return TemplateResponse(request, "alerts/unsubscribe.html", {"state": "unknown"}, status=404)
    if request.method == "POST":
        subscription = services.subscription_unsubscribe(subscription=subscription)
        return TemplateResponse(request, "alerts/unsubscribe.html", {"state": "done", "subscription": subscription})
    state = "done" if subscription.unsubscribed_at else "ask"
    return TemplateResponse(request, "alerts/unsubscribe.html", {"state": state, "subscription": subscription})
