"""Practice notes: they render for a reader, and editors create them in the admin."""

from wagtail.test.utils.form_data import rich_text, streamfield

import pytest

from knowledge.models import PracticeNotePage
from tests.page_forms import PageFormTestCase
from tests.pages import assert_page_renders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("key", "expected"), [("note", "Hospital-based one-stop centre")])
def test_page_renders_with_its_content(client, tree, key, expected):
    assert_page_renders(client, tree[key], expected)


class TestPracticeNoteCanBeCreated(PageFormTestCase):
    def test_practice_note(self):
        data = self.knowledge_data(
            "Hospital-based one-stop centre",
            context=rich_text("<p>Survivors had to visit many offices.</p>"),
            service_description=rich_text("<p>Counselling, medical care, police and legal aid in one place.</p>"),
            steps=streamfield(
                [
                    (
                        "step",
                        {
                            "title": "Intake",
                            "responsible": "Counsellor",
                            "description": rich_text("<p>First contact.</p>"),
                        },
                    )
                ]
            ),
            lessons=streamfield([("lesson", "Sustained funding matters.")]),
        )
        self.assertCanCreate(self.tree["knowledge"], PracticeNotePage, data)
