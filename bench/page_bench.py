"""Page benchmark: requests per second and p50/p95 per page type, uncached and cached, beside a static file.

The harness of issue 17: production settings (portal.settings.production), the demo content in a
throwaway SQLite database, gunicorn with 2 sync workers on 127.0.0.1, load from
`wrk -t2 -c4 -d<N>s`. Every request says `X-Forwarded-Proto: https`, as the proxy in front of
production does, so SECURE_SSL_REDIRECT serves the page instead of redirecting it, and
`Accept-Encoding: gzip`, as every browser does: WhiteNoise answers with the static file's
precompressed copy and the page cache with its gzip copy of a page; an uncached page goes as made.

Two passes, each with its own gunicorn: uncached (PAGE_CACHE_ENABLED=0) and cached
(PAGE_CACHE_ENABLED=1, a file cache in PAGE_CACHE_DIR that both workers share, emptied before
the pass). Each pass measures the static file (/static/css/site.css, served by WhiteNoise from the
same workers) first and last, every page in between; "÷ static" is a page's req/s over the mean of the
two static rows of the same pass, which evens out some of the drift of a shared machine. Targets:
uncached home >= 50, detail pages >= 100, search >= 52 req/s; cached >= the static file.
Every URL must answer 200 before anything is measured. The X-Page-Cache column is the header of a
request made after the warm-up (the page cache says `hit` or `miss`; "-" when it sends none).

Building the site (migrate, load_demo, extract_documents, rebuild_search_index,
compile_translations as `make run` does, then collectstatic) takes a minute or two; `--keep DIR`
builds it in DIR once and reuses it on the next runs.

    make bench-pages ARGS="--duration 10"
    .venv/bin/python bench/page_bench.py --keep /tmp/dsp-pages --duration 5 --pages home,profile,search
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import _server as server  # noqa: E402
from bench._server import bench_environment, load_demo  # noqa: E402

STATIC = "/static/css/site.css"
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
LANGUAGES = ["en", "ru", "ko"]
# Pages measured in every language of --languages; the others in the first language only (--all-languages: all).
TRANSLATED = {"home", "profile"}
UNCACHED_TARGETS = {"home": 50, "detail": 100, "search": 52}

# wrk's done() hook: p95 from the latency histogram (wrk's --latency prints 50/75/90/99 only) and the errors.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("PAGEBENCH requests=%d duration_us=%d p50_us=%d p95_us=%d errors=%d non2xx=%d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    errors, summary.errors.status))
end
"""


@dataclass
class Page:
    key: str  # the name --pages accepts
    name: str
    path: str  # with {lang}; {document} is the document's landing path in that language
    kind: str | None  # which uncached target applies: home, detail, search; None for lists without one


PAGES = [
    Page("home", "home", "/{lang}/", "home"),
    Page("countries", "countries index", "/{lang}/countries/", None),
    Page("profile", "country profile (Kyrgyzstan)", "/{lang}/countries/kyrgyzstan/", "detail"),
    Page("knowledge", "knowledge index", "/{lang}/knowledge/", None),
    Page("note", "practice note", "/{lang}/knowledge/sunflower-centre-one-stop-model/", "detail"),
    Page("brief", "policy brief", "/{lang}/knowledge/why-one-stop-centres/", "detail"),
    Page("tool", "policy tool", "/{lang}/knowledge/korean-police-training-sexual-domestic-violence/", "detail"),
    Page("events", "events index", "/{lang}/events/", None),
    Page("event", "event", "/{lang}/events/webinar-albania-march-2018/", "detail"),
    Page("document", "document landing page", "{document}", "detail"),
    Page("theme", "theme hub", "/{lang}/themes/one-stop-centres/", None),
    Page("search", "search ?q=police", "/{lang}/search/?q=police", "search"),
]


@dataclass
class Result:
    name: str
    lang: str
    path: str
    target: float | None  # req/s; None: no target
    rps: float = 0.0
    p50: float = 0.0
    p95: float = 0.0
    cache: str = "-"
    failures: int = 0


# --- The site ------------------------------------------------------------------------------


def build(folder: Path) -> None:
    """The demo site as `make run` builds it, then production's fingerprinted static files."""
    env = bench_environment(str(folder))
    manage = [sys.executable, str(ROOT / "manage.py")]
    started = time.perf_counter()
    load_demo(env)
    quiet = {"env": env, "cwd": ROOT, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([*manage, "extract_documents", "--missing", "--no-progress"], **quiet)
    subprocess.run([*manage, "rebuild_search_index", "--no-progress"], **quiet)
    subprocess.run([*manage, "compile_translations"], **quiet)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], **{**quiet, "env": production_environment(folder)})
    (folder / "built").write_text(commit() + "\n")
    print(f"Built the demo site in {folder} in {time.perf_counter() - started:.0f}s")


def production_environment(folder: Path, *, cache: bool = False) -> dict:
    # The page cache in a folder of the run, emptied before each pass; never a Redis the caller's REDIS_URL names.
    environment = {name: value for name, value in bench_environment(str(folder)).items() if name != "REDIS_URL"}
    return {
        **environment,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "page-bench-not-secret",  # noqa: S105 (a throwaway site on 127.0.0.1)
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SERVE_MEDIA": "0",
        "STATIC_ROOT": str(folder / "static"),
        "PAGE_CACHE_ENABLED": "1" if cache else "0",
        "PAGE_CACHE_DIR": str(folder / "cache"),
    }


def document_paths(folder: Path, languages: list[str]) -> dict[str, str]:
    """The landing page of the first public, reviewed English document, and of its translations."""
    os.environ.update(production_environment(folder))
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.db import connections

    from knowledge.models import KnowledgeDocument
    from portal.core.privacy import documents_visible_to

    visible = documents_visible_to(AnonymousUser(), KnowledgeDocument.objects.all()).order_by("pk")
    first = visible.filter(locale__language_code="en").first()
    paths = {}
    for lang in languages:
        document = visible.filter(translation_key=first.translation_key, locale__language_code=lang).first()
        paths[lang] = document.get_landing_url() if document else f"/{lang}/documents/{first.pk}/{first.slug}/"
    connections.close_all()
    return paths


@contextlib.contextmanager
def gunicorn(folder: Path, *, cache: bool, log: Path):
    """gunicorn with 2 sync workers on a free loopback port; yields the port."""
    shutil.rmtree(folder / "cache", ignore_errors=True)
    (folder / "cache").mkdir()
    env = production_environment(folder, cache=cache)
    with server.gunicorn(
        env, log, "--workers=2", "--worker-class=sync", ready=lambda port: get(port, STATIC)[0] == 200
    ) as port:
        yield port


def get(port: int, path: str) -> tuple[int, dict[str, str]]:
    """One GET as wrk sends it (no redirects followed): the status and the headers, lower-cased."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=HEADERS)
        response = connection.getresponse()
        response.read()
        return response.status, {name.lower(): value for name, value in response.getheaders()}
    finally:
        connection.close()


# --- Load ---------------------------------------------------------------------------------


def wrk(port: int, path: str, seconds: int, script: Path) -> dict[str, float]:
    command = [
        shutil.which("wrk"),
        "-t2",
        "-c4",
        f"-d{seconds}s",
        "--latency",
        "-s",
        str(script),
        *(item for name, value in HEADERS.items() for item in ("-H", f"{name}: {value}")),
        f"http://127.0.0.1:{port}{path}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or "PAGEBENCH" not in result.stdout:
        raise RuntimeError(f"wrk failed on {path}: {result.stderr or result.stdout}")
    output = result.stdout
    numbers = dict(re.findall(r"(\w+)=(\d+)", output.split("PAGEBENCH", 1)[1]))
    # p50 from wrk's own latency distribution (--latency), p95 from the done() hook.
    p50 = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p50.group(2)]
    return {
        "rps": int(numbers["requests"]) / (int(numbers["duration_us"]) / 1e6),
        "p50": float(p50.group(1)) * scale,
        "p95": int(numbers["p95_us"]) / 1000,
        "failures": int(numbers["errors"]) + int(numbers["non2xx"]),
    }


def run_pass(folder: Path, rows: list[Result], *, cache: bool, args, script: Path) -> list[Result]:
    """One gunicorn, every URL checked, warmed and measured; returns the static file's rows, first and last."""
    label = "cached" if cache else "uncached"
    static = [Result(f"static file (site.css), {when}", "-", STATIC, None) for when in ("first", "last")]
    server_log = folder / f"gunicorn-{label}.log"
    with gunicorn(folder, cache=cache, log=server_log) as port:
        broken = []
        for row in [static[0], *rows]:
            status, headers = get(port, row.path)
            if status != 200:
                broken.append(f"  {row.path} answered {status} {headers.get('location', '')}".rstrip())
        if broken:
            raise SystemExit(
                f"{label} pass: these URLs do not answer 200, nothing measured (gunicorn's log: {server_log}):\n"
                + "\n".join(broken)
            )
        for row in [static[0], *rows, static[1]]:
            if args.warmup:
                wrk(port, row.path, args.warmup, script)
            row.cache = get(port, row.path)[1].get("x-page-cache", "-")
            measured = wrk(port, row.path, args.duration, script)
            row.rps, row.p50, row.p95, row.failures = (measured[k] for k in ("rps", "p50", "p95", "failures"))
            print(f"  {label:8} {row.name:30} {row.lang:2} {row.rps:8.1f} req/s", file=sys.stderr, flush=True)
    return static


def table(title: str, static: list[Result], rows: list[Result], *, cache: bool) -> str:
    lines = [
        f"**{title}**",
        "",
        "| page | language | req/s | p50 ms | p95 ms | ÷ static | X-Page-Cache | target req/s | |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |",
    ]
    reference = sum(row.rps for row in static) / len(static)
    for row in [static[0], *rows, static[1]]:
        target = reference if cache else row.target
        if row in static or target is None:
            wanted, mark = "-", ""
        else:
            wanted = f">= {target:.0f}" + (" (static)" if cache else "")
            mark = "pass" if row.rps >= target else "FAIL"
        if cache and row not in static and row.cache != "hit":
            mark = f"{mark}, not served from the cache"
        if row.failures:
            mark = f"{mark}, {row.failures} errors or non-2xx answers"
        ratio = row.rps / reference
        ratio = f"{ratio:.2f}" if ratio >= 0.1 else f"{ratio:.3f}"
        lines.append(
            f"| {row.name} | {row.lang} | {row.rps:.1f} | {row.p50:.1f} | {row.p95:.1f} "
            f"| {ratio} | {row.cache} | {wanted} | {mark.strip(', ')} |"
        )
    return "\n".join(lines)


# --- The run --------------------------------------------------------------------------------


def commit() -> str:
    git = shutil.which("git")
    if not git:
        return "unknown"
    result = subprocess.run([git, "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    model = ""
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        model = found.group(1) if found else ""
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    return f"{os.cpu_count()} cores {model}".strip() + f", load average {load}, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk load per row (default 10)")
    parser.add_argument("--warmup", type=int, default=1, help="seconds of wrk load per row before it (default 1)")
    parser.add_argument("--pages", default="", help=f"a subset, comma-separated: {','.join(p.key for p in PAGES)}")
    parser.add_argument("--languages", default=",".join(LANGUAGES), help="default en,ru,ko; the first for every page")
    parser.add_argument("--all-languages", action="store_true", help="every page in each language (else home, profile)")
    parser.add_argument("--passes", default="uncached,cached", help="uncached, cached or both (default)")
    parser.add_argument("--keep", metavar="DIR", help="build the site in DIR once and reuse it next time")
    args = parser.parse_args()

    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench-pages` installs Debian's package (apt-get install wrk)")
    chosen = {key.strip() for key in args.pages.split(",") if key.strip()}
    unknown = chosen - {page.key for page in PAGES}
    if unknown:
        raise SystemExit(f"unknown pages {sorted(unknown)}; choose from {[page.key for page in PAGES]}")
    pages = [page for page in PAGES if not chosen or page.key in chosen]
    languages = [lang.strip() for lang in args.languages.split(",") if lang.strip()]
    passes = [name.strip() for name in args.passes.split(",") if name.strip()]
    if not passes or set(passes) - {"uncached", "cached"}:
        raise SystemExit("--passes takes uncached, cached or uncached,cached")

    with contextlib.ExitStack() as stack:
        if args.keep:
            folder = Path(args.keep).resolve()
            folder.mkdir(parents=True, exist_ok=True)
        else:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dsp-pages-")))
        if (folder / "built").exists():
            print(f"Reusing the site built in {folder} at {(folder / 'built').read_text().strip()}")
        else:
            build(folder)
        documents = document_paths(folder, languages)

        def rows() -> list[Result]:
            return [
                Result(
                    page.name,
                    lang,
                    page.path.format(lang=lang, document=documents[lang]),
                    UNCACHED_TARGETS.get(page.kind),
                )
                for page in pages
                for lang in languages
                if lang == languages[0] or args.all_languages or page.key in TRANSLATED
            ]

        script = folder / "percentiles.lua"
        script.write_text(WRK_SCRIPT)

        info = machine()
        results = []
        for name in passes:
            cache = name == "cached"
            measured = rows()
            static = run_pass(folder, measured, cache=cache, args=args, script=script)
            results.append((name, static, measured))

    print(f"\nCommit {commit()}; {info}")
    print(
        f"gunicorn 2 sync workers, production settings, SQLite, embedded search; "
        f"wrk -t2 -c4 -d{args.duration}s after {args.warmup}s of warm-up; "
        f"X-Forwarded-Proto: https, Accept-Encoding: gzip\n"
    )
    for name, static, measured in results:
        cache = name == "cached"
        title = (
            "Cached pass (PAGE_CACHE_ENABLED=1): target >= the static file (the mean of its two rows)"
            if cache
            else "Uncached pass (PAGE_CACHE_ENABLED=0): targets home >= 50, detail pages >= 100, search >= 52 req/s"
        )
        print(table(title, static, measured, cache=cache) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
