from django.urls import path

from wagtail import hooks

from knowledge.documents import resave_families
from knowledge.models import KnowledgeDocument
from knowledge.views.document_translations import SubmitDocumentTranslationView, edit_document_translation


@hooks.register("after_bulk_action")
def sync_document_families_after_bulk_action(request, action_type, objects, action_class_instance):
    # "Add to collection" moves documents with one UPDATE: no post_save, so neither their
    # translations nor the search index would follow (privacy is the collection's).
    documents = [obj for obj in objects if isinstance(obj, KnowledgeDocument)]
    if documents and action_type == "add_to_collection":
        resave_families(documents)


@hooks.register("register_admin_urls")
def register_document_translation_urls():
    return [
        path(
            "documents/translate/<int:pk>/",
            SubmitDocumentTranslationView.as_view(),
            name="knowledge_document_translate",
        ),
        path(
            "documents/translations/<int:pk>/",
            edit_document_translation,
            name="knowledge_document_translation",
        ),
    ]
