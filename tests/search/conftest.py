"""Search fixtures: a real Elasticsearch node, a small multilingual corpus, privacy set up.

Elasticsearch tests talk to the node named by SEARCH_ELASTICSEARCH_URL (`make test` starts
one with scripts/elasticsearch.sh and exports it). Without it they fail, on purpose: CI
always has the node, so a missing URL is a broken setup, not a reason to skip.
"""

import datetime
import os
import socket
import uuid
from pathlib import Path

from django.core.files.base import ContentFile

from wagtail.models import Collection, CollectionViewRestriction, Locale

import pytest

from knowledge.models import KnowledgeDocument, PolicyToolPage, PracticeNotePage
from search import conf, indexing, mappings, records
from search.client import breaker, get_client
from tests.factories import (
    CountryFactory,
    ThemeFactory,
    make_country_page,
    make_event,
    make_knowledge,
    publish_child,
    restrict_to_group,
)

TEST_TEMPLATES = Path(__file__).parent / "templates"
RUN_ID = uuid.uuid4().hex[:8]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def search_settings(settings):
    """Every search test starts on the database engine, with a fresh breaker and caches.

    The project's base.html is written elsewhere; the fallback in tests/search/templates
    only answers if it does not exist yet (it comes after the project's template dirs).
    """
    settings.SEARCH_ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_PREFIX = f"dsp-test-{RUN_ID}"
    settings.SEARCH_CIRCUIT_BREAKER_SECONDS = 0
    settings.SEARCH_PAGE_SIZE = 5
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [*templates[0]["DIRS"], TEST_TEMPLATES]
    settings.TEMPLATES = templates
    breaker.reset()
    from django.core.cache import cache

    cache.clear()
    yield settings
    breaker.reset()


@pytest.fixture(scope="session")
def es_url():
    url = os.environ.get("SEARCH_ELASTICSEARCH_URL", "").strip()
    if not url:
        pytest.fail(
            "SEARCH_ELASTICSEARCH_URL is not set. Start the node with `scripts/elasticsearch.sh start` and export "
            "SEARCH_ELASTICSEARCH_URL=http://127.0.0.1:9201 (or run `make test`, which does both).",
            pytrace=False,
        )
    return url


@pytest.fixture
def es(search_settings, es_url, request):
    """Elasticsearch on, with an index of this test's own (alias and indices removed after)."""
    search_settings.SEARCH_INDEX_PREFIX = f"dsp-test-{RUN_ID}-{uuid.uuid4().hex[:6]}"
    search_settings.SEARCH_ELASTICSEARCH_URL = es_url
    # Generous here: a cold node on a busy CI machine must not turn a test into a fallback.
    search_settings.SEARCH_REQUEST_TIMEOUT = 15
    yield search_settings
    search_settings.SEARCH_ELASTICSEARCH_URL = es_url
    indexing.delete_all_indices()


@pytest.fixture
def es_down(search_settings):
    """Elasticsearch configured, but nothing listens on its port."""
    search_settings.SEARCH_ELASTICSEARCH_URL = f"http://127.0.0.1:{_closed_port()}"
    return search_settings


@pytest.fixture
def make_document(db):
    def make(title, *, text="", description="", collection=None, countries=(), themes=(), language="en", **kwargs):
        document = KnowledgeDocument(
            title=title,
            description=description,
            extracted_text=text,
            language=language,
            collection=collection or Collection.get_first_root_node(),
            publication_date=kwargs.pop("publication_date", datetime.date(2024, 5, 1)),
            **kwargs,
        )
        document.file.save(f"{uuid.uuid4().hex[:8]}.txt", ContentFile(text.encode() or b"-"), save=False)
        document.save()
        document.countries.set(countries)
        document.themes.set(themes)
        return document

    return make


@pytest.fixture
def corpus(site, roles, make_document, django_capture_on_commit_callbacks):
    """A small, known corpus: 3 countries, 3 themes, every kind, two languages, partner-only items.

    Built with Elasticsearch off; the database engine's records are rebuilt at the end (the
    publish signals' updates wait for a commit that a test transaction never makes), and
    Elasticsearch tests index it with `index_corpus`.
    """
    kz = CountryFactory(iso_code="KZ", name="Kazakhstan", region="central-asia")
    al = CountryFactory(iso_code="AL", name="Albania", region="europe")
    kr = CountryFactory(iso_code="KR", name="Republic of Korea", region="east-asia")
    police = ThemeFactory(slug="police-response", name="Police response")
    health = ThemeFactory(slug="health-response", name="Health response")
    online = ThemeFactory(slug="online-violence", name="Online violence")
    knowledge = site["knowledge"]

    items = {
        "sunflower": make_knowledge(
            knowledge,
            PracticeNotePage,
            title="How the Sunflower Centre model works",
            summary="Korea's hospital-based one-stop crisis centres for survivors of sexual violence.",
            context="<p>Survivors used to visit police, doctors and counsellors separately.</p>",
            service_description="<p>Medical care, police statements and counselling in one place, day and night.</p>",
            countries=[kr],
            themes=[health, police],
            publication_date=datetime.date(2023, 3, 1),
        ),
        "funding": make_knowledge(
            knowledge,
            title="Funding one-stop centres in Central Asia",
            summary="Costing options for integrated services in Kazakhstan.",
            countries=[kz],
            themes=[health],
            publication_date=datetime.date(2024, 6, 1),
        ),
        "police": make_knowledge(
            knowledge,
            PolicyToolPage,
            title="Police investigation protocol",
            summary="A step-by-step protocol for police officers responding to gender-based violence.",
            countries=[kz, al],
            themes=[police],
            publication_date=datetime.date(2024, 1, 15),
        ),
        "online": make_knowledge(
            knowledge,
            title="Responding to online sexual abuse",
            summary="What helplines and police can do when abuse happens through phones and the internet.",
            countries=[kr],
            themes=[online],
            publication_date=datetime.date(2025, 2, 1),
        ),
        "kz_profile": make_country_page(
            site["countries"], kz, summary="Kazakhstan builds crisis centres with regional akimats."
        ),
        "webinar": make_event(
            site["events"],
            title="Webinar on survivor-centred police response",
            summary="Albanian and Korean police officers compare protocols.",
            countries=[al],
            start=datetime.datetime(2024, 9, 10, 9, tzinfo=datetime.UTC),
        ),
    }
    # A partner-only section: its pages never reach anonymous readers.
    partner_section = publish_child(knowledge, knowledge.__class__(title="Partner workspace", slug="partner-workspace"))
    restrict_to_group(partner_section, roles["partners"])
    items["partner_section"] = partner_section
    items["secret"] = make_knowledge(
        partner_section,
        title="Draft budget for the Almaty crisis centre",
        summary="Confidential costing shared with partner ministries only.",
        countries=[kz],
        themes=[health],
        publication_date=datetime.date(2025, 1, 10),
    )
    # Documents: one public, one in a partner-only collection.
    root = Collection.get_first_root_node()
    partner_collection = root.add_child(name="Partner documents")
    restriction = CollectionViewRestriction.objects.create(
        collection=partner_collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles["partners"]])
    items["report"] = make_document(
        "Annual report on crisis centres",
        text="Survivors reached the centres through the 1366 helpline and police referrals.",
        description="Figures from every centre.",
        countries=[kz, kr],
        themes=[health],
    )
    items["secret_doc"] = make_document(
        "Memorandum draft for the Almaty centre",
        text="Confidential negotiating positions.",
        collection=partner_collection,
        countries=[kz],
        themes=[police],
    )
    # A Russian item, so the language facet has two values.
    ru = Locale.objects.get_or_create(language_code="ru")[0]
    items["ru_note"] = make_knowledge(
        knowledge,
        title="Кризисные центры для пострадавших от насилия",
        summary="Как работают центры помощи пострадавшим от гендерного насилия в Казахстане.",
        countries=[kz],
        themes=[health],
        publication_date=datetime.date(2024, 11, 5),
        locale=ru,
    )
    records.rebuild()
    return items


def stored(key: str) -> dict | None:
    """What the index holds for an item key (after a refresh), or None."""
    client = get_client()
    client.indices.refresh(index=conf.alias_name())
    found = client.options(ignore_status=404).get(index=conf.alias_name(), id=mappings.document_id(key))
    return found["_source"] if found.get("found") else None


@pytest.fixture
def indexed(es, corpus):
    """The corpus, indexed in Elasticsearch."""
    index_corpus()
    return corpus


def index_corpus():
    """Rebuild the index from the database and make it searchable now."""
    report = indexing.rebuild()
    indexing.refresh()
    return report


@pytest.fixture
def korean_note(site, django_capture_on_commit_callbacks):
    """A Korean practice item, written as Korean is: compounds and particles without spaces."""
    korean = Locale.objects.get_or_create(language_code="ko")[0]
    with django_capture_on_commit_callbacks(execute=True):
        return make_knowledge(
            site["knowledge"],
            title="해바라기센터 운영 안내",
            summary="병원에 설치된 원스톱 지원센터, 해바라기센터에서 상담과 의료 지원을 함께 제공합니다.",
            slug="sunflower-ko",
            locale=korean,
        )
