"""Text extraction benchmark: pages a second on one core, and the upload's response time.

Generates PDFs of 1, 30 and 300 pages, text (reportlab, 48 lines a page) and scanned (each
page a picture of text drawn by Pillow, as a JPEG, no text layer), and

1. times `knowledge.extraction.read_file` on each, in this one process pinned to one core
   (`os.sched_setaffinity`; Tesseract is told to use one thread too): text PDFs against the
   target of 100 pages/s, pypdf alone beside them for comparison; scans by OCR when
   `tesseract` is on PATH (sizes in `--ocr-sizes`: 300 scanned pages take minutes), and the
   time to find and flag them with OCR turned off;
2. POSTs each file through the admin's real upload view (Django's test client, signed in as
   an administrator, on a throwaway SQLite database) with django-tasks' dummy backend, so the
   extraction task is queued and not run during the timed request, and then runs the queued
   extraction on its own: the response time must not grow with the file.

Prints markdown tables.

    make bench-extraction
    .venv/bin/python bench/extraction_bench.py --ocr-sizes 1,30 --repeat 3
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._server import bench_environment  # noqa: E402

SIZES = (1, 30, 300)
TARGET_PAGES_PER_SECOND = 100
SCAN_PICTURES = 10
WORDS = [
    *("survivor", "centre", "police", "funding", "counselling", "medical", "legal", "referral", "training"),
    *("protocol", "shelter", "hotline", "prosecutor", "evidence", "hospital", "nurse", "psychologist"),
    *("case", "management", "confidential", "interview", "court", "order"),
]


# -- Files -------------------------------------------------------------------------------------


def text_pdf(pages: int, rng: random.Random) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number in range(pages):
        pdf.setFont("Helvetica-Bold", 14)
        pdf.drawString(72, 780, f"Section {number + 1}: {' '.join(rng.sample(WORDS, 3))}")
        pdf.setFont("Helvetica", 10)
        for line in range(48):
            pdf.drawString(72, 750 - line * 14, " ".join(rng.choices(WORDS, k=11)))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def scanned_pdf(pages: int, rng: random.Random, folder: Path) -> bytes:
    """Each page a greyscale JPEG of text at 150 dpi, as a scanner makes, and no text layer.

    Ten different pictures take turns (reportlab stores a picture once): a 300-page scan stays
    under the upload limit, and every page is still read on its own.
    """
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font, heading = ImageFont.load_default(size=26), ImageFont.load_default(size=40)
    pictures = []
    for number in range(min(pages, SCAN_PICTURES)):
        image = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(image)
        draw.text((150, 150), f"Section {number + 1}", fill=0, font=heading)
        for line in range(36):
            draw.text((150, 240 + line * 38), " ".join(rng.choices(WORDS, k=7)), fill=0, font=font)
        path = folder / f"scan-{number}.jpg"
        image.save(path, quality=70)
        pictures.append(str(path))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number in range(pages):
        pdf.drawImage(pictures[number % len(pictures)], 0, 0, width=A4[0], height=A4[1])
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# -- Measures ----------------------------------------------------------------------------------


def timed(function, repeat: int, *, warm: bool = True) -> tuple[float, object]:
    """The median wall time in seconds of `repeat` calls after one untimed call, and the last result."""
    times, result = [], function() if warm else None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"extraction_bench: {message}")


def refusal(response) -> str:
    """The form's errors on a page that did not redirect."""
    for context in response.context or []:
        if "form" in context:
            return str(context["form"].errors.as_data())
    return str(response)


def pypdf_alone(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def kb(data: bytes) -> str:
    return f"{len(data) / 1024:,.0f} KB"


def extraction_rows(files: dict, args) -> list[list[str]]:
    from django.conf import settings

    from knowledge import extraction

    rows = []
    for pages in SIZES:
        data = files["text", pages]
        seconds, result = timed(lambda data=data: extraction.read_file(data, "report.pdf"), args.repeat)
        check(result.state == "read" and len(result.pages) == pages, f"text PDF read as {result.state}")
        rate = pages / seconds
        verdict = "PASS" if rate >= TARGET_PAGES_PER_SECOND else "FAIL"
        rows.append(["text PDF", str(pages), kb(data), f"{seconds:.3f}", f"{rate:,.0f}", "≥ 100 pages/s", verdict])
    for pages in SIZES:
        data = files["text", pages]
        seconds, _texts = timed(lambda data=data: pypdf_alone(data), args.repeat)
        rows.append(
            [
                "text PDF, pypdf alone (before)",
                str(pages),
                kb(data),
                f"{seconds:.3f}",
                f"{pages / seconds:,.0f}",
                "",
                "",
            ]
        )
    tesseract = shutil.which("tesseract")
    settings.DOCUMENT_OCR_SECONDS = 3600
    for pages in SIZES:
        data = files["scanned", pages]
        if tesseract and pages in args.ocr_sizes:
            settings.DOCUMENT_OCR_COMMAND = "tesseract"
            seconds, result = timed(lambda data=data: extraction.read_file(data, "scan.pdf"), 1, warm=False)
            found = sum("Section" in page for page in result.pages)
            label = f"scanned PDF, OCR ({result.state}, {found}/{pages} pages read back)"
            rows.append([label, str(pages), kb(data), f"{seconds:.3f}", f"{pages / seconds:,.2f}", "", ""])
        settings.DOCUMENT_OCR_COMMAND = ""
        seconds, result = timed(lambda data=data: extraction.read_file(data, "scan.pdf"), args.repeat)
        check(result.state == "needs_ocr", f"scan without OCR ended {result.state}")
        note = "flagged, OCR turned off" if tesseract else "flagged, OCR not installed"
        rows.append(
            [
                f"scanned PDF, {note}: time to flag",
                str(pages),
                kb(data),
                f"{seconds:.3f}",
                f"{pages / seconds:,.0f}",
                "",
                "",
            ]
        )
    settings.DOCUMENT_OCR_COMMAND = "tesseract"
    return rows


def upload_rows(files: dict, args) -> list[list[str]]:
    """The admin's upload view, timed with the extraction queued (dummy backend), then the queue run."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client, override_settings

    from wagtail.models import Collection

    from knowledge import extraction
    from knowledge.models import KnowledgeDocument

    call_command("migrate", verbosity=0, interactive=False)
    admin = get_user_model().objects.create_superuser("bench-admin", "bench@example.org", "pw")
    client = Client()
    client.force_login(admin)
    collection = Collection.get_first_root_node().pk
    rows = []
    dummy = {name: {"BACKEND": "django_tasks.backends.dummy.DummyBackend"} for name in ("default", "background")}
    with override_settings(TASKS=dummy, DOCUMENT_OCR_COMMAND=""):
        # One untimed upload first: the first request loads the admin's URLs and templates.
        client.post("/admin/documents/add/", upload_form("warm-up", "warm-up.pdf", files["text", 1], collection))
        for kind in ("text", "scanned"):
            for pages in SIZES:
                data = files[kind, pages]
                times, states, extract_times = [], set(), []
                for attempt in range(args.repeat):
                    title = f"{kind} {pages} {attempt}"
                    started = time.perf_counter()
                    response = client.post(
                        "/admin/documents/add/", upload_form(title, f"{kind}-{pages}.pdf", data, collection)
                    )
                    times.append((time.perf_counter() - started) * 1000)
                    check(response.status_code == 302, f"the upload was refused: {refusal(response)}")
                    document = KnowledgeDocument.objects.get(title=title)
                    states.add(document.extraction_state)
                    # What the worker does later, outside the request.
                    started = time.perf_counter()
                    extraction.document_extract(document=document)
                    extract_times.append(time.perf_counter() - started)
                rows.append(
                    [
                        f"{kind} PDF",
                        str(pages),
                        kb(data),
                        f"{statistics.median(times):.0f}",
                        f"{max(times):.0f}",
                        ", ".join(sorted(states)),
                        f"{statistics.median(extract_times):.2f}",
                    ]
                )
    return rows


def upload_form(title: str, name: str, data: bytes, collection: int) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {
        "title": title,
        "file": SimpleUploadedFile(name, data, content_type="application/pdf"),
        "collection": collection,
        "document_type": "report",
        "language": "en",
        "publication_date": "2025-01-01",
    }


def table(header: list[str], rows: list[list[str]]) -> str:
    right = [index for index, name in enumerate(header) if name.endswith(("s", "KB", "ms", "pages/s")) and index]
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("| " + " | ".join("---:" if index in right else "---" for index in range(len(header))) + " |")
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per row (median); OCR runs once")
    parser.add_argument(
        "--ocr-sizes", default="1,30", help="page counts whose scans are read by OCR (300 takes several minutes)"
    )
    args = parser.parse_args()
    args.ocr_sizes = {int(size) for size in args.ocr_sizes.split(",") if size}
    # One process on one core: the worker that reads an upload is one process.
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    with tempfile.TemporaryDirectory(prefix="dsp-bench-extraction-") as folder:
        os.environ.update(bench_environment(folder))
        import django

        django.setup()
        rng = random.Random(20261129)
        files = {}
        for pages in SIZES:
            files["text", pages] = text_pdf(pages, rng)
            files["scanned", pages] = scanned_pdf(pages, rng, Path(folder))
        print(
            f"Extraction, one process pinned to core {core} "
            f"(`knowledge.extraction.read_file`, median of {args.repeat}):\n"
        )
        print(table(["file", "pages", "size", "seconds", "pages/s", "target", "result"], extraction_rows(files, args)))
        print(
            "\nUpload through the admin's upload view (/admin/documents/add/), "
            "extraction queued and not run in the request:\n"
        )
        header = [
            "file",
            "pages",
            "size",
            "response p50 ms",
            "response max ms",
            "state after response",
            "extraction later s (OCR off)",
        ]
        print(table(header, upload_rows(files, args)))


if __name__ == "__main__":
    main()
