"""Policy tools: they render for a reader, and editors create them in the admin."""

from wagtail.test.utils.form_data import streamfield

import pytest

from knowledge.models import PolicyToolPage
from tests.page_forms import PageFormTestCase
from tests.pages import assert_page_renders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("key", "expected"), [("tool", "Police training course")])
def test_page_renders_with_its_content(client, tree, key, expected):
    assert_page_renders(client, tree[key], expected)


class TestPolicyToolCanBeCreated(PageFormTestCase):
    def test_policy_tool(self):
        data = self.knowledge_data(
            "Police training course",
            tool_kind="curriculum",
            intended_users="Police officers",
            attachments=streamfield([]),
        )
        self.assertCanCreate(self.tree["knowledge"], PolicyToolPage, data)
