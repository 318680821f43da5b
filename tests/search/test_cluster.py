"""A three-node cluster on loopback: stopping a node loses no search result and no update.

The nodes are real Elasticsearch processes (scripts/elasticsearch.sh cluster-start), beside
the single node the rest of the suite uses. The portal is given all three URLs and keeps
one replica of each shard. Two nodes are stopped in turn, the first started again (and the
index back to green) before the next: the one holding the index's primary shard, then the
elected master (or, if the master was the first, the node then holding the primary). While
each is down, a reader's searches are still answered by Elasticsearch with every result,
and a publish is searchable at once with nothing left pending.

About 80 s on two quiet cores (the cluster's start 27 s, a node's restart 10 s); the
cluster's start took 100 s while other work kept both cores busy.
"""

import os
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from search import conf, indexing
from search.client import breaker, get_client
from search.models import PendingIndexUpdate
from search.queries import KnowledgeSearch, SearchParams
from tests.search.conftest import index_corpus

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "elasticsearch.sh"
NODES = 3
HTTP_BASE = int(os.environ.get("ES_CLUSTER_HTTP_BASE", "9211"))
URLS = [f"http://127.0.0.1:{HTTP_BASE + n}" for n in range(NODES)]
QUERIES = ["", "police", "crisis centres", "survivors helpline"]


def run_script(*args: str) -> None:
    env = {**os.environ, "ES_CLUSTER_HTTP_BASE": str(HTTP_BASE)}
    started = time.monotonic()
    subprocess.run([str(SCRIPT), *args], check=True, env=env, cwd=ROOT)  # noqa: S603 - our own script
    print(f"elasticsearch.sh {' '.join(args)}: {time.monotonic() - started:.1f}s")  # noqa: T201 - shown with -s


@pytest.fixture(scope="module")
def cluster():
    """Three fresh nodes for this module, stopped at its end whatever happened."""
    try:
        run_script("cluster-start")
        yield URLS
    finally:
        run_script("cluster-stop")


@pytest.fixture
def on_cluster(cluster, search_settings):
    """The portal configured with every node, production budgets but for a busy test machine."""
    search_settings.SEARCH_ELASTICSEARCH_URLS = cluster
    search_settings.SEARCH_INDEX_PREFIX = f"dsp-cluster-{uuid.uuid4().hex[:8]}"
    search_settings.SEARCH_PAGE_SIZE = 50  # every hit on one page
    # Well above what a failover costs (a refused connection: milliseconds); generous only
    # so that two busy cores do not turn a slow answer into a database fallback.
    search_settings.SEARCH_REQUEST_TIMEOUT = 5
    search_settings.SEARCH_WRITE_TIMEOUT = 10
    search_settings.SEARCH_CIRCUIT_BREAKER_SECONDS = 10
    breaker.reset()
    yield search_settings
    indexing.delete_all_indices()


def node_of(name: str) -> int:
    """The node number (1-3) of a node name given by the script (dsp-node-N)."""
    return int(name.rsplit("-", 1)[1])


def placement() -> dict[str, int]:
    """Where the index's shard copies live, and which node is the elected master."""
    client = get_client(timeout=30)
    index = next(iter(client.indices.get_alias(name=conf.alias_name())))
    shards = client.cat.shards(index=index, format="json", h="prirep,state,node")
    where = {"primary" if shard["prirep"] == "p" else "replica": node_of(shard["node"]) for shard in shards}
    master = client.cat.master(format="json")[0]["node"]
    return {**where, "master": node_of(master)}


def wait_for(nodes: int, status: str) -> None:
    """Until the cluster counts `nodes` nodes (a master among them) and the index is `status`."""
    health = get_client(timeout=90).cluster.health(
        index=conf.alias_name(), wait_for_nodes=str(nodes), wait_for_status=status, timeout="80s"
    )
    assert not health["timed_out"], health


def answers() -> dict[str, tuple[str, int, list[str]]]:
    """For each query: which engine answered, the total, and every hit's address."""
    found = {}
    for q in QUERIES:
        result = KnowledgeSearch(user=None, language="en").search(SearchParams(q=q))
        found[q] = (result.engine, result.total, [hit.url for hit in result.hits])
    return found


def test_stopping_a_node_loses_no_result_and_no_update(on_cluster, corpus, django_capture_on_commit_callbacks):
    started = time.monotonic()
    report = index_corpus()
    print(f"indexed with replicas in {time.monotonic() - started:.1f}s")  # noqa: T201 - shown with -s
    assert report.replicas_ready  # the swap waited for both copies

    stopped = []
    for step, word in enumerate(["marigold", "hollyhock"]):
        # What readers get with every node up: the answers to keep while one is down.
        before = answers()
        assert all(engine == "elasticsearch" and total for engine, total, _ in before.values()), before
        assert len(before[""][2]) == before[""][1]  # the whole corpus on one page
        now = placement()
        # The node with the primary first; then the master (or, if the master is the node
        # just restarted, the node that now holds the primary).
        node = now["primary"] if step == 0 or now["master"] == stopped[-1] else now["master"]
        stopped.append(node)
        print(f"stopping node {node}: {now}")  # noqa: T201 - shown with -s
        run_script("node-stop", str(node))
        started = time.monotonic()

        # Straight after the stop: every result, from Elasticsearch.
        assert answers() == before, f"node {node} stopped ({now})"
        assert time.monotonic() - started < 10

        # An editor publishes at once: the others promote the replica (and elect a master)
        # within the write's budget (10 s here, 2 s in production; it took under a second),
        # and the write is taken, nothing left pending for catch-up.
        page = corpus["funding"]
        page.title = f"Funding one-stop centres, {word} edition"
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        assert not PendingIndexUpdate.objects.exists()
        indexing.refresh()
        result = KnowledgeSearch(user=None, language="en").search(SearchParams(q=word))
        assert result.engine == "elasticsearch" and not result.degraded
        assert [hit.title for hit in result.hits] == [page.title]

        print(f"node {node} down: searched and published in {time.monotonic() - started:.1f}s")  # noqa: T201
        wait_for(NODES - 1, "yellow")  # the stopped node's copies are served by the others now
        if step == 0:  # back before the next stop; the module's end stops them all anyway
            run_script("node-start", str(node))
            wait_for(NODES, "green")

    # With the second node still down, the last update is what readers find.
    found = KnowledgeSearch(user=None, language="en").search(SearchParams(q="hollyhock"))
    assert found.engine == "elasticsearch" and [hit.title for hit in found.hits] == [corpus["funding"].title]
