"""Import documents from a CSV manifest: `manage.py import_documents manifest.csv [--dry-run] [--allow-publish]`.

The manifest's columns, how a row already imported is recognised and what a translation row
carries are described in `knowledge.imports`. Every rejected row is reported with its line
and reasons, after a progress bar; a rejected row imports nothing and the others go on. The
command exits non-zero when any row was rejected. Running it again changes nothing.
"""

from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tqdm import tqdm

from knowledge.imports import CREATED, UNCHANGED, UPDATED, DocumentImport, ManifestError, RowRejected, manifest_read
from portal.core import background


class Command(BaseCommand):
    help = "Import documents (files and their metadata) listed in a CSV manifest; see knowledge/imports.py."

    def add_arguments(self, parser):
        parser.add_argument("manifest", help="The CSV manifest; its file paths are relative to its folder.")
        parser.add_argument("--dry-run", action="store_true", help="Check every row and write nothing.")
        parser.add_argument(
            "--unreviewed", action="store_true", help="Hold new documents unreviewed until a reviewer releases them."
        )
        parser.add_argument(
            "--allow-publish",
            action="store_true",
            help="Let rows move reviewed documents to collections that more readers can see (refused otherwise).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, manifest, dry_run, unreviewed, allow_publish, no_progress, verbosity, **options):
        path = Path(manifest)
        try:
            rows = manifest_read(path)
        except ManifestError as error:
            raise CommandError(str(error)) from error
        run = DocumentImport(
            folder=path.resolve().parent, reviewed=not unreviewed, dry_run=dry_run, allow_publish=allow_publish
        )
        counts, rejected = Counter(), []
        progress = not no_progress and verbosity > 0
        for row in tqdm(rows, unit="row", disable=not progress, file=self.stderr._out):
            try:
                outcome = run.import_row(row)
            except RowRejected as error:
                rejected.append((row.line, str(error)))
                continue
            counts[outcome.result] += 1
            if verbosity > 1:
                self.stdout.write(f"line {outcome.line}: {outcome.result} “{outcome.title}”")
        # The files' text is read on this process's worker thread (`portal.core.background`),
        # which ends with the command: wait for it, or the new documents would stay pending.
        if not background.wait_until_idle(timeout=0):
            if verbosity > 0:
                self.stdout.write(_("Reading the text of the imported files…"))
            background.wait_until_idle()
        for line, reason in rejected:
            self.stdout.write(_("line %(line)s: %(reason)s") % {"line": line, "reason": reason})
        summary = _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged, %(rejected)s rejected.") % {
            "created": counts[CREATED],
            "updated": counts[UPDATED],
            "unchanged": counts[UNCHANGED],
            "rejected": len(rejected),
        }
        if dry_run:
            summary = _("Dry run, nothing written: %(summary)s") % {"summary": summary}
        self.stdout.write(summary)
        if rejected:
            raise CommandError(
                _("%(count)s rows were rejected; the others were imported.") % {"count": len(rejected)}
                if not dry_run
                else _("%(count)s rows would be rejected.") % {"count": len(rejected)}
            )
