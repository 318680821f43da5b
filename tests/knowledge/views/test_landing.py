"""A document's landing page (`knowledge/views/landing.py`), as readers of each language see it.

One document family (English original, Russian and Korean translations) with every fact a
repository keeps; real PDF files, rendered thumbnails, real downloads. Privacy: a partner-only
document whose title, summary and file carry a secret word answers 404 on every route to
everyone but partners, and an unreviewed one to everyone.
"""

import datetime
import io
import json
import re
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import Collection, CollectionViewRestriction, Locale

import pytest
from PIL import Image

from knowledge import thumbnails
from knowledge.models import DocumentDownload, DocumentVersion, KnowledgeDocument
from tests.factories import CountryFactory, ThemeFactory, make_event, make_knowledge, restrict_to_group
from tests.knowledge.files import pdf_of
from tests.knowledge.sample_document import DESCRIPTION, DESCRIPTION_RU, TITLE, TITLE_RU

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ru", "ko")
TITLE_KO = "해바라기 센터 의뢰 프로토콜"
DESCRIPTION_KO = "경찰, 병원, 상담사가 피해자를 의뢰하는 방법."
# In the reader's language: the kind (interface catalogue), a country and a theme (vocabularies).
EXPECTED = {
    "en": {"title": TITLE, "description": DESCRIPTION, "kind": "Protocol", "country": "Kazakhstan", "theme": "Police"},
    "ru": {
        "title": TITLE_RU,
        "description": DESCRIPTION_RU,
        "kind": "Протокол",
        "country": "Казахстан",
        "theme": "Полиция",
    },
    "ko": {
        "title": TITLE_KO,
        "description": DESCRIPTION_KO,
        "kind": "프로토콜",
        "country": "카자흐스탄",
        "theme": "경찰",
    },
}
PRIVATE_WORD = "zqxlandingsecret"


def landing_url(document, language):
    with translation.override(language):
        return reverse("document_landing", args=(document.pk, document.slug))


def route(name, document, language="en", *extra):
    with translation.override(language):
        return reverse(name, args=(document.pk, document.slug, *extra))


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("ru", "ko")}


def translated(entry, locale, **changes):
    copy = entry.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save()
    return copy


@pytest.fixture
def family(site, locales):
    """An English protocol with Russian and Korean translations, its vocabularies translated too."""
    kz = CountryFactory(iso_code="KZ", name="Kazakhstan")
    theme = ThemeFactory(slug="police", name="Police")
    translated(kz, locales["ru"], name="Казахстан")
    translated(kz, locales["ko"], name="카자흐스탄")
    translated(theme, locales["ru"], name="Полиция")
    translated(theme, locales["ko"], name="경찰")
    document = KnowledgeDocument(
        title=TITLE,
        description=DESCRIPTION,
        collection=Collection.get_first_root_node(),
        document_type=KnowledgeDocument.DocumentType.PROTOCOL,
        language="en",
        publication_date=datetime.date(2021, 4, 28),
        authors="Kim, Ji-young; UNDP Seoul Policy Centre",
        publisher="UNDP Seoul Policy Centre",
        partner_organisations="Ministry of Gender Equality and Family; Korea Institute for Gender Equality",
        licence="cc-by-4.0",
        edition="2nd edition",
        audience="practitioners",
    )
    document.file.save("referral-protocol.pdf", ContentFile(pdf_of(["Referral protocol, page one"])), save=False)
    document.save()
    document.countries.set([kz])
    document.themes.set([theme])
    russian = translated(document, locales["ru"], title=TITLE_RU, description=DESCRIPTION_RU)
    korean = translated(document, locales["ko"], title=TITLE_KO, description=DESCRIPTION_KO)
    return {"en": document, "ru": russian, "ko": korean}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_landing_page_shows_the_document_in_the_readers_language(client, family, language):
    response = client.get(landing_url(family[language], language))
    assert response.status_code == 200
    text = response.text
    expected = EXPECTED[language]
    assert f'<html lang="{language}"' in text
    assert f"<h1>{expected['title']}</h1>" in text
    for value in expected.values():
        assert value in text, value
    for fact in ("Kim, Ji-young", "Ministry of Gender Equality and Family", "2nd edition", "UNDP Seoul Policy Centre"):
        assert fact in text
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in text
    assert "2021" in text
    # The other languages' titles are not this page's.
    others = [EXPECTED[code]["title"] for code in LANGUAGES if code != language]
    assert not any(title in text for title in others)
    # One address per language for each translation, for search engines.
    for code in LANGUAGES:
        assert f'hreflang="{code}" href="http://testserver{landing_url(family[code], code)}"' in text


def test_any_row_of_the_family_leads_to_the_readers_language(client, family):
    english = family["en"]
    response = client.get(landing_url(english, "ru"))
    assert response.status_code == 301
    assert response["Location"] == landing_url(family["ru"], "ru")


def test_a_wrong_slug_is_redirected_permanently_to_the_canonical_address(client, family):
    document = family["en"]
    response = client.get(f"/en/documents/{document.pk}/old-title/")
    assert response.status_code == 301
    assert response["Location"] == landing_url(document, "en")
    assert client.get(response["Location"]).status_code == 200


def test_a_language_without_a_translation_shows_the_original_with_the_notice(client, site, locales):
    document = KnowledgeDocument(title="Shelter standards", collection=Collection.get_first_root_node())
    document.file.save("shelters.pdf", ContentFile(b"%PDF-1.4 shelters"), save=True)
    response = client.get(landing_url(document, "ko"))
    assert response.status_code == 200
    text = response.text
    assert "<h1>Shelter standards</h1>" in text
    assert re.search(r'<main id="main" tabindex="-1" lang="en" dir="ltr">', text)
    assert "translation-notice" in text and 'lang="ko"' in text


def test_a_file_missing_from_storage_is_not_found_rather_than_an_error(client, site):
    document = KnowledgeDocument(title="Lost", collection=Collection.get_first_root_node())
    document.file.save("lost.pdf", ContentFile(b"%PDF-1.4 lost"), save=True)
    default_storage.delete(document.file.name)
    assert client.get(landing_url(document, "en")).status_code == 200
    assert client.get(route("document_download", document)).status_code == 404
    assert client.get(route("document_thumbnail", document)).status_code == 404


def test_unknown_documents_are_not_found(client, site):
    assert client.get(f"/en/documents/{10**9}/anything/").status_code == 404
    assert client.get(f"/ru/documents/{10**9}/anything/download/").status_code == 404


def test_json_ld_describes_the_document(client, family):
    response = client.get(landing_url(family["ru"], "ru"))
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    assert match is not None
    data = json.loads(match.group(1))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "DigitalDocument"
    assert data["name"] == TITLE_RU
    assert data["description"] == DESCRIPTION_RU
    assert data["inLanguage"] == "en"
    assert data["datePublished"] == "2021-04-28"
    assert data["author"] == [
        {"@type": "Person", "name": "Kim, Ji-young"},
        {"@type": "Organization", "name": "UNDP Seoul Policy Centre"},
    ]
    assert data["publisher"] == {"@type": "Organization", "name": "UNDP Seoul Policy Centre"}
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["encodingFormat"] == "application/pdf"
    assert data["contentSize"].endswith("KB") or data["contentSize"].endswith("bytes")
    assert data["url"] == f"http://testserver{landing_url(family['ru'], 'ru')}"
    assert data["spatialCoverage"] == [{"@type": "Country", "name": "Казахстан"}]
    assert "isPartOf" not in data


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_says_how_to_cite_the_document_in_the_readers_language(client, family, language):
    text = client.get(landing_url(family[language], language)).text
    assert 'id="cite-heading"' in text
    citation = text[text.index('id="cite-heading"') :]
    assert EXPECTED[language]["title"] in citation and "Kim" in citation
    with translation.override(language):
        bibtex = reverse(
            "document_cite_bibtex", kwargs={"document_id": family[language].pk, "slug": family[language].slug}
        )
    assert f'href="{bibtex}"' in citation
    assert client.get(bibtex).status_code == 200


def test_json_ld_cannot_be_closed_early_by_a_title(client, family):
    document = family["en"]
    document.title = "Protocol </script><script>alert(1)</script>"
    document.save()
    text = client.get(landing_url(document, "en")).text
    assert "</script><script>alert(1)" not in text
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert json.loads(match.group(1))["name"] == document.title


# --- Files -------------------------------------------------------------------------------------


def test_the_download_serves_the_file_as_its_bytes_say_pdfs_inline(client, family):
    document = family["en"]
    response = client.get(route("document_download", document))
    assert response.status_code == 200
    assert body(response) == document.file.open("rb").read()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" not in response.get("Cache-Control", "")


def test_other_types_are_attachments(client, site):
    document = KnowledgeDocument(title="Figures", collection=Collection.get_first_root_node())
    document.file.save("figures.csv", ContentFile(b"year,cases\n2020,12\n"), save=True)
    response = client.get(route("document_download", document))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_russian_translation_with_its_own_pdf_offers_both_files(client, family):
    russian = family["ru"]
    russian_pdf = pdf_of(["Протокол направления"])
    russian.own_file.save("protokol.pdf", ContentFile(russian_pdf), save=True)

    text = client.get(landing_url(russian, "ru")).text
    own_url = route("document_download_language", russian, "ru", "ru")
    family_url = route("document_download", russian, "ru")
    # The Russian file first, the English one among the other languages.
    assert text.index(f'href="{own_url}"') < text.index(f'href="{family_url}"')
    assert 'hreflang="en"' in text
    assert body(client.get(own_url)) == russian_pdf
    assert body(client.get(family_url)) == family["en"].file.open("rb").read()

    # An English reader is offered the English file first, and the Russian one among the others.
    text = client.get(landing_url(family["en"], "en")).text
    english_own = route("document_download_language", family["en"], "en", "ru")
    assert text.index(f'href="{route("document_download", family["en"])}"') < text.index(f'href="{english_own}"')
    assert client.get(route("document_download_language", family["en"], "en", "ko")).status_code == 404


def test_a_replaced_file_stays_downloadable_as_an_earlier_version_with_its_dates(client, family):
    document = family["en"]
    old_bytes = document.file.open("rb").read()
    document.file.save("referral-protocol-v2.pdf", ContentFile(pdf_of(["Second edition"])), save=True)
    version = DocumentVersion.objects.get(key=document.translation_key)

    text = client.get(landing_url(document, "en")).text
    version_url = route("document_version_download", document, "en", version.pk)
    assert version_url in text
    assert f'datetime="{version.replaced_at.isoformat()}"' in text or version.replaced_at.strftime("%Y") in text
    assert "Earlier versions" in text
    # The table is named by its heading; each row by its replacement date (the row's header),
    # said once: the link names the file's format.
    assert '<table aria-labelledby="versions-heading">' in text
    table = text[text.index('<table aria-labelledby="versions-heading">') : text.index("</table>")]
    row = re.search(r"<tbody>\s*<tr>\s*(<t[hd][^>]*>)<time", table)
    assert row is not None and row.group(1) == '<th scope="row">'
    assert "replaced on" not in table
    assert re.search(rf'<a href="{re.escape(version_url)}" hreflang="en">PDF</a>', table)
    response = client.get(version_url)
    assert response.status_code == 200
    assert body(response) == old_bytes
    assert body(client.get(route("document_download", document))) != old_bytes
    # The Russian page offers the same earlier file.
    assert client.get(route("document_version_download", family["ru"], "ru", version.pk)).status_code == 200


def test_a_bad_version_id_is_not_found(client, family, site):
    document = family["en"]
    assert client.get(route("document_version_download", document, "en", 10**9)).status_code == 404
    other = KnowledgeDocument(title="Other", collection=Collection.get_first_root_node())
    other.file.save("other.pdf", ContentFile(b"%PDF-1.4 other v1"), save=True)
    other.file.save("other-2.pdf", ContentFile(b"%PDF-1.4 other v2"), save=True)
    foreign = DocumentVersion.objects.get(key=other.translation_key)
    assert client.get(route("document_version_download", document, "en", foreign.pk)).status_code == 404
    assert client.get(f"/en/documents/{document.pk}/{document.slug}/versions/abc/").status_code == 404


def test_downloads_are_counted_per_day_for_the_family_and_nothing_about_the_reader(client, family, make_user):
    english, russian = family["en"], family["ru"]
    client.get(route("document_download", english))
    client.get(route("document_download", russian, "ru"))
    client.force_login(make_user("reader"))
    client.get(route("document_download", english))
    # A PDF viewer fetching the rest of the file in pieces, and a HEAD, are not downloads.
    client.get(route("document_download", english), headers={"Range": "bytes=1000-2000"})
    client.head(route("document_download", english))

    counters = DocumentDownload.objects.all()
    assert sum(counter.count for counter in counters) == 3
    assert {counter.day for counter in counters} == {datetime.date.today()}
    # The counter has a document, a day and a number: no field could hold a reader.
    assert {field.name for field in DocumentDownload._meta.concrete_fields} == {"id", "document", "day", "count"}
    text = client.get(landing_url(russian, "ru")).text
    assert "3" in re.search(r'<p class="doc-download__count">(.*?)</p>', text, re.S).group(1)


def test_a_pdf_has_a_first_page_thumbnail_rendered_once(client, family):
    document = family["en"]
    text = client.get(landing_url(document, "en")).text
    thumbnail_url = route("document_thumbnail", document)
    assert f'src="{thumbnail_url}" alt=""' in text
    response = client.get(thumbnail_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response.content[:4] == b"RIFF" and response.content[8:12] == b"WEBP"
    picture = Image.open(io.BytesIO(response.content))
    assert picture.width == thumbnails.WIDTH
    # The page reserves the picture's place before it arrives (no layout shift).
    assert f'width="{picture.width}" height="{picture.height}"' in text
    # Kept in storage, and not rendered again for the next reader.
    name = thumbnails.thumbnail_name(document.file, content_hash=document.file_hash)
    rendered_at = default_storage.get_modified_time(name)
    stored = set(default_storage.listdir(thumbnails.FOLDER)[1])
    client.get(landing_url(family["ko"], "ko"))
    client.get(thumbnail_url)
    assert set(default_storage.listdir(thumbnails.FOLDER)[1]) == stored
    assert default_storage.get_modified_time(name) == rendered_at
    assert default_storage.open(name).read() == response.content


def _markers() -> set[str]:
    """The thumbnails folder's markers of files that will never render."""
    if not default_storage.exists(thumbnails.FOLDER):
        return set()
    return {name for name in default_storage.listdir(thumbnails.FOLDER)[1] if name.endswith(".none")}


def test_a_pdf_that_cannot_be_rendered_has_no_thumbnail_and_the_page_still_works(client, site):
    document = KnowledgeDocument(title="Damaged", collection=Collection.get_first_root_node())
    document.file.save("damaged.pdf", ContentFile(b"%PDF-1.4 not really a pdf"), save=True)
    before = _markers()
    response = client.get(landing_url(document, "en"))
    assert response.status_code == 200
    assert "doc-download__thumbnail" not in response.text
    assert client.get(route("document_thumbnail", document)).status_code == 404
    # A damaged PDF is not tried again: it is marked.
    assert len(_markers() - before) == 1


def test_a_storage_failure_is_not_marked_as_a_file_that_never_renders(site):
    document = KnowledgeDocument(title="Flaky", collection=Collection.get_first_root_node())
    pdf = pdf_of(["Flaky storage, page one"])
    document.file.save("flaky.pdf", ContentFile(pdf), save=True)
    document = KnowledgeDocument.objects.get(pk=document.pk)
    path = Path(document.file.path)
    # The storage knows the name but cannot read it (a real OSError, as a network storage may give).
    path.unlink()
    path.mkdir()
    before = _markers()
    assert thumbnails.thumbnail_name(document.file, content_hash=document.file_hash) is None
    assert _markers() == before
    # Readable again: it renders.
    path.rmdir()
    path.write_bytes(pdf)
    assert thumbnails.thumbnail_name(document.file, content_hash=document.file_hash) is not None


# --- Links to it --------------------------------------------------------------------------------


def test_each_about_this_document_link_names_its_document(client, family, site):
    """Two attachments: their "About this document" links say which document, for screen readers."""
    other = KnowledgeDocument(title="Shelter standards", collection=Collection.get_first_root_node())
    other.file.save("shelters.pdf", ContentFile(b"%PDF-1.4 shelters"), save=True)
    brief = make_knowledge(
        site["knowledge"],
        title="Brief with two files",
        attachments=[
            ("attachment", {"document": family["en"], "description": ""}),
            ("attachment", {"document": other, "description": ""}),
        ],
    )
    text = client.get(brief.url).text
    names = re.findall(r'<a class="doc-link__details" href="[^"]+">(.*?)</a>', text)
    assert names == [
        f'About this document<span class="visually-hidden">: {TITLE}</span>',
        'About this document<span class="visually-hidden">: Shelter standards</span>',
    ]


# --- Related pages -----------------------------------------------------------------------------


def test_the_related_event_is_linked_only_for_readers_who_may_see_it(client, family, site, roles, partner):
    event = make_event(site["events"], title="Webinar on referral zqxprivateevent")
    document = family["en"]
    document.related_event = event
    document.save()
    assert 'href="/en/events/' in client.get(landing_url(document, "en")).text
    restrict_to_group(event, roles["partners"])
    assert "zqxprivateevent" not in client.get(landing_url(document, "en")).text
    client.force_login(partner)
    assert "zqxprivateevent" in client.get(landing_url(document, "en")).text


def test_pages_that_attach_the_document_are_listed_if_the_reader_may_see_them(client, family, site, roles):
    document = family["en"]
    brief = make_knowledge(
        site["knowledge"],
        title="Brief using the protocol",
        attachments=[("attachment", {"document": document, "description": ""})],
    )
    private = make_knowledge(
        site["knowledge"],
        title="Private brief zqxprivatebrief",
        attachments=[("attachment", {"document": document, "description": ""})],
    )
    restrict_to_group(private, roles["partners"])
    text = client.get(landing_url(document, "en")).text
    assert brief.title in text
    assert "zqxprivatebrief" not in text


# --- Privacy -----------------------------------------------------------------------------------


@pytest.fixture
def secret(site, roles, locales):
    """A partner-only document whose words and file carry PRIVATE_WORD, with a translation, own file and version."""
    collection = Collection.get_first_root_node().add_child(name="Partner-only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles["partners"]])
    document = KnowledgeDocument(
        title=f"Budget {PRIVATE_WORD}", description=f"Costs {PRIVATE_WORD}", collection=collection
    )
    document.file.save("budget.pdf", ContentFile(pdf_of([f"Salaries {PRIVATE_WORD}"])), save=True)
    document.file.save("budget-v2.pdf", ContentFile(pdf_of([f"Salaries v2 {PRIVATE_WORD}"])), save=True)
    russian = translated(document, locales["ru"], title=f"Бюджет {PRIVATE_WORD}")
    russian.own_file.save("budget-ru.pdf", ContentFile(pdf_of([f"Зарплаты {PRIVATE_WORD}"])), save=True)
    return {"en": document, "ru": russian}


def secret_routes(secret, *, slug: str | None = None) -> list[str]:
    """Every route of the secret document, with its real slug or another (an outsider cannot know the title)."""
    document, russian = secret["en"], secret["ru"]
    version = DocumentVersion.objects.get(key=document.translation_key)
    routes = []
    for language, row in (("en", document), ("ru", russian)):
        base = f"/{language}/documents/{row.pk}/{slug or row.slug}/"
        routes += [
            base,
            f"{base}download/",
            f"{base}download/ru/",
            f"{base}versions/{version.pk}/",
            f"{base}thumbnail/",
        ]
    return routes


def test_a_partner_only_document_is_not_found_by_anyone_but_partners(client, secret, make_user, roles):
    routes = secret_routes(secret, slug="budget")
    for reader in (None, make_user("reader"), make_user("specialist", group=roles["specialists"])):
        if reader is not None:
            client.force_login(reader)
        for path in routes:
            response = client.get(path)
            assert response.status_code == 404, path
            assert PRIVATE_WORD.encode() not in body(response)
    # Not even the slug: an address with the wrong slug is not redirected to the real one.
    client.logout()
    response = client.get(f"/en/documents/{secret['en'].pk}/x/")
    assert response.status_code == 404
    assert PRIVATE_WORD not in response.get("Location", "")


def test_partners_reach_every_route_of_a_partner_only_document(client, secret, partner):
    client.force_login(partner)
    for path in secret_routes(secret):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        if "download" in path or "versions" in path:
            assert "private" in response["Cache-Control"]
    text = client.get(landing_url(secret["en"], "en")).text
    assert PRIVATE_WORD in text


def test_an_unreviewed_document_is_not_found_by_readers(client, family, partner, make_user):
    document = family["en"]
    document.reviewed = False
    document.save()
    paths = [
        landing_url(document, "en"),
        landing_url(family["ru"], "ru"),
        route("document_download", document),
        route("document_thumbnail", document),
    ]
    for reader in (None, partner, make_user("admin", superuser=True)):
        if reader is not None:
            client.force_login(reader)
        for path in paths:
            assert client.get(path).status_code == 404, path


# --- Cost --------------------------------------------------------------------------------------


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _grow(family, site, *, codes, versions, briefs):
    """More translations with their own files, earlier versions, pages attaching it, downloads."""
    original = family["en"]
    for code in codes:
        translated(original, Locale.objects.get_or_create(language_code=code)[0], title=f"{TITLE} [{code}]")
        row = KnowledgeDocument.objects.get(translation_key=original.translation_key, locale__language_code=code)
        row.own_file.save(f"own-{code}.pdf", ContentFile(f"%PDF-1.4 {code}".encode()), save=True)
    for number in range(versions):
        original.file.save(f"v{number}.pdf", ContentFile(f"%PDF-1.4 v{number}".encode()), save=True)
    for number in range(briefs):
        make_knowledge(
            site["knowledge"],
            title=f"Brief {original.file.name} {number}",
            attachments=[("attachment", {"document": original, "description": ""})],
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_queries_do_not_grow_with_translations_and_versions(
    client, family, language, site, django_assert_max_num_queries
):
    document = family[language]
    url = landing_url(document, language)
    _grow(family, site, codes=["fr"], versions=1, briefs=1)
    few = _queries(client, url)

    _grow(family, site, codes=["kk", "uz", "tg"], versions=4, briefs=3)
    assert DocumentVersion.objects.filter(key=document.translation_key).count() == 5
    client.get(url)
    with django_assert_max_num_queries(few):
        assert client.get(url).status_code == 200
