"""Each editor action that changes what readers can find updates the real index."""

from wagtail.models import CollectionViewRestriction, PageViewRestriction

from knowledge.models import PolicyBriefPage
from tests.search.conftest import stored


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


def test_a_page_stops_naming_an_attachment_made_private(indexed, django_capture_on_commit_callbacks, make_document):
    # The brief's entry names its public attachments; a document moved into a partner-only
    # collection must leave the public brief's entry at once, or its title could be probed.
    brief = indexed["funding"]
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document("Zyxq costing workbook")
        brief.attachments = [("attachment", {"document": document, "description": ""})]
        brief.save_revision().publish()
    assert "Zyxq costing workbook" in stored(f"page:{brief.pk}")["attachment"]
    with django_capture_on_commit_callbacks(execute=True):
        document.collection = indexed["secret_doc"].collection
        document.save()
    assert "Zyxq" not in (stored(f"page:{brief.pk}")["attachment"] or "")
