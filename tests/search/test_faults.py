"""A node that accepts connections and never answers: publishing and searching go on, nothing is lost.

The hung node is a real TCP listener on 127.0.0.1 (not a mock of Elasticsearch): the client
connects, sends its request and waits for an answer that never comes, as with a node stuck in
garbage collection or behind a dead proxy. The bounds below are generous (the budgets are one
and two seconds); they catch a wait for the old 60-second timeout, not a slow machine.
"""

import datetime
import io
import socket
import threading
import time

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from search import conf, indexing
from search.client import breaker
from search.models import PendingIndexUpdate
from search.queries import KnowledgeSearch, SearchParams
from tests.search.conftest import _closed_port, stored

PROMPTLY = 8.0  # seconds; well above the budgets, far below the old waits


class SilentNode:
    """Accepts every connection, reads what is sent, and never writes a byte back."""

    def __init__(self):
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self._connections: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()
        self.accepted = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.getsockname()[1]}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            self.accepted += 1
            self._connections.append(connection)  # held open, never answered

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        for connection in self._connections:
            connection.close()
        self._server.close()


@pytest.fixture
def silent_node():
    node = SilentNode()
    yield node
    node.close()


@pytest.fixture
def hung(indexed, silent_node, settings):
    """The indexed corpus, with the portal pointed at the silent node and production budgets."""
    real_url = settings.SEARCH_ELASTICSEARCH_URL
    settings.SEARCH_ELASTICSEARCH_URL = silent_node.url
    del settings.SEARCH_REQUEST_TIMEOUT  # the `es` fixture's generous 15 s; the defaults apply
    settings.SEARCH_CIRCUIT_BREAKER_SECONDS = 10
    breaker.reset()
    yield {"corpus": indexed, "real_url": real_url}
    settings.SEARCH_ELASTICSEARCH_URL = real_url
    breaker.reset()


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def test_publish_returns_promptly_and_keeps_the_update_until_the_node_confirms(
    hung, silent_node, settings, django_capture_on_commit_callbacks
):
    page = hung["corpus"]["funding"]
    page.title = "Funding one-stop centres, published while the node hung"

    def publish():
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    _, seconds = timed(publish)
    assert seconds < PROMPTLY
    assert silent_node.accepted >= 1  # the update really tried the node
    pending = PendingIndexUpdate.objects.get(key=f"page:{page.pk}")
    assert pending.attempts >= 1 and pending.last_error

    # A second publish within the breaker's window does not wait for the node at all.
    accepted = silent_node.accepted
    _, seconds = timed(publish)
    assert seconds < PROMPTLY and silent_node.accepted == accepted

    # The node is back: catch-up applies the update and clears the row.
    settings.SEARCH_ELASTICSEARCH_URL = hung["real_url"]
    call_command("search_catch_up", stdout=io.StringIO())
    assert not PendingIndexUpdate.objects.exists()
    assert stored(f"page:{page.pk}")["title"] == "Funding one-stop centres, published while the node hung"


def test_search_answers_degraded_promptly(hung, silent_node, client):
    params = SearchParams(q="police protocol")
    result, seconds = timed(lambda: KnowledgeSearch(user=None, language="en").search(params))
    assert seconds < PROMPTLY
    assert result.degraded and result.total >= 1
    assert silent_node.accepted == 1  # one request, no retries

    # Within the breaker's window the page answers from the database without asking the node.
    response, seconds = timed(lambda: client.get("/en/search/", {"q": "police"}))
    assert response.status_code == 200 and seconds < PROMPTLY
    assert silent_node.accepted == 1


def test_a_worker_stopped_after_the_commit_loses_nothing(indexed, django_capture_on_commit_callbacks):
    """The pending row commits with the publish; catch-up finds it when the sync never ran."""
    page = indexed["police"]
    page.title = "Police protocol, published by a worker killed before its index update"
    with django_capture_on_commit_callbacks(execute=False):  # the commit's callbacks never run
        page.save_revision().publish()
    assert PendingIndexUpdate.objects.filter(key=f"page:{page.pk}").exists()
    call_command("search_catch_up", stdout=io.StringIO())
    assert not PendingIndexUpdate.objects.exists()
    assert stored(f"page:{page.pk}")["title"] == page.title


def test_a_sync_that_read_before_a_newer_change_keeps_its_row(corpus, monkeypatch):
    """A change saved in a transaction that began before the sync read, and committed while
    it ran, touched its row at a time before the sync began: the row still waits for its own
    sync, because the sync clears only what it saw."""
    page = corpus["online"]
    key = f"page:{page.pk}"
    indexing.record_queued([key])
    PendingIndexUpdate.objects.filter(key=key).update(updated_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    read = indexing._sources_for

    def read_while_a_change_commits(keys):
        PendingIndexUpdate.objects.filter(key=key).update(updated_at=datetime.datetime(2021, 1, 1, tzinfo=datetime.UTC))
        return read(keys)

    monkeypatch.setattr(indexing, "_sources_for", read_while_a_change_commits)
    indexing.sync([key])
    assert PendingIndexUpdate.objects.filter(key=key).exists()


def test_a_node_that_refuses_is_passed_over_within_the_budget(indexed, settings, django_capture_on_commit_callbacks):
    """Of two configured nodes, the first refuses every connection (a stopped node of a cluster):
    searches and updates go to the other one at once, and the breaker stays closed."""
    real_url = settings.SEARCH_ELASTICSEARCH_URL
    stopped = f"http://127.0.0.1:{_closed_port()}"
    settings.SEARCH_ELASTICSEARCH_URLS = [stopped, real_url]
    del settings.SEARCH_REQUEST_TIMEOUT  # production budgets
    settings.SEARCH_CIRCUIT_BREAKER_SECONDS = 10
    assert conf.index_replicas() == 1  # several nodes: a copy on another one

    for _ in range(3):  # the pool's turn comes round to the stopped node
        result, seconds = timed(lambda: KnowledgeSearch(user=None, language="en").search(SearchParams(q="police")))
        assert result.engine == "elasticsearch" and not result.degraded and result.total >= 1
        assert seconds < PROMPTLY and not breaker.is_open()

    page = indexed["online"]
    page.title = "Responding to online abuse, published while one node was stopped"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert not PendingIndexUpdate.objects.exists() and not breaker.is_open()
    assert stored(f"page:{page.pk}")["title"] == page.title


def test_every_node_refusing_opens_the_breaker(corpus, settings):
    settings.SEARCH_ELASTICSEARCH_URLS = [f"http://127.0.0.1:{_closed_port()}" for _ in range(3)]
    settings.SEARCH_CIRCUIT_BREAKER_SECONDS = 10
    result = KnowledgeSearch(user=None, language="en").search(SearchParams(q="police"))
    assert result.degraded and result.engine == "database" and result.total >= 1
    assert breaker.is_open()


def test_the_node_list_and_the_single_url(settings):
    """SEARCH_ELASTICSEARCH_URLS names a cluster; without it the single URL (commas allowed) does,
    so a test or a command that empties SEARCH_ELASTICSEARCH_URL switches Elasticsearch off."""
    settings.SEARCH_ELASTICSEARCH_URLS = []
    settings.SEARCH_ELASTICSEARCH_URL = ""
    assert conf.elasticsearch_urls() == [] and not conf.elasticsearch_enabled() and conf.index_replicas() == 0
    settings.SEARCH_ELASTICSEARCH_URL = "http://127.0.0.1:9201"
    assert conf.elasticsearch_urls() == ["http://127.0.0.1:9201"] and conf.index_replicas() == 0
    settings.SEARCH_ELASTICSEARCH_URL = "http://127.0.0.1:9211, http://127.0.0.1:9212"
    assert conf.elasticsearch_urls() == ["http://127.0.0.1:9211", "http://127.0.0.1:9212"]
    assert conf.index_replicas() == 1
    settings.SEARCH_ELASTICSEARCH_URLS = ["http://127.0.0.1:9213"]
    assert conf.elasticsearch_url() == "http://127.0.0.1:9213" and conf.index_replicas() == 0
    settings.SEARCH_INDEX_REPLICAS = 2
    assert conf.index_replicas() == 2


def test_a_nodes_password_never_reaches_the_operators_messages(db, settings):
    settings.SEARCH_ELASTICSEARCH_URLS = ["http://portal:s3cret-word@127.0.0.1:9"]  # nothing listens on port 9
    with pytest.raises(CommandError) as failed:
        call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    assert "s3cret-word" not in str(failed.value) and "http://127.0.0.1:9" in str(failed.value)
