"""Editors' actions that change what a reader can find, turned into index updates.

Each handler only names the objects concerned. They are noted as pending in the editor's own
transaction, so the note commits with the change, or rolls back with it; the update itself
runs after the commit (so it reads what was saved) as a django-tasks task, which writes the
database engine's records and, when configured, Elasticsearch, and clears the note once both
have the change. A worker stopped in between leaves the note for `search_catch_up`.
"""

import logging

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from knowledge.models import KnowledgeDocument
from portal.core.items import ItemKey
from portal.core.privacy import pages_sharing_privacy
from search import indexing
from search.synonyms import connect_cache_invalidation
from search.tasks import sync_search_index

logger = logging.getLogger(__name__)


def schedule_sync(keys: list[ItemKey]) -> None:
    """Note these objects as pending now, and sync them once the current transaction has committed."""
    if not keys:
        return
    keys = list(keys)
    indexing.record_queued(keys)
    transaction.on_commit(lambda: _enqueue(keys))


def _enqueue(keys: list[ItemKey]) -> None:
    try:
        sync_search_index.enqueue([str(key) for key in keys])  # Task arguments are JSON.
    except Exception as error:  # noqa: BLE001 - the task queue itself is down: keep the work
        logger.exception("search: could not enqueue an index update")
        indexing.record_pending(keys, error)


def on_page_published(sender, instance, **kwargs):
    schedule_sync([ItemKey.page(instance.pk)])


def on_page_unpublished(sender, instance, **kwargs):
    schedule_sync([ItemKey.page(instance.pk)])


def on_page_deleted(sender, instance, **kwargs):
    # Connected for `Page` only: a specific page's delete also deletes its `Page` row, so
    # this fires once per page, for pages deleted with a subtree too.
    schedule_sync([ItemKey.page(instance.pk)])


def privacy_scope_keys(page) -> list[ItemKey]:
    """The page, its subtree and every translation and alias of those: one privacy rule covers them."""
    return indexing.page_keys(pages_sharing_privacy(page).values_list("pk", flat=True))


def on_pre_page_move(sender, instance, **kwargs):
    # The subtree keeps its ids when it moves; read them before, while the tree is stable.
    instance._search_subtree_keys = privacy_scope_keys(instance)


def on_post_page_move(sender, instance, **kwargs):
    # A move can change the privacy (into or out of a restricted section) of the subtree and
    # of its translations elsewhere, and its URL.
    keys = {*(getattr(instance, "_search_subtree_keys", None) or ()), *privacy_scope_keys(instance)}
    schedule_sync(sorted(keys))


def on_page_restriction_changed(sender, instance, **kwargs):
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        return  # The page is being deleted with its restriction; its own delete handles it.
    schedule_sync(privacy_scope_keys(page))


def on_collection_restriction_changed(sender, instance, **kwargs):
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:
        documents = indexing.collection_document_keys(collection)
        schedule_sync([*documents, *indexing.pages_using_documents_keys(key.pk for key in documents)])


def document_family_keys(document) -> list[ItemKey]:
    """The document and its translations: a save of one copies the file's facts to all."""
    pks = {
        document.pk,
        *KnowledgeDocument.objects.filter(translation_key=document.translation_key).values_list("pk", flat=True),
    }
    return [ItemKey.document(pk) for pk in sorted(pk for pk in pks if pk is not None)]


def on_document_changed(sender, instance, **kwargs):
    # The pages attaching the family name its title only while the public may read it.
    family = document_family_keys(instance)
    schedule_sync([*family, *indexing.pages_using_documents_keys(key.pk for key in family)])


def on_document_vocabulary_changed(sender, instance, action, **kwargs):
    # Countries and themes are saved after the document itself, in the form's save_m2m().
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, KnowledgeDocument):
        schedule_sync(document_family_keys(instance))


def register_signal_handlers():
    connect_cache_invalidation()
    page_published.connect(on_page_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search_page_unpublished")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="search_page_deleted")
    pre_page_move.connect(on_pre_page_move, dispatch_uid="search_pre_page_move")
    post_page_move.connect(on_post_page_move, dispatch_uid="search_post_page_move")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(on_page_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"search_pvr_{name}")
        signal.connect(
            on_collection_restriction_changed, sender=CollectionViewRestriction, dispatch_uid=f"search_cvr_{name}"
        )
        signal.connect(on_document_changed, sender=KnowledgeDocument, dispatch_uid=f"search_document_{name}")
    for through in (KnowledgeDocument.countries.through, KnowledgeDocument.themes.through):
        m2m_changed.connect(
            on_document_vocabulary_changed, sender=through, dispatch_uid=f"search_document_m2m_{through.__name__}"
        )
