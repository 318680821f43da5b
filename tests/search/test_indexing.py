"""Each editor action that changes what readers can find updates the real index."""

from django.core.management import call_command

from wagtail.models import CollectionViewRestriction, PageViewRestriction

import pytest

from knowledge.models import PolicyBriefPage
from search import conf, indexing, mappings
from search.client import get_client
from search.models import PendingIndexUpdate, SearchRecord
from tests.search.conftest import index_corpus


def stored(key: str) -> dict | None:
    client = get_client()
    client.indices.refresh(index=conf.alias_name())
    found = client.options(ignore_status=404).get(index=conf.alias_name(), id=mappings.document_id(key))
    return found["_source"] if found.get("found") else None


@pytest.fixture
def indexed(es, corpus):
    index_corpus()
    return corpus


def test_rebuild_indexes_every_live_item_and_swaps_alias(es, corpus, capsys):
    call_command("rebuild_search_index", "--no-progress")
    first = mappings.indices_behind_alias(get_client(), conf.alias_name())
    call_command("rebuild_search_index", "--no-progress")
    second = mappings.indices_behind_alias(get_client(), conf.alias_name())
    out = capsys.readouterr().out
    assert "Indexed 10 items" in out
    assert "1 old indices removed" in out
    assert len(first) == len(second) == 1 and first != second
    assert not get_client().indices.exists(index=first[0])
    assert stored(f"page:{corpus['sunflower'].pk}")["title"] == "How the Sunflower Centre model works"
    assert stored(f"page:{corpus['partner_section'].pk}") is None  # index pages are not search results


def test_words_that_found_nothing_find_the_item_published_since(indexed, django_capture_on_commit_callbacks, site):
    """The engine remembers words that found nothing (to skip a futile request), never at the cost of a result."""
    from search.queries import KnowledgeSearch, SearchParams

    def search():
        return KnowledgeSearch(user=None, language="en").search(SearchParams(q="Karakalpakstan shelters"))

    assert search().total == 0
    assert search().total == 0  # the second time from the remembered count
    page = PolicyBriefPage(
        title="Karakalpakstan shelters", slug="karakalpakstan", summary="Shelters in the Karakalpakstan republic."
    )
    with django_capture_on_commit_callbacks(execute=True):
        site["knowledge"].add_child(instance=page)
        page.save_revision().publish()
    get_client().indices.refresh(index=conf.alias_name())
    result = search()
    assert [hit.title for hit in result.hits] == ["Karakalpakstan shelters"]
    assert result.suggestion is None  # found as written: no "did you mean"


def test_publish_indexes_and_drafts_do_not(indexed, django_capture_on_commit_callbacks):
    page = indexed["funding"]
    page.title = "Draft title nobody may see yet"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    assert stored(f"page:{page.pk}")["title"] == "Funding one-stop centres in Central Asia"
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    assert stored(f"page:{page.pk}")["title"] == "Draft title nobody may see yet"


def test_new_page_is_indexed_on_publish(indexed, django_capture_on_commit_callbacks, site):
    page = PolicyBriefPage(title="Shelter standards", slug="shelter-standards", summary="Minimum standards.")
    with django_capture_on_commit_callbacks(execute=True):
        site["knowledge"].add_child(instance=page)
        page.save_revision()
    assert stored(f"page:{page.pk}") is None
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    assert stored(f"page:{page.pk}")["kind"] == "brief"


def test_unpublish_and_delete_remove(indexed, django_capture_on_commit_callbacks):
    police, online = indexed["police"], indexed["online"]
    with django_capture_on_commit_callbacks(execute=True):
        police.unpublish()
    assert stored(f"page:{police.pk}") is None
    key = f"page:{online.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        online.delete()
    assert stored(key) is None


def test_move_into_restricted_section_makes_partner_only(indexed, django_capture_on_commit_callbacks):
    page = indexed["funding"]
    assert stored(f"page:{page.pk}")["audience"] == "public"
    with django_capture_on_commit_callbacks(execute=True):
        page.move(indexed["partner_section"], pos="last-child")
    assert stored(f"page:{page.pk}")["audience"] == "partner"


def test_view_restriction_change_reindexes_subtree(indexed, django_capture_on_commit_callbacks):
    secret = indexed["secret"]
    restriction = PageViewRestriction.objects.get(page=indexed["partner_section"])
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert stored(f"page:{secret.pk}")["audience"] == "public"
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=indexed["partner_section"], restriction_type="login")
    assert stored(f"page:{secret.pk}")["audience"] == "partner"


def test_collection_restriction_and_document_changes(indexed, django_capture_on_commit_callbacks, make_document):
    secret_doc = indexed["secret_doc"]
    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.filter(collection=secret_doc.collection).delete()
    assert stored(f"document:{secret_doc.pk}")["audience"] == "public"

    with django_capture_on_commit_callbacks(execute=True):
        document = make_document("Helpline call scripts", text="Scripts for the first call.")
    assert stored(f"document:{document.pk}")["title"] == "Helpline call scripts"
    with django_capture_on_commit_callbacks(execute=True):
        document.countries.add(indexed["kz_profile"].country)
    assert stored(f"document:{document.pk}")["countries"] == ["KZ"]
    key = f"document:{document.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert stored(key) is None


def test_engine_down_records_pending_and_catch_up_applies(indexed, django_capture_on_commit_callbacks, settings):
    page = indexed["funding"]
    es_url = settings.SEARCH_ELASTICSEARCH_URL
    settings.SEARCH_ELASTICSEARCH_URL = "http://127.0.0.1:9"  # discard port: nothing listens
    page.title = "Funding, revised"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()  # must not raise into the editor's request
    pending = PendingIndexUpdate.objects.get(key=f"page:{page.pk}")
    assert pending.attempts == 1 and pending.last_error

    settings.SEARCH_ELASTICSEARCH_URL = es_url
    call_command("search_catch_up")
    assert not PendingIndexUpdate.objects.exists()
    assert stored(f"page:{page.pk}")["title"] == "Funding, revised"


def test_next_successful_update_retries_pending(indexed, django_capture_on_commit_callbacks):
    PendingIndexUpdate.objects.create(key=f"page:{indexed['police'].pk}", last_error="down")
    indexed["police"].title = "Police protocol, second edition"
    indexed["police"].save()  # a plain save (no publish signal) changes the live row only
    with django_capture_on_commit_callbacks(execute=True):
        indexed["online"].save_revision().publish()
    assert not PendingIndexUpdate.objects.exists()
    assert stored(f"page:{indexed['police'].pk}")["title"] == "Police protocol, second edition"


def test_sync_without_elasticsearch_updates_the_database_records(corpus):
    police = corpus["police"]
    police.title = "Police investigation protocol, revised"
    police.save_revision().publish()
    report = indexing.sync([f"page:{police.pk}"])
    assert report.indexed == 1 and not PendingIndexUpdate.objects.exists()
    assert SearchRecord.objects.get(key=f"page:{police.pk}").title == "Police investigation protocol, revised"


def _edit_after_the_rebuild_has_read(monkeypatch, edit):
    """Run `edit` once the rebuild has read and serialized everything, before its swap."""
    from search import serializers

    read_everything = serializers.serialized_chunks

    def chunks(**kwargs):
        yield from read_everything(**kwargs)
        edit()

    monkeypatch.setattr(serializers, "serialized_chunks", chunks)


def test_an_update_during_a_rebuild_survives_the_swap(indexed, monkeypatch):
    page = indexed["police"]

    def publish_an_edit():
        page.title = "Police protocol, edited during the rebuild"
        page.save_revision().publish()
        indexing.sync([f"page:{page.pk}"])

    _edit_after_the_rebuild_has_read(monkeypatch, publish_an_edit)
    indexing.rebuild()
    assert stored(f"page:{page.pk}")["title"] == "Police protocol, edited during the rebuild"
    assert not get_client().indices.exists_alias(name=conf.rebuilding_alias_name())


def test_an_unpublish_during_a_rebuild_is_not_undone_by_it(indexed, monkeypatch):
    page = indexed["online"]

    def unpublish():
        page.unpublish()
        indexing.sync([f"page:{page.pk}"])

    _edit_after_the_rebuild_has_read(monkeypatch, unpublish)
    indexing.rebuild()
    assert stored(f"page:{page.pk}") is None
