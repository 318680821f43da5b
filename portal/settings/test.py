"""Fast, isolated settings for pytest."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or tempfile.mkdtemp(prefix="dsp-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
# Deterministic: every task runs in `enqueue`. The worker thread's own tests
# (tests/portal/core/test_background.py, tests/knowledge/test_background_extraction.py)
# put the "background" alias back on it.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="dsp-static-"))
WHITENOISE_USE_FINDERS = True
# Off unless a test turns it on (tests/portal/core/test_page_cache.py): query counts measure the
# uncached work, and most tests change rows directly rather than through a publish.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED") == "1"
# Purges take effect at once unless a test asks for stale answers (tests/portal/core/test_page_cache_stale.py).
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "0"))
# Tests name their node with SEARCH_ELASTICSEARCH_URL and switch it off by emptying it: a cluster
# list from the environment would outlive that. The cluster test sets its own list.
SEARCH_ELASTICSEARCH_URLS: list[str] = []
