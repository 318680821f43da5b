"""The database engine's records follow every editor action, with no Elasticsearch configured."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import PageViewRestriction
from wagtail.search.models import IndexEntry

from knowledge.models import PolicyBriefPage
from search.models import SearchRecord
from search.queries import DatabaseEngine, SearchParams


def titles(q="", **filters) -> list[str]:
    return [hit.title for hit in DatabaseEngine(user=None, language="en").search(SearchParams(q=q, **filters)).hits]


def fulltext_entries() -> int:
    return IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(SearchRecord)).count()


def test_publish_unpublish_and_delete_update_the_records(corpus, site, django_capture_on_commit_callbacks):
    page = PolicyBriefPage(title="Shelter standards in Albania", slug="shelter-standards", summary="Minimum standards.")
    with django_capture_on_commit_callbacks(execute=True):
        site["knowledge"].add_child(instance=page)
        page.save_revision()
    assert "Shelter standards in Albania" not in titles("shelter")  # a draft is never searchable
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    assert titles("shelter") == ["Shelter standards in Albania"]
    entries = fulltext_entries()

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert titles("shelter") == []
    assert fulltext_entries() == entries - 1  # the record's full-text entry went with it

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        page.delete()
    assert not SearchRecord.objects.filter(key=f"page:{page.pk}").exists()


def test_restricting_a_section_hides_its_records_from_the_public(corpus, roles, django_capture_on_commit_callbacks):
    assert "Funding one-stop centres in Central Asia" in titles("funding")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=corpus["funding"], restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([roles["partners"]])
    assert SearchRecord.objects.get(key=f"page:{corpus['funding'].pk}").audience == "partner"
    assert "Funding one-stop centres in Central Asia" not in titles("funding")
