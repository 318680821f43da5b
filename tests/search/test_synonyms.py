"""Editors' synonym groups, expanded in the reader's query."""

from search.synonyms import expand


def test_synonyms_expand_both_ways(db):
    assert "gender based violence shelters" in expand("GBV shelters")
    assert "gbv" in expand("gender-based violence")
    assert "해바라기센터" in expand("Sunflower Centre")
    assert expand("police protocol") == ["police protocol"]
