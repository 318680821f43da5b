from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("login/", auth_views.LoginView.as_view(template_name="portal/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("search/", include("search.urls")),
    path("", include(wagtail_urls)),
)

if settings.DEBUG or settings.SERVE_MEDIA:
    # django.conf.urls.static.static() is a no-op without DEBUG; browser tests run without it.
    # Only image files: documents are always served through Wagtail's view, which checks
    # collection privacy, so partner-only files never leave by a raw media address.
    prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.insert(
        0, re_path(rf"^{prefix}(?P<path>(?:images|original_images)/.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )
