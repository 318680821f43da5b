"""The read-only API at /api/v2/: public pages with type and URL, documents and images."""

from django.core.files.base import ContentFile

import pytest

from knowledge.models import KnowledgeDocument
from tests.factories import CountryFactory, make_country_page, make_event, make_knowledge

pytestmark = pytest.mark.django_db


def test_pages_endpoint_lists_each_type_with_its_url(client, site):
    make_country_page(site["countries"], CountryFactory())
    make_knowledge(site["knowledge"], title="Funding a one-stop centre")
    make_event(site["events"], title="Webinar with Kyrgyzstan")
    response = client.get("/api/v2/pages/?limit=50")
    assert response.status_code == 200
    items = {item["title"]: item["meta"] for item in response.json()["items"]}
    assert items["Funding a one-stop centre"]["type"] == "knowledge.PolicyBriefPage"
    assert items["Webinar with Kyrgyzstan"]["type"] == "events.EventPage"
    assert items["Kazakhstan"]["type"] == "portal.CountryPage"
    assert items["Funding a one-stop centre"]["html_url"].endswith(
        "/knowledge/" + items["Funding a one-stop centre"]["slug"] + "/"
    )


def test_pages_endpoint_filters_by_type_and_rejects_unknown_types(client, site):
    make_knowledge(site["knowledge"], title="Only brief")
    response = client.get("/api/v2/pages/?type=knowledge.PolicyBriefPage")
    assert [item["title"] for item in response.json()["items"]] == ["Only brief"]
    bad = client.get("/api/v2/pages/?type=knowledge.NoSuchPage")
    assert bad.status_code == 400
    assert "type doesn't exist" in bad.json()["message"]


def test_documents_endpoint_lists_public_documents_with_download_url(client, site):
    document = KnowledgeDocument(title="Sunflower Centre overview", document_type="report")
    document.file.save("overview.pdf", ContentFile(b"%PDF-1.4 overview"), save=True)
    items = client.get("/api/v2/documents/").json()["items"]
    assert items[0]["title"] == "Sunflower Centre overview"
    assert items[0]["meta"]["download_url"].endswith("overview.pdf")


def test_images_endpoint_answers(client, site):
    assert client.get("/api/v2/images/").status_code == 200
