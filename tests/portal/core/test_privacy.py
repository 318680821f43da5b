"""Partner-only content never reaches a reader without permission, through any route."""

from wagtail.models import Page, PageViewRestriction

import pytest

from knowledge.models import KnowledgeDocument
from portal.core.privacy import documents_visible_to, pages_visible_to
from tests.factories import CountryFactory, make_country_page, make_event, make_knowledge, restrict_to_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site, roles):
    kz = CountryFactory()
    make_country_page(site["countries"], kz)
    public = make_knowledge(site["knowledge"], title="Public brief on police training", countries=[kz])
    internal = make_knowledge(site["knowledge"], title="Internal workplan brief", countries=[kz])
    restrict_to_group(internal, roles["partners"])
    internal_event = make_event(site["events"], title="Internal coordination call", countries=[kz])
    restrict_to_group(internal_event, roles["partners"])
    return {"kz": kz, "public": public, "internal": internal, "internal_event": internal_event}


def test_anonymous_reader_is_sent_to_login_for_a_partner_only_page(client, content):
    response = client.get(content["internal"].url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_partner_official_reads_the_partner_only_page(client, content, partner):
    client.force_login(partner)
    response = client.get(content["internal"].url)
    assert response.status_code == 200
    assert "Internal workplan brief" in response.text


@pytest.mark.parametrize("section", ["knowledge", "home"])
def test_lists_hide_partner_only_items_from_anonymous_readers(client, site, content, section):
    response = client.get(site[section].url)
    assert response.status_code == 200
    assert "Public brief on police training" in response.text
    assert "Internal workplan brief" not in response.text


def test_country_profile_hides_partner_only_items_from_anonymous_readers(client, site, content):
    response = client.get(site["countries"].url + "kz/")
    assert response.status_code == 200
    assert "Public brief on police training" in response.text
    assert "Internal workplan brief" not in response.text
    assert "Internal coordination call" not in response.text


def test_country_profile_shows_partner_only_items_to_partners(client, site, content, partner):
    client.force_login(partner)
    response = client.get(site["countries"].url + "kz/")
    assert "Internal workplan brief" in response.text
    assert "Internal coordination call" in response.text


def test_logged_in_reader_outside_the_group_does_not_see_partner_items(client, site, content, make_user):
    client.force_login(make_user("someone"))
    assert "Internal workplan brief" not in client.get(site["knowledge"].url).text
    assert client.get(content["internal"].url).status_code in (302, 403)


def test_api_lists_public_pages_only(client, content, partner):
    client.force_login(partner)  # the API answers as the public would, whoever asks
    titles = [item["title"] for item in client.get("/api/v2/pages/?limit=100").json()["items"]]
    assert "Public brief on police training" in titles
    assert "Internal workplan brief" not in titles
    assert "Internal coordination call" not in titles
    assert client.get(f"/api/v2/pages/{content['internal'].pk}/").status_code == 404


def test_partner_only_document_is_refused_to_anonymous_and_served_to_partners(client, partner_document, partner):
    url = partner_document.url
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert b"internal" not in b"".join(getattr(response, "streaming_content", [response.content]))
    client.force_login(partner)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_api_never_lists_partner_only_documents(client, partner_document):
    titles = [item["title"] for item in client.get("/api/v2/documents/").json()["items"]]
    assert "Internal budget sheet" not in titles


def test_privacy_selectors_agree_with_the_page_routes(content, partner, make_user):
    from knowledge.models import KnowledgePage

    anonymous_ids = set(pages_visible_to(None, KnowledgePage.objects.all()).values_list("pk", flat=True))
    partner_ids = set(pages_visible_to(partner, KnowledgePage.objects.all()).values_list("pk", flat=True))
    assert content["internal"].pk not in anonymous_ids
    assert content["internal"].pk in partner_ids
    assert content["public"].pk in anonymous_ids


def test_documents_selector_hides_restricted_collections(partner_document, partner):
    assert not documents_visible_to(None, KnowledgeDocument.objects.all()).exists()
    assert documents_visible_to(partner, KnowledgeDocument.objects.all()).count() == 1


def test_drafts_never_reach_readers(client, site, content):
    draft = make_knowledge(site["knowledge"], title="Unpublished draft on funding")
    draft.unpublish()
    assert "Unpublished draft on funding" not in client.get(site["knowledge"].url).text
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_policy_tool_does_not_reveal_a_partner_only_source(client, site, roles):
    from knowledge.models import PolicyToolPage

    source = make_knowledge(site["knowledge"], PolicyToolPage, title="Internal police manual draft")
    restrict_to_group(source, roles["partners"])
    adapted = make_knowledge(site["knowledge"], PolicyToolPage, title="Police course", adapted_from=source)
    text = client.get(adapted.url).text
    assert "Police course" in text
    assert "Internal police manual draft" not in text


def test_partner_only_file_is_served_only_through_the_checked_view(partner_document):
    # The raw media address is never served by the site (see portal/urls.py and tests/e2e).
    from django.urls import resolve

    assert resolve(partner_document.url).url_name == "wagtaildocs_serve"


def test_a_translation_under_a_weaker_restriction_keeps_its_familys_rule(client, site, roles, locales, make_user):
    # A brief translated into Russian, then moved into a partner-only section in English: its
    # Russian copy stays under a Russian section that only asks readers to sign in. A signed-in
    # reader outside the partner group must not read it there either.
    brief = make_knowledge(site["knowledge"], title="Draft cost-sharing agreement")
    russian = brief.copy_for_translation(locales["ru"], copy_parents=True).specific
    russian.save_revision().publish()
    PageViewRestriction.objects.create(page=russian.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    workspace = make_knowledge(site["knowledge"], title="Partner workspace")
    restrict_to_group(workspace, roles["partners"])
    brief.refresh_from_db()
    brief.move(workspace, pos="last-child")

    client.force_login(make_user("reader"))
    response = client.get(Page.objects.get(pk=russian.pk).url)
    assert response.status_code in (302, 403, 404)
    assert "Draft cost-sharing agreement" not in response.text
