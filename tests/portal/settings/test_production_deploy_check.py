"""`manage.py check --deploy` with portal/settings/production.py, as a deploy would run it: no warnings.

The check runs in its own process, so production settings load exactly as they would on a server, with
only the two values they demand from the environment (a dummy secret, a host name).
"""

import os
import secrets
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "knowledge.example.org",
}


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), *args],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production_env(**extra):
    # The machine's own DJANGO_* and database variables stay out: only what a deploy must set.
    base = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "POSTGRES_"))}
    return {**base, **PRODUCTION_ENV, **extra}


def test_deploy_check_finds_nothing_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
