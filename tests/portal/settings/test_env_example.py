""".env.example documents every variable the portal reads, each with what it does and its default."""

from tests.portal.settings.deployment_files import (
    ROOT,
    all_variables_read,
    compose_interpolations,
    env_example,
    variables_read,
)


def test_the_scan_finds_what_the_settings_are_known_to_read():
    # A scan that found nothing would pass everything below.
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "ELASTICSEARCH_URLS", "REDIS_URL", "PORT"} <= all_variables_read()
    assert {"WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS"} <= variables_read(ROOT / "gunicorn.conf.py")


def test_every_variable_the_portal_reads_is_in_env_example():
    missing = sorted(all_variables_read() - env_example().keys())
    assert not missing, f"read by the settings or gunicorn.conf.py but missing from .env.example: {missing}"


def test_every_variable_docker_compose_substitutes_is_in_env_example():
    missing = sorted(compose_interpolations() - env_example().keys())
    assert not missing, f"docker-compose.yml substitutes these from .env, which .env.example does not name: {missing}"


def test_env_example_names_nothing_that_nobody_reads():
    stale = sorted(env_example().keys() - all_variables_read() - compose_interpolations())
    assert not stale, f".env.example documents variables nothing reads: {stale}"


def test_each_variable_says_what_it_does_and_its_default():
    undocumented = [name for name, comment in env_example().items() if not comment]
    assert not undocumented, f"no comment just above: {undocumented}"
    no_default = [name for name, comment in env_example().items() if "default" not in " ".join(comment).lower()]
    assert not no_default, f"the comment does not give the default: {no_default}"


def test_env_example_sets_no_secret():
    # Copied to .env as it is, it must not start a site with a known secret or password.
    set_lines = [line for line in (ROOT / ".env.example").read_text().splitlines() if line[:1].isalpha()]
    assert set_lines == ["DJANGO_SETTINGS_MODULE=portal.settings.dev"]
