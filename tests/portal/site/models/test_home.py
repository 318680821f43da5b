"""The home page renders for a reader with the latest knowledge."""

import pytest

from tests.pages import assert_page_renders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("key", "expected"), [("home", "Funding one-stop centres")])
def test_page_renders_with_its_content(client, tree, key, expected):
    assert_page_renders(client, tree[key], expected)
