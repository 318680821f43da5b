"""Document families: a document and its translations share one file and what describes it.

A translation of a document (`KnowledgeDocument` is translatable) is a row of its own with
its own title and description. The file and the facts about it (`SHARED_FIELDS`, countries,
themes) are the same for the whole family, whichever row an editor or a translation
publish saved:

- `copy_shared_fields` copies them to the other rows after every save;
- `copy_shared_vocabularies` does the same for countries and themes, which forms save
  after the row itself;
- `SharedFileStorage` never deletes a file another row still uses, so deleting one
  translation, or replacing the file while a translation still points at it, loses nothing;
  `delete_replaced_file` removes a replaced file once no row uses it any more.
"""

from __future__ import annotations

import threading

from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.utils.deconstruct import deconstructible

_syncing = threading.local()


@deconstructible(path="knowledge.documents.SharedFileStorage")
class SharedFileStorage(FileSystemStorage):
    """The default file storage, except that a file used by any document row stays."""

    def delete(self, name):
        from knowledge.models import KnowledgeDocument

        if name and KnowledgeDocument.objects.filter(file=name).exists():
            return
        super().delete(name)


def family(document):
    """The other rows of this document's family: its translations, or its source and theirs."""
    return type(document).objects.filter(translation_key=document.translation_key).exclude(pk=document.pk)


def remember_file(sender, instance, raw=False, **kwargs):
    """The file name the row has in the database, read just before a save replaces it."""
    if raw or not instance.pk:
        return
    instance._stored_file_name = sender.objects.filter(pk=instance.pk).values_list("file", flat=True).first()


def copy_shared_fields(sender, instance, created=False, raw=False, **kwargs):
    if raw or getattr(_syncing, "active", False):
        return
    from knowledge.models.documents import SHARED_FIELDS, SHARED_VOCABULARIES

    others = family(instance)
    values = {instance._meta.get_field(name).attname: getattr(instance, name) for name in SHARED_FIELDS}
    values["file"] = instance.file.name
    others.update(**values)
    if created:
        # A new translation starts with the family's countries and themes.
        source = others.first()
        if source is not None:
            with _quiet():
                for name in SHARED_VOCABULARIES:
                    getattr(instance, name).set(getattr(source, name).all())
    delete_replaced_file(instance)


def copy_shared_vocabularies(sender, instance, action, reverse=False, model=None, pk_set=None, **kwargs):
    from knowledge.models import KnowledgeDocument

    if action not in {"post_add", "post_remove", "post_clear"} or getattr(_syncing, "active", False):
        return
    if reverse or not isinstance(instance, KnowledgeDocument):
        return
    name = next(field.name for field in KnowledgeDocument._meta.many_to_many if field.remote_field.through is sender)
    values = list(getattr(instance, name).all())
    with _quiet():
        for other in family(instance):
            getattr(other, name).set(values)


def delete_replaced_file(instance) -> None:
    """The file this row had before a new one was saved, once no row of any family uses it."""
    old = getattr(instance, "_stored_file_name", None)
    if old and old != instance.file.name:
        storage = instance.file.storage
        transaction.on_commit(lambda: storage.delete(old))
    instance._stored_file_name = instance.file.name


class _quiet:
    """Copies made here do not trigger copies of their own."""

    def __enter__(self):
        _syncing.active = True

    def __exit__(self, *exc):
        _syncing.active = False


def register_signal_handlers():
    from django.db.models.signals import m2m_changed, post_save, pre_save

    from knowledge.models import KnowledgeDocument

    pre_save.connect(remember_file, sender=KnowledgeDocument, dispatch_uid="knowledge_document_file")
    post_save.connect(copy_shared_fields, sender=KnowledgeDocument, dispatch_uid="knowledge_document_family")
    for field in KnowledgeDocument._meta.many_to_many:
        if field.name in ("countries", "themes"):
            m2m_changed.connect(
                copy_shared_vocabularies,
                sender=field.remote_field.through,
                dispatch_uid=f"knowledge_document_family_{field.name}",
            )
