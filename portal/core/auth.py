"""Sign-in throttling (django-axes) for the site's and the admin's sign-in forms.

A handful of failed sign-ins for one account, or from one address, locks that account or
address out for a cool-off; during it the right password does not get in either.
https://django-axes.readthedocs.io/en/latest/4_configuration.html
"""

import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off


class SignInThrottleBackend(AxesStandaloneBackend):
    """Axes' gate in front of Django's ModelBackend, for sign-ins that come with a request.

    Every sign-in form (the site's, the admin's) passes its request. A call without one comes
    from code (Django's test client, a shell), has no address to count and no form to lock,
    so it is left to the next backend rather than refused with an error.
    """

    def authenticate(self, request: HttpRequest | None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def client_ip_address(request: HttpRequest) -> str:
    """The reader's address, as the proxies in front of the site saw it.

    With `TRUSTED_PROXY_COUNT` proxies in front, each appending the address it received to
    X-Forwarded-For, the reader's is that many entries from the right: entries further left were
    written by the client and prove nothing. Without proxies, the socket's address.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def sign_in_locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """The page shown instead of the sign-in form's answer while an account or address is locked."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    return render(
        request,
        "portal/sign_in_locked_out.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
