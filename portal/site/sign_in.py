"""The one sign-in page, for partner officials and staff alike, whatever address they came by.

Three doors lead here: the header's "Partner sign-in" (`/<lang>/login/`), a partner-only page or
document asking a signed-out reader to sign in (Wagtail's `require_wagtail_login`, pointed here by
`WAGTAIL_FRONTEND_LOGIN_URL`), and the admin's own `/admin/login/`, which Wagtail's admin sends
anyone to who is not signed in (`portal.urls` puts `admin_sign_in` at that address). Each shows the
same page in the site's layout, with the header's "Leave this site", in the reader's language.

Where a reader lands depends on who they are, not on the door: staff (the admin's access right)
go to `next` or the admin; partner officials go to `next` if it is a page of the site, else to the
site's home, with a word about where they are: the admin would only refuse them and send them
back here. `next` is followed only to this site (`url_has_allowed_host_and_scheme`).

The form, its checks and its security are the admin's own (Wagtail's `LoginView`: CSRF, the
configured login form, "remember me", a session that ends with the browser otherwise); django-axes
counts failures on it like on any sign-in (`portal.core.auth`), and a wrong password or an unknown
account get the same message, so the form never tells which accounts exist.
"""

from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from wagtail.admin.views.account import LoginView as AdminLoginView

from portal.core.middleware import ADMIN_PATH

ADMIN_ACCESS = "wagtailadmin.access_admin"


def has_admin_access(user) -> bool:
    """Whether the admin would let this user in (staff), as Wagtail's `require_admin_access` asks."""
    return user.is_authenticated and user.has_perm(ADMIN_ACCESS)


def is_admin_address(url: str) -> bool:
    return urlsplit(url).path.startswith(ADMIN_PATH)


class SignInView(AdminLoginView):
    """Wagtail's admin sign-in, in the site's layout, sending each user where they can go."""

    template_name = "portal/login.html"

    def get(self, request, *args, **kwargs):
        # A signed-in user is sent on only where that cannot lead back here: to the admin (staff)
        # or the site's home (partners). A site page in `next` shows the form again, for another
        # account: that page refused this one, and following it would loop.
        target = self.safe_next()
        if request.user.is_authenticated and (not target or is_admin_address(target)):
            self.tell_where_they_are(request.user, target)
            return HttpResponseRedirect(self.get_success_url())
        # Wagtail's `get` would send staff to `next` whatever it is; Django's shows the form.
        return auth_views.LoginView.get(self, request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        self.tell_where_they_are(form.get_user(), self.safe_next())
        return response

    def safe_next(self) -> str:
        """`next` from the form or the address, if it leads to this site; else ""."""
        target = self.request.POST.get(REDIRECT_FIELD_NAME, self.request.GET.get(REDIRECT_FIELD_NAME, ""))
        is_safe = url_has_allowed_host_and_scheme(
            url=target,
            allowed_hosts=self.get_success_url_allowed_hosts(),
            require_https=self.request.is_secure(),
        )
        return target if is_safe else ""

    # Django's LoginView reads `next` through this (the form's hidden field, `redirect_to`).
    get_redirect_url = safe_next

    def get_success_url(self) -> str:
        target = self.safe_next()
        if has_admin_access(self.request.user):
            return target or reverse("wagtailadmin_home")
        if target and not is_admin_address(target):
            return target
        return site_home_url()

    def tell_where_they_are(self, user, target: str) -> None:
        if has_admin_access(user):
            return
        if target and is_admin_address(target):
            messages.info(
                self.request,
                _(
                    "You are signed in. The admin is for the portal's staff; "
                    "partner-only pages and documents are open to you on the site."
                ),
            )
        else:
            messages.success(self.request, _("You are signed in. Partner-only pages and documents are open to you."))


def site_home_url() -> str:
    """The site's home in the reader's language (`/<lang>/`)."""
    return reverse("wagtail_serve", args=[""])


sign_in = SignInView.as_view()


def admin_sign_in(request: HttpRequest) -> HttpResponse:
    """`/admin/login/`: the same page, at its address in the reader's language.

    A GET goes to `/<lang>/login/` (so the language menu works and there is one page to know), keeping
    `next`; a form posted here (an old bookmark, a script) is answered by the sign-in itself.
    """
    if request.method == "POST":
        return sign_in(request)
    target = request.GET.get(REDIRECT_FIELD_NAME, "")
    query = f"?{urlencode({REDIRECT_FIELD_NAME: target})}" if target else ""
    return HttpResponseRedirect(reverse("login") + query)
