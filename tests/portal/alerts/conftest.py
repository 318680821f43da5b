import re

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from knowledge.models import KnowledgeDocument
from search import indexing
from tests.factories import CountryFactory, ThemeFactory, make_knowledge, restrict_to_group

FILTER = {"country": "KZ", "theme": "police-response", "kind": "brief"}
# Found only in partner-only content: it must never be in a mail.
PARTNER_ONLY_WORD = "zqxalertsecret"


@pytest.fixture(autouse=True)
def _fresh_limits():
    """Each test starts with the subscribe form's counts at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def vocab(db):
    return {
        "kz": CountryFactory(),
        "kg": CountryFactory(iso_code="KG", name="Kyrgyzstan"),
        "police": ThemeFactory(),
    }


@pytest.fixture
def publish(site, vocab, django_capture_on_commit_callbacks):
    """Publish a brief as an editor would, its index updates run as after the commit."""

    def run(title, *, countries=("kz",), themes=("police",), partners=None):
        with django_capture_on_commit_callbacks(execute=True):
            page = make_knowledge(
                site["knowledge"],
                title=title,
                countries=[vocab[code] for code in countries],
                themes=[vocab[slug] for slug in themes],
            )
            if partners is not None:
                restrict_to_group(page, partners)
        searchable_now()
        return page

    return run


@pytest.fixture
def publish_partner_document(roles, django_capture_on_commit_callbacks):
    def run(title):
        with django_capture_on_commit_callbacks(execute=True):
            collection = Collection.get_first_root_node().add_child(name=f"Partner-only {title}")
            restriction = CollectionViewRestriction.objects.create(
                collection=collection, restriction_type=CollectionViewRestriction.GROUPS
            )
            restriction.groups.set([roles["partners"]])
            document = KnowledgeDocument(title=title, collection=collection)
            document.file.save("budget.pdf", ContentFile(b"%PDF-1.4 budget"), save=True)
        searchable_now()
        return document

    return run


def searchable_now() -> None:
    """Elasticsearch makes writes searchable each second; a digest run right after does not wait."""
    if settings.SEARCH_ELASTICSEARCH_URL:
        indexing.refresh()


def link(body: str, route: str) -> str:
    """The path of the first `route` link (confirm, unsubscribe) in a mail's text."""
    match = re.search(rf"https?://[^/\s]+(/\S+/{route}/\S+/)", body)
    assert match, f"no {route} link in:\n{body}"
    return match.group(1)
