"""Serving a document's files from its landing page, and counting downloads.

The landing page's routes (`knowledge.views.landing`) serve three kinds of file: the family's
file, a translation's own file and an earlier version. Each is served here the same way: as
the type read from its bytes (`knowledge.uploads.served_content_type`), PDFs inline so that a
link ending in `#page=4` opens on that page, everything else as an attachment, never sniffed.

A download is one more on the day's counter of the row it was asked from
(`DocumentDownload`): a single UPDATE with F(), or the day's first row. Nothing about the
reader is stored: no address, no user, no time of day.
"""

from __future__ import annotations

import datetime
from pathlib import PurePath

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import FileResponse, HttpRequest
from django.utils import timezone
from django.utils.cache import patch_cache_control

from knowledge import uploads
from knowledge.models import DocumentDownload, KnowledgeDocument

PDF_TYPE = "application/pdf"
# PDFs open in the browser's viewer, which Chromium runs as an embedded object styled inline:
# a policy of `default-src 'none'` would leave it blank (crbug.com/271452). No script either way.
PDF_POLICY = "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'self'"
# Anything else is saved, never rendered as a page of this site.
ATTACHMENT_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox"


def document_download_record(*, document: KnowledgeDocument, day: datetime.date | None = None) -> None:
    """Count one download of `document` on `day` (today by default), safe under concurrent requests."""
    day = day or timezone.localdate()
    counters = DocumentDownload.objects.filter(document=document, day=day)
    if counters.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DocumentDownload.objects.create(document=document, day=day, count=1)
    except IntegrityError:
        # Another request created the day's row between our UPDATE and INSERT.
        counters.update(count=F("count") + 1)


def counts_as_download(request: HttpRequest) -> bool:
    """A GET for the whole file, or its first range: viewers that fetch a PDF in pieces count once."""
    if request.method != "GET":
        return False
    requested = request.headers.get("Range", "")
    return not requested or requested.replace(" ", "").startswith("bytes=0-")


def file_response(file, *, name: str, restricted: bool) -> FileResponse:
    """The stored `file` as a download named `name`: detected type, PDFs inline, no sniffing.

    `restricted` (a partner-only document) keeps the answer out of shared caches.
    """
    content_type = uploads.served_content_type(file, name=name)
    inline = content_type == PDF_TYPE
    response = FileResponse(
        file.open("rb"), as_attachment=not inline, filename=PurePath(name).name, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = PDF_POLICY if inline else ATTACHMENT_POLICY
    if restricted:
        patch_cache_control(response, private=True)
    return response
