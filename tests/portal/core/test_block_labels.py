"""Block labels read the same everywhere: sentence case nouns, and the attachment list says what its + adds."""

from django.urls import reverse

import pytest

from events.models import EventPage
from knowledge.models import PolicyBriefPage
from portal.core.blocks import AttachmentBlock, BodyBlock


def test_body_blocks_have_sentence_case_labels():
    labels = [str(block.label) for block in BodyBlock().child_blocks.values()]
    assert labels == ["Heading", "Paragraph", "Image", "Quote", "Callout", "Document link"]


def test_every_field_of_every_block_has_a_capitalised_label():
    for block in [*BodyBlock().child_blocks.values(), AttachmentBlock()]:
        for child in getattr(block, "child_blocks", {}).values():
            label = str(child.label)
            assert label[:1].isupper(), f"{block.name}.{child.name}: {label}"


def test_attachment_lists_say_what_the_plus_adds():
    for field in (PolicyBriefPage._meta.get_field("attachments"), EventPage._meta.get_field("materials")):
        assert "+ button" in str(field.help_text)
        assert str(field.stream_block.child_blocks["attachment"].label) == "Attached document"


@pytest.mark.django_db
def test_the_brief_form_shows_the_attachment_help(admin_client, site):
    url = reverse("wagtailadmin_pages:add", args=("knowledge", "policybriefpage", site["knowledge"].pk))
    html = admin_client.get(url).content.decode()
    assert "Add each file with the + button below" in html


@pytest.mark.django_db
def test_the_attachment_block_says_what_it_adds_and_what_readers_see(admin_client, site):
    url = reverse("wagtailadmin_pages:add", args=("knowledge", "policybriefpage", site["knowledge"].pk))
    html = admin_client.get(url).content.decode()
    assert "Attached document" in html
    assert "with a download link, and your line below" in html
