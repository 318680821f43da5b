"""Policy briefs: they render for a reader, and editors create them in the admin."""

from wagtail.test.utils.form_data import inline_formset, streamfield

import pytest

from knowledge.models import PolicyBriefPage
from tests.page_forms import PageFormTestCase
from tests.pages import assert_page_renders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("key", "expected"), [("brief", "Funding one-stop centres")])
def test_page_renders_with_its_content(client, tree, key, expected):
    assert_page_renders(client, tree[key], expected)


class TestPolicyBriefCanBeCreated(PageFormTestCase):
    def test_policy_brief(self):
        data = self.knowledge_data(
            "Funding one-stop centres", brief_authors=inline_formset([]), attachments=streamfield([])
        )
        self.assertCanCreate(self.tree["knowledge"], PolicyBriefPage, data)
        page = PolicyBriefPage.objects.get(title="Funding one-stop centres")
        assert [c.iso_code for c in page.countries.all()] == ["KZ"]
        assert [t.name for t in page.keywords.all()] == ["police", "training"]
