"""A document's citation as a file for a reference manager: BibTeX, RIS and CSL-JSON.

`/<lang>/documents/<id>/<slug>/cite.bib|ris|json` cite the row the landing page at the same
address shows (`selectors.document_for_reader`: the family's row in the reader's language
where there is one), so the file and the page agree. A document the reader may not see
answers 404, the same answer as an id that does not exist; another id of the family or an
old slug is sent to the document's address with a 301, as the landing page does.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from knowledge import citations, selectors
from portal.core.locale import reader_language

# By file extension: how the file is written and its media type.
EXPORTS = {
    "bib": (citations.bibtex, "application/x-bibtex"),
    "ris": (citations.ris, "application/x-research-info-systems"),
    "json": (citations.csl_json, "application/vnd.citationstyles.csl+json"),
}


@require_safe
def document_citation_export(request, document_id: int, slug: str, export: str):
    if export not in EXPORTS:
        raise Http404
    document = selectors.document_for_reader(document_id=document_id, user=request.user)
    if document is None:
        raise Http404
    if document.pk != document_id or slug != document.slug:
        route = citations.EXPORT_ROUTES[export]
        return redirect(route, document_id=document.pk, slug=document.slug, permanent=True)
    write, content_type = EXPORTS[export]
    text = write(document=document, language=reader_language(), request=request)
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    # The slug is the title in Latin letters, so the name is plain ASCII in every language.
    response["Content-Disposition"] = f'attachment; filename="{document.slug}.{export}"'
    return response
