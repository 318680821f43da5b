"""A document's landing page: what it is, in the reader's language, and how to get and cite it."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from knowledge import selectors


def document_landing(request, document_id: int, slug: str):
    document = selectors.document_for_reader(document_id=document_id, user=request.user)
    if document is None:
        raise Http404
    if slug != document.slug:
        return redirect(document.get_landing_url(), permanent=True)
    return TemplateResponse(request, "knowledge/documents/landing.html", {"document": document, "page": None})
