"""Reference data shared across requests: read once, then never again until a change purges it.

The page cache is off here: these are the reads every uncached page makes, and a reader must see
each change at the next request, in every language, whichever worker answers.
"""

from django.core.cache import caches
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

import pytest

from portal.core import page_cache, request_memo, shared_reads
from portal.core.models import SiteSettings
from tests.factories import CountryFactory, make_country_page, make_knowledge, restrict_to_group
from tests.portal.test_query_counts import Translator

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "ko"]
SHARED_TABLES = (
    "wagtailcore_locale",
    "wagtailcore_site",
    "portal_sitesettings",
    "portal_country",
    "wagtailcore_pageviewrestriction",
)


def tables_read(client, url) -> set[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return {table for table in SHARED_TABLES if any(_reads_table(query["sql"], table) for query in captured)}


def _reads_table(sql: str, table: str) -> bool:
    """A read of the table's own rows, not of which entries a page or card links (through its relation tables)."""
    return sql.startswith(f'SELECT "{table}".') and not any(
        relation in sql for relation in ('_countries"', '_themes"', "_prefetch_related_val")
    )


@pytest.fixture
def brief(site):
    def build(code):
        tr = Translator(code)
        kz = tr.entry(CountryFactory(iso_code="KZ", name="Kazakhstan"))
        for name in ("home", "countries", "knowledge"):
            tr.page(site[name])
        tr.page(make_country_page(site["countries"], kz))
        return tr, kz, tr.page(make_knowledge(site["knowledge"], title="Anchor brief", countries=[kz]))

    return build


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_second_request_reads_no_reference_data(client, brief, code):
    _tr, _kz, page = brief(code)
    assert tables_read(client, page.url)  # the first request reads them, and creates the site's settings
    client.get(page.url)  # which is a change: read again once
    assert tables_read(client, page.url) == set()
    listing = f"/{code}/knowledge/"
    client.get(listing)
    assert tables_read(client, listing) == set()


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_renamed_country_is_shown_at_the_next_request(client, brief, code):
    tr, kz, page = brief(code)
    client.get(page.url)
    entry = kz if code == "en" else kz.get_translation(tr.locale)
    entry.name = "Qazaqstan Zebra"
    entry.save()
    assert "Qazaqstan Zebra" in client.get(page.url).text


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_page_made_partner_only_leaves_the_lists_at_the_next_request(client, brief, roles, code):
    _tr, _kz, page = brief(code)
    listing = f"/{code}/knowledge/"
    assert page.title in client.get(listing).text
    restrict_to_group(page, roles["partners"])
    assert page.title not in client.get(listing).text
    assert client.get(page.url).status_code == 302


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_profile_lists_its_countrys_new_item_and_drops_one_moved_away_at_the_next_request(client, brief, site, code):
    tr, kz, page = brief(code)
    profile = f"/{code}/countries/{kz.iso_code.lower()}/"
    assert page.title in client.get(profile).text
    client.get(profile)
    added = tr.page(make_knowledge(site["knowledge"], title="Zebra newcomer", countries=[kz]))
    assert added.title in client.get(profile).text
    other = tr.entry(CountryFactory(iso_code="KG", name="Kyrgyzstan"))
    page.countries.set([other])
    page.save_revision().publish()
    assert page.title not in client.get(profile).text


def test_a_changed_setting_is_read_at_the_next_request(client, brief):
    _tr, _kz, page = brief("en")
    client.get(page.url)
    settings_row = SiteSettings.objects.get()
    settings_row.leave_site_url = "https://weather.example.org/"
    settings_row.save()
    assert "https://weather.example.org/" in client.get(page.url).text


def test_nothing_read_inside_a_transaction_of_the_sites_own_is_kept():
    """An admin form's transaction may roll back: what it read must not outlive it."""
    cache = caches[page_cache.ALIAS]
    tokens = request_memo.begin()
    try:
        with transaction.atomic():
            shared_reads.shared(("test", "inside"), lambda: "uncommitted")
        assert not [key for key in cache._cache if "pc:shared" in key]
        shared_reads.shared(("test", "outside"), lambda: "committed")
        assert [key for key in cache._cache if "pc:shared" in key]
    finally:
        request_memo.end(tokens)
