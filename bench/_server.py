"""A throwaway site for benchmarks: its own SQLite file, the demo content, Django's server."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench_environment(folder: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "SQLITE_PATH": str(Path(folder) / "bench.sqlite3"),
        "MEDIA_ROOT": str(Path(folder) / "media"),
        "SEARCH_ELASTICSEARCH_URL": "",
        "DJANGO_SERVE_MEDIA": "1",
    }


def fetch_ms(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url) as response:  # noqa: S310 (our own server on 127.0.0.1)
        response.read()
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env: dict, log: Path, *options: str, ready: Callable[[int], bool]):
    """gunicorn serving the portal with `options` on a free loopback port; yields the port once `ready(port)`.

    Its own messages and the site's log (errors, with their tracebacks) go to `log`.
    """
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi:application",
        *options,
        f"--bind=127.0.0.1:{port}",
        # gunicorn 27 opens a control socket at one path per user by default: several runs would share it.
        "--no-control-socket",
    ]
    with log.open("w") as output:
        server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if ready(port):
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"gunicorn did not start; its log: {log}")
                time.sleep(0.3)
            yield port
        finally:
            server.terminate()
            server.wait(timeout=30)


@contextlib.contextmanager
def serve(env: dict):
    """Django's server on a free loopback port, one thread; yields its base address."""
    port = free_port()
    command = [sys.executable, str(ROOT / "manage.py"), "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch_ms(base + "/static/css/site.css")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the benchmark server did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def load_demo(env: dict) -> None:
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "load_demo", "-v0"], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
