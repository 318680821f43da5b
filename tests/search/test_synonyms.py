"""The thesaurus (editors' synonym groups, countries and themes in every language), expanded in the reader's query."""

from django.core.cache import cache

from wagtail.models import Locale

import pytest

from portal.core.models import Country
from search.models import Synonym
from search.synonyms import expand, thesaurus_groups
from tests.factories import CountryFactory, ThemeFactory


def test_synonyms_expand_both_ways(db):
    assert "gender based violence shelters" in expand("GBV shelters")
    assert "gbv" in expand("gender-based violence")
    assert "해바라기센터" in expand("Sunflower Centre")
    assert expand("police protocol") == ["police protocol"]


@pytest.fixture
def kyrgyzstan(db):
    """Kyrgyzstan named in four languages, and no editors' groups but one (the migration's defaults removed)."""
    Synonym.objects.all().delete()
    Synonym.objects.create(terms="crisis centres\nкризисные центры\n위기센터\npolice\nполиция")
    country = CountryFactory(iso_code="KG", name="Kyrgyzstan")
    for code, name in (("ru", "Кыргызстан"), ("ko", "키르기스스탄"), ("fr", "Kirghizistan")):
        translation = country.copy_for_translation(Locale.objects.get_or_create(language_code=code)[0])
        translation.name = name
        translation.save()
    return country


def test_a_country_is_one_group_of_its_names_in_every_language(kyrgyzstan):
    for query in ("Кыргызстан", "Кыргызстане", "Кыргызстана", "키르기스스탄에서", "Kirghizistan", "Kyrgyzstan"):
        variants = expand(query)
        assert {"kyrgyzstan", "кыргызстан", "키르기스스탄", "kirghizistan"} - {query.casefold()} <= set(variants), query
    assert "shelters in kyrgyzstan" in expand("shelters in Кыргызстане")


def test_terms_are_matched_whatever_their_endings(kyrgyzstan):
    assert "crisis centres" in expand("кризисных центрах")
    assert "crisis centres" in expand("위기센터에서")
    assert "кризисные центры" in expand("crisis centre")
    assert "полиция training" in expand("police training")
    # Not every word that starts alike: "policy" is not "police", "центральный" is not "центр".
    assert expand("policy brief") == ["policy brief"]
    assert expand("центральные органы") == ["центральные органы"]
    # Nor a typo taken for an ending: "did you mean" deals with it.
    assert expand("кризисные центрв") == ["кризисные центрв"]


def test_a_russian_case_ending_that_replaces_the_final_letter_is_matched(db):
    korea = CountryFactory(iso_code="KR", name="Republic of Korea", region="east-asia")
    russian = korea.copy_for_translation(Locale.objects.get_or_create(language_code="ru")[0])
    russian.name = "Республика Корея"
    russian.save()
    # Snowball's stems of "Корея" and "Корее" differ (`коре`, `кор`); the word is the term's base and "е".
    assert "shelters in republic of korea" in expand("shelters in Республике Корее")


def test_each_group_found_gets_its_turn_within_the_limit(kyrgyzstan):
    Synonym.objects.create(terms="\n".join(["GBV", *(f"gbv term {number}" for number in range(12))]))
    variants = expand("GBV Кыргызстан")
    assert len(variants) == 8
    assert "gbv kyrgyzstan" in variants
    assert "gbv term 0 кыргызстан" in variants


def test_the_thesaurus_is_read_once_per_model_and_cached(kyrgyzstan, django_assert_num_queries):
    cache.clear()
    with django_assert_num_queries(3):  # synonyms, countries, themes
        groups = thesaurus_groups()
    assert ["Kyrgyzstan", "Kirghizistan", "키르기스스탄", "Кыргызстан"] in groups
    with django_assert_num_queries(0):
        thesaurus_groups()


def test_any_row_of_a_vocabulary_or_synonym_saved_or_deleted_clears_the_cache(kyrgyzstan):
    thesaurus_groups()
    russian = Country.objects.get(iso_code="KG", locale__language_code="ru")
    russian.name = "Киргизия"
    russian.save()
    assert "kyrgyzstan" in expand("Киргизии")
    theme = ThemeFactory(slug="shelters", name="Shelters")
    thesaurus_groups()
    korean = theme.copy_for_translation(Locale.objects.get_or_create(language_code="ko")[0])
    korean.name = "쉼터"
    korean.save()
    assert "shelters" in expand("쉼터")
    thesaurus_groups()
    korean.delete()
    assert expand("쉼터") == ["쉼터"]
    thesaurus_groups()
    Synonym.objects.all().delete()
    assert expand("police") == ["police"]


def test_a_query_of_several_terms_is_also_asked_wholly_in_each_script(db):
    """An item written only in English has none of a Russian reader's words: one variant swaps them all."""
    Synonym.objects.all().delete()
    Synonym.objects.create(terms="training\nобучение\n교육")
    Synonym.objects.create(terms="police\nполиция\n경찰")
    assert expand("обучения полиции")[1:4] == ["training police", "обучение полиция", "교육 경찰"]
    assert expand("경찰 교육을")[1:3] == ["police training", "полиция обучение"]
    # One term alone is swapped by the single swaps already.
    assert expand("police") == ["police", "полиция", "경찰"]
