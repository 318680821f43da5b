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
