"""Finding the page an address names, in one query, in every language (`portal.core.routing`).

The whole path is read at once; what readers get must be what Wagtail's level-by-level routing
gave them: each language's page, the English original where a translation is missing or still a
draft, the sections' own routes (comparison, feeds, calendars), 404 for what does not exist, and
a partner-only page refused by every address that reaches it.
"""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from portal.core.privacy import PARTNER_GROUP
from tests.factories import make_event, make_knowledge, restrict_to_group

pytestmark = pytest.mark.django_db


def copy_in(page, locale, *, publish=True, **fields):
    """A plain translated copy (as the demo loader makes), its parents copied as aliases."""
    copy = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    revision = copy.save_revision()
    if publish:
        revision.publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def world(site, locales):
    """A Russian tree (home and sections translated) and no Korean one; briefs translated or not."""
    ru = locales["ru"]
    for name, title in (("home", "Главная"), ("countries", "Страны"), ("knowledge", "Знания"), ("events", "События")):
        copy_in(site[name], ru, title=title)
    translated = make_knowledge(site["knowledge"], title="Translated brief", slug="translated-brief")
    copy_in(translated, ru, title="Переведённая записка")
    untranslated = make_knowledge(site["knowledge"], title="English-only brief", slug="english-only-brief")
    drafted = make_knowledge(site["knowledge"], title="Brief with a draft translation", slug="drafted-brief")
    copy_in(drafted, ru, title="Черновик перевода", publish=False)
    event = make_event(site["events"], title="Round table", slug="round-table")
    return {**site, "translated": translated, "untranslated": untranslated, "drafted": drafted, "event": event}


def heading(response):
    text = response.text
    return text[text.index("<h1") : text.index("</h1>")].split(">", 1)[1].strip()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/knowledge/translated-brief/", "Translated brief"),
        ("/ru/knowledge/translated-brief/", "Переведённая записка"),
        ("/ko/knowledge/translated-brief/", "Translated brief"),  # no Korean tree: the English one
        ("/ru/knowledge/english-only-brief/", "English-only brief"),  # the Russian section falls back
        ("/ru/knowledge/drafted-brief/", "Brief with a draft translation"),  # a draft is not served
        ("/ru/events/round-table/", "Round table"),
        ("/ru/knowledge/", "Знания"),
        ("/ko/knowledge/", "Knowledge"),
    ],
)
def test_each_address_serves_its_page_in_the_readers_language_or_the_original(client, world, url, expected):
    response = client.get(url)
    assert response.status_code == 200, url
    assert heading(response) == expected


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_what_does_not_exist_is_not_found(client, world, language):
    for url in (
        f"/{language}/knowledge/no-such-brief/",
        f"/{language}/knowledge/translated-brief/extra/",
        f"/{language}/nowhere/knowledge/",
        f"/{language}/knowledge/feed/extra/",
    ):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_the_sections_own_routes_answer_in_every_language(client, world, language):
    assert "<h1>" in client.get(f"/{language}/countries/compare/").text
    assert client.get(f"/{language}/knowledge/feed/")["Content-Type"].startswith("application/atom+xml")
    assert client.get(f"/{language}/events/calendar/")["Content-Type"].startswith("text/calendar")
    single = client.get(f"/{language}/events/round-table/calendar/")
    assert single.status_code == 200
    assert "Round table" in single.content.decode()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_breadcrumbs_and_navigation_name_the_readers_section(client, world, language):
    response = client.get(f"/{language}/knowledge/translated-brief/")
    section = "Знания" if language == "ru" else "Knowledge"
    crumbs = response.text[response.text.index('class="breadcrumbs') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert f'<a href="/{language}/knowledge/">{section}</a>' in crumbs
    assert f'<a href="/{language}/knowledge/" aria-current="true">{section}</a>' in response.text


def test_the_path_is_read_in_one_query_whatever_its_depth(client, world):
    def route_queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return [query["sql"] for query in captured if '"wagtailcore_page"."slug" =' in query["sql"]]

    assert len(route_queries("/ru/knowledge/")) == 1
    assert len(route_queries("/ru/knowledge/translated-brief/")) == 1
    assert len(route_queries("/ru/knowledge/english-only-brief/")) == 1


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_a_partner_only_page_is_refused_by_every_address(client, world, language):
    partners = Group.objects.get_or_create(name=PARTNER_GROUP)[0]
    secret = make_knowledge(world["knowledge"], title="Zebra secret brief", slug="zebra-secret-brief")
    restrict_to_group(secret, partners)
    restrict_to_group(world["translated"], partners)  # its Russian translation follows
    for url in (f"/{language}/knowledge/zebra-secret-brief/", f"/{language}/knowledge/translated-brief/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"], url
        assert "Zebra" not in response.content.decode()


@pytest.mark.parametrize("language", ["en", "ru", "ko"])
def test_a_partner_only_section_is_refused_through_its_routes(client, world, language):
    partners = Group.objects.get_or_create(name=PARTNER_GROUP)[0]
    restrict_to_group(world["events"], partners)
    restrict_to_group(world["countries"], partners)
    for url in (
        f"/{language}/events/",
        f"/{language}/events/calendar/",
        f"/{language}/events/round-table/",
        f"/{language}/events/round-table/calendar/",
        f"/{language}/countries/compare/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "Round table" not in response.content.decode(), url
