"""Admin: translating a document's title and description with wagtail-localize.

wagtail-localize offers its translate action and editor for pages and snippets only; a
document is neither, so these two routes put the same views in front of documents:

- `knowledge_document_translate` (pk): choose languages; each gets a translation row that
  shares the file (`knowledge.documents`) and starts with the original's words;
- `knowledge_document_translation` (pk of the translation row): wagtail-localize's editor,
  with its PO download and upload, machine translation and publish. Publishing (applying
  the words to the row readers see) needs the review right (`knowledge.review`): a
  translator's words stay in the editor, saved for review.

Who may translate documents: holders of `knowledge.change_knowledgedocument`, the model
permission wagtail-localize's editor checks when it saves a string. Translators and
administrators get it (`portal.site.roles`); it grants nothing in Wagtail's own document admin,
which goes by collection permissions, so a translator still cannot replace or edit a file.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import edit_translation
from wagtail_localize.views.submit_translations import SubmitTranslationView

from knowledge.models import KnowledgeDocument
from knowledge.review import can_review_documents


def can_translate_documents(user) -> bool:
    return user.has_perm(get_permission_name("change", KnowledgeDocument))


def translation_links(document, user) -> list[dict]:
    """The other rows of the document's family: title, language and where to edit its words."""
    others = (
        KnowledgeDocument.objects.filter(translation_key=document.translation_key)
        .exclude(pk=document.pk)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    in_editor = set(
        Translation.objects.filter(source__object_id=document.translation_key, enabled=True).values_list(
            "target_locale_id", flat=True
        )
    )
    translate = can_translate_documents(user)
    return [
        {
            "title": other.title,
            "code": other.locale.language_code,
            "language": other.locale.get_display_name(),
            "url": reverse("knowledge_document_translation", args=[other.pk])
            if translate and other.locale_id in in_editor
            else "",
        }
        for other in others
    ]


class SubmitDocumentTranslationView(SubmitTranslationView):
    title = gettext_lazy("Translate document")

    def dispatch(self, request, *args, **kwargs):
        if not can_translate_documents(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object(self):
        return get_object_or_404(KnowledgeDocument, pk=self.kwargs["pk"])

    def get_default_success_url(self, translated_object=None):
        if translated_object is not None:
            return reverse("knowledge_document_translation", args=[translated_object.pk])
        return reverse("portal_translation_status")

    def get_success_message(self, locales):
        return _("The document “%(title)s” can now be translated into %(locales)s.") % {
            "title": self.object.title,
            "locales": locales,
        }


def edit_document_translation(request, pk):
    """wagtail-localize's editor for one translation row of a document."""
    if not can_translate_documents(request.user):
        raise PermissionDenied
    document = get_object_or_404(KnowledgeDocument, pk=pk)
    translation = (
        Translation.objects.filter(
            source__object_id=document.translation_key, target_locale=document.locale, enabled=True
        )
        .select_related("source")
        .first()
    )
    if translation is None:
        # The original itself, or a translation made outside wagtail-localize.
        raise Http404(_("This document is not a translation made in the translation editor."))
    if not KnowledgeDocument.objects.filter(
        translation_key=document.translation_key, locale_id=translation.source.locale_id
    ).exists():
        raise Http404(_("The original of this translation has been deleted."))
    if request.method == "POST" and request.POST.get("action") == "publish" and not can_review_documents(request.user):
        # Translators propose: their words stay in the editor until a reviewer publishes them.
        messages.error(request, _("Your translation is saved for review: a reviewer or an administrator publishes it."))
        return redirect(request.get_full_path())
    return edit_translation(request, translation, document)
