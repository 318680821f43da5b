"""Document families: a document and its translations share one file and what describes it.

A translation of a document (`KnowledgeDocument` is translatable) is a row of its own with
its own title and description. The file and the facts about it (`SHARED_FIELDS`, countries,
themes) are the same for the whole family, whichever row an editor or a translation
publish saved:

- `copy_shared_fields` copies them to the other rows after every save;
- `copy_shared_vocabularies` does the same for countries and themes, which forms save
  after the row itself;
- `knowledge.storage.SharedFileStorage` never deletes a file another row still uses, so deleting one
  translation, or replacing the file while a translation still points at it, loses nothing;
  `delete_replaced_file` removes a replaced file once no row uses it any more;
- a new row (a translation just made) takes the family's facts instead of giving its own,
  which wagtail-localize may have copied from an older snapshot of the original;
- wagtail-localize's snapshots of the family are refreshed after every save, and bulk
  actions that bypass `post_save` re-save the rows they touched (`knowledge.wagtail_hooks`).
"""

from __future__ import annotations

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_save

from wagtail_localize.models import TranslationSource

from knowledge.models.documents import SHARED_FIELDS, SHARED_VOCABULARIES, KnowledgeDocument

_syncing = threading.local()


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
    others = family(instance)
    if created:
        # A new translation joins the family as the family is now: it may have been copied from
        # an older snapshot (wagtail-localize copies its stored source), so it takes the facts
        # from a row already there rather than handing its own to them.
        current = others.first()
        if current is not None:
            values = shared_values(current)
            type(instance).objects.filter(pk=instance.pk).update(**values)
            for attname, value in values.items():
                setattr(instance, attname, value)
            with _quiet():
                for name in SHARED_VOCABULARIES:
                    getattr(instance, name).set(getattr(current, name).all())
        return
    others.update(**shared_values(instance))
    delete_replaced_file(instance)
    refresh_translation_sources(instance)


def shared_values(document) -> dict:
    """The family's facts as held by this row: {column attribute: value}, the file by name."""
    values = {}
    for name in SHARED_FIELDS:
        attname = document._meta.get_field(name).attname
        values[attname] = getattr(document, attname)
    values["file"] = document.file.name
    return values


def refresh_translation_sources(document) -> None:
    """Bring wagtail-localize's stored copies of this family up to date after a save.

    Its editor offers the stored copy's words to translate and its report compares dates: a
    family edited since it was submitted would otherwise be translated from old words and
    look up to date.
    """
    sources = TranslationSource.objects.filter(object_id=document.translation_key).values_list("locale_id", flat=True)
    locales = set(sources)
    if not locales:
        return
    for row in type(document).objects.filter(translation_key=document.translation_key, locale_id__in=locales):
        TranslationSource.update_or_create_from_instance(row)


def resave_families(documents) -> None:
    """Saves that bypass `post_save` (a bulk move to another collection): copy each row to its family."""
    for document in documents:
        document.refresh_from_db()
        document.save()


def copy_shared_vocabularies(sender, instance, action, reverse=False, model=None, pk_set=None, **kwargs):
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
    pre_save.connect(remember_file, sender=KnowledgeDocument, dispatch_uid="knowledge_document_file")
    post_save.connect(copy_shared_fields, sender=KnowledgeDocument, dispatch_uid="knowledge_document_family")
    for field in KnowledgeDocument._meta.many_to_many:
        if field.name in ("countries", "themes"):
            m2m_changed.connect(
                copy_shared_vocabularies,
                sender=field.remote_field.through,
                dispatch_uid=f"knowledge_document_family_{field.name}",
            )
