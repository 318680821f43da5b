"""One hit per item (`search.queries.families`): an item and its translations are one hit, shown in
the reader's language where it exists, linking its other languages, on both engines and for
readers in en, ru and ko; "only in my language" and "all languages"; nothing partner-only leaks
through a translation link.
"""

from wagtail.models import Locale

import pytest

from portal.core.models import Country
from search import indexing
from tests.factories import make_knowledge, restrict_to_group

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ru", "ko")
TITLES = {
    "en": "Helpline protocol of the WHRIK centre",
    "ru": "Протокол горячей линии центра WHRIK",
    "ko": "WHRIK 센터 상담전화 프로토콜",
}
MARKER = "zephyrquill"


def _translate(page, code, **changes):
    locale = Locale.objects.get_or_create(language_code=code)[0]
    copy = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def items(search_engine, site, roles, django_capture_on_commit_callbacks):
    """A brief in three languages, an English-only brief, and a partner-only brief in three languages."""
    korea = Country.objects.create(name="Republic of Korea", iso_code="KR")
    with django_capture_on_commit_callbacks(execute=True):
        helpline = make_knowledge(
            site["knowledge"], title=TITLES["en"], summary="How WHRIK answers the helpline.", countries=[korea]
        )
        family = {"en": helpline}
        family["ru"] = _translate(helpline, "ru", title=TITLES["ru"], summary="Как WHRIK отвечает на звонки.")
        family["ko"] = _translate(helpline, "ko", title=TITLES["ko"], summary="WHRIK의 상담전화 응답 방법.")
        english_only = make_knowledge(
            site["knowledge"], title="WHRIK annual review", summary="A year of WHRIK's work.", countries=[korea]
        )
        secret = make_knowledge(site["knowledge"], title=f"WHRIK {MARKER} partner plan", summary="For partners.")
        restrict_to_group(secret, roles["partners"])
        secrets = {"en": secret}
        for code in ("ru", "ko"):
            secrets[code] = _translate(secret, code, title=f"WHRIK {MARKER} план {code}")
    if search_engine == "elasticsearch":
        indexing.refresh()
    return {"family": family, "english_only": english_only, "secret": secrets}


def search(client, reader, q, **params):
    response = client.get(f"/{reader}/search/api/", {"q": q, **params})
    assert response.status_code == 200
    answer = response.json()
    assert not answer["degraded"]
    return answer


def facet(answer, name):
    return {value["value"]: value["count"] for value in answer["facets"][name]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_item_and_its_translations_are_one_hit_in_the_readers_language(client, items, language):
    family = items["family"]
    answer = search(client, language, "WHRIK")
    titles = [hit["title"] for hit in answer["hits"]]
    assert sorted(titles) == sorted([TITLES[language], "WHRIK annual review"])
    assert answer["total"] == 2
    (hit,) = [hit for hit in answer["hits"] if hit["title"] == TITLES[language]]
    assert hit["locale"] == language and hit["url"] == family[language].url
    others = [code for code in ("en", "ko", "ru") if code != language]
    assert [(other["locale"], other["url"]) for other in hit["translations"]] == [
        (code, family[code].url) for code in others
    ]
    # Facets count items: the brief is one item tagged KR, not three.
    assert facet(answer, "country") == {"KR": 2}
    assert facet(answer, "language") == {"en": 2, "ru": 1, "ko": 1}
    # The page says so too: one title, links to the other languages in their own language.
    page = client.get(f"/{language}/search/", {"q": "WHRIK"}).content.decode()
    for code in others:
        assert TITLES[code] not in page
        assert f'href="{family[code].url}"' in page


@pytest.mark.parametrize("language", ("ru", "ko"))
def test_words_found_in_another_language_show_the_readers_translation(client, items, language):
    family = items["family"]
    # Only the English text says "helpline protocol": the item exists in the reader's language.
    answer = search(client, language, "helpline protocol")
    assert [(hit["title"], hit["locale"]) for hit in answer["hits"]] == [(TITLES[language], language)]
    assert {other["locale"] for other in answer["hits"][0]["translations"]} == {"en", "ru", "ko"} - {language}
    assert answer["hits"][0]["url"] == family[language].url


@pytest.mark.parametrize("language", ("ru", "ko"))
def test_only_in_my_language_leaves_out_items_without_a_translation(client, items, language):
    mine = search(client, language, "WHRIK", language=language)
    assert [hit["title"] for hit in mine["hits"]] == [TITLES[language]]
    assert mine["total"] == 1
    # Asking for English as a Russian or Korean reader shows the English records.
    english = search(client, language, "WHRIK", language="en")
    assert sorted(hit["title"] for hit in english["hits"]) == sorted([TITLES["en"], "WHRIK annual review"])
    page = client.get(f"/{language}/search/", {"q": "WHRIK", "language": language}).content.decode()
    assert "WHRIK annual review" not in page and TITLES[language] in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_partner_only_family_never_reaches_the_public(client, items, partner, language):
    answer = client.get(f"/{language}/search/api/", {"q": "WHRIK"}).content.decode()
    page = client.get(f"/{language}/search/", {"q": "WHRIK"}).content.decode()
    assert MARKER not in answer and MARKER not in page
    for q in (MARKER, f"{MARKER} план"):
        found = search(client, language, q)
        assert found["hits"] == [] and found["total"] == 0
        page = client.get(f"/{language}/search/", {"q": q}).content.decode()
        # The query is echoed back, never a partner-only title or address.
        assert page.count(MARKER) == client.get(f"/{language}/search/", {"q": "nothingatall"}).content.decode().count(
            "nothingatall"
        )
        for secret in items["secret"].values():
            assert secret.url not in page and secret.title not in page
    client.force_login(partner)
    answer = search(client, language, MARKER)
    (hit,) = answer["hits"]
    assert hit["locale"] == language and MARKER in hit["title"]
    assert {other["locale"] for other in hit["translations"]} == {"en", "ru", "ko"} - {language}


def test_paging_counts_items_not_records(client, items, settings):
    settings.SEARCH_PAGE_SIZE = 1
    first = search(client, "ru", "WHRIK")
    second = search(client, "ru", "WHRIK", page=2)
    assert first["total"] == second["total"] == 2 and first["num_pages"] == 2
    shown = [first["hits"][0]["title"], second["hits"][0]["title"]]
    assert sorted(shown) == sorted([TITLES["ru"], "WHRIK annual review"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_typo_of_a_partner_only_word_suggests_nothing_to_the_public(client, items, partner, language):
    """ "Did you mean" draws on every title: a correction must find something this reader may see."""
    typo = MARKER[:-1]  # "zephyrqui", one letter short
    for q in (typo, f"{typo} план"):
        answer = search(client, language, q)
        assert answer["suggestion"] is None and answer["hits"] == []
        page = client.get(f"/{language}/search/", {"q": q}).content.decode()
        assert MARKER not in page.replace(q, "")
    client.force_login(partner)
    answer = search(client, language, typo)
    assert MARKER in (answer["suggestion"] or "") or any(MARKER in hit["title"] for hit in answer["hits"])


def test_a_file_attached_to_another_language_of_a_hit_folds_into_that_hit(
    search_engine, site, make_document, client, django_capture_on_commit_callbacks
):
    """The Russian brief links its own file; the English original's file still belongs to the one hit."""
    with django_capture_on_commit_callbacks(execute=True):
        english_file = make_document("Quillwort house rules", text="Quillwort shelter house rules.")
        russian_file = make_document("Правила дома quillwort", text="Правила приюта quillwort.", language="ru")
        brief = make_knowledge(
            site["knowledge"],
            title="Quillwort shelter rules",
            summary="House rules of the quillwort shelter.",
            attachments=[("attachment", {"document": english_file, "description": ""})],
        )
        russian = _translate(
            brief,
            "ru",
            title="Правила приюта quillwort",
            attachments=[("attachment", {"document": russian_file, "description": ""})],
        )
    if search_engine == "elasticsearch":
        indexing.refresh()
    answer = search(client, "ru", "quillwort")
    assert [hit["title"] for hit in answer["hits"]] == [russian.title]
    assert sorted(found["title"] for found in answer["hits"][0]["found_in"]) == sorted(
        [english_file.title, russian_file.title]
    )
    assert answer["total"] == 1


def test_an_alias_in_another_language_is_never_shown_as_a_translation(search_engine, site, client):
    """An alias in the Russian tree (a synced section) shows the English words: it is not a Russian version."""
    brief = make_knowledge(site["knowledge"], title="Marshwort referral card", summary="A card for referrals.")
    russian_tree = Locale.objects.get_or_create(language_code="ru")[0]
    alias = brief.copy_for_translation(russian_tree, copy_parents=True, alias=True)
    indexing.sync([f"page:{alias.pk}", f"page:{brief.pk}"])
    if search_engine == "elasticsearch":
        indexing.refresh()
    answer = search(client, "ru", "marshwort")
    assert [(hit["title"], hit["locale"]) for hit in answer["hits"]] == [("Marshwort referral card", "en")]
    assert answer["total"] == 1
    assert all(other["locale"] != "ru" for other in answer["hits"][0]["translations"])
