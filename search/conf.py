"""Search settings, read through `django.conf.settings` so tests can override them.

`portal/settings/base.py` reads the ones that differ per environment from the environment
(`SEARCH_ELASTICSEARCH_URLS` or `SEARCH_ELASTICSEARCH_URL`, `SEARCH_INDEX_PREFIX`); the rest
are tuning knobs with defaults.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings


def elasticsearch_urls() -> list[str]:
    """Every node the portal may send a request to; empty means the database engine answers.

    SEARCH_ELASTICSEARCH_URLS (a list, from the ELASTICSEARCH_URLS environment variable) names
    the nodes of a cluster; when it is empty, SEARCH_ELASTICSEARCH_URL (one URL, or several
    separated by commas) does. Tests switch Elasticsearch off or point it elsewhere by setting
    SEARCH_ELASTICSEARCH_URL alone, which is why the list is never filled from it.
    """
    urls = getattr(settings, "SEARCH_ELASTICSEARCH_URLS", None) or []
    if not urls:
        urls = (getattr(settings, "SEARCH_ELASTICSEARCH_URL", "") or "").split(",")
    return [url.strip() for url in urls if url and url.strip()]


def elasticsearch_url() -> str:
    """The first node: what messages name. Empty means no Elasticsearch."""
    urls = elasticsearch_urls()
    return urls[0] if urls else ""


def elasticsearch_enabled() -> bool:
    return bool(elasticsearch_urls())


def safe_url(url: str) -> str:
    """A node's address without the user and password a URL may carry, for messages and logs."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    return urlunsplit(parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else "")))


def index_prefix() -> str:
    return getattr(settings, "SEARCH_INDEX_PREFIX", "dsp") or "dsp"


def alias_name() -> str:
    """The name every read and write uses; it points at one timestamped index."""
    return f"{index_prefix()}-knowledge"


def rebuilding_alias_name() -> str:
    """Points at the index a rebuild is filling, while it runs: live updates go there too."""
    return f"{alias_name()}-rebuilding"


def request_timeout() -> float:
    """What one search may spend on Elasticsearch in all, second request included.

    Short on purpose: a reader waits for search, so a slow or hung node must leave time for
    the database engine to answer within two seconds.
    """
    return float(getattr(settings, "SEARCH_REQUEST_TIMEOUT", 1.0))


def write_timeout() -> float:
    """What one live index update may spend on Elasticsearch in all, in the editor's request.

    Its pending row is already committed with the publish, so giving up early loses nothing:
    the next successful update or `manage.py search_catch_up` applies it.
    """
    return float(getattr(settings, "SEARCH_WRITE_TIMEOUT", 2.0))


def bulk_timeout() -> float:
    """Rebuilds and bulk loads run in commands, not requests: they may wait longer."""
    return float(getattr(settings, "SEARCH_BULK_TIMEOUT", 60.0))


def circuit_breaker_seconds() -> float:
    """After a failed request, how long searches and live updates leave the node alone."""
    return float(getattr(settings, "SEARCH_CIRCUIT_BREAKER_SECONDS", 10.0))


def page_size() -> int:
    return int(getattr(settings, "SEARCH_PAGE_SIZE", 20))


def max_query_length() -> int:
    return int(getattr(settings, "SEARCH_MAX_QUERY_LENGTH", 500))


def index_replicas() -> int:
    """Copies of each shard besides the primary: SEARCH_INDEX_REPLICAS when set.

    Otherwise one when several nodes are configured, so a node can stop without taking any
    document out of search, and none for a single node, which has nowhere to put a copy.
    """
    replicas = getattr(settings, "SEARCH_INDEX_REPLICAS", None)
    if replicas is not None and replicas != "":
        return int(replicas)
    return 1 if len(elasticsearch_urls()) > 1 else 0


def catch_up_batch_size() -> int:
    return int(getattr(settings, "SEARCH_CATCH_UP_BATCH_SIZE", 200))
