"""Search benchmark: Elasticsearch and the database engine side by side.

Builds a throwaway SQLite database with N items (default 20,000: knowledge pages, events
and documents over 10 countries, 14 themes and 3 languages), rebuilds a throwaway
Elasticsearch index and the database engine's search records from it, then runs the same
mixed faceted queries on both engines and prints one table:

    make bench-search
    SEARCH_ELASTICSEARCH_URL=http://127.0.0.1:9201 .venv/bin/python bench/search_bench.py --items 2000

The queries are timed twice: as they come (a reader repeating words while ticking facets and
turning pages meets the engines' caches of recent words: `search.queries.database.CANDIDATES`,
`search.queries.elasticsearch.MATCHED`), and "words always new", those caches emptied
before every query.

Nothing is left behind: the database is a temporary file and the index is deleted. With
`--database PATH` the generated database is kept and reused by the next run (same seed,
same items), which skips the slow generation when profiling.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._server import percentile  # noqa: E402

COUNTRIES = [
    ("KR", "Republic of Korea", "east-asia"),
    ("KZ", "Kazakhstan", "central-asia"),
    ("KG", "Kyrgyzstan", "central-asia"),
    ("UZ", "Uzbekistan", "central-asia"),
    ("TJ", "Tajikistan", "central-asia"),
    ("TM", "Turkmenistan", "central-asia"),
    ("AL", "Albania", "europe"),
    ("ID", "Indonesia", "south-east-asia"),
    ("SN", "Senegal", "west-africa"),
    ("MN", "Mongolia", "east-asia"),
]
THEMES = [
    "police-response",
    "health-response",
    "legal-aid",
    "shelters",
    "helplines",
    "online-violence",
    "data",
    "coordination",
    "prevention",
    "psychosocial-support",
    "justice",
    "funding",
    "training",
    "child-survivors",
]
LANGUAGES = ["en", "ru", "ko"]
# The interface languages whose readers' searches are timed.
READERS = ("en", "ru", "ko")
# Words per language, space-separated to keep the table short.
WORDS = {
    language: text.split()  # noqa: SIM905
    for language, text in {
        "en": "survivor centre police protocol referral hospital counselling shelter helpline court evidence "
        "training budget coordination violence women children online abuse prevention data standard investigation",
        "ru": "пострадавшие центр полиция протокол направление больница консультирование приют телефон доверия "
        "суд доказательства обучение бюджет координация насилие женщины дети профилактика данные стандарт",
        "ko": "피해자 센터 경찰 프로토콜 의뢰 병원 상담 쉼터 상담전화 법원 증거 교육 예산 협력 폭력 여성 아동 "
        "온라인 예방 자료 표준 수사",
    }.items()
}
# What readers of each interface language type: their own words (inflected, misspelt), the
# programme's acronyms and English terms, as the search logs of a multilingual portal show.
QUERIES = {
    "en": [
        "",
        "",
        "police protocol",
        "one-stop centre",
        "GBV",
        "helpline",
        "shelter standards",
        "polise protocol",
        "hospital counselling",
        "online abuse",
        "насилие",
        "центр",
        "경찰",
        "survivor referral",
        "court evidence",
    ],
    "ru": [
        "",
        "",
        "протокол полиции",
        "обучения полиции",
        "кризисных центров",
        "насилие в отношении женщин",
        "телефоны доверия",
        "приютов",
        "пострадавших детей",
        "доказательства в суде",
        "полицыя",
        "GBV",
        "Кыргызстане",
        "one-stop centre",
        "консультирование в больнице",
    ],
    "ko": [
        "",
        "",
        "경찰 수사",
        "해바라기센터에서",
        "피해자 상담",
        "쉼터",
        "상담전화",
        "아동 피해자",
        "법원 증거",
        "온라인 폭력",
        "GBV",
        "교육 예산",
        "병원",
        "police protocol",
        "여성폭력 예방",
    ],
}


def setup_django(database: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ["SQLITE_PATH"] = database
    os.environ.setdefault("SEARCH_INDEX_PREFIX", "dsp-bench")
    import django

    django.setup()
    from django.conf import settings

    settings.SEARCH_INDEX_PREFIX = f"dsp-bench-{os.getpid()}"
    settings.SEARCH_REQUEST_TIMEOUT = 30
    settings.SEARCH_PAGE_SIZE = 20


def build(items: int, rng: random.Random) -> dict:
    """Create the items quickly: one transaction, no per-save index updates."""
    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db import transaction
    from django.db.models.signals import post_save

    from modelsearch import signal_handlers as modelsearch_signals
    from wagtail.models import Collection, Locale, Page, Site

    from events.models import EventIndexPage, EventPage
    from knowledge.models import KnowledgeDocument, KnowledgeIndexPage, PolicyBriefPage, PracticeNotePage
    from portal.core.models import Country, Theme
    from portal.site.models import HomePage

    call_command("migrate", verbosity=0)
    es_url, settings.SEARCH_ELASTICSEARCH_URL = settings.SEARCH_ELASTICSEARCH_URL, ""
    from modelsearch.index import get_indexed_models

    for model in get_indexed_models():
        post_save.disconnect(modelsearch_signals.post_save_signal_handler, sender=model)

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    default = locales["en"]
    countries = [Country.objects.create(iso_code=c, name=n, region=r, locale=default) for c, n, r in COUNTRIES]
    themes = [Theme.objects.create(slug=s, name=s.replace("-", " ").capitalize(), locale=default) for s in THEMES]
    created = {"pages": 0, "documents": 0}
    with transaction.atomic():
        root = Page.get_first_root_node()
        Page.objects.filter(depth=2).delete()
        home = root.add_child(instance=HomePage(title="Home", slug="home", locale=default))
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        knowledge = home.add_child(instance=KnowledgeIndexPage(title="Knowledge", slug="knowledge", locale=default))
        events = home.add_child(instance=EventIndexPage(title="Events", slug="events", locale=default))
        import datetime

        from django.utils import timezone

        page_countries, page_themes, doc_countries, doc_themes = [], [], [], []
        collection = Collection.get_first_root_node()
        for number in range(items):
            language = rng.choice(LANGUAGES)
            words = WORDS[language]
            title = " ".join(rng.sample(words, 4)).capitalize()
            summary = " ".join(rng.choices(words, k=25))
            body = " ".join(rng.choices(words, k=150))
            day = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3650))
            picked_countries = rng.sample(countries, rng.choice([1, 1, 2, 3]))
            picked_themes = rng.sample(themes, rng.choice([1, 2, 3]))
            roll = number % 10
            if roll < 3:
                document = KnowledgeDocument(
                    title=title,
                    description=summary,
                    extracted_text=body,
                    language=language,
                    locale=locales[language],
                    publication_date=day,
                    collection=collection,
                )
                document.file.save(f"bench-{number}.txt", ContentFile(b"-"), save=False)
                document.save()
                doc_countries += [(document.pk, c.pk) for c in picked_countries]
                doc_themes += [(document.pk, t.pk) for t in picked_themes]
                created["documents"] += 1
                continue
            if roll < 4:
                start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
                page = EventPage(
                    title=title,
                    summary=summary,
                    event_type="webinar",
                    start=start,
                    end=start + datetime.timedelta(hours=2),
                    is_online=True,
                    locale=locales[language],
                    slug=f"event-{number}",
                )
                events.add_child(instance=page)
            else:
                model = PracticeNotePage if roll < 6 else PolicyBriefPage
                extra = (
                    {"context": f"<p>{body}</p>", "service_description": "<p>-</p>"}
                    if model is PracticeNotePage
                    else {}
                )
                page = model(
                    title=title,
                    summary=summary,
                    publication_date=day,
                    locale=locales[language],
                    slug=f"item-{number}",
                    body=[("paragraph", f"<p>{body}</p>")] if model is PolicyBriefPage else [],
                    **extra,
                )
                knowledge.add_child(instance=page)
            page_countries += [(page, page.pk, c.pk) for c in picked_countries]
            page_themes += [(page, page.pk, t.pk) for t in picked_themes]
            created["pages"] += 1
        from knowledge.models import KnowledgePage

        kp_countries = KnowledgePage.countries.through
        kp_themes = KnowledgePage.themes.through
        ev_countries = EventPage.countries.through
        ev_themes = EventPage.themes.through
        kp_countries.objects.bulk_create(
            [
                kp_countries(knowledgepage_id=pk, country_id=c)
                for p, pk, c in page_countries
                if not isinstance(p, EventPage)
            ]
        )
        kp_themes.objects.bulk_create(
            [kp_themes(knowledgepage_id=pk, theme_id=t) for p, pk, t in page_themes if not isinstance(p, EventPage)]
        )
        ev_countries.objects.bulk_create(
            [ev_countries(eventpage_id=pk, country_id=c) for p, pk, c in page_countries if isinstance(p, EventPage)]
        )
        ev_themes.objects.bulk_create(
            [ev_themes(eventpage_id=pk, theme_id=t) for p, pk, t in page_themes if isinstance(p, EventPage)]
        )
        KnowledgeDocument.countries.through.objects.bulk_create(
            [KnowledgeDocument.countries.through(knowledgedocument_id=d, country_id=c) for d, c in doc_countries]
        )
        KnowledgeDocument.themes.through.objects.bulk_create(
            [KnowledgeDocument.themes.through(knowledgedocument_id=d, theme_id=t) for d, t in doc_themes]
        )
    settings.SEARCH_ELASTICSEARCH_URL = es_url
    return created


def mixed_params(count: int, rng: random.Random, language: str = "en") -> list:
    """Searches of readers of `language`: their words, with facets ticked, sorted and paged as readers do."""
    from search.queries import SearchParams

    params = []
    for _ in range(count):
        params.append(
            SearchParams(
                q=rng.choice(QUERIES[language]),
                countries=tuple(c for c, _, _ in rng.sample(COUNTRIES, rng.choice([0, 0, 1, 1, 2]))),
                themes=tuple(rng.sample(THEMES, rng.choice([0, 0, 1]))),
                kinds=tuple(rng.sample(["brief", "practice-note", "event", "document"], rng.choice([0, 0, 0, 1]))),
                languages=tuple(rng.sample(LANGUAGES, rng.choice([0, 0, 1]))),
                sort=rng.choice(["relevance", "relevance", "date"]),
                page=rng.choice([1, 1, 1, 2, 3]),
            )
        )
    return params


def timed(engine, params: list, *, cold: bool = False) -> list[float]:
    """Milliseconds per search. `cold`: every search as if its words were new (engine caches emptied first)."""
    from search.queries.database import CANDIDATES
    from search.queries.elasticsearch import MATCHED

    latencies = []
    for param in params:
        if cold:
            CANDIDATES.clear()
            MATCHED.clear()
        started = time.perf_counter()
        engine.search(param)
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def bulk_ingest_rate() -> float:
    """Items per second from serialised documents to a searchable index: the node's share alone.

    The rebuild row above is what an operator waits for (database reads, serialisation and
    the node); this one sends the same documents, prepared beforehand, into a fresh index
    set up as a rebuild sets it up, and stops the clock once they are searchable.
    """
    from elasticsearch import helpers

    from portal.core.items import ItemKey
    from search import conf, mappings, serializers
    from search.client import get_client

    client = get_client(timeout=conf.bulk_timeout())
    index = f"{conf.alias_name()}-ingest"
    privacy = serializers.PrivacySnapshot()
    actions = [
        {"_index": index, "_id": mappings.document_id(ItemKey.of(obj)), "_source": source}
        for serializer_class, queryset in serializers.searchable_querysets()
        for obj in queryset.iterator(chunk_size=1000)
        for source in [serializer_class(privacy).serialize(obj)]
    ]
    mappings.create_index(client, index, refresh_interval="-1", number_of_replicas=0)
    try:
        started = time.perf_counter()
        helpers.bulk(client, actions, chunk_size=1000)
        client.indices.put_settings(index=index, settings={"refresh_interval": "1s"})
        client.indices.refresh(index=index)
        return len(actions) / (time.perf_counter() - started)
    finally:
        client.indices.delete(index=index, ignore_unavailable=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--database",
        help="keep the generated SQLite database at this path and reuse it when it exists (for profiling)",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="dsp-bench-") as tmp:
        database = Path(args.database) if args.database else Path(tmp) / "bench.sqlite3"
        reuse = database.exists()
        os.environ.setdefault("MEDIA_ROOT", str(database.parent / f"{database.stem}-media"))
        setup_django(str(database))
        from django.core.management import call_command

        from search import conf, indexing, records
        from search.queries import DatabaseEngine, ElasticsearchEngine

        if not conf.elasticsearch_enabled():
            print("SEARCH_ELASTICSEARCH_URL is empty: start the node (scripts/elasticsearch.sh start) and set it.")
            return 2
        if reuse:
            call_command("migrate", verbosity=0)
            print(f"Reusing {database}")
        else:
            started = time.perf_counter()
            created = build(args.items, rng)
            seconds = time.perf_counter() - started
            print(f"Built {created['pages']} pages and {created['documents']} documents in {seconds:.0f}s")

        started = time.perf_counter()
        report = indexing.rebuild()
        indexing.refresh()
        es_rate = report.total / (time.perf_counter() - started)
        ingest_rate = bulk_ingest_rate()
        started = time.perf_counter()
        written, _ = records.rebuild()
        db_rate = written / (time.perf_counter() - started)

        timings: dict[str, dict[str, list[float]]] = {}
        try:
            for language in READERS:
                params = mixed_params(args.queries, random.Random(args.seed), language)
                es_engine = ElasticsearchEngine(user=None, language=language)
                db_engine = DatabaseEngine(user=None, language=language)
                warm_up = mixed_params(50, random.Random(args.seed + 1), language)
                timed(es_engine, warm_up)  # the node's JIT and caches, other queries than the measured ones
                timed(db_engine, warm_up)
                timings[language] = {
                    "es": timed(es_engine, params),
                    "db": timed(db_engine, params),
                    "es_cold": timed(es_engine, params, cold=True),
                    "db_cold": timed(db_engine, params, cold=True),
                }
        finally:
            indexing.delete_all_indices()

    en = timings["en"]
    rows = [
        ("rebuild, database -> index (items/s)", f"{es_rate:,.0f}", f"{db_rate:,.0f}"),
        ("bulk ingest, prepared docs (items/s)", f"{ingest_rate:,.0f}", "-"),
        (
            f"query p50 (ms, {args.queries} mixed faceted, en readers)",
            f"{percentile(en['es'], 0.5):.1f}",
            f"{percentile(en['db'], 0.5):.1f}",
        ),
        ("query p95 (ms)", f"{percentile(en['es'], 0.95):.1f}", f"{percentile(en['db'], 0.95):.1f}"),
        ("query mean (ms)", f"{statistics.mean(en['es']):.1f}", f"{statistics.mean(en['db']):.1f}"),
    ]
    for language, times in timings.items():
        rows += [
            (
                f"{language} readers: query p50, words always new (ms)",
                f"{percentile(times['es_cold'], 0.5):.1f}",
                f"{percentile(times['db_cold'], 0.5):.1f}",
            ),
            (
                f"{language} readers: query p95, words always new (ms)",
                f"{percentile(times['es_cold'], 0.95):.1f}",
                f"{percentile(times['db_cold'], 0.95):.1f}",
            ),
        ]
    rows.append(("target p95, words always new (ms)", "< 50", "< 150"))
    width = max(len(row[0]) for row in rows)
    print(f"\n{args.items:,} items, 10 countries, 14 themes, 3 languages")
    print(f"{'':{width}}  {'Elasticsearch':>14}  {'database':>10}")
    for label, es_value, db_value in rows:
        print(f"{label:{width}}  {es_value:>14}  {db_value:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
