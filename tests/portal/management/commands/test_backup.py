"""`manage.py backup` and `manage.py restore`: the demo site comes back whole, and bad archives change nothing.

The demo is loaded, backed up, the database flushed (a new, empty site: `migrate`'s content types,
permissions and roles, with ids of their own) and the media folder swapped for an empty one, then
the archive restored, once for the module (inside a transaction rolled back afterwards).
"""

import hashlib
import io
import json
import zipfile

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test import Client, override_settings

from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction, Revision
from wagtail_localize.models import Translation

import pytest

from knowledge.models import DocumentPageText, KnowledgeDocument, PolicyBriefPage
from portal.core.models import PortalImage
from portal.management.backup import BY_NATURAL_KEY, MANIFEST, _table_counts, archived_models
from search.models import SearchRecord

DEMO_PASSWORD = "demo-password-2024"  # noqa: S105 (the demo's published local logins)


def snapshot() -> dict:
    """What a reader, an editor or an operator would miss if a restore lost it."""
    counts = _table_counts([m for m in archived_models() if m._meta.label not in BY_NATURAL_KEY])
    return {
        "tables": counts,
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "path",
                "depth",
                "numchild",
                "title",
                "url_path",
                "locale__language_code",
                "translation_key",
                "live",
                "latest_revision_id",
                "content_type__app_label",
                "content_type__model",
            )
        ),
        "revisions": list(Revision.objects.order_by("pk").values_list("pk", "object_id", "content_type__model")),
        "users": [
            (user.pk, user.username, user.password, user.is_superuser, sorted(g.name for g in user.groups.all()))
            for user in get_user_model().objects.order_by("pk")
        ],
        "group_permissions": {
            group.name: sorted(group.permissions.values_list("content_type__app_label", "codename"))
            for group in Group.objects.all()
        },
        "page_permissions": sorted(
            Group.objects.values_list(
                "name", "page_permissions__page_id", "page_permissions__permission__codename"
            ).exclude(page_permissions__page_id=None)
        ),
        "restrictions": sorted(PageViewRestriction.objects.values_list("page_id", "restriction_type", "groups__name")),
        "translations": sorted(Translation.objects.values_list("source_id", "target_locale__language_code")),
        "tags": sorted(Tag.objects.values_list("name", flat=True)),
        "documents": list(
            KnowledgeDocument.objects.order_by("pk").values_list("pk", "title", "file", "locale_id", "extracted_text")
        ),
        "document_text": list(DocumentPageText.objects.order_by("pk").values_list("document_id", "number", "text")),
    }


def files() -> dict[str, bytes]:
    names = [d.file.name for d in KnowledgeDocument.objects.all()] + [i.file.name for i in PortalImage.objects.all()]
    return {name: default_storage.open(name).read() for name in names if name}


def new_empty_database():
    """Every table emptied, then content types made again in another order: ids unlike the backup's.

    Permissions are left missing: the restore adds them from the archive, by natural key.
    """
    connection.check_constraints()  # PostgreSQL truncates no table with checks pending from the demo's rows
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    ContentType.objects.clear_cache()
    for config in reversed(list(apps.get_app_configs())):
        create_contenttypes(config, verbosity=0)


@pytest.fixture(scope="module")
def round_trip(django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("backup")
    archive = folder / "portal.zip"
    no_elasticsearch = override_settings(SEARCH_ELASTICSEARCH_URL="", MEDIA_ROOT=str(folder / "media-before"))
    with django_db_blocker.unblock(), transaction.atomic(), no_elasticsearch:
        call_command("load_demo", verbosity=0)
        before, before_files = snapshot(), files()
        written = io.StringIO()
        call_command("backup", str(archive), "--no-progress", stdout=written)
        new_empty_database()
        with override_settings(MEDIA_ROOT=str(folder / "media-after")):
            restored = io.StringIO()
            call_command("restore", str(archive), "--no-progress", stdout=restored)
            yield {
                "archive": archive,
                "before": before,
                "files": before_files,
                "output": written.getvalue() + restored.getvalue(),
            }
        transaction.set_rollback(True)
    # The rollback brings back the suite's own content types; this process still remembers the
    # ids the emptied database gave them (and pages and settings read through them).
    ContentType.objects.clear_cache()
    for alias in caches:
        caches[alias].clear()


@pytest.mark.django_db
def test_every_row_comes_back(round_trip):
    after = snapshot()
    for part, rows in round_trip["before"].items():
        assert after[part] == rows, part
    languages = {row[6] for row in after["pages"]}
    assert {"en", "ru", "ko"} <= languages
    assert any(row[4] for row in after["documents"]), "the documents' extracted text"
    assert "Restored" in round_trip["output"] and "search records" in round_trip["output"]


@pytest.mark.django_db
def test_only_its_owner_may_read_the_archive(round_trip):
    # It holds partner-only content and password hashes.
    assert round_trip["archive"].stat().st_mode & 0o777 == 0o600


@pytest.mark.django_db
def test_files_come_back_byte_for_byte(round_trip):
    before = round_trip["files"]
    assert any(name.startswith("documents/") for name in before)
    assert any(name.startswith("original_images/") for name in before)
    assert files() == before


@pytest.mark.django_db
def test_search_finds_restored_items_in_every_language(round_trip, client):
    assert SearchRecord.objects.exists()
    for language, query in (("en", "police training"), ("ru", "полиции"), ("ko", "경찰")):
        hits = client.get(f"/{language}/search/api/", {"q": query}).json()["hits"]
        assert hits, (language, query)


@pytest.mark.django_db
def test_partner_only_items_stay_partner_only(round_trip, client):
    restricted = PageViewRestriction.objects.filter(restriction_type=PageViewRestriction.GROUPS).first().page.specific
    assert client.get(restricted.url).status_code != 200
    hits = client.get("/en/search/api/", {"q": restricted.title}).json()["hits"]
    assert restricted.title not in [hit["title"] for hit in hits]

    partner = Client()
    assert partner.login(username="partner", password=DEMO_PASSWORD)
    assert partner.get(restricted.url).status_code == 200


@pytest.mark.django_db
def test_new_rows_after_restore_get_fresh_ids(round_trip):
    parent = PolicyBriefPage.objects.live().first().get_parent()
    highest = Page.objects.order_by("-pk").values_list("pk", flat=True).first()
    brief = PolicyBriefPage(title="Written after the restore", slug="after-restore", summary="New.")
    page = parent.add_child(instance=brief)
    page.save_revision().publish()
    user = get_user_model().objects.create_user("after-restore", password="x")
    assert page.pk > highest
    assert user.pk > max(row[0] for row in round_trip["before"]["users"])


@pytest.mark.django_db
def test_a_database_with_content_is_not_replaced_without_force(round_trip):
    with pytest.raises(CommandError, match="--force") as refused:
        call_command("restore", str(round_trip["archive"]), "--no-progress", stdout=io.StringIO())
    assert "nothing was changed" in str(refused.value)
    assert snapshot()["tables"] == round_trip["before"]["tables"]


# --- bad archives --------------------------------------------------------------------------------


def rewritten(source, target, *, members=None, manifest=None, drop_from_manifest=()):
    """A copy of an archive with some members' bytes replaced; the manifest changed by `manifest(m)`."""
    members = members or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        data = json.loads(old.read(MANIFEST))
        for name in old.namelist():
            if name != MANIFEST:
                new.writestr(name, members.get(name, old.read(name)))
        if manifest:
            manifest(data)
        new.writestr(MANIFEST, json.dumps(data))
    return target


def restore_fails(path, match):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=match):
        call_command("restore", str(path), "--force", "--no-progress", stdout=io.StringIO())
    assert Page.objects.count() == pages


@pytest.mark.django_db
def test_a_missing_file_is_named(round_trip, tmp_path):
    restore_fails(tmp_path / "nowhere.zip", "does not exist")


@pytest.mark.django_db
def test_a_file_that_is_not_an_archive_is_refused(round_trip, tmp_path):
    path = tmp_path / "notes.zip"
    path.write_text("not a backup")
    restore_fails(path, "not a portal backup")


@pytest.mark.django_db
def test_a_truncated_archive_is_refused(round_trip, tmp_path):
    path = tmp_path / "cut.zip"
    data = round_trip["archive"].read_bytes()
    path.write_bytes(data[: len(data) // 2])
    restore_fails(path, "truncated")


@pytest.mark.django_db
def test_another_format_version_is_refused(round_trip, tmp_path):
    path = rewritten(round_trip["archive"], tmp_path / "v9.zip", manifest=lambda m: m.update(format_version=9))
    restore_fails(path, "format version 9")


@pytest.mark.django_db
def test_a_changed_file_fails_its_checksum(round_trip, tmp_path):
    with zipfile.ZipFile(round_trip["archive"]) as archive:
        name = next(n for n in archive.namelist() if n.startswith("media/documents/"))
    path = rewritten(round_trip["archive"], tmp_path / "changed.zip", members={name: b"%PDF-1.4 something else"})
    restore_fails(path, "does not match its checksum")


@pytest.mark.django_db
def test_a_member_outside_the_media_folder_is_refused(round_trip, tmp_path):
    def escape(manifest):
        manifest["members"].append({"name": "media/../../settings.py", "size": 1, "sha256": "0"})

    path = rewritten(round_trip["archive"], tmp_path / "escape.zip", members={}, manifest=escape)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("media/../../settings.py", "x")
    restore_fails(path, "outside the media folder")


@pytest.mark.django_db
def test_a_dump_that_fails_halfway_leaves_the_database_as_it_was(round_trip, tmp_path):
    """Its checksum is right (the manifest was rewritten too), so the load starts, empties the tables and fails."""
    with zipfile.ZipFile(round_trip["archive"]) as archive:
        lines = archive.read("database.jsonl").splitlines(keepends=True)
    for cut, match in ((lines[:300], "rows, the manifest says"), ([*lines[:300], lines[300][:40]], "as it was")):
        dump = b"".join(cut)

        def agree(manifest, dump=dump):
            member = next(m for m in manifest["members"] if m["name"] == "database.jsonl")
            member.update(size=len(dump), sha256=hashlib.sha256(dump).hexdigest())

        path = rewritten(round_trip["archive"], tmp_path / "half.zip", members={"database.jsonl": dump}, manifest=agree)
        before = snapshot()
        restore_fails(path, match)
        assert snapshot() == before
