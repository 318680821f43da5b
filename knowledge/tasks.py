"""Background work of the knowledge app, run through django-tasks' "background" alias.

A new upload or a replaced file is read after the transaction that saved it has committed,
on the process's worker thread (`portal.core.background.ThreadBackend`, or a real queue when
`TASKS_BACKGROUND_BACKEND` names one), so the upload answers at once and the task reads what
was saved (`knowledge.extraction`). A queued read lost with its process leaves the document
`pending`, which `manage.py extract_documents --missing` reads.
A translation's own file (`own_file`) is read the same way, for that row only; the family's
file is then not that row's text.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_save, pre_save

from django_tasks import task

from knowledge import extraction
from knowledge.models import DocumentPageText, ExtractionState, KnowledgeDocument
from knowledge.models.documents import FILE_TEXT_FIELDS

logger = logging.getLogger(__name__)


@task(backend="background")
def extract_document_text(document_id: int, own: bool = False) -> str:
    """Read the document's file into its family's page texts (or its own file into its own); the state it ended in."""
    document = KnowledgeDocument.objects.filter(pk=document_id).first()
    if document is None:
        return "deleted"
    result = extraction.document_extract(document=document, own=own)
    return "replaced" if result is None else result.state


def remember_stored_file(sender, instance, raw=False, **kwargs):
    """The file names the row has in the database, read just before a save replaces them."""
    if raw or not instance.pk:
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("file", "own_file").first() or (None, None)
    instance._extraction_stored_file, instance._extraction_stored_own_file = stored


def schedule_extraction(sender, instance, created=False, raw=False, **kwargs):
    """Read a new or replaced file after the commit; a new translation takes its family's pages."""
    if raw or getattr(instance, "_extraction_save", False):
        return
    _schedule_own_file(instance, created=created)
    if not instance.file:
        return
    if created:
        source = (
            KnowledgeDocument.objects.filter(translation_key=instance.translation_key, own_file="")
            .exclude(pk=instance.pk)
            .order_by("pk")
            .first()
        )
        if instance.own_file:
            return  # Its text is its own file's, read by its own task.
        if source is not None:
            # A translation shares the file, read already or being read for the whole family.
            DocumentPageText.objects.bulk_create(
                DocumentPageText(document_id=instance.pk, number=page.number, text=page.text)
                for page in source.page_texts.all()
            )
            return
        if instance.extracted_text:
            return  # Its maker read the text itself (the demo loader); `extract_documents` adds the pages.
    elif getattr(instance, "_extraction_stored_file", None) == instance.file.name:
        return
    # The rows reading the family's file wait for it; a row with its own file keeps its text.
    KnowledgeDocument.objects.filter(translation_key=instance.translation_key, own_file="").update(
        extraction_state=ExtractionState.PENDING, extraction_message=""
    )
    if not instance.own_file:
        instance.extraction_state, instance.extraction_message = ExtractionState.PENDING, ""
    pk = instance.pk
    transaction.on_commit(lambda: _enqueue(pk))


def _schedule_own_file(instance, *, created: bool) -> None:
    """A new or replaced own file is read for this row; without it any more, the row takes the family's text."""
    stored = None if created else getattr(instance, "_extraction_stored_own_file", None)
    if (stored or "") == instance.own_file.name:
        return
    if not instance.own_file:
        _family_text_take(instance)
        return
    KnowledgeDocument.objects.filter(pk=instance.pk).update(
        extraction_state=ExtractionState.PENDING, extraction_message=""
    )
    instance.extraction_state, instance.extraction_message = ExtractionState.PENDING, ""
    pk = instance.pk
    transaction.on_commit(lambda: _enqueue(pk, own=True))


def _family_text_take(instance) -> None:
    """Its own file removed, the row reads the family's file again: its text, from a row that does."""
    source = extraction.family_readers(instance).exclude(pk=instance.pk).first()
    if source is None:
        pk = instance.pk
        transaction.on_commit(lambda: _enqueue(pk))
        return
    values = {name: getattr(source, name) for name in FILE_TEXT_FIELDS}
    KnowledgeDocument.objects.filter(pk=instance.pk).update(**values)
    for name, value in values.items():
        setattr(instance, name, value)
    DocumentPageText.objects.filter(document_id=instance.pk).delete()
    DocumentPageText.objects.bulk_create(
        DocumentPageText(document_id=instance.pk, number=page.number, text=page.text)
        for page in source.page_texts.all()
    )


def _enqueue(pk: int, *, own: bool = False) -> None:
    try:
        extract_document_text.enqueue(pk, own)
    except Exception:  # noqa: BLE001 - the queue is down: the row stays pending for `extract_documents`
        logger.exception("extraction: could not enqueue document %s", pk)


def register_signal_handlers() -> None:
    pre_save.connect(remember_stored_file, sender=KnowledgeDocument, dispatch_uid="knowledge_extraction_file")
    post_save.connect(schedule_extraction, sender=KnowledgeDocument, dispatch_uid="knowledge_extraction")
