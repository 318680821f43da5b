"""Production settings for the gunicorn of tests/portal/test_database_restart.py, static files aside.

Everything the restart depends on is production's: persistent connections checked before reuse
(`CONN_MAX_AGE`, `CONN_HEALTH_CHECKS`), libpq's connect timeout, the error handling, DEBUG off.
Only static files are served from the source folders, as under the test settings: production's
fingerprinted copies take longer to build (`collectstatic`) than the whole restart takes.
"""

from portal.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
