"""Load benchmark: 50 users for 2 minutes on production's engines; requests/s, p50/p95/p99 and errors.

The harness of issue 18. Everything runs on this machine, on 127.0.0.1 only:
- PostgreSQL 15 (`scripts/postgres.sh`, on LOAD_PG_PORT, default 5436: a server of its own);
- the three-node Elasticsearch cluster (`scripts/elasticsearch.sh cluster-start`), indexes with
  one replica;
- the demo site as `make run` builds it, in a database of its own (`dspload`), with production
  settings, behind gunicorn (gthread workers; the page cache on, in a folder they share);
- locust (`bench/locustfile.py`), headless: 49 readers who read pages in en/ru/ko, search and
  download documents with one to three seconds between steps, and one editor (the demo's event
  organiser) who publishes a new webinar through the admin's form every 30 seconds
  (`--editor-pause`): four in the two minutes, each purging from the page cache every page
  that lists events, which is most of them (their related items may show an event). A first
  publish purges softly: those pages are served as they were while they are remade, one at
  a time (`PAGE_CACHE_STALE_SECONDS`, `portal.core.page_cache`).

Afterwards every webinar the editor published is looked for, by its unique word, on the
portal's search page and in the Elasticsearch index. Every request's time and page-cache
answer go to `timeline.jsonl` in the run's folder; the run prints how many were hits, stale
answers and misses. The run fails (exit 1) on any error, any
missing webinar, or a p95 of 200 ms or more. Targets: zero errors, p95 < 200 ms.

Every request says `X-Forwarded-Proto: https`, as the proxy in front of production does. The
build (migrate, load_demo, extract_documents, rebuild_search_index, compile_translations,
collectstatic) takes a few minutes; `--keep` reuses the database built by an earlier run. Readers
arrive ten a second and every worker is warmed first (each page and document asked twice, eight
at a time); the figures count from the last arrival (locust's `--reset-stats`).

    make bench-load
    .venv/bin/python bench/load_bench.py --users 50 --duration 120 --keep
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import _server as server  # noqa: E402
from bench.page_bench import commit, machine  # noqa: E402

DATABASE = "dspload"
PG_PORT = os.environ.get("LOAD_PG_PORT", "5436")
INDEX_PREFIX = "dsp-load"
P95_TARGET_MS = 200
SPAWN_RATE = 10  # users a second
OTHER_ENGINES = {"REDIS_URL", "DATABASE_URL", "ELASTICSEARCH_URLS", "AWS_STORAGE_BUCKET_NAME"}
# What readers search for, in their languages: words of the demo's knowledge, a country, a typo.
SEARCHES = [
    ("en", "Sunflower Centre"),
    ("en", "one-stop centre"),
    ("en", "helpline"),
    ("en", "police training"),
    ("en", "Kyrgyzstan"),
    ("en", "violance"),
    ("ru", "кризисные центры"),
    ("ru", "Казахстан"),
    ("ru", "обучение полиции"),
    ("ko", "해바라기센터"),
    ("ko", "상담"),
    ("ko", "가정폭력"),
]
LANGUAGES = ("en", "ru", "ko")


def environment(folder: Path) -> dict:
    """The site's environment: production settings on the benchmark's PostgreSQL and cluster."""
    return {
        # The run's own engines only: never a Redis, a database or a bucket the caller's environment names.
        **{name: value for name, value in os.environ.items() if name not in OTHER_ENGINES},
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "load-bench-not-secret",  # noqa: S105 (a throwaway site on 127.0.0.1)
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "POSTGRES_DB": DATABASE,
        "POSTGRES_USER": "dsp",
        "POSTGRES_HOST": "127.0.0.1",
        "POSTGRES_PORT": PG_PORT,
        "ELASTICSEARCH_URLS": ",".join(cluster_urls()),
        "SEARCH_ELASTICSEARCH_URL": "",
        "SEARCH_INDEX_PREFIX": INDEX_PREFIX,
        "SEARCH_INDEX_REPLICAS": "1",
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "PAGE_CACHE_ENABLED": "1",
        "PAGE_CACHE_DIR": str(folder / "cache"),
        "DJANGO_SERVE_MEDIA": "0",
        # Text extraction of uploads runs in the request's own thread pool; none are uploaded here.
        "TASKS_BACKGROUND_BACKEND": "portal.core.background.ThreadBackend",
    }


def cluster_urls() -> list[str]:
    first = int(os.environ.get("ES_CLUSTER_PORT", "9211"))
    return [f"http://127.0.0.1:{first + node}" for node in range(3)]


def run(command: list[str], env: dict, **options) -> None:
    subprocess.run(command, env=env, cwd=ROOT, check=True, **options)


def services() -> None:
    run([str(ROOT / "scripts/postgres.sh"), "start"], {**os.environ, "PG_PORT": PG_PORT})
    run([str(ROOT / "scripts/elasticsearch.sh"), "cluster-start"], dict(os.environ))


def stop_services() -> None:
    subprocess.run([str(ROOT / "scripts/elasticsearch.sh"), "cluster-stop"], cwd=ROOT, check=False)
    postgres = {**os.environ, "PG_PORT": PG_PORT}
    subprocess.run([str(ROOT / "scripts/postgres.sh"), "stop"], cwd=ROOT, env=postgres, check=False)


def fresh_database() -> None:
    import psycopg

    with psycopg.connect(f"host=127.0.0.1 port={PG_PORT} user=dsp dbname=dsp", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")


def build(folder: Path, *, keep: bool) -> None:
    stamp = folder / "built"
    env = environment(folder)
    manage = [sys.executable, str(ROOT / "manage.py")]
    quiet = {"stdout": subprocess.DEVNULL}
    if keep and stamp.exists():
        print(f"Reusing the site built in {folder} at {stamp.read_text().strip()}; its search index rebuilt")
        run([*manage, "rebuild_search_index", "--no-progress"], env, **quiet)
        return
    started = time.perf_counter()
    fresh_database()
    shutil.rmtree(folder / "media", ignore_errors=True)
    run([*manage, "migrate", "--noinput", "-v0"], env)
    run([*manage, "load_demo", "-v0"], env, **quiet)
    run([*manage, "extract_documents", "--missing", "--no-progress"], env, **quiet)
    run([*manage, "rebuild_search_index", "--no-progress"], env, **quiet)
    run([*manage, "compile_translations"], env, **quiet)
    run([*manage, "collectstatic", "--noinput", "-v0"], env)
    stamp.write_text(commit() + "\n")
    print(f"Built the demo site on PostgreSQL in {time.perf_counter() - started:.0f}s")


def plan(folder: Path) -> dict:
    """What the users ask for: public pages and documents in three languages, searches, the editor."""
    os.environ.update(environment(folder))
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.db import connections
    from django.urls import reverse
    from django.utils import translation

    from wagtail.models import Page

    from events.models import EventIndexPage
    from knowledge.models import KnowledgeDocument
    from portal.core.privacy import documents_visible_to
    from portal.site.demo.loader import demo_logins

    pages = []
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
        if page.locale.language_code in LANGUAGES:
            url = page.get_url()
            if url and url.startswith("/"):
                pages.append(url)
    downloads = []
    for document in documents_visible_to(AnonymousUser(), KnowledgeDocument.objects.all()).order_by("pk")[:60]:
        with translation.override(document.locale.language_code):
            downloads.append(reverse("document_download", kwargs={"document_id": document.pk, "slug": document.slug}))
    events = EventIndexPage.objects.live().filter(locale__language_code="en").first()
    organiser = next(login for login in demo_logins() if login[0] == "organiser")
    connections.close_all()
    return {
        "pages": pages,
        "downloads": downloads,
        "searches": SEARCHES,
        "events_page_id": events.pk,
        "editor": {"username": organiser[0], "password": organiser[1]},
    }


def get(base: str, path: str) -> tuple[int, str]:
    request = urllib.request.Request(base + path, headers={"X-Forwarded-Proto": "https"})  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def answering(base: str, paths: list[str]) -> list[str]:
    """The paths that answer 200 to a signed-out reader (a page restricted later answers otherwise).

    Asked twice, eight at a time, which also warms every worker: its first requests load
    templates and catalogues and open its database connection, seconds no later reader waits.
    """
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda path: get(base, path), paths))
        statuses = list(pool.map(lambda path: get(base, path)[0], paths))
    return [path for path, status in zip(paths, statuses, strict=True) if status == 200]


@contextlib.contextmanager
def gunicorn(folder: Path, *, workers: int, threads: int):
    """gunicorn on a free loopback port; yields its base address."""
    shutil.rmtree(folder / "cache", ignore_errors=True)
    (folder / "cache").mkdir()
    options = (f"--workers={workers}", f"--threads={threads}", "--worker-class=gthread")
    ready = lambda port: get_status(f"http://127.0.0.1:{port}") == 200  # noqa: E731
    with server.gunicorn(environment(folder), folder / "gunicorn.log", *options, ready=ready) as port:
        yield f"http://127.0.0.1:{port}"


def get_status(base: str) -> int | None:
    try:
        return get(base, "/robots.txt")[0]
    except OSError:
        return None


def locust(base: str, folder: Path, args) -> Path:
    prefix = folder / "locust"
    env = {
        **os.environ,
        "LOAD_PLAN": str(folder / "plan.json"),
        "LOAD_PUBLISHED": str(folder / "published.txt"),
        "LOAD_EDITOR_PAUSE": str(args.editor_pause),
        "LOAD_TIMELINE": str(folder / "timeline.jsonl"),
    }
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        f"--users={args.users}",
        # Readers arrive over a few seconds, not all in one; the figures count from the last arrival.
        f"--spawn-rate={SPAWN_RATE}",
        f"--run-time={args.duration + args.users // SPAWN_RATE + 1}s",
        "--reset-stats",
        f"--host={base}",
        f"--csv={prefix}",
        "--only-summary",
        "--stop-timeout=10",
        "--loglevel=WARNING",
    ]
    subprocess.run(command, env=env, cwd=ROOT, check=False, stdout=subprocess.DEVNULL)
    return Path(f"{prefix}_stats.csv")


def published_and_found(base: str, folder: Path) -> tuple[int, list[str], list[str]]:
    """How many webinars the editor published; those missing from the search page; from the index."""
    markers = (folder / "published.txt").read_text().split() if (folder / "published.txt").exists() else []
    time.sleep(2)  # the cluster's refresh interval is one second
    page_missing, index_missing = [], []
    for marker in markers:
        status, body = get(base, "/en/search/?" + urllib.parse.urlencode({"q": marker}))
        if status != 200 or marker not in body:
            page_missing.append(marker)
        url = f"{cluster_urls()[0]}/{INDEX_PREFIX}-knowledge/_count?q={marker}"
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            if json.loads(response.read())["count"] < 1:
                index_missing.append(marker)
    return len(markers), page_missing, index_missing


def cache_answers(timeline: Path) -> str:
    """How the page cache answered the readers' pages and searches: hits, stale answers, misses."""
    counts = {"hit": 0, "stale": 0, "miss": 0}
    if timeline.exists():
        for line in timeline.read_text(encoding="utf-8").splitlines():
            answer = json.loads(line)[5]
            if answer in counts:
                counts[answer] += 1
    return ", ".join(f"{count:,} {answer}" for answer, count in counts.items())


def table(stats: Path) -> tuple[str, dict]:
    rows = list(csv.DictReader(stats.open(encoding="utf-8")))
    lines = [
        "| requests | count | errors | req/s | p50 ms | p95 ms | p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    total = {}
    for row in rows:
        name = "all" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
        lines.append(
            f"| {name} | {row['Request Count']} | {row['Failure Count']} | {float(row['Requests/s']):.1f} "
            f"| {row['50%']} | {row['95%']} | {row['99%']} |"
        )
        if row["Name"] == "Aggregated":
            total = row
    return "\n".join(lines), total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50, help="concurrent users, one of them the editor (default 50)")
    parser.add_argument("--duration", type=int, default=120, help="seconds of load (default 120)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn processes (default 4)")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn process (default 2)")
    parser.add_argument(
        "--editor-pause", type=float, default=30, help="seconds between the editor's publishes (default 30)"
    )
    parser.add_argument("--keep", action="store_true", help="reuse the database an earlier run built")
    parser.add_argument("--folder", default=str(Path(tempfile.gettempdir()) / "dsp-load"), help="the run's files")
    args = parser.parse_args()

    folder = Path(args.folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "published.txt").unlink(missing_ok=True)
    (folder / "timeline.jsonl").unlink(missing_ok=True)
    try:
        services()
        build(folder, keep=args.keep)
        wanted = plan(folder)
        with gunicorn(folder, workers=args.workers, threads=args.threads) as base:
            for key in ("pages", "downloads"):
                every = wanted[key]
                wanted[key] = answering(base, every)
                print(f"{len(wanted[key])} of {len(every)} {key} answer a signed-out reader")
            searches = ["/{}/search/?{}".format(lang, urllib.parse.urlencode({"q": q})) for lang, q in SEARCHES]
            if len(answering(base, searches)) != len(searches):
                raise SystemExit("a search page does not answer 200: nothing measured")
            (folder / "plan.json").write_text(json.dumps(wanted, ensure_ascii=False))
            info = machine()
            stats = locust(base, folder, args)
            published, page_missing, index_missing = published_and_found(base, folder)
    finally:
        stop_services()

    text, total = table(stats)
    errors = int(total.get("Failure Count", 1))
    p95 = float(total.get("95%", "inf"))
    print(f"\nCommit {commit()}; {info}")
    print(
        f"{args.users} users ({args.users - 1} readers, 1 editor publishing every {args.editor_pause:.0f}s) "
        f"for {args.duration}s; gunicorn {args.workers} "
        f"gthread workers x {args.threads} threads, production settings, page cache on; PostgreSQL 15; "
        f"Elasticsearch 3 nodes, 1 replica; locust headless on the same machine\n"
    )
    print(text)
    print(f"\nPage cache answers to readers' pages and searches: {cache_answers(folder / 'timeline.jsonl')}.")
    print(
        f"\nThe editor published {published} webinars: {published - len(page_missing)} found on the search page, "
        f"{published - len(index_missing)} in the index."
    )
    failed = []
    if errors:
        failed.append(f"{errors} errors (their kinds: {stats.with_name('locust_failures.csv')})")
    if p95 >= P95_TARGET_MS:
        failed.append(f"p95 {p95:.0f} ms >= {P95_TARGET_MS} ms")
    if not published or page_missing or index_missing:
        failed.append(f"published webinars missing from search: {sorted(set(page_missing + index_missing))}")
    if failed:
        print("\nTarget missed: " + "; ".join(failed))
        return 1
    print(f"\nTargets met: zero errors, p95 {p95:.0f} ms < {P95_TARGET_MS} ms, every published webinar found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
