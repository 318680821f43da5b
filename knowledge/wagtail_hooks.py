from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from knowledge import review
from knowledge.admin_listing import KnowledgeListingViewSet
from knowledge.documents import resave_families
from knowledge.models import KnowledgeDocument
from knowledge.views.document_review import ReleaseBulkAction, delete_document_version, release_document
from knowledge.views.document_translations import SubmitDocumentTranslationView, edit_document_translation
from knowledge.views.multiple_upload import AudienceAddView


@hooks.register("after_bulk_action")
def sync_document_families_after_bulk_action(request, action_type, objects, action_class_instance):
    # "Add to collection" moves documents with one UPDATE: no post_save, so neither their
    # translations nor the search index would follow (privacy is the collection's).
    documents = [obj for obj in objects if isinstance(obj, KnowledgeDocument)]
    if documents and action_type == "add_to_collection":
        resave_families(documents)


@hooks.register("before_serve_document")
def refuse_unreviewed_documents(document, request):
    # Only those who may edit an unreviewed document (to review it) may download it.
    if document.reviewed:
        return None
    policy = policy_registry.get_by_type(KnowledgeDocument)
    if not policy.user_has_permission_for_instance(request.user, "change", document):
        raise Http404
    return None


@hooks.register("before_bulk_action")
def review_bulk_document_changes(request, action_type, objects, action_class_instance):
    documents = [obj for obj in objects if isinstance(obj, KnowledgeDocument)]
    if not documents:
        return None
    if action_type == "add_to_collection":
        collection = action_class_instance.cleaned_form.cleaned_data["collection"]
        refused = [document for document in documents if review.move_is_refused(request.user, document, collection)]
        if refused:
            messages.error(
                request,
                _("Only a reviewer can move these documents to a collection that more readers can see: %(titles)s")
                % {"titles": ", ".join(document.title for document in refused)},
            )
            return redirect(action_class_instance.next_url)
        for document in documents:
            if document.collection_id != collection.pk:
                data = {
                    "collection": {
                        "old": {"id": document.collection_id, "name": document.collection.name},
                        "new": {"id": collection.pk, "name": collection.name},
                    }
                }
                log(instance=document, action=review.LOG_COLLECTION, user=request.user, data=data)
    elif action_type == "delete":
        # Wagtail logs a deletion from the edit page, not one from the listing.
        for document in documents:
            log(instance=document, action="wagtail.delete", user=request.user)
    return None


@hooks.register("register_log_actions")
def register_document_review_log_actions(actions):
    for action, label, message in review.LOG_ACTIONS:
        actions.register_action(action, label, message)


hooks.register("register_bulk_action", ReleaseBulkAction)


@hooks.register("register_admin_urls")
def register_document_translation_urls():
    return [
        path("documents/release/<int:pk>/", release_document, name="knowledge_document_release"),
        path(
            "documents/versions/<int:pk>/<int:version_id>/delete/",
            delete_document_version,
            name="knowledge_document_version_delete",
        ),
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


@hooks.register("register_admin_urls", order=-1)
def register_multiple_upload_url():
    # Before Wagtail's own documents/ URLs (order=-1), at the same path, so that
    # `wagtaildocs:add_multiple`, the Documents listing's "Add a document", reaches this view.
    return [path("documents/multiple/add/", AudienceAddView.as_view(), name="knowledge_document_add_multiple")]


@hooks.register("register_admin_viewset")
def register_knowledge_listing():
    return KnowledgeListingViewSet()


@hooks.register("insert_global_admin_js")
def guard_unsaved_dialog_forms():
    # Wagtail's upload dialogs close on Escape and drop what was typed; the script asks first.
    return format_html(
        '<script src="{}" data-message="{}"></script>',
        static("js/admin/modal-unsaved-guard.js"),
        _("Close this window and lose what you have entered?"),
    )
