from django.urls import path

from wagtail import hooks

from knowledge.views.document_translations import SubmitDocumentTranslationView, edit_document_translation


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
