"""The cross-language thesaurus, on both engines: a reader's words in one language find items
written only in another, through the names of countries and themes in every language and the
editors' synonym groups, whatever the words' endings, and never past the privacy gate."""

from django.conf import settings

from wagtail.models import Locale

import pytest

from search import indexing
from search.models import Synonym
from tests.factories import CountryFactory, make_knowledge, publish_child, restrict_to_group

pytestmark = pytest.mark.django_db

READERS = ("en", "ru", "ko")
# In the partner-only item's title only: the public must never see it, by any of the thesaurus's words.
PRIVATE_WORD = "Zqxthesaurusprivate"
PUBLIC_TITLE = "Shelter standards in Kyrgyzstan"
VIOLENCE_TITLE = "Referral pathways for domestic violence"


@pytest.fixture
def thesaurus_site(search_engine, site, roles, django_capture_on_commit_callbacks):
    """Kyrgyzstan named in English, Russian and Korean; English-only items about it, one partner-only.

    Made after `search_engine` has built its index, so each publish reaches both engines.
    """
    ru, ko = (Locale.objects.get_or_create(language_code=code)[0] for code in ("ru", "ko"))
    kg = CountryFactory(iso_code="KG", name="Kyrgyzstan", region="central-asia")
    translations = {}
    for locale, name in ((ru, "Кыргызстан"), (ko, "키르기스스탄")):
        translation = kg.copy_for_translation(locale)
        translation.name = name
        translation.save()
        translations[locale.language_code] = translation
    Synonym.objects.create(terms="domestic violence\nдомашнее насилие\n가정폭력", note="Domestic violence")
    knowledge = site["knowledge"]
    with django_capture_on_commit_callbacks(execute=True):
        public = make_knowledge(
            knowledge,
            title=PUBLIC_TITLE,
            summary="National standards for shelters, agreed by the ministries in 2023.",
            countries=[kg],
        )
        make_knowledge(
            knowledge,
            title=VIOLENCE_TITLE,
            summary="How a survivor of domestic violence is referred from the police to a shelter.",
        )
        workspace = publish_child(knowledge, knowledge.__class__(title="Partner workspace", slug="partner-workspace"))
        restrict_to_group(workspace, roles["partners"])
        make_knowledge(
            workspace,
            title=f"Kyrgyzstan budget {PRIVATE_WORD}",
            summary="Draft costing for shelters in Kyrgyzstan, for partner ministries only.",
            countries=[kg],
        )
    return {"public": public, "country": kg, "translations": translations}


def found(client, language: str, query: str) -> list[str]:
    """The titles a reader finds with the site's search (its JSON API) in that language."""
    if settings.SEARCH_ELASTICSEARCH_URL:
        indexing.refresh()  # Elasticsearch makes writes searchable each second; the test does not wait.
    answer = client.get(f"/{language}/search/api/", {"q": query})
    assert answer.status_code == 200
    return [hit["title"] for hit in answer.json()["hits"]]


@pytest.mark.parametrize("language", READERS)
def test_a_country_named_in_another_language_finds_an_english_only_item(thesaurus_site, client, language):
    # No Russian or Korean word is in the item: its country's names in those languages find it.
    for query in (
        "Кыргызстане",
        "Кыргызстана",
        "Кыргызстан",
        "키르기스스탄",
        "키르기스스탄에서",
        "standards Кыргызстане",
    ):
        assert PUBLIC_TITLE in found(client, language, query), (language, query)


@pytest.mark.parametrize("language", READERS)
def test_a_synonym_group_term_is_found_with_an_inflected_ending(thesaurus_site, client, language):
    assert VIOLENCE_TITLE in found(client, language, "домашнего насилия"), language
    assert VIOLENCE_TITLE in found(client, language, "домашнее насилие"), language
    assert VIOLENCE_TITLE in found(client, language, "가정폭력에"), language
    assert PUBLIC_TITLE not in found(client, language, "домашнего насилия"), language


@pytest.mark.parametrize("language", READERS)
def test_the_thesaurus_never_leads_the_public_to_a_partner_only_item(thesaurus_site, client, partner, language):
    for query in ("Кыргызстане", "키르기스스탄", "Kyrgyzstan"):
        if settings.SEARCH_ELASTICSEARCH_URL:
            indexing.refresh()
        api = client.get(f"/{language}/search/api/", {"q": query})
        page = client.get(f"/{language}/search/", {"q": query})
        assert api.status_code == page.status_code == 200
        assert PUBLIC_TITLE in api.content.decode()
        assert PRIVATE_WORD not in api.content.decode(), (language, query)
        assert PRIVATE_WORD not in page.content.decode(), (language, query)
        assert PRIVATE_WORD not in client.get("/api/v2/pages/", {"search": query}).content.decode()
    # The same words do reach it for a partner: the public's answer was kept from it, not missed.
    client.force_login(partner)
    assert any(PRIVATE_WORD in title for title in found(client, language, "Кыргызстане"))


def test_renaming_a_countrys_translation_takes_effect_at_once(thesaurus_site, client):
    assert PUBLIC_TITLE in found(client, "ru", "Кыргызстане")  # the thesaurus is now cached
    russian = thesaurus_site["translations"]["ru"]
    russian.name = "Киргизия"
    russian.save()
    assert PUBLIC_TITLE in found(client, "ru", "Киргизии")
    assert PUBLIC_TITLE in found(client, "ko", "Киргизия")
    assert PUBLIC_TITLE not in found(client, "ru", "Кыргызстане")
