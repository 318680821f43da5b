import datetime
import os
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone, translation

import pytest

from knowledge.models import PolicyToolPage, PracticeNotePage
from portal.site.models import CountryKeyFigure
from portal.site.roles import roles_ensure
from search import indexing
from search.client import breaker
from tests.factories import CountryFactory, build_site, make_country_page, make_event, make_knowledge


@pytest.fixture
def site(db):
    return build_site()


@pytest.fixture
def tree(site):
    """The site with one page of every public type, all about the Republic of Korea."""
    kr = CountryFactory(iso_code="KR", name="Republic of Korea", region="east-asia")
    korea = make_country_page(site["countries"], kr, title="Republic of Korea")
    CountryKeyFigure.objects.create(
        page=korea,
        label="Sunflower Centres",
        value=38,
        unit="centres",
        source="UNDP Seoul Policy Centre",
        as_of=datetime.date(2018, 4, 1),
    )
    note = make_knowledge(
        site["knowledge"],
        PracticeNotePage,
        title="Hospital-based one-stop centre",
        countries=[kr],
        content_warning=True,
    )
    tool = make_knowledge(site["knowledge"], PolicyToolPage, title="Police training course", countries=[kr])
    brief = make_knowledge(site["knowledge"], title="Funding one-stop centres", countries=[kr])
    past = make_event(site["events"], title="Round table 2021", countries=[kr])
    upcoming = make_event(site["events"], title="Webinar 2027", start=timezone.now() + datetime.timedelta(days=40))
    return {**site, "korea": korea, "note": note, "tool": tool, "brief": brief, "past": past, "upcoming": upcoming}


@pytest.fixture
def roles(site):
    return roles_ensure(site_root=site["home"])


@pytest.fixture
def make_user(db):
    def make(username, *, group=None, superuser=False):
        User = get_user_model()
        if superuser:
            return User.objects.create_superuser(username, f"{username}@example.org", "pw")
        user = User.objects.create_user(username, f"{username}@example.org", "pw")
        if group is not None:
            user.groups.add(group)
        return user

    return make


@pytest.fixture
def partner(make_user, roles):
    return make_user("partner", group=roles["partners"])


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations():
    """The interface catalogues as .mo files (git-ignored), as `make run` and `make test` build them.

    Runs before any test renders a page, so Django never caches a language without its catalogue.
    """
    from django.core.management import call_command

    call_command("compile_translations", verbosity=0)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language. A request through the test client activates its
    language in this thread and leaves it there, so a test that reads names in "the active
    language" would otherwise depend on which test ran before it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_shared_cache():
    """Each test starts with an empty page cache and no shared reads (portal.core.shared_reads).

    The database is rolled back after each test, but the cache lives in the process: what one
    test's pages read (locales, vocabularies, restrictions) must not answer the next one's.
    """
    from django.core.cache import caches

    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture(params=["database", "elasticsearch"])
def search_engine(request, settings):
    """Each search engine in turn, as the routes read it: the database engine, then the real
    Elasticsearch node with an index of this test's own, rebuilt from the database as it is now."""
    settings.SEARCH_ELASTICSEARCH_URL = ""
    settings.SEARCH_CIRCUIT_BREAKER_SECONDS = 0
    breaker.reset()
    if request.param == "elasticsearch":
        url = os.environ.get("SEARCH_ELASTICSEARCH_URL", "").strip()
        if not url:
            pytest.fail("SEARCH_ELASTICSEARCH_URL is not set: start scripts/elasticsearch.sh (see tests/search).")
        settings.SEARCH_ELASTICSEARCH_URL = url
        settings.SEARCH_INDEX_PREFIX = f"dsp-engine-{uuid.uuid4().hex[:8]}"
        settings.SEARCH_REQUEST_TIMEOUT = 15
        indexing.rebuild()
    yield request.param
    if request.param == "elasticsearch":
        indexing.delete_all_indices()
    breaker.reset()
