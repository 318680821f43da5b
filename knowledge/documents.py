"""Document families: a document and its translations share one file and what describes it.

A translation of a document (`KnowledgeDocument` is translatable) is a row of its own with
its own title and description. The file and the facts about it (`SHARED_FIELDS`, countries,
themes) are the same for the whole family, whichever row an editor or a translation
publish saved:

- `copy_shared_fields` copies them to the other rows after every save;
- `copy_shared_vocabularies` does the same for countries and themes, which forms save
  after the row itself;
- `knowledge.storage.SharedFileStorage` never deletes a file another row or an earlier version
  still uses, so deleting one translation loses nothing;
- a replaced file (the family's, or a translation's own) is kept as a `DocumentVersion` with its
  dates and the collection it was in, listed and downloadable on the landing page for readers of
  that collection too; the versions and their files go when the last row of the family is
  deleted. A file replaced while the family was unreviewed, or an own file cleared, is no version:
  no reader ever had it, so it is deleted after the commit (through the storage, which keeps a
  file still in use), as is a deleted translation's own file;
- a new row (a translation just made) takes the family's facts instead of giving its own,
  which wagtail-localize may have copied from an older snapshot of the original, and never
  another row's own file (translating from a translation copies that row, own file included);
- the text read from the family's file (`FILE_TEXT_FIELDS`) is the family's only on the rows
  without a file of their own: a translation with its own file (`own_file`, a Russian PDF of an
  English report) keeps the text read from that (`knowledge.tasks`);
- wagtail-localize's snapshots of the family are refreshed after every save, and bulk
  actions that bypass `post_save` re-save the rows they touched (`knowledge.wagtail_hooks`).
"""

from __future__ import annotations

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils import timezone

from wagtail_localize.models import TranslationSource

from knowledge.models.documents import (
    FILE_TEXT_FIELDS,
    SHARED_FIELDS,
    SHARED_VOCABULARIES,
    DocumentVersion,
    KnowledgeDocument,
)

_syncing = threading.local()


def family(document):
    """The other rows of this document's family: its translations, or its source and theirs."""
    return type(document).objects.filter(translation_key=document.translation_key).exclude(pk=document.pk)


def remember_file(sender, instance, raw=False, **kwargs):
    """The file name the row has in the database, read just before a save replaces it."""
    if raw or not instance.pk:
        return
    stored = (
        sender.objects.filter(pk=instance.pk)
        .values_list(
            "file", "file_size", "file_hash", "language", "own_file", "own_file_size", "reviewed", "collection_id"
        )
        .first()
    )
    if stored is not None:
        instance._stored_file_facts = stored


def forget_copied_own_file(sender, instance, raw=False, **kwargs):
    """A new row made from another (a translation of a translation) does not take that row's own file.

    `copy_for_translation` and wagtail-localize copy every field of the row translated from; the
    own file is that row's, in its language. A new row's own upload has a name no other row uses.
    """
    if raw or not instance._state.adding or not instance.own_file:
        return
    if sender.objects.filter(own_file=instance.own_file.name).exists():
        instance.own_file = ""
        instance.own_file_size = None


def copy_shared_fields(sender, instance, created=False, raw=False, **kwargs):
    if raw or getattr(_syncing, "active", False):
        return
    others = family(instance)
    if created:
        # A new translation joins the family as the family is now: it may have been copied from
        # an older snapshot (wagtail-localize copies its stored source), so it takes the facts
        # from a row already there rather than handing its own to them; the file's text from a
        # row that reads the family's file, and none for a row with a file of its own.
        current = others.filter(own_file="").first() or others.first()
        if current is not None:
            values = shared_values(current, text=not (current.own_file or instance.own_file))
            type(instance).objects.filter(pk=instance.pk).update(**values)
            for attname, value in values.items():
                setattr(instance, attname, value)
            with _quiet():
                for name in SHARED_VOCABULARIES:
                    getattr(instance, name).set(getattr(current, name).all())
        return
    had_own_file = bool(getattr(instance, "_stored_file_facts", ("",) * 8)[4])
    discarded = keep_replaced_files(instance)
    others.update(**shared_values(instance, text=False))
    # After the family's rows let go of them: the storage deletes no file a row still names.
    delete_files_on_commit(instance.file.storage, discarded)
    # A row gives the family its text only when that is the family's file's: it has no file of its
    # own, and had none before this save (the text it holds would be its old own file's).
    if not instance.own_file and not had_own_file:
        others.filter(own_file="").update(**{name: getattr(instance, name) for name in FILE_TEXT_FIELDS})
    refresh_translation_sources(instance)


def shared_values(document, *, text: bool = True) -> dict:
    """The family's facts as held by this row: {column attribute: value}, the file by name.

    Without the text read from the file when `text` is false (`FILE_TEXT_FIELDS`).
    """
    values = {}
    for name in SHARED_FIELDS:
        if not text and name in FILE_TEXT_FIELDS:
            continue
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


def keep_replaced_files(instance) -> list[str]:
    """The files this row had before this save, when it replaced them: kept as earlier versions.

    Only files readers may have had: the family was reviewed when the file was replaced (an
    unreviewed draft is nobody's earlier version), and an own file was replaced by another, not
    cleared (cleared, it was a mistake or withdrawn). The others are returned, for deleting.
    Each version keeps the collection the family was in, so it stays as private as it was.
    """
    stored = getattr(instance, "_stored_file_facts", None)
    if stored is None:
        return []
    old_file, old_size, old_hash, old_language, old_own, old_own_size, was_reviewed, old_collection_id = stored
    now = timezone.now()
    discarded = []
    if old_file and old_file != instance.file.name:
        if was_reviewed:
            DocumentVersion.objects.create(
                key=instance.translation_key,
                language=old_language or "",
                file=old_file,
                file_size=old_size,
                file_hash=old_hash or "",
                uploaded_at=current_file_since(instance.translation_key, old_language, instance.created_at),
                replaced_at=now,
                collection_id=old_collection_id,
            )
        else:
            discarded.append(old_file)
    if old_own and old_own != instance.own_file.name:
        language = instance.locale.language_code
        if was_reviewed and instance.own_file:
            DocumentVersion.objects.create(
                key=instance.translation_key,
                language=language,
                file=old_own,
                file_size=old_own_size,
                uploaded_at=current_file_since(instance.translation_key, language, instance.created_at),
                replaced_at=now,
                collection_id=old_collection_id,
            )
        else:
            discarded.append(old_own)
    instance._stored_file_facts = (
        instance.file.name,
        instance.file_size,
        instance.file_hash,
        instance.language,
        instance.own_file.name,
        instance.own_file_size,
        instance.reviewed,
        instance.collection_id,
    )
    return discarded


def delete_files_on_commit(storage, names) -> None:
    """Delete these files once the transaction commits; the storage keeps any a row or version still uses."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


def current_file_since(key, language: str, created_at):
    """When the family's current file in this language was put in place: the last replacement, or creation."""
    last = DocumentVersion.objects.filter(key=key, language=language or "").order_by("-replaced_at").first()
    return last.replaced_at if last is not None else (created_at or timezone.now())


def record_own_file_size(sender, instance, raw=False, **kwargs):
    """A translation's own file: its size, read before the row is saved when the file is new.

    Read only when the file changed: a row whose file the storage has lost must still save
    (edits, release, moves), and keeps the size it recorded.
    """
    if raw:
        return
    if not instance.own_file:
        instance.own_file_size = None
        return
    stored = getattr(instance, "_stored_file_facts", None)
    if stored is not None and stored[4] == instance.own_file.name:
        return
    try:
        instance.own_file_size = instance.own_file.size
    except OSError:
        instance.own_file_size = None


def delete_family_versions(sender, instance, **kwargs) -> None:
    """The last row of a family deleted: its earlier versions and their files go too."""
    key = instance.translation_key
    if sender.objects.filter(translation_key=key).exists():
        return
    names = list(DocumentVersion.objects.filter(key=key).values_list("file", flat=True))
    DocumentVersion.objects.filter(key=key).delete()
    delete_files_on_commit(instance.file.storage, names)


def delete_own_file(sender, instance, **kwargs) -> None:
    """A deleted row's own file goes with it (Wagtail deletes only the family's `file`)."""
    if instance.own_file:
        delete_files_on_commit(instance.own_file.storage, [instance.own_file.name])


def version_delete(*, version: DocumentVersion) -> None:
    """A reviewer removes an earlier version readers should not have: the row now, its file after the commit."""
    name = version.file.name
    storage = version.file.storage
    version.delete()
    delete_files_on_commit(storage, [name])


class _quiet:
    """Copies made here do not trigger copies of their own."""

    def __enter__(self):
        _syncing.active = True

    def __exit__(self, *exc):
        _syncing.active = False


def register_signal_handlers():
    pre_save.connect(remember_file, sender=KnowledgeDocument, dispatch_uid="knowledge_document_file")
    pre_save.connect(forget_copied_own_file, sender=KnowledgeDocument, dispatch_uid="knowledge_document_copied_own")
    pre_save.connect(record_own_file_size, sender=KnowledgeDocument, dispatch_uid="knowledge_document_own_file")
    post_delete.connect(delete_family_versions, sender=KnowledgeDocument, dispatch_uid="knowledge_document_versions")
    post_delete.connect(delete_own_file, sender=KnowledgeDocument, dispatch_uid="knowledge_document_own_file_delete")
    post_save.connect(copy_shared_fields, sender=KnowledgeDocument, dispatch_uid="knowledge_document_family")
    for field in KnowledgeDocument._meta.many_to_many:
        if field.name in ("countries", "themes"):
            m2m_changed.connect(
                copy_shared_vocabularies,
                sender=field.remote_field.through,
                dispatch_uid=f"knowledge_document_family_{field.name}",
            )
