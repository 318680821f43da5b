"""The database engine's records follow every editor action, with no Elasticsearch configured."""

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from wagtail.models import PageViewRestriction
from wagtail.search.models import IndexEntry

from knowledge.models import PolicyBriefPage
from search.models import SearchRecord
from search.queries import DatabaseEngine, SearchParams
from search.queries.database import ROW_COLUMNS, filter_and_count


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


def test_korean_words_find_korean_compounds(corpus, korean_note):
    """Korean joins words and particles without spaces: 해바라기 (sunflower) finds 해바라기센터."""
    assert titles("해바라기") == ["해바라기센터 운영 안내"]
    assert titles("원스톱 지원") == ["해바라기센터 운영 안내"]
    assert titles("해바라기 경찰") == []  # every word still has to be there


def test_rebuild_command_writes_the_records_without_elasticsearch(corpus, capsys):
    SearchRecord.objects.all().delete()
    call_command("rebuild_search_index", "--no-progress")
    out = capsys.readouterr().out
    assert "Wrote 10 search records" in out
    assert "Skipped Elasticsearch" in out
    assert titles("Sunflower") == ["How the Sunflower Centre model works"]
    call_command("rebuild_search_index", "--no-progress")
    assert SearchRecord.objects.count() == 10  # idempotent


def test_a_row_failing_one_filter_still_counts_for_that_facet():
    def row(pk, countries, kind, year):
        values = {"id": pk, "countries": countries, "themes": "", "kind": kind, "locale": "en", "year": year}
        return tuple(values.get(column) for column in ROW_COLUMNS)

    rows = [row(1, "KZ KR", "brief", 2024), row(2, "AL", "brief", 2024), row(3, "AL", "event", 2021)]
    found, counts = filter_and_count(rows, SearchParams(countries=("KZ",), kinds=("brief",)))
    assert found == [1]
    assert counts["country"] == {"KZ": 1, "KR": 1, "AL": 1}  # row 2 fails only the country filter
    assert counts["kind"] == {"brief": 1}  # row 3 fails both filters: counted nowhere
    assert counts["year"] == {"2024": 1}


def test_words_in_a_title_outrank_a_short_title_with_the_words_in_its_text(corpus):
    # "Kazakhstan" (a one-word title) says "crisis centres" in its summary only.
    assert titles("crisis centres")[0] == "Annual report on crisis centres"


def test_a_hit_without_a_record_yet_is_read_from_its_object(corpus):
    from search.queries.results import Labels, hits_from_records

    police, secret = corpus["police"], corpus["secret"]
    SearchRecord.objects.filter(key__in=[f"page:{police.pk}", f"page:{secret.pk}"]).delete()
    hits = hits_from_records([f"page:{police.pk}", f"page:{secret.pk}"], None, Labels("en"))
    assert [(hit.title, [code for code, _ in hit.countries]) for hit in hits] == [
        ("Police investigation protocol", ["AL", "KZ"])
    ]  # and the partner-only page stays hidden from the public
