"""Admin: a reviewer releases unreviewed documents to readers (`knowledge.review`).

Two ways, both for holders of the review right who may edit the document: the button on the
document's edit page (`knowledge_document_release`) and the listing's bulk action. The same
reviewers delete an earlier version readers should not have from the edit page's list of them
(`knowledge_document_version_delete`).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.documents.views.bulk_actions.document_bulk_action import DocumentBulkAction
from wagtail.permissions import policy_registry

from knowledge.models import DocumentVersion, KnowledgeDocument
from knowledge.review import can_review_documents, document_release, document_version_delete


def can_release(user, document) -> bool:
    policy = policy_registry.get_by_type(KnowledgeDocument)
    return can_review_documents(user) and policy.user_has_permission_for_instance(user, "change", document)


@require_POST
def release_document(request, pk):
    document = get_object_or_404(KnowledgeDocument, pk=pk)
    if not can_release(request.user, document):
        raise PermissionDenied
    if document_release(document=document, user=request.user):
        messages.success(request, _("Document “%(title)s” released to readers.") % {"title": document.title})
    else:
        messages.info(request, _("Document “%(title)s” was already released.") % {"title": document.title})
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtaildocs:edit", args=[document.pk]))


def can_delete_versions(user, document) -> bool:
    """An earlier version is taken from readers by those who release documents to them."""
    return can_release(user, document)


@require_POST
def delete_document_version(request, pk, version_id):
    document = get_object_or_404(KnowledgeDocument, pk=pk)
    if not can_delete_versions(request.user, document):
        # A 403, not the admin's redirect home: nothing was deleted, and the answer says so.
        return permission_denied(request, PermissionDenied())
    version = get_object_or_404(DocumentVersion, pk=version_id, key=document.translation_key)
    document_version_delete(document=document, version=version, user=request.user)
    messages.success(request, _("Earlier version of “%(title)s” deleted.") % {"title": document.title})
    return redirect(reverse("wagtaildocs:edit", args=[document.pk]))


class ReleaseBulkAction(DocumentBulkAction):
    display_name = gettext_lazy("Release to readers")
    action_type = "release"
    aria_label = gettext_lazy("Release selected documents to readers")
    template_name = "knowledge/admin/confirm_bulk_release.html"
    action_priority = 20

    def check_perm(self, document):
        return can_release(self.request.user, document)

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        released = sum(document_release(document=document, user=user) for document in objects)
        return released, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d document released to readers.",
            "%(count)d documents released to readers.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
