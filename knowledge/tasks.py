"""Background work of the knowledge app, run through django-tasks (immediately unless a worker is set).

A new upload or a replaced file is read after the transaction that saved it has committed,
so the upload answers at once and the task reads what was saved (`knowledge.extraction`).
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_save, pre_save

from django_tasks import task

from knowledge import extraction
from knowledge.models import DocumentPageText, ExtractionState, KnowledgeDocument

logger = logging.getLogger(__name__)


@task()
def extract_document_text(document_id: int) -> str:
    """Read the document's file into its family's page texts; the state it ended in."""
    document = KnowledgeDocument.objects.filter(pk=document_id).first()
    if document is None:
        return "deleted"
    result = extraction.document_extract(document=document)
    return "replaced" if result is None else result.state


def remember_stored_file(sender, instance, raw=False, **kwargs):
    """The file name the row has in the database, read just before a save replaces it."""
    if raw or not instance.pk:
        return
    instance._extraction_stored_file = sender.objects.filter(pk=instance.pk).values_list("file", flat=True).first()


def schedule_extraction(sender, instance, created=False, raw=False, **kwargs):
    """Read a new or replaced file after the commit; a new translation takes its family's pages."""
    if raw or getattr(instance, "_extraction_save", False) or not instance.file:
        return
    if created:
        source = (
            KnowledgeDocument.objects.filter(translation_key=instance.translation_key)
            .exclude(pk=instance.pk)
            .order_by("pk")
            .first()
        )
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
    KnowledgeDocument.objects.filter(translation_key=instance.translation_key).update(
        extraction_state=ExtractionState.PENDING, extraction_message=""
    )
    instance.extraction_state, instance.extraction_message = ExtractionState.PENDING, ""
    pk = instance.pk
    transaction.on_commit(lambda: _enqueue(pk))


def _enqueue(pk: int) -> None:
    try:
        extract_document_text.enqueue(pk)
    except Exception:  # noqa: BLE001 - the queue is down: the row stays pending for `extract_documents`
        logger.exception("extraction: could not enqueue document %s", pk)


def register_signal_handlers() -> None:
    pre_save.connect(remember_stored_file, sender=KnowledgeDocument, dispatch_uid="knowledge_extraction_file")
    post_save.connect(schedule_extraction, sender=KnowledgeDocument, dispatch_uid="knowledge_extraction")
