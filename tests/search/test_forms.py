"""The search parameters: what the form offers and accepts."""

from portal.core.items import kinds
from search.forms import SearchForm


def test_kind_choices_are_the_declared_kinds(db):
    choices = SearchForm().fields["kind"].choices
    assert [value for value, _label in choices] == [kind.key for kind in kinds()]
    assert dict(choices)["event"] == "Events"
    form = SearchForm({"kind": ["novel"]})
    assert not form.is_valid()
    assert "Use one of: country-profile, brief, practice-note, policy-tool, event, document." in form.error_list()[0]


def test_control_characters_in_the_words_become_spaces(db):
    form = SearchForm({"q": "police\x1b\x07 training\x85"})
    assert form.is_valid(), form.errors
    assert form.params().q == "police training"


def test_the_feed_answers_for_words_with_control_characters(client, db):
    # Found by the property-based test: XML 1.0 cannot carry them, and the feed's title names the words.
    assert client.get("/en/search/feed/", {"q": "\x1b"}).status_code == 200
