"""A document's landing page: what it is, in the reader's language, and how to get and cite it.

`/<lang>/documents/<id>/<slug>/` shows the family's row in the reader's language where there is
one they may see (`knowledge.selectors.document_for_reader`), else the row named, with the
site's notice that the page is not in their language. Each page has one address per language:
any other id of the family or another slug answers 301 to it. A document the reader may not
see answers 404 exactly as a document that does not exist, on the page and on every file
route below it (downloads, earlier versions, the thumbnail): its files are exactly as private
as its family's current row, and an unreviewed family serves nothing to readers. An earlier
version is also as private as the collection the family was in when it was replaced.
"""

from __future__ import annotations

import datetime
import json

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from knowledge import citations, downloads, selectors, thumbnails
from knowledge.models import KnowledgeDocument
from portal.core import fragments, page_cache
from portal.core.i18n import in_language, language_version
from portal.core.locale import reader_language

# What a JSON-LD <script> must not contain literally (the HTML parser would end it early).
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

# How far behind a cached landing page may show the download count (portal.core.page_cache).
COUNT_DELAY = datetime.timedelta(minutes=5)


def _document_or_404(request, document_id: int) -> KnowledgeDocument:
    document = selectors.document_for_reader(document_id=document_id, user=request.user)
    if document is None:
        raise Http404
    return document


@require_safe
def document_landing(request, document_id: int, slug: str):
    document = _document_or_404(request, document_id)
    canonical = reverse("document_landing", args=(document.pk, document.slug))
    if document.pk != document_id or slug != document.slug:
        return redirect(canonical, permanent=True)

    # The document, the pages that attach it and its event (portal.core.page_cache).
    page_cache.depends_on(page_cache.document_tag(document), *page_cache.every_list())
    # The download count: five minutes behind at most, rather than a purge at every download.
    page_cache.valid_until(timezone.now() + COUNT_DELAY)
    language = reader_language()
    main_file, other_files = selectors.document_files(document=document)
    thumbnail_url, thumbnail_size = "", None
    thumbnail = main_file.is_pdf and thumbnails.thumbnail_name(main_file.file, content_hash=main_file.content_hash)
    if thumbnail:
        thumbnail_url = reverse("document_thumbnail", args=(document.pk, document.slug))
        thumbnail_size = thumbnails.thumbnail_size(thumbnail)
    context = {
        "document": document,
        "page": None,
        "facts": selectors.document_facts(document=document, language=language),
        "main_file": main_file,
        "other_files": other_files,
        "versions": selectors.document_versions(document=document, user=request.user),
        "download_count": selectors.document_download_count(document=document),
        "related_event": selectors.document_related_event(document=document, user=request.user, language=language),
        "pages_using": selectors.document_pages_using(document=document, user=request.user, language=language),
        "thumbnail_url": thumbnail_url,
        "thumbnail_size": thumbnail_size,
        "canonical_url": request.build_absolute_uri(canonical),
        "alternates": _alternates(request, document),
        "page_translation": _translation_status(document, language),
        # Formatting a citation costs more than the rest of the page: made once per worker until a change.
        "citation": fragments.kept(
            ("citation", document.pk, language, request.scheme, request.get_host()),
            lambda: citations.document_citation(document=document, language=language, request=request),
            request=request,
        ),
    }
    context["json_ld"] = _json_ld(request, document, context)
    return TemplateResponse(request, "knowledge/documents/landing.html", context)


def _alternates(request, document) -> list[dict]:
    """The page in each language the family is translated into, for `<link rel="alternate">`."""
    alternates = []
    for row in document.family_rows:
        code = row.locale.language_code
        with translation.override(code):
            url = reverse("document_landing", args=(row.pk, row.slug))
        alternates.append({"code": code, "url": request.build_absolute_uri(url)})
    return alternates


def _translation_status(document, language: str) -> dict:
    """The site's language notice (`includes/translation_notice.html`) for a row not in the reader's language."""
    content = document.locale.language_code
    if content == language:
        return {}
    try:
        bidi = translation.get_language_info(content)["bidi"]
    except KeyError:
        bidi = False
    return {
        "is_fallback": True,
        "reader_language": language,
        "content_language": content,
        "content_bidi": bidi,
        "in_reader_language": in_language(language),
        "content_language_version": language_version(content),
    }


def _json_ld(request, document, context) -> str:
    """schema.org metadata of the document (https://schema.org/DigitalDocument), as a safe <script> body."""
    main_file = context["main_file"]
    kind = "Report" if document.document_type == KnowledgeDocument.DocumentType.REPORT else "DigitalDocument"
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "name": document.title,
        "url": context["canonical_url"],
        "inLanguage": main_file.language,
        "datePublished": document.publication_date.isoformat() if document.publication_date else None,
        "encodingFormat": main_file.content_type,
        "contentUrl": request.build_absolute_uri(main_file.url),
    }
    if document.description:
        data["description"] = document.description
    if main_file.size:
        with translation.override("en"):
            data["contentSize"] = str(filesizeformat(main_file.size)).replace("\xa0", " ")
    # The authors field's documented form: "Family, Given" is a person, anything else an organisation.
    authors = [
        {"@type": "Person" if "," in name else "Organization", "name": name} for name in context["facts"]["authors"]
    ]
    if authors:
        data["author"] = authors
    if document.publisher:
        data["publisher"] = {"@type": "Organization", "name": document.publisher}
    if context["facts"]["licence_url"]:
        data["license"] = context["facts"]["licence_url"]
    if document.edition:
        data["version"] = document.edition
    if context["thumbnail_url"]:
        data["thumbnailUrl"] = request.build_absolute_uri(context["thumbnail_url"])
    countries = [str(country) for country in context["facts"]["countries"]]
    if countries:
        data["spatialCoverage"] = [{"@type": "Country", "name": name} for name in countries]
    themes = [str(theme) for theme in context["facts"]["themes"]]
    if themes:
        data["keywords"] = themes
    data = {name: value for name, value in data.items() if value is not None}
    text = json.dumps(data, ensure_ascii=False, indent=1).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 - JSON whose <, > and & are escaped just above


# --- Files -----------------------------------------------------------------------------------


def _serve(request, document, file, *, name: str, version=None) -> HttpResponse:
    if not file:
        raise Http404
    restricted = selectors.document_is_restricted(document=document, version=version)
    try:
        response = downloads.file_response(file, name=name, restricted=restricted)
    except OSError:
        # The row names a file the storage no longer has: nothing to serve, and no error page.
        raise Http404 from None
    if downloads.counts_as_download(request):
        downloads.document_download_record(document=document)
    return response


@require_safe
def document_download(request, document_id: int, slug: str):
    """The family's file."""
    document = _document_or_404(request, document_id)
    return _serve(request, document, document.file, name=document.file.name)


@require_safe
def document_download_in_language(request, document_id: int, slug: str, language: str):
    """A translation's own file, in its language."""
    document = _document_or_404(request, document_id)
    row = next((row for row in document.family_rows if row.locale.language_code == language), None)
    if row is None or not row.own_file:
        raise Http404
    return _serve(request, row, row.own_file, name=row.own_file.name)


@require_safe
def document_version_download(request, document_id: int, slug: str, version_id: int):
    """An earlier file of the family, as it was before it was replaced."""
    document = _document_or_404(request, document_id)
    version = selectors.document_version_for_reader(document=document, version_id=version_id, user=request.user)
    if version is None:
        raise Http404
    return _serve(request, document, version.file, name=version.file.name, version=version)


@require_safe
def document_thumbnail(request, document_id: int, slug: str):
    """The first page of the file the landing page offers first, when it is a PDF."""
    document = _document_or_404(request, document_id)
    main_file, _others = selectors.document_files(document=document)
    name = main_file.is_pdf and thumbnails.thumbnail_name(main_file.file, content_hash=main_file.content_hash)
    if not name:
        raise Http404
    with thumbnails.open_thumbnail(name) as opened:
        response = HttpResponse(opened.read(), content_type=thumbnails.CONTENT_TYPE)
    response["X-Content-Type-Options"] = "nosniff"
    if selectors.document_is_restricted(document=document):
        patch_cache_control(response, private=True)
    return response
