"""A settings module as a process with given variables loads it, without making it Django's settings."""

import importlib.util
import os
from types import ModuleType
from unittest import mock

# What the machine running the tests may have set that a settings module reads: each test names
# what it wants instead.
MACHINE_PREFIXES = ("DJANGO_", "POSTGRES_", "DATABASE_URL", "REDIS_URL", "AWS_", "ELASTICSEARCH_", "SEARCH_", "PAGE_")


def load_settings(name: str, **environ: str) -> ModuleType:
    """`portal.settings.<name>` executed afresh with exactly `environ` on top of the machine's unrelated variables.

    production.py imports the already loaded base module (`from .base import *`): only what it
    reads itself follows `environ` there.
    """
    spec = importlib.util.find_spec(f"portal.settings.{name}")
    module = importlib.util.module_from_spec(spec)
    clean = {key: value for key, value in os.environ.items() if not key.startswith(MACHINE_PREFIXES)}
    with mock.patch.dict(os.environ, {**clean, **environ}, clear=True):
        spec.loader.exec_module(module)
    return module
