"""The storage of document files: the configured default storage, which never deletes a file a row still uses."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db


def test_deleting_a_translation_keeps_the_file_the_original_still_uses(
    document, russian, django_capture_on_commit_callbacks
):
    target = document.copy_for_translation(russian)
    target.save()
    path = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        target.delete()
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert not path.exists()


def test_document_files_go_to_the_configured_default_storage(document, settings):
    """The family-aware storage only guards deletes: files live where STORAGES["default"] says."""
    from django.core.files.storage import storages

    assert Path(document.file.path).parent == Path(settings.MEDIA_ROOT) / "documents"
    assert document.file.url == storages["default"].url(document.file.name)
    assert document.file.storage.exists(document.file.name)
