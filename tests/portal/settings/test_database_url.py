"""DATABASE_URL (portal/settings/database_url.py, read by base.py): the database a deploy names in one URL."""

from django.core.exceptions import ImproperlyConfigured

import pytest

from portal.settings.database_url import parse_database_url
from tests.portal.settings.loading import load_settings

SQLITE_OPTIONS = {"transaction_mode": "IMMEDIATE", "timeout": 20}


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "pgsql"])
def test_a_postgres_url_names_every_part_of_the_connection(scheme):
    entry = parse_database_url(f"{scheme}://portal:s3cret@db.internal:6432/knowledge?sslmode=require&connect_timeout=5")
    assert entry == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "knowledge",
        "USER": "portal",
        "PASSWORD": "s3cret",
        "HOST": "db.internal",
        "PORT": "6432",
        "OPTIONS": {"sslmode": "require", "connect_timeout": 5},
    }


def test_percent_encoded_user_and_password_are_decoded():
    entry = parse_database_url("postgres://dsp%2Badmin:p%40ss%3Aword%2F1@db/dsp")
    assert (entry["USER"], entry["PASSWORD"]) == ("dsp+admin", "p@ss:word/1")


def test_a_postgres_url_without_port_or_host_leaves_them_to_the_driver():
    entry = parse_database_url("postgres:///dsp")
    assert (entry["HOST"], entry["PORT"], entry["USER"], entry["PASSWORD"]) == ("", "", "", "")
    assert "OPTIONS" not in entry


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("sqlite:///db.sqlite3", "db.sqlite3"),
        ("sqlite:////var/lib/dsp/db.sqlite3", "/var/lib/dsp/db.sqlite3"),
        ("sqlite://:memory:", ":memory:"),
        ("sqlite://", ":memory:"),
    ],
)
def test_sqlite_urls_name_a_file_relative_or_absolute(url, name):
    entry = parse_database_url(url, sqlite_options=SQLITE_OPTIONS)
    assert entry == {"ENGINE": "django.db.backends.sqlite3", "NAME": name, "OPTIONS": SQLITE_OPTIONS}
    # The options are the entry's own copy: one database's changes never reach another's.
    assert entry["OPTIONS"] is not SQLITE_OPTIONS


@pytest.mark.parametrize("url", ["mysql://root:hunter2@db/dsp", "oracle://db/dsp", "db.example.org/dsp", ""])
def test_an_unsupported_scheme_is_refused_by_name_without_the_password(url):
    with pytest.raises(ImproperlyConfigured, match="unsupported scheme") as raised:
        parse_database_url(url)
    assert "hunter2" not in str(raised.value)


def test_a_postgres_url_without_a_database_name_is_refused():
    with pytest.raises(ImproperlyConfigured, match="names no database"):
        parse_database_url("postgres://dsp:secret@db:5432/")


def test_a_port_that_is_not_a_number_is_refused():
    with pytest.raises(ImproperlyConfigured, match="port"):
        parse_database_url("postgres://dsp:secret@db:fivefour/dsp")


def test_a_password_with_an_unescaped_slash_is_not_repeated_in_the_error():
    # urllib reads "pa" and what follows the slash as host and port: its message would name them.
    with pytest.raises(ImproperlyConfigured) as refused:
        parse_database_url("postgres://dsp:pa/ssw0rd-Secret@db:5432/dsp")
    assert "ssw0rd" not in str(refused.value) and "pa" not in str(refused.value).split("(")[0].split()


def test_database_url_wins_over_postgres_variables():
    loaded = load_settings(
        "base",
        DATABASE_URL="postgres://portal:secret@db:5432/from_url",
        POSTGRES_DB="from_variables",
        POSTGRES_HOST="elsewhere",
    )
    default = loaded.DATABASES["default"]
    assert (default["NAME"], default["HOST"], default["USER"]) == ("from_url", "db", "portal")


def test_without_database_url_postgres_variables_still_choose_postgresql():
    loaded = load_settings("base", POSTGRES_DB="dsp", POSTGRES_USER="dsp", POSTGRES_PORT="5433")
    default = loaded.DATABASES["default"]
    assert default["ENGINE"] == "django.db.backends.postgresql"
    assert (default["NAME"], default["USER"], default["HOST"], default["PORT"]) == ("dsp", "dsp", "127.0.0.1", "5433")


def test_with_neither_the_site_runs_on_sqlite_with_its_locking_options(tmp_path):
    loaded = load_settings("base", SQLITE_PATH=str(tmp_path / "site.sqlite3"))
    default = loaded.DATABASES["default"]
    assert default["ENGINE"] == "django.db.backends.sqlite3"
    assert default["NAME"] == str(tmp_path / "site.sqlite3")
    assert default["OPTIONS"] == SQLITE_OPTIONS


def test_a_sqlite_database_url_keeps_the_locking_options(tmp_path):
    loaded = load_settings("base", DATABASE_URL=f"sqlite:///{tmp_path}/site.sqlite3")
    assert loaded.DATABASES["default"]["NAME"] == f"{tmp_path}/site.sqlite3"
    assert loaded.DATABASES["default"]["OPTIONS"] == SQLITE_OPTIONS


def test_an_empty_database_url_counts_as_unset():
    loaded = load_settings("base", DATABASE_URL="  ", POSTGRES_DB="dsp")
    assert loaded.DATABASES["default"]["NAME"] == "dsp"


def test_settings_with_an_unsupported_database_url_fail_to_load():
    with pytest.raises(ImproperlyConfigured, match="unsupported scheme 'mysql'"):
        load_settings("base", DATABASE_URL="mysql://root@db/dsp")
