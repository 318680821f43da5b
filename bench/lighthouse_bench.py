"""Lighthouse scores (performance, accessibility, best practices, SEO) for the key pages.

Serves the demo site from a throwaway database and runs Lighthouse (npm, pinned below)
against Debian's Chromium for the home, country, search, event and document pages. The
"document" page is a policy brief with its PDF attachments: documents have no page of
their own until the document repository lands. Prints one table.

    make bench-lighthouse
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._server import bench_environment, load_demo, serve  # noqa: E402

LIGHTHOUSE = "lighthouse@13.5.0"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def pages(base: str) -> dict[str, str]:
    import django

    django.setup()
    from events.models import EventPage
    from knowledge.models import PolicyBriefPage

    event = EventPage.objects.filter(locale__language_code="en", title__icontains="round table").first()
    brief = PolicyBriefPage.objects.live().public().filter(locale__language_code="en").exclude(attachments=[]).first()
    return {
        "home": base + "/en/",
        "country": base + "/en/countries/kazakhstan/",
        "search": base + "/en/search/?q=police+training",
        "event": base + event.url,
        "document": base + brief.url,
    }


def score(url: str, form_factor: str) -> dict[str, int]:
    command = [
        "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    # Lighthouse sometimes fails to record a trace on a busy machine (NO_NAVSTART): try again.
    for _attempt in range(3):
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=300)
        if result.returncode == 0:
            break
    else:
        raise RuntimeError(f"lighthouse failed on {url}: {result.stderr[-500:]}")
    report = json.loads(result.stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    # What cost points: every weighted audit below a full score, to fix rather than guess.
    scores["lost"] = [
        f"{name}: {ref['id']} ({report['audits'][ref['id']].get('displayValue', '')})".strip()
        for name in CATEGORIES
        for ref in report["categories"][name]["auditRefs"]
        if ref.get("weight") and (report["audits"][ref["id"]].get("score") or 0) < 1
    ]
    return scores


def main() -> int:
    form_factor = sys.argv[1] if len(sys.argv) > 1 else "mobile"
    with tempfile.TemporaryDirectory(prefix="dsp-lighthouse-") as tmp:
        env = bench_environment(tmp)
        os.environ.update(env)
        load_demo(env)
        with serve(env) as base:
            rows = [(name, score(url, form_factor)) for name, url in pages(base).items()]
    print(f"\nLighthouse {LIGHTHOUSE.split('@')[1]}, {form_factor}, Debian Chromium, Django's server")
    print(f"{'page':10}" + "".join(f"{name:>16}" for name in CATEGORIES))
    for name, scores in rows:
        print(f"{name:10}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES))
    for name, scores in rows:
        for lost in scores["lost"]:
            print(f"  {name}: {lost}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
