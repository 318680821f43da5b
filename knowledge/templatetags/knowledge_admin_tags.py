"""Admin template tags of the knowledge app."""

from django import template
from django.utils.translation import gettext

from knowledge.views.document_review import can_release
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
