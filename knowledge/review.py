"""Documents follow review: who may make a document reach readers, and how it is released.

An upload by someone without the review right (`knowledge.review_knowledgedocument`:
reviewers and administrators) is held unreviewed: `portal.core.privacy.documents_visible_to`
keeps it from every list, search and the API, the serve view refuses it to anyone who cannot
edit it, and the search index gives it no reader's audience. It is released when

- a reviewer releases it (the button on its edit page, or the listing's bulk action), or
- a page that uses it is published: only a user who may publish that page can publish it
  (or approve it in the review workflow), so the publish is that user's review of what the
  page shows.

Making a reviewed document more public (a collection with fewer view restrictions),
replacing its file, or deleting any document is the review right's too: the edit form
refuses the first two (`DocumentReviewForm`), the permission policy the third
(`DocumentReviewPermissionPolicy`). Deleting an earlier version readers should not have (a file
kept before versions followed review) is the review right's too (`document_version_delete`).
While a document is unreviewed its uploader and the other editors keep editing its words, file
and collection: none of it reaches a reader.
Each of these changes is written to Wagtail's audit log.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models.signals import post_save, pre_save
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminPageChooser
from wagtail.documents.forms import BaseDocumentForm
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import Collection, Locale, Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.signals import page_published

from knowledge import uploads
from knowledge.document_audience import DocumentAudienceFormMixin
from knowledge.documents import version_delete
from knowledge.models import DocumentVersion, KnowledgeDocument
from knowledge.quick_upload import QuickUploadFormMixin
from portal.core.privacy import collection_is_more_public

REVIEW_PERMISSION = "knowledge.review_knowledgedocument"

# Audit log actions (registered in `knowledge.wagtail_hooks`): (action, label, message).
LOG_RELEASE = "knowledge.document.release"
LOG_COLLECTION = "knowledge.document.collection"
LOG_FILE = "knowledge.document.file"
LOG_VERSION_DELETE = "knowledge.document.version_delete"
LOG_ACTIONS = (
    (LOG_RELEASE, _("Release document"), _("Released to readers")),
    (LOG_COLLECTION, _("Move document"), _("Moved to another collection")),
    (LOG_FILE, _("Replace document file"), _("File replaced")),
    (LOG_VERSION_DELETE, _("Delete earlier version"), _("Earlier version deleted")),
)


def can_review_documents(user) -> bool:
    return bool(user and user.is_active and user.has_perm(REVIEW_PERMISSION))


def document_release(*, document: KnowledgeDocument, user=None, page: Page | None = None) -> bool:
    """Release an unreviewed document (and its translations) to readers; False if it already was."""
    if document.reviewed:
        return False
    document.reviewed = True
    # A save, not an update: the family and the search index follow (`knowledge.documents`).
    document.save()
    data = {"page": {"id": page.pk, "title": page.get_admin_display_title()}} if page is not None else None
    log(instance=document, action=LOG_RELEASE, user=user, data=data)
    return True


def document_version_delete(*, document: KnowledgeDocument, version: DocumentVersion, user) -> None:
    """Delete an earlier version of the document's family, its file after the commit, in the audit log."""
    data = {
        "version": {
            "id": version.pk,
            "file": version.file.name,
            "language": version.language,
            "replaced_at": version.replaced_at.isoformat(),
        }
    }
    version_delete(version=version)
    log(instance=document, action=LOG_VERSION_DELETE, user=user, data=data)


def documents_used_by(page: Page) -> list[KnowledgeDocument]:
    """The unreviewed documents a page's content refers to (its blocks, links and relations).

    Read from the page itself with the reference index's own extractor: the stored index is
    updated by a task that may not have run yet when the page is published.
    """
    document_type = ContentType.objects.get_for_model(KnowledgeDocument)
    references = ReferenceIndex._extract_references_from_object(page)
    ids = {object_id for content_type_id, object_id, *_paths in references if content_type_id == document_type.pk}
    return list(KnowledgeDocument.objects.filter(pk__in=ids, reviewed=False)) if ids else []


def release_documents_of_published_page(sender, instance, **kwargs) -> None:
    """Publishing a page releases the unreviewed documents it uses, when the publisher may.

    A publisher with the review right (a reviewer publishing or approving a specialist's
    brief) releases them all; one without it (an organiser publishing an event) releases only
    the documents they uploaded themselves, never someone else's. The publisher is the user
    of the admin's log context (`wagtail.admin.auth` opens one per admin request); a publish
    outside the admin (a scheduled one, a command) has none and releases nothing.
    """
    user = get_active_log_context().user
    if user is None or not user.is_authenticated:
        return
    reviewer = can_review_documents(user)
    page = instance.specific if type(instance) is Page else instance
    for document in documents_used_by(page):
        if reviewer or document.uploaded_by_user_id == user.pk:
            document_release(document=document, page=page, user=user)


def remember_review_facts(sender, instance, raw=False, **kwargs):
    """The collection and file the row has in the database, for the audit entries after the save."""
    if raw or not instance.pk:
        return
    instance._stored_review_facts = sender.objects.filter(pk=instance.pk).values_list("collection_id", "file").first()


def log_review_changes(sender, instance, created=False, raw=False, **kwargs):
    stored = getattr(instance, "_stored_review_facts", None)
    instance._stored_review_facts = None
    if raw or created or stored is None:
        return
    collection_id, file_name = stored
    if collection_id != instance.collection_id:
        collections = Collection.objects.filter(pk__in=[collection_id, instance.collection_id])
        names = dict(collections.values_list("pk", "name"))
        data = {
            "collection": {
                "old": {"id": collection_id, "name": names.get(collection_id)},
                "new": {"id": instance.collection_id, "name": names.get(instance.collection_id)},
            }
        }
        log(instance=instance, action=LOG_COLLECTION, data=data)
    if file_name != instance.file.name:
        log(instance=instance, action=LOG_FILE, data={"file": {"old": file_name, "new": instance.file.name}})


def move_is_refused(user, document: KnowledgeDocument, collection: Collection) -> bool:
    """A reviewed document may go to a more public collection only by someone with the review right."""
    if not document.reviewed or can_review_documents(user) or collection.pk == document.collection_id:
        return False
    return collection_is_more_public(old=document.collection, new=collection)


class DocumentReviewPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's document policy, with deleting kept for the review right.

    Wagtail lets whoever may change a document delete it; here deleting also needs the
    review right, so an editor cannot take a reviewed document away from its readers.
    """

    def user_has_permission(self, user, action):
        if action == "delete" and not can_review_documents(user):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        if "delete" in actions and not can_review_documents(user):
            actions.discard("delete")
            if not actions:
                return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        actions = set(actions)
        if "delete" in actions and not can_review_documents(user):
            actions.discard("delete")
            if not actions:
                return self.model.objects.none()
        return super().instances_user_has_any_permission_for(user, actions)


class DocumentReviewForm(QuickUploadFormMixin, DocumentAudienceFormMixin, BaseDocumentForm):
    """The admin's document forms (`WAGTAILDOCS_DOCUMENT_FORM_BASE`): uploads by non-reviewers wait for review."""

    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and self.instance.locale_id is None:
            # Wagtail's upload views build a document without a locale and read it while
            # rendering; a new document belongs to the default language (its translations
            # are made from it).
            self.instance.locale = Locale.get_default()
        if "file" in self.fields:
            # Wagtail's field checks the size before `clean_file` and gives the admin's upload
            # script the limit: the same limit and words as `knowledge.uploads`.
            field = self.fields["file"]
            field.max_upload_size = uploads.max_upload_bytes()
            field.max_upload_size_text = filesizeformat(field.max_upload_size)
            field.help_text = _("Maximum file size: %(max_filesize)s.") % {"max_filesize": field.max_upload_size_text}
            field.error_messages["file_too_large"] = uploads.size_error_message()
            field.error_messages["file_too_large_unknown_size"] = uploads.size_error_unknown_size()
        if "related_event" in self.fields:
            # An event page, chosen from the page tree; resolved by name, since knowledge does not
            # import events (docs/architecture.md): any other page is refused as an invalid choice.
            event_model = apps.get_model("events", "EventPage")
            field = self.fields["related_event"]
            field.queryset = Page.objects.type(event_model)
            field.widget = AdminPageChooser(target_models=[event_model], can_choose_root=False)
            field.error_messages["invalid_choice"] = _(
                "Choose an event page: the webinar, study mission or meeting this document comes from."
            )

    def clean_file(self):
        # Every route that takes a file (single, multiple and chooser upload, replacing it on
        # the edit page) comes through here; an unchanged file on the edit page is not re-read.
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            uploads.check_upload(upload)
        return upload

    def clean_own_file(self):
        # A translation's file in its own language: the same checks as the family's file. The
        # original's file is the family's `file`; a second one on it would have no language.
        upload = self.cleaned_data.get("own_file")
        if not upload or "own_file" not in self.changed_data:
            return upload
        locale_id = self.instance.locale_id
        if locale_id is None or locale_id == Locale.get_default().pk:
            raise ValidationError(
                _(
                    "A file in this language belongs on a translation of the document. This is the "
                    "original: upload its file as the document's file."
                ),
                code="own_file_on_original",
            )
        uploads.check_upload(upload)
        return upload

    def clean(self):
        cleaned_data = super().clean()
        document = self.instance
        if not document.pk or not document.reviewed or can_review_documents(self.user):
            return cleaned_data
        if "file" in self.changed_data:
            self.add_error("file", _("Only a reviewer can replace the file of a document readers already have."))
        if "own_file" in self.changed_data:
            message = _("Only a reviewer can change the file in this language of a document readers already have.")
            self.add_error("own_file", message)
        # The instance still holds the stored collection: the form copies its data in after clean().
        collection = cleaned_data.get("collection")
        if collection is not None and move_is_refused(self.user, document, collection):
            self.add_error(
                "collection",
                _("Only a reviewer can move this document to a collection that more readers can see."),
            )
        return cleaned_data

    def save(self, commit=True):
        if self.instance._state.adding and not can_review_documents(self.user):
            self.instance.reviewed = False
        return super().save(commit=commit)


def register() -> None:
    """The policy replaces Wagtail's for documents (exactly this model, so it wins whichever registers first)."""
    register_permission_policy(
        KnowledgeDocument,
        DocumentReviewPermissionPolicy(
            KnowledgeDocument, auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
        ),
        exact_class=True,
    )
    page_published.connect(release_documents_of_published_page, dispatch_uid="knowledge_release_documents")
    pre_save.connect(remember_review_facts, sender=KnowledgeDocument, dispatch_uid="knowledge_document_review")
    post_save.connect(log_review_changes, sender=KnowledgeDocument, dispatch_uid="knowledge_document_review_log")
