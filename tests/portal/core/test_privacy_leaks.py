"""The leak test: partner-only words never reach an anonymous reader, by any route.

Each kind of partner-only content carries a unique word (`TOKENS`). An anonymous reader
asks for every page in every language, every document and media path, the search page, its
JSON API and feeds (on the database engine and on the real Elasticsearch node), API v2
lists, searches and details, and the sitemap; the word must appear 0 times. A partner
official asking the same routes finds every word, so a test that finds nothing because the
words were never there cannot pass.

The content is built with the index updates running as they do after a commit, so privacy
changes have to reach both engines' indexes at once, without a rebuild.
"""

import re

from django.core.files.base import ContentFile

from wagtail.models import Collection, CollectionViewRestriction, Locale, Page
from wagtail.rich_text import RichText

import pytest

from events.models import EventPage
from knowledge.models import KnowledgeDocument, KnowledgeIndexPage, PolicyBriefPage
from search import indexing
from tests.factories import CountryFactory, make_event, make_knowledge, publish_child, restrict_to_group

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ru", "ko")

# One word per kind of partner-only content, found nowhere else.
TOKENS = {
    "private_page": "zqxprivatepage",
    "restricted_after_translation": "zqxlaterrestricted",
    "under_private_section": "zqxprivatesection",
    "document_title": "zqxdoctitle",
    "document_text": "zqxdoctext",
    "partner_translation": "zqxpartnertranslation",
}


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _translate(page, locale, **changes):
    """A published copy of `page` in `locale` (Wagtail's copy_for_translation), with `changes`."""
    copy = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in changes.items():
        setattr(copy, name, value)
    return _publish(copy)


@pytest.fixture
def leaky_site(search_engine, site, roles, django_capture_on_commit_callbacks):
    """Public pages around each kind of partner-only content, in three languages."""
    partners = roles["partners"]
    ru, ko = (Locale.objects.get_or_create(language_code=code)[0] for code in ("ru", "ko"))
    kz = CountryFactory()
    knowledge = site["knowledge"]
    with django_capture_on_commit_callbacks(execute=True):
        # (d) A partner-only document, with a Russian translation, attached to a public brief.
        collection = Collection.get_first_root_node().add_child(name="Partner-only")
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set([partners])
        document = KnowledgeDocument(
            title=f"Budget {TOKENS['document_title']}",
            extracted_text=f"Salaries and {TOKENS['document_text']} costs.",
            collection=collection,
        )
        document.file.save("budget.pdf", ContentFile(f"%PDF-1.4 {TOKENS['document_text']}".encode()), save=True)
        russian_document = document.copy_for_translation(ru)
        russian_document.title = f"Бюджет {TOKENS['document_title']}"
        russian_document.save()
        public = make_knowledge(
            knowledge,
            title="Public brief on referral",
            slug="public-brief",
            countries=[kz],
            attachments=[("attachment", {"document": document, "description": ""})],
        )
        _translate(public, ru, title="Открытая записка о направлении")
        _translate(public, ko, title="공개 정책 요약")

        # (a) Private pages: a brief and an event.
        private = make_knowledge(
            knowledge, title=f"Workplan {TOKENS['private_page']}", slug="private-brief", countries=[kz]
        )
        restrict_to_group(private, partners)
        event = make_event(site["events"], title=f"Call {TOKENS['private_page']}", slug="private-call", countries=[kz])
        restrict_to_group(event, partners)

        # (b) A page published, translated (a copy in Russian, an alias in Korean), then restricted.
        later = make_knowledge(
            knowledge,
            title=f"Budget review {TOKENS['restricted_after_translation']}",
            slug="later-restricted",
            countries=[kz],
        )
        _translate(later, ru, title=f"Обзор бюджета {TOKENS['restricted_after_translation']}")
        later.copy_for_translation(ko, copy_parents=True, alias=True)
        restrict_to_group(later, partners)

        # (c) A page under a section translated before the section was made private.
        section = publish_child(knowledge, KnowledgeIndexPage(title="Partner library", slug="partner-library"))
        inside = make_knowledge(
            section, title=f"Shelter protocol {TOKENS['under_private_section']}", slug="inside", countries=[kz]
        )
        _translate(inside, ru, title=f"Протокол приюта {TOKENS['under_private_section']}")
        restrict_to_group(section, partners)

        # (e) A public English page whose Russian translation is partner-only.
        open_page = make_knowledge(knowledge, title="Open guidance", slug="open-guidance", countries=[kz])
        partner_translation = _translate(
            open_page,
            ru,
            title="Открытое руководство",
            body=[("paragraph", RichText(f"<p>Только для партнёров: {TOKENS['partner_translation']}.</p>"))],
        )
        restrict_to_group(partner_translation, partners)
    if search_engine == "elasticsearch":
        indexing.refresh()
    return {"document": document, "russian_document": russian_document, "public": public}


def _body(response) -> str:
    content = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    return content.decode("utf-8", "replace")


def _page_paths() -> set[str]:
    """Every page's address under every language prefix."""
    paths = set()
    for page in Page.objects.filter(depth__gt=1):
        url = page.get_url()
        if not url:
            continue
        rest = re.sub(r"^/[a-z]{2}(-[a-z]+)?/", "", url)
        paths.update(f"/{language}/{rest}" for language in LANGUAGES)
    return paths


def _routes() -> list[tuple[str, str | None]]:
    """(path, the token it searches for or None) of every route a reader may take."""
    paths = sorted(_page_paths())
    for document in KnowledgeDocument.objects.all():
        paths += [document.url, f"/media/{document.file.name}", f"/media/images/%2e%2e/{document.file.name}"]
        # Its landing page and files, under a slug an outsider could type without knowing the title.
        for language in LANGUAGES:
            landing = f"/{language}/documents/{document.pk}/document/"
            paths += [landing, f"{landing}download/", f"{landing}download/ru/", f"{landing}thumbnail/"]
    paths += [f"/api/v2/pages/{pk}/" for pk in Page.objects.values_list("pk", flat=True)]
    paths += [f"/api/v2/documents/{pk}/" for pk in KnowledgeDocument.objects.values_list("pk", flat=True)]
    paths += ["/api/v2/pages/?limit=20", "/api/v2/documents/?limit=20", "/api/v2/images/", "/sitemap.xml"]
    # The lists' feeds and calendars, whole and filtered by the country of the private pages.
    for language in LANGUAGES:
        for route in ("knowledge/feed/", "knowledge/feed/rss/", "events/feed/", "events/feed/rss/", "events/calendar/"):
            paths += [f"/{language}/{route}", f"/{language}/{route}?country=KZ"]
        paths += [f"/{language}/events/private-call/calendar/"]
    routes: list[tuple[str, str | None]] = [(path, None) for path in paths]
    for token in TOKENS.values():
        for language in LANGUAGES:
            for route in ("search/", "search/api/", "search/feed/", "search/feed/rss/"):
                routes.append((f"/{language}/{route}?q={token}", token))
        routes += [(f"/api/v2/{kind}/?search={token}", token) for kind in ("pages", "documents", "images")]
    return routes


# A word of the tokens' shape that no content holds: how often a search page repeats its query.
CONTROL = "zqxnowherefound"


def _found(client) -> dict[str, list[str]]:
    """For each token, the routes whose answer contains it (more often than the route echoes its query)."""
    found: dict[str, list[str]] = {name: [] for name in TOKENS}
    for path, query in _routes():
        response = client.get(path)
        assert response.status_code < 500, path
        body = _body(response)
        echoes = _body(client.get(path.replace(query, CONTROL))).count(CONTROL) if query else 0
        for name, token in TOKENS.items():
            if body.count(token) > (echoes if token == query else 0):
                found[name].append(path)
    return found


def test_anonymous_reader_finds_no_partner_only_word_by_any_route(client, leaky_site):
    found = _found(client)
    assert {name: paths for name, paths in found.items() if paths} == {}


def test_partner_official_finds_every_partner_only_word(client, leaky_site, partner):
    client.force_login(partner)
    found = _found(client)
    assert [name for name, paths in found.items() if not paths] == []


def test_public_page_lists_only_the_attachments_its_reader_may_download(client, leaky_site, partner):
    public = leaky_site["public"]
    for language in LANGUAGES:
        assert TOKENS["document_title"] not in client.get(f"/{language}/knowledge/public-brief/").text
    client.force_login(partner)
    assert TOKENS["document_title"] in client.get("/ru/knowledge/public-brief/").text
    assert public.live


def test_sitemap_lists_public_pages_of_every_language_only(client, leaky_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    text = response.text
    for path in ("/en/knowledge/public-brief/", "/ru/knowledge/public-brief/", "/ko/knowledge/public-brief/"):
        assert path in text
    for slug in ("private-brief", "private-call", "later-restricted", "partner-library", "inside"):
        assert f"/{slug}/" not in text
    assert "/ru/knowledge/open-guidance/" not in text
    assert EventPage.objects.filter(slug="private-call").exists()
    assert PolicyBriefPage.objects.filter(slug="inside").count() == 2
