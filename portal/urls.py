from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from events.views import event_series
from knowledge.views import landing
from knowledge.views.citations import document_citation_export as cite
from knowledge.views.oai import oai_pmh
from portal.api import api_router
from portal.core import errors, page_views
from portal.core.robots import robots_txt
from portal.core.sitemaps import PublicSitemap
from portal.core.views import IMAGE_FOLDERS, image_file
from portal.site import landing as admin_landing
from portal.site import page_create, sign_in, theme_views

# An unexpected error: Django's 500 page, or a 503 while the database cannot be reached (portal/core/errors.py).
handler500 = errors.server_error

# Wagtail's front-end URLs; a page is found in one query (portal/core/routing.py, page_views.py).
wagtail_page_urls = [pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"] + [
    re_path(wagtail_urls.serve_pattern, page_views.serve, name="wagtail_serve")
]

urlpatterns = [
    # The admin's sign-in is the site's (portal/site/sign_in.py): staff and partners, one page.
    path("admin/login/", sign_in.admin_sign_in, name="admin_sign_in"),
    # Each role starts where its work is (portal/site/landing.py); Wagtail's own "" route follows.
    path("admin/", admin_landing.admin_home, name="admin_landing"),
    # A new page is made only by its author's save, never by autosave (portal/site/page_create.py);
    # Wagtail's `wagtailadmin_pages:add` below reverses to this same address.
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/",
        page_create.create_page,
        name="admin_page_create",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("oai/", oai_pmh, name="oai_pmh"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PublicSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("login/", sign_in.sign_in, name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("search/", include("search.urls")),
    # Email alerts: subscribe, confirm, unsubscribe, no sign-in (portal/alerts/).
    path("alerts/", include("portal.alerts.urls")),
    path("documents/<int:document_id>/<str:slug>/", landing.document_landing, name="document_landing"),
    path("documents/<int:document_id>/<str:slug>/cite.bib", cite, {"export": "bib"}, name="document_cite_bibtex"),
    path("documents/<int:document_id>/<str:slug>/cite.ris", cite, {"export": "ris"}, name="document_cite_ris"),
    path("documents/<int:document_id>/<str:slug>/cite.json", cite, {"export": "json"}, name="document_cite_json"),
    path("documents/<int:document_id>/<str:slug>/download/", landing.document_download, name="document_download"),
    path(
        "documents/<int:document_id>/<str:slug>/download/<str:language>/",
        landing.document_download_in_language,
        name="document_download_language",
    ),
    path(
        "documents/<int:document_id>/<str:slug>/versions/<int:version_id>/",
        landing.document_version_download,
        name="document_version_download",
    ),
    path("documents/<int:document_id>/<str:slug>/thumbnail/", landing.document_thumbnail, name="document_thumbnail"),
    # A series is a snippet; its page sits where the events section is (events/views.py).
    path("events/series/<slug:slug>/", event_series, name="event_series"),
    # Theme hubs: every theme, and one theme's items across countries (portal/site/theme_views.py).
    path("themes/", theme_views.theme_index, name="theme_index"),
    path("themes/<slug:slug>/", theme_views.theme_hub, name="theme_hub"),
    path("", include(wagtail_page_urls)),
)

# Image files, when the site serves its own media (DEBUG or DJANGO_SERVE_MEDIA: `make run`, the
# browser tests); the view answers 404 otherwise. Never documents (see `portal.core.views`).
urlpatterns.insert(
    0,
    re_path(
        rf"^{settings.MEDIA_URL.lstrip('/')}(?P<folder>{'|'.join(IMAGE_FOLDERS)})/(?P<path>.+)$",
        image_file,
        name="portal_image_file",
    ),
)
