"""`DATABASE_URL` into a Django `DATABASES["default"]` entry.

Hosting platforms and the compose file hand the database over as one URL; the project needs only
two engines, so a few lines of `urllib.parse` read it instead of a dependency:

    postgres://user:password@host:5432/name?sslmode=require   (also postgresql://, pgsql://)
    sqlite:///relative/path.sqlite3     sqlite:////absolute/path.sqlite3     sqlite://:memory:

User and password are percent-decoded (`p%40ss` is `p@ss`); query parameters become the
connection's OPTIONS (`sslmode`, `connect_timeout`, …), passed to psycopg as they are.
"""

from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}
SQLITE_SCHEMES = {"sqlite"}
# Every OPTIONS value psycopg takes as a number: the URL gives strings.
_INTEGER_OPTIONS = {"connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count"}


def parse_database_url(url: str, *, sqlite_options: dict | None = None) -> dict:
    """The `DATABASES["default"]` entry `url` names; ImproperlyConfigured for a scheme the project cannot use.

    `sqlite_options` are the OPTIONS a SQLite database gets (base.py's transaction mode and timeout).
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in SQLITE_SCHEMES:
        return _sqlite(parts, sqlite_options or {})
    if scheme in POSTGRES_SCHEMES:
        return _postgres(parts)
    # The URL may carry a password: name only its scheme.
    raise ImproperlyConfigured(
        f"DATABASE_URL: unsupported scheme {parts.scheme!r}; use postgres://user:password@host:port/name "
        "or sqlite:///path/to/file.sqlite3"
    )


def _sqlite(parts, options: dict) -> dict:
    # sqlite:///name is relative to the working directory, sqlite:////name absolute (one more slash);
    # sqlite://:memory: (or nothing after the scheme) an in-memory database.
    name = ":memory:" if parts.netloc == ":memory:" or parts.path in ("", "/") else unquote(parts.path[1:])
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": name, "OPTIONS": dict(options)}


def _postgres(parts) -> dict:
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise ImproperlyConfigured("DATABASE_URL names no database: postgres://user:password@host:port/NAME")
    try:
        port = parts.port
    except ValueError:
        # Not the parser's own message: an unescaped "/", "#" or "?" in the password puts part of
        # the password where the port should be, and the message would repeat it into the logs.
        raise ImproperlyConfigured(
            "DATABASE_URL: the port is not a number (percent-encode any '/', '#', '?' or '@' in the password)"
        ) from None
    options = {}
    for key, value in parse_qsl(parts.query, keep_blank_values=False):
        options[key] = int(value) if key in _INTEGER_OPTIONS and value.isdigit() else value
    entry = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        # An empty HOST is the server's local socket, as psycopg reads it.
        "HOST": unquote(parts.hostname or ""),
        "PORT": str(port) if port else "",
    }
    if options:
        entry["OPTIONS"] = options
    return entry
