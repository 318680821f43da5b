"""Page render benchmark: every public page type with 5,000 items in the database.

Builds a throwaway SQLite database with the demo site plus N extra knowledge items and
events (default 5,000), serves it with Django's server in a separate process, and times
HTTP requests for each page type beside a static file from the same server in the same
run. Prints one table: p50 and p95 per page type, and p50 as a multiple of the static
file's p50.

    make bench-render
    .venv/bin/python bench/render_bench.py --items 5000 --requests 40
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._server import bench_environment, fetch_ms, load_demo, percentile, serve  # noqa: E402


def build(items: int, rng: random.Random) -> None:
    """The demo site, then `items` more pages linked to its countries and themes."""
    import django

    django.setup()
    from django.db import transaction

    from events.models import EventIndexPage, EventPage
    from knowledge.models import KnowledgeIndexPage, PolicyBriefPage, PracticeNotePage
    from portal.core.models import Country, Theme

    knowledge = KnowledgeIndexPage.objects.get(locale__language_code="en", depth=3)
    events = EventIndexPage.objects.get(locale__language_code="en")
    countries = list(Country.objects.filter(locale__language_code="en"))
    themes = list(Theme.objects.filter(locale__language_code="en"))
    words = [
        "survivor",
        "centre",
        "police",
        "funding",
        "counselling",
        "medical",
        "legal",
        "referral",
        "training",
        "protocol",
    ]
    with transaction.atomic():
        for number in range(items):
            title = f"{' '.join(rng.sample(words, 3)).capitalize()} {number}"
            summary = " ".join(rng.choices(words, k=30))
            day = datetime.date(2017, 9, 1) + datetime.timedelta(days=rng.randrange(3000))
            if number % 5 == 0:
                start = datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)
                page = EventPage(
                    title=title,
                    slug=f"bench-event-{number}",
                    summary=summary,
                    event_type="webinar",
                    start=start,
                    end=start + datetime.timedelta(hours=2),
                    is_online=True,
                )
                events.add_child(instance=page)
                page.countries.set(rng.sample(countries, 2))
            else:
                model = PracticeNotePage if number % 5 == 1 else PolicyBriefPage
                extra = (
                    {"context": f"<p>{summary}</p>", "service_description": "<p>-</p>"}
                    if model is PracticeNotePage
                    else {}
                )
                page = model(title=title, slug=f"bench-item-{number}", summary=summary, publication_date=day, **extra)
                knowledge.add_child(instance=page)
                page.countries.set(rng.sample(countries, 2))
                page.themes.set(rng.sample(themes, 2))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5_000)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dsp-render-") as tmp:
        env = bench_environment(tmp)
        os.environ.update(env)
        started = time.perf_counter()
        load_demo(env)
        build(args.items, random.Random(5))
        print(f"Built the demo site and {args.items:,} more items in {time.perf_counter() - started:.0f}s")

        from events.models import EventPage
        from knowledge.models import PolicyBriefPage, PolicyToolPage, PracticeNotePage

        def first(model):
            return model.objects.filter(locale__language_code="en").order_by("-pk").first()

        targets = {
            "home": "/en/",
            "country index": "/en/countries/",
            "country profile": "/en/countries/kazakhstan/",
            "knowledge index": "/en/knowledge/",
            "knowledge, filtered": "/en/knowledge/?country=KZ&theme=police-response",
            "policy brief": first(PolicyBriefPage).url,
            "practice note": first(PracticeNotePage).url,
            "policy tool": first(PolicyToolPage).url,
            "event index": "/en/events/",
            "event": first(EventPage).url,
            "search": "/en/search/?q=police+training",
        }
        static = "/static/css/site.css"
        with serve(env) as base:
            for path in [static, *targets.values()]:  # warm up
                fetch_ms(base + path)
            static_times = [fetch_ms(base + static) for _ in range(args.requests)]
            rows = []
            for name, path in targets.items():
                times = [fetch_ms(base + path) for _ in range(args.requests)]
                rows.append((name, percentile(times, 0.5), percentile(times, 0.95)))

    static_p50 = statistics.median(static_times)
    print(f"\n{args.items:,} extra items; {args.requests} requests per row; Django's server, one thread")
    print(f"{'page type':22} {'p50 ms':>8} {'p95 ms':>8} {'p50 / static':>13}")
    print(f"{'static file (site.css)':22} {static_p50:8.1f} {percentile(static_times, 0.95):8.1f} {1:13.1f}")
    for name, p50, p95 in rows:
        print(f"{name:22} {p50:8.1f} {p95:8.1f} {p50 / static_p50:13.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
