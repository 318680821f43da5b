"""Read the text of documents already stored: `manage.py extract_documents [--missing]`.

Uploads are read on their own (`knowledge.tasks`); this covers files stored before that, the
demo's, and files whose reading failed. A family's file is read once, for every row of it
without a file of its own; a translation's own file is read for that row.
Running it again reads the same files into the same text: with `--missing`, nothing is read
twice.
"""

from collections import Counter

from django.core.management.base import BaseCommand

from tqdm import tqdm

from knowledge import extraction
from knowledge.models import DocumentPageText, ExtractionState, KnowledgeDocument

# Read for good: `--missing` leaves these alone when their pages are stored.
SETTLED = {ExtractionState.READ, ExtractionState.OCR}


class Command(BaseCommand):
    help = "Read the text of stored document files for search (all of them, or only those missing or failed)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Only documents never read, still waiting, or whose reading failed or needs OCR.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, missing, no_progress, verbosity, **options):
        documents = list(KnowledgeDocument.objects.order_by("pk"))
        with_pages = set(DocumentPageText.objects.values_list("document_id", flat=True).distinct())
        read, skipped, pages = Counter(), Counter(), 0
        families = set()
        progress = not no_progress and verbosity > 0
        for document in tqdm(documents, unit="document", disable=not progress, file=self.stderr._out):
            own = bool(document.own_file)  # A translation's own file is read for it alone.
            if not own and document.translation_key in families:
                skipped["translation sharing a file already read"] += 1
                continue
            if not own:
                families.add(document.translation_key)
            if not document.file:
                skipped["no file"] += 1
                continue
            if missing and self._settled(document, with_pages):
                skipped["already read"] += 1
                continue
            result = extraction.document_extract(document=document, own=own)
            if result is None:
                skipped["file replaced while it was read"] += 1
                continue
            read[result.state] += 1
            pages += len(result.pages)
            if result.message and verbosity > 1:
                self.stdout.write(f"{document.pk} {document.title}: {result.message}")
        states = ", ".join(f"{count} {state}" for state, count in sorted(read.items())) or "none"
        reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(skipped.items())) or "none"
        self.stdout.write(f"Read {sum(read.values())} files ({pages} pages: {states}); skipped {reasons}.")

    @staticmethod
    def _settled(document, with_pages) -> bool:
        if document.extraction_state == ExtractionState.UNSUPPORTED:
            return True
        return document.extraction_state in SETTLED and document.pk in with_pages
