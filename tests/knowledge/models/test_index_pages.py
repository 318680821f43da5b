"""The knowledge index: it lists every kind, filters by language-neutral keys and refuses bad filters with a 400;
editors create it in the admin, and knowledge pages only under it."""

import pytest

from knowledge.models import KnowledgeIndexPage, PolicyBriefPage, PracticeNotePage
from portal.site.models import CountryIndexPage
from tests.factories import CountryFactory, ThemeFactory, make_knowledge
from tests.page_forms import PageFormTestCase
from tests.pages import assert_page_renders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("key", "expected"), [("knowledge", "Hospital-based one-stop centre")])
def test_page_renders_with_its_content(client, tree, key, expected):
    assert_page_renders(client, tree[key], expected)


@pytest.fixture
def items(site):
    kz = CountryFactory()
    al = CountryFactory(iso_code="AL", name="Albania", region="europe")
    police = ThemeFactory()
    make_knowledge(site["knowledge"], title="Police course in Kazakhstan", countries=[kz], themes=[police])
    make_knowledge(site["knowledge"], PracticeNotePage, title="One-stop centre in Albania", countries=[al])
    return site


def test_country_filter(client, items):
    response = client.get(items["knowledge"].url, {"country": "KZ"})
    assert response.status_code == 200
    assert "Police course in Kazakhstan" in response.text
    assert "One-stop centre in Albania" not in response.text


def test_kind_and_theme_filters(client, items):
    text = client.get(items["knowledge"].url, {"kind": "practice-note"}).text
    assert "One-stop centre in Albania" in text and "Police course in Kazakhstan" not in text
    text = client.get(items["knowledge"].url, {"theme": "police-response"}).text
    assert "Police course in Kazakhstan" in text and "One-stop centre in Albania" not in text


@pytest.mark.parametrize(
    "params", [{"country": "XX"}, {"kind": "<script>"}, {"year": "-1"}, {"year": "abc"}, {"theme": "x" * 5000}]
)
def test_bad_filters_get_a_400_with_a_message(client, items, params):
    response = client.get(items["knowledge"].url, params)
    assert response.status_code == 400
    assert (
        "Select a valid choice" in response.text
        or "Enter a whole number" in response.text
        or ("greater than or equal" in response.text)
    )
    assert "<script>" not in response.text.split("<main", 1)[-1].split("value=")[0]


def test_bad_filter_message_is_in_the_readers_language(client, items):
    # No Russian tree here: the English page is served under /ru/ with Russian active.
    response = client.get("/ru/knowledge/", {"country": "XX"})
    assert response.status_code == 400
    assert "Выберите корректный вариант" in response.text


def test_out_of_range_page_number_shows_the_last_page(client, items):
    response = client.get(items["knowledge"].url, {"page": "1000000000"})
    assert response.status_code == 200


class TestKnowledgeIndexCanBeCreated(PageFormTestCase):
    def test_knowledge_and_country_index(self):
        self.assertCanCreate(self.tree["knowledge"], KnowledgeIndexPage, {"title": "Practice notes"})
        self.assertCanNotCreateAt(self.tree["home"].specific_class, PolicyBriefPage)
        self.assertCanNotCreateAt(CountryIndexPage, PolicyBriefPage)
