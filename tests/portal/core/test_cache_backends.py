"""Redis away (restarting, failed over): the shared caches answer as empty ones, and readers,
searchers and subscribers get their pages, not the 500 page (`portal.core.cache_backends`)."""

import socket

from django.core.cache import caches

import pytest

from tests.factories import make_knowledge


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_away(settings):
    """Production's default cache with Redis's port closed: a real refused connection, no stand-in."""
    location = f"redis://127.0.0.1:{_closed_port()}/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.core.cache_backends.ForgivingRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "default",
        },
        # The page cache's own store stays up here: its outage is its own (it reads the database).
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "redis-away-pages"},
    }
    settings.PAGE_CACHE_ENABLED = True
    settings.SEARCH_ELASTICSEARCH_URL = ""  # the database engine: what is tested here is the cache
    # A local-memory store lives as long as the process: the last test's pages and shared reads
    # (its site's rows, rolled back since) must not answer this one's.
    caches["pages"].clear()
    yield caches["default"]
    caches["pages"].clear()
    for alias in ("default", "pages"):
        caches[alias].close()


def test_the_cache_answers_as_an_empty_one(redis_away):
    assert redis_away.get("anything", "missed") == "missed"
    redis_away.set("kept", 1)
    assert redis_away.get("kept") is None
    assert redis_away.add("new", 1) is False
    assert redis_away.get_or_set("made", lambda: "fresh") == "fresh"
    with pytest.raises(ValueError):  # what Django says of a count it does not hold
        redis_away.incr("count")
    assert redis_away.get_many(["a", "b"]) == {}


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_pages_search_and_a_new_item_while_redis_is_away(
    site, client, redis_away, language, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_knowledge(site["knowledge"], title="Referral pathways for survivors")
    assert client.get(f"/{language}/").status_code == 200
    response = client.get(f"/{language}/search/", {"q": "referral"})
    assert response.status_code == 200
    if language == "en":
        assert "Referral pathways for survivors" in response.content.decode()
    # Nothing is kept while Redis is away: what is published next shows at once.
    with django_capture_on_commit_callbacks(execute=True):
        make_knowledge(site["knowledge"], title="Safety planning with survivors")
    assert "Safety planning with survivors" in client.get(f"/{language}/knowledge/").content.decode()
