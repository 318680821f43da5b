"""Index updates: pending updates when the node is down, the records without it, updates during a rebuild."""

from django.core.management import call_command

from search import conf, indexing, serializers
from search.client import get_client
from search.models import PendingIndexUpdate, SearchRecord
from tests.search.conftest import stored


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
    # The corpus's own updates never ran (a test transaction never commits): its rows are pending.
    PendingIndexUpdate.objects.update_or_create(key=f"page:{indexed['police'].pk}", defaults={"last_error": "down"})
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
    assert report.indexed == 1 and not PendingIndexUpdate.objects.filter(key=f"page:{police.pk}").exists()
    assert SearchRecord.objects.get(key=f"page:{police.pk}").title == "Police investigation protocol, revised"


def _edit_after_the_rebuild_has_read(monkeypatch, edit):
    """Run `edit` once the rebuild has read and serialized everything, before its swap."""
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
