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
