"""Admin template tags of the knowledge app."""

from pathlib import PurePath

from django import template
from django.utils.translation import gettext

from knowledge.models import DocumentVersion
from knowledge.views.document_review import can_delete_versions, can_release
from knowledge.views.document_translations import can_translate_documents, translation_links

register = template.Library()


@register.inclusion_tag("knowledge/admin/document_translations.html", takes_context=True)
def document_translations(context, document):
    """The document's language and its translations, with links to translate it, on its edit page."""
    user = context["request"].user
    return {
        "document": document,
        "links": translation_links(document, user),
        "can_translate": can_translate_documents(user),
    }


@register.inclusion_tag("knowledge/admin/document_review.html", takes_context=True)
def document_review(context, document):
    """Whether readers have the document, with a reviewer's button to release it, on its edit page."""
    return {"document": document, "can_release": can_release(context["request"].user, document)}


@register.inclusion_tag("knowledge/admin/document_extraction.html")
def document_extraction(document):
    """Whether the file's text was read for search, and why not, on the document's edit page."""
    # Reasons are stored as their English msgids (`knowledge.extraction`): shown in the editor's language.
    return {"document": document, "reason": gettext(document.extraction_message) if document.extraction_message else ""}


@register.inclusion_tag("knowledge/admin/document_versions.html", takes_context=True)
def document_versions(context, document):
    """The family's earlier versions, with a reviewer's button to delete one, on the document's edit page."""
    versions = list(
        DocumentVersion.objects.filter(key=document.translation_key)
        .select_related("collection")
        .order_by("-replaced_at", "-pk")
    )
    for version in versions:
        version.format = PurePath(version.file.name).suffix.lstrip(".").upper()
    return {
        "document": document,
        "versions": versions,
        "can_delete": can_delete_versions(context["request"].user, document),
    }
