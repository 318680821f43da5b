"""Production: hardens base settings and fails fast on anything missing."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
# The portal is served over HTTPS only, subdomains included; `preload` lets its domain join the
# browsers' HTTPS-only list. https://docs.djangoproject.com/en/5.2/ref/middleware/#http-strict-transport-security
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# The site sits behind one proxy that sets X-Forwarded-Proto and appends the client's address to
# X-Forwarded-For: sign-in throttling counts the reader's address, not the proxy's.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "1"))

# The anonymous page cache must be one for every worker: Redis when REDIS_URL names one, else a
# folder the workers share (portal.core.page_cache).
# A new dict, never the base's: a module that reads these settings without becoming Django's
# settings (tests/portal/settings/test_production.py) must not change the running ones.
if os.environ.get("REDIS_URL"):
    # The default cache too: the subscribe form's rate limits (portal/alerts/throttle.py) and the
    # search thesaurus (search/synonyms.py) then count and purge once for every worker and machine,
    # not per process. Each alias has its own key prefix in the one Redis database.
    # The page cache and the shared reads catch a failing store themselves and read the database
    # (an empty store would look current to them); the default cache's users do not: for them,
    # Redis away is an empty cache, not an error (portal/core/cache_backends.py).
    _PAGES_CACHE = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": "pages",
    }
    _DEFAULT_CACHE = {
        "BACKEND": "portal.core.cache_backends.ForgivingRedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": "default",
    }
else:
    _PAGES_CACHE = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("PAGE_CACHE_DIR", "/var/cache/dsp-portal/pages"),
        "OPTIONS": {"MAX_ENTRIES": 50000},
    }
    _DEFAULT_CACHE = CACHES["default"]  # noqa: F405
CACHES = {**CACHES, "default": _DEFAULT_CACHE, "pages": _PAGES_CACHE}  # noqa: F405

# Each worker keeps its database connection between requests (checked before reuse) instead of
# opening one per request: on SQLite that open is a tenth of a short page's time. A new dict again.
DATABASES = {  # noqa: F405
    **DATABASES,  # noqa: F405
    "default": {
        **DATABASES["default"],  # noqa: F405
        "CONN_MAX_AGE": int(os.environ.get("DJANGO_CONN_MAX_AGE", "600")),
        "CONN_HEALTH_CHECKS": True,
    },
}
