"""Settings shared by every environment, read from the environment.

`dev.py`, `test.py` and `production.py` start from here; production only hardens.
"""

import datetime
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import global_settings
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from portal.settings.database_url import parse_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# No default secret and no DEBUG here: dev.py and test.py set their own, production.py demands one.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "portal",
    "knowledge",
    "events",
    "search",
    "portal.alerts",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # Outermost, so the page cache below stores pages as made: text answers gzipped for the
    # browsers that accept it (portal.core.middleware.TextGZipMiddleware).
    "portal.core.middleware.TextGZipMiddleware",
    # Then: signed-out readers' public pages from the `pages` cache, with every header the
    # middleware below wrote when the page was made; a hit runs nothing else (portal.core.page_cache).
    "portal.core.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Repeated reads (privacy rules, locales) once per GET/HEAD request; reference data shared
    # across requests until a change purges it (portal.core.shared_reads).
    "portal.core.middleware.RequestMemoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.core.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.core.middleware.PrivateWhenSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.core.middleware.PortalCSPMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its page (portal.core.auth).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.core.i18n.translation_context",
            ],
        },
    },
]

# Database: SQLite by default (the embedded default of `make run`). A deploy names PostgreSQL with
# DATABASE_URL (postgres://user:password@host:5432/name?sslmode=require; portal/settings/database_url.py),
# or with the POSTGRES_* variables when DATABASE_URL is unset. Nothing in the code is SQLite-only.
# Requests and the background worker write to SQLite at the same time: a transaction takes the
# write lock when it begins and waits for it, rather than failing with "database is locked" when
# it would upgrade a read lock held while another connection writes.
# https://docs.djangoproject.com/en/5.2/ref/databases/ (SQLite notes: transactions behavior)
SQLITE_OPTIONS = {"transaction_mode": "IMMEDIATE", "timeout": 20}
if os.environ.get("DATABASE_URL", "").strip():
    DATABASES = {"default": parse_database_url(os.environ["DATABASE_URL"], sqlite_options=SQLITE_OPTIONS)}
elif os.environ.get("POSTGRES_DB"):
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ["POSTGRES_DB"],
            "USER": os.environ.get("POSTGRES_USER", ""),
            "PASSWORD": os.environ.get("POSTGRES_PASSWORD", ""),
            "HOST": os.environ.get("POSTGRES_HOST", "127.0.0.1"),
            "PORT": os.environ.get("POSTGRES_PORT", "5432"),
        }
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # libpq gives up on an unreachable server after this many seconds, so a request answers
    # "temporarily unavailable" (portal/core/errors.py) instead of hanging. A URL's own wins.
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "5")),
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# One sign-in page for everyone (portal/site/sign_in.py), in the reader's language: Django's
# `login_required`, a partner-only page or document (Wagtail's view restrictions) and the admin
# (`/admin/login/`, portal/urls.py) all lead there; it sends staff on to the admin, partners to the site.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# Wagtail's own `/<lang>/_util/login/`, no longer linked, shows the same page and posts to it.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "portal/login.html"

# --- Security: sign-in throttling, content policy -------------------------------------------
# django-axes counts failed sign-ins on the site's and the admin's forms, per account and per
# address apart: the fifth failure locks that account (from anywhere) or that address (for every
# account) for the cool-off, and the right password does not get in meanwhile. Records live in the
# database, shared by every worker. `manage.py axes_reset_username NAME` lifts a lock at once.
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
AUTHENTICATION_BACKENDS = [
    "portal.core.auth.SignInThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
# Only failures are kept (until their cool-off is over): no history of who signed in from where.
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "portal.core.auth.sign_in_locked_out"
AXES_CLIENT_IP_CALLABLE = "portal.core.auth.client_ip_address"
# The admin lists no Django admin models; locks are seen and lifted with axes' commands.
AXES_ENABLE_ADMIN = False
# Proxies in front of the site that append the client's address to X-Forwarded-For (production: 1).
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

# Content-Security-Policy (django-csp): everything from the site itself, no inline script or
# style unless it carries the request's nonce (`nonce="{{ request.csp_nonce }}"`), no `style="…"`
# attributes (nonces do not cover them: classes in static/css instead), no framing.
# https://django-csp.readthedocs.io/en/latest/configuration.html
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin (/admin/, portal.core.middleware.PortalCSPMiddleware) still writes inline
# scripts and styles, and frames its own previews: same origin only, inline allowed.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Avatars from the site only: no reader's or editor's address goes to an outside service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Internationalisation -------------------------------------------------------------
# Interface languages and content locales are the same list. Adding a right-to-left
# language (Dari "fa-af", Pashto "ps") is one line here: templates read LANGUAGE_BIDI.
# Django knows Dari through "fa" but not Pashto: its name and direction are given below, and
# Django serves /ps/ only once a catalogue exists (`makemessages -l ps`, see docs/architecture.md).
LANG_INFO["ps"] = {"bidi": True, "code": "ps", "name": "Pashto", "name_local": "پښتو"}
LANGUAGES_BIDI = [*global_settings.LANGUAGES_BIDI, "ps"]
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("ko", _("Korean")),
    ("ru", _("Russian")),
    ("fr", _("French")),
    ("sq", _("Albanian")),
    ("id", _("Indonesian")),
    ("kk", _("Kazakh")),
    ("ky", _("Kyrgyz")),
    ("uz", _("Uzbek")),
    ("tg", _("Tajik")),
    ("tk", _("Turkmen")),
]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# One date and time format per language (portal/formats/<lang>/formats.py); others keep Django's.
FORMAT_MODULE_PATH = ["portal.formats"]
# A page submitted for translation is a draft in the target language until a reviewer publishes
# it (portal/site/translation_workflow.py); readers meanwhile get the original with the notice.
# https://wagtail-localize.org/stable/reference/settings/
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in wagtail-localize's editor: off unless a translator class is named,
# e.g. WAGTAILLOCALIZE_MACHINE_TRANSLATOR_CLASS=wagtail_localize.machine_translators.deepl.DeepLTranslator
# with WAGTAILLOCALIZE_MACHINE_TRANSLATOR_OPTIONS='{"AUTH_KEY": "…"}'. Readers are told about
# machine-translated text until a person edits it (portal/i18n.py).
# https://wagtail-localize.org/stable/how-to/integrations/machine-translation/
if os.environ.get("WAGTAILLOCALIZE_MACHINE_TRANSLATOR_CLASS"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": os.environ["WAGTAILLOCALIZE_MACHINE_TRANSLATOR_CLASS"],
        "OPTIONS": json.loads(os.environ.get("WAGTAILLOCALIZE_MACHINE_TRANSLATOR_OPTIONS") or "{}"),
    }

# --- Static and media -----------------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# In production the web server serves ONLY `MEDIA_URL + "images/"` and `"original_images/"`
# (public pictures) from MEDIA_ROOT, never the whole folder: `documents/` (files, earlier
# versions, translations' own files) and `thumbnails/` are served by the portal's own views,
# behind the privacy gate (`knowledge.views.landing`, Wagtail's document serve view). Django
# serves the image folders itself only for local runs and browser tests.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Fingerprinted, compressed files with far-future cache headers (whitenoise).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads in an S3-compatible bucket (AWS, MinIO, Ceph…) instead of MEDIA_ROOT, when a bucket is
# named: several web machines then share them. The bucket stays private, and nothing in it is
# readable without a signature: documents are still streamed by the
# portal's own views after the privacy gate (knowledge/downloads.py), never linked to the bucket;
# images and renditions get signed addresses, valid longer than any cached page that shows them.
# https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # Empty: AWS itself; MinIO and others give their address (http://minio:9000).
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # Empty keys: boto3 finds credentials itself (an instance role, ~/.aws).
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            # "path" for servers without a wildcard DNS name per bucket (most MinIO set-ups).
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            # A folder inside the bucket, when the bucket is shared with something else.
            "location": os.environ.get("AWS_LOCATION", ""),
            # No ACL on the objects: they are the bucket owner's alone (buckets that refuse ACLs
            # accept that too), and Block Public Access stays on (docs/deployment.md).
            "default_acl": None,
            "querystring_auth": True,
            # Signed for an hour past the longest a cached page lives (PAGE_CACHE_TIMEOUT, below).
            "querystring_expire": int(
                os.environ.get("AWS_QUERYSTRING_EXPIRE") or 3600 + int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
            ),
            # Wagtail and the document versions keep every name they stored: a new upload never replaces one.
            "file_overwrite": False,
        },
    }

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "DSP Knowledge Exchange"
# The site's address in links made without a request (API v2 `detail_url`, notification emails).
# `make run` passes its PORT, so a demo served on another port links to itself.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}")
# OAI-PMH (`knowledge/oai.py`): the name in record identifiers (`oai:<this>:<key>`, a domain the
# repository owns, kept for good) and the address harvesters may write to (Identify needs one).
OAI_REPOSITORY_IDENTIFIER = os.environ.get("OAI_REPOSITORY_IDENTIFIER", urlsplit(WAGTAILADMIN_BASE_URL).hostname)
OAI_ADMIN_EMAIL = os.environ.get("OAI_ADMIN_EMAIL", global_settings.DEFAULT_FROM_EMAIL)
# Custom media models from the first migration, so metadata can grow without a swap later.
WAGTAILIMAGES_IMAGE_MODEL = "portal.PortalImage"
WAGTAILDOCS_DOCUMENT_MODEL = "knowledge.KnowledgeDocument"
# Uploads are judged by their bytes (knowledge/uploads.py); the names must agree with its types.
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "jpeg",
    "jpg",
    "odp",
    "ods",
    "odt",
    "pdf",
    "png",
    "pptx",
    "svg",
    "txt",
    "webp",
    "xlsx",
]
DOCUMENT_MAX_UPLOAD_BYTES = int(os.environ.get("DOCUMENT_MAX_UPLOAD_BYTES", 50 * 1024 * 1024))
# Wagtail's upload script refuses a larger file before sending it.
WAGTAILDOCS_MAX_UPLOAD_SIZE = DOCUMENT_MAX_UPLOAD_BYTES
# OCR of scanned PDF pages (knowledge/extraction.py): the Tesseract program, found on PATH
# (Debian's tesseract-ocr); empty turns OCR off, and scans are flagged instead. The budget is
# what Tesseract may spend on one document's scans: the pages left then are flagged unread.
DOCUMENT_OCR_COMMAND = os.environ.get("DOCUMENT_OCR_COMMAND", "tesseract")
DOCUMENT_OCR_SECONDS = float(os.environ.get("DOCUMENT_OCR_SECONDS", 300))
# Documents go through Django so collection privacy is checked on every download.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploads by editors without the review right wait for a reviewer (knowledge/review.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "knowledge.review.DocumentReviewForm"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp", "webp": "webp"}
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
# The database backend, with every query cleaned before it reaches the database (portal/core/search_backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.core.search_backend"}}

# --- Portal search (search/conf.py) -----------------------------------------------------
# No node: search runs on the embedded database backend above. Name the cluster's nodes to use
# Elasticsearch: ELASTICSEARCH_URLS, comma-separated (the client passes a request a node refused
# to the next), which wins over the single SEARCH_ELASTICSEARCH_URL (development and tests).
SEARCH_ELASTICSEARCH_URL = os.environ.get("SEARCH_ELASTICSEARCH_URL", "")
SEARCH_ELASTICSEARCH_URLS = env_list("ELASTICSEARCH_URLS")
# Copies of each shard on other nodes. Unset: one with several nodes, so one may go down; none with one node.
SEARCH_INDEX_REPLICAS = os.environ.get("SEARCH_INDEX_REPLICAS") or None
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "dsp")

WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("ko", "Korean"), ("ru", "Russian"), ("fr", "French")]

# Background work goes through django-tasks. "default" (search index updates, reference index)
# runs right after the commit, so a publish is searchable at once; "background" (text
# extraction, which may OCR for minutes) runs on a worker thread of the process
# (portal/core/background.py) so an upload answers at once. Point either at a real queue.
TASKS = {
    "default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")},
    "background": {"BACKEND": os.environ.get("TASKS_BACKGROUND_BACKEND", "portal.core.background.ThreadBackend")},
}

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# --- Email (email alerts, portal/alerts/; Wagtail's review notifications) ----------------
# The console backend prints mails to the log unless an SMTP server is named.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", global_settings.DEFAULT_FROM_EMAIL)

# Caching: local memory unless configured (production: Redis or a shared folder, portal/settings/production.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # The anonymous page cache (portal.core.page_cache). Local memory serves one process (`make run`);
    # several workers must share it: production settings use Redis (REDIS_URL) or a folder.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "1") == "1"
# Locales, sites, settings, vocabularies and page restrictions kept in the same cache between
# requests, purged by the same tags (portal.core.shared_reads).
SHARED_READS_ENABLED = os.environ.get("SHARED_READS_ENABLED", "1") == "1"
# No entry outlives this many seconds, whatever purges it: the backstop for time-driven changes a view did not declare.
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
# Seconds a list may still be served as it was after a page's first publish, while it is remade
# once its reader has it (portal.core.page_cache); 0: every purge is a miss at once.
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "30"))
# A deploy's stamp for the cache keys; empty: a stamp of the code, templates and catalogues.
PAGE_CACHE_RELEASE = os.environ.get("PAGE_CACHE_RELEASE", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
