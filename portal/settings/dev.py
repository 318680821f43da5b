"""Local development: `make run`. Demo-only secret, never used elsewhere."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-not-secret-dsp-portal"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
