"""The site's addresses: an unknown one gets the 404 page, and the error pages render on their own."""

import pytest

pytestmark = pytest.mark.django_db


def test_unknown_address_gets_a_404_page(client, site):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404


@pytest.mark.parametrize(("name", "heading"), [("400.html", "Bad request"), ("500.html", "Something went wrong")])
def test_error_pages_render_without_a_request_and_keep_the_quick_exit(name, heading):
    from django.template.loader import render_to_string

    html = render_to_string(name)
    assert f"<h1>{heading}</h1>" in html
    assert 'class="quick-exit"' in html


@pytest.mark.parametrize("trick", ["..", "%2e%2e", "%2E%2E", "images/../.."])
def test_no_media_path_reaches_a_document_file(client, settings, partner_document, trick):
    # Serving media (as `make run` and the browser tests do), an image path that climbs out of
    # the image folders never returns a document's file, partner-only or not.
    settings.SERVE_MEDIA = True
    response = client.get(f"/media/images/{trick}/{partner_document.file.name}")
    assert response.status_code in (400, 404)
    assert b"%PDF" not in b"".join(response.streaming_content if response.streaming else [response.content])


def test_media_serves_image_files_only_where_the_site_serves_media(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "dot.png").write_bytes(b"\x89PNG")
    settings.SERVE_MEDIA = True
    assert client.get("/media/images/dot.png").status_code == 200
    settings.SERVE_MEDIA = False
    assert client.get("/media/images/dot.png").status_code == 404
