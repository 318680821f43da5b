"""The storage of document files: translations of a document share their original's file."""

from django.core.files.storage import Storage, storages
from django.utils.deconstruct import deconstructible

from wagtail.documents import get_document_model


def file_in_use(name: str) -> bool:
    """Whether a document row (as its family's file or its own), or an earlier version, uses the file."""
    # The document model is read from Wagtail's setting: it is defined with this storage.
    model = get_document_model()
    version_model = model._meta.apps.get_model("knowledge", "DocumentVersion")
    return (
        model.objects.filter(file=name).exists()
        or model.objects.filter(own_file=name).exists()
        or version_model.objects.filter(file=name).exists()
    )


@deconstructible(path="knowledge.storage.SharedFileStorage")
class SharedFileStorage(Storage):
    """The configured default storage (`STORAGES["default"]`), except that it never deletes a
    file a document row still uses: translations share their original's file."""

    @property
    def inner(self) -> Storage:
        # Looked up each time (a dict read): the storage follows STORAGES when a test or a
        # command changes it, instead of keeping the first one for the life of the process.
        return storages["default"]

    def delete(self, name):
        if name and file_in_use(name):
            return
        self.inner.delete(name)

    # Everything else is the default storage's.
    def _open(self, name, mode="rb"):
        return self.inner._open(name, mode)

    def _save(self, name, content):
        return self.inner._save(name, content)

    def get_available_name(self, name, max_length=None):
        return self.inner.get_available_name(name, max_length=max_length)

    def get_valid_name(self, name):
        return self.inner.get_valid_name(name)

    def generate_filename(self, filename):
        return self.inner.generate_filename(filename)

    def exists(self, name):
        return self.inner.exists(name)

    def listdir(self, path):
        return self.inner.listdir(path)

    def size(self, name):
        return self.inner.size(name)

    def url(self, name):
        return self.inner.url(name)

    def path(self, name):
        return self.inner.path(name)

    def get_accessed_time(self, name):
        return self.inner.get_accessed_time(name)

    def get_created_time(self, name):
        return self.inner.get_created_time(name)

    def get_modified_time(self, name):
        return self.inner.get_modified_time(name)
