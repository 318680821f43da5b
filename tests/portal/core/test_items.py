"""Item kinds and item keys, declared once (`portal/core/items.py`)."""

import pytest

from events.models import EventPage
from knowledge.models import KnowledgeDocument, PolicyBriefPage
from portal.core.items import ItemKey, kind, kind_of, kinds


def test_an_item_key_reads_and_writes_the_stored_format(db):
    assert str(ItemKey.page(12)) == "page:12"
    assert str(ItemKey.document(3)) == "document:3"
    assert ItemKey.parse("page:12") == ItemKey("page", 12) == ItemKey.parse(ItemKey.page(12))
    assert ItemKey.of(PolicyBriefPage(pk=5)) == ItemKey.page(5)
    assert ItemKey.of(KnowledgeDocument(pk=7)) == ItemKey.document(7)
    assert ItemKey.group(["page:1", ItemKey.document(2), "page:3"]) == {"page": [1, 3], "document": [2]}


@pytest.mark.parametrize("text", ["", "page", "page:", "page:x", "image:3", "page:-1", "page:1:2"])
def test_anything_else_is_not_an_item_key(text):
    with pytest.raises(ValueError, match="Not an item key"):
        ItemKey.parse(text)


def test_kinds_in_their_declared_order(db):
    keys = [declared.key for declared in kinds()]
    assert keys == ["country-profile", "brief", "practice-note", "policy-tool", "event", "document"]
    assert [declared.key for declared in kinds(section="knowledge")] == ["brief", "practice-note", "policy-tool"]
    assert kind_of(EventPage) is kind("event") and kind_of(PolicyBriefPage(pk=1)).label == "Policy brief"
    assert kind("document").key_type == ItemKey.DOCUMENT and kind("event").key_type == ItemKey.PAGE
