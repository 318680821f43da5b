"""Inputs that used to answer 500: each now answers 4xx with a message, or a normal (empty) result."""

import pytest

from tests.factories import CountryFactory, OrganisationFactory, PersonFactory, ThemeFactory, make_knowledge

pytestmark = pytest.mark.django_db

MANY_WORDS = " ".join(f"word{n}" for n in range(3000))


@pytest.fixture
def editor(client, make_user, site):
    client.force_login(make_user("admin", superuser=True))
    return client


@pytest.fixture
def vocabularies(site):
    country = CountryFactory(iso_code="KZ", name="Kazakhstan")
    organisation = OrganisationFactory(name="Crisis Centre Union", acronym="CCU")
    PersonFactory(name="Aigerim Nurlanovna", organisation=organisation)
    ThemeFactory(slug="police-response", name="Police response")
    make_knowledge(site["knowledge"], title="Funding crisis centres", countries=[country])


@pytest.mark.parametrize(
    ("model", "query", "found"),
    [
        ("country", "KZ", "Kazakhstan"),
        ("country", "Kaz", "Kazakhstan"),
        ("organisation", "CCU", "Crisis Centre Union"),
        ("person", "Aigerim", "Aigerim Nurlanovna"),
        ("theme", "police", "Police response"),
        ("country", '"', None),
        ("person", MANY_WORDS, None),
    ],
)
def test_vocabulary_listings_search_any_text(editor, vocabularies, model, query, found):
    response = editor.get(f"/admin/snippets/portal/{model}/", {"q": query})
    assert response.status_code == 200
    if found:
        assert found in response.content.decode()


@pytest.mark.parametrize("path", ["/admin/pages/search/", "/admin/documents/", "/admin/images/"])
@pytest.mark.parametrize("query", ['"', 'crisis "centres', "centres\x00", "   ", MANY_WORDS, "AND OR NOT", "a:b (c*"])
def test_admin_searches_take_any_text(editor, vocabularies, path, query):
    assert editor.get(path, {"q": query}).status_code == 200


@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
@pytest.mark.parametrize("search", ['"', "\x00", "   ", 'crisis "centres', "AND", "centres*"])
def test_api_search_takes_any_short_text(client, vocabularies, endpoint, search):
    response = client.get(f"/api/v2/{endpoint}/", {"search": search})
    assert response.status_code == 200
    assert isinstance(response.json()["items"], list)


def test_api_search_finds_despite_stray_quotes(client, vocabularies):
    titles = [item["title"] for item in client.get("/api/v2/pages/", {"search": 'crisis "'}).json()["items"]]
    assert "Funding crisis centres" in titles


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"search": " ".join(["word"] * 6000)}, "at most 500 characters"),
        ({"offset": "99999999999999999999"}, "offset can be at most"),
        ({"offset": "-1"}, "must be a whole number"),
        ({"limit": "ten"}, "must be a whole number"),
        ({"search": "x", "search_operator": "xor"}, "search_operator"),
    ],
)
@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
def test_api_refuses_out_of_range_parameters_with_a_message(client, site, endpoint, params, message):
    response = client.get(f"/api/v2/{endpoint}/", params)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_api_messages_are_translated(client, site):
    response = client.get("/api/v2/pages/", {"offset": "99999999999999999999"}, headers={"accept-language": "ru"})
    assert response.status_code == 400
    assert "offset" in response.json()["message"] and "at most" not in response.json()["message"]
