"""What every knowledge page has: a content warning where it describes violence, a description for search engines."""

import pytest

pytestmark = pytest.mark.django_db


def test_content_warning_shown_where_the_page_describes_violence(client, tree):
    assert "Content warning" in client.get(tree["note"].url).text
    assert "Content warning" not in client.get(tree["tool"].url).text


def test_every_page_describes_itself_for_search_engines(client, tree):
    text = client.get(tree["brief"].url).text
    assert '<meta name="description" content="How the centres are paid for.">' in text
