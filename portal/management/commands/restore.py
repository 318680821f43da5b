"""`manage.py restore PATH [--force]`: the database and media files from a `manage.py backup` archive.

In order: the archive is opened and checked whole (manifest, format version, the migrations it
was made with, every member's size and SHA-256); a database that already holds content is
refused unless `--force`; then the rows are replaced and the files written in one transaction
(`portal.management.backup.restore_apply`); last, Wagtail's admin search (`update_index`) and
the portal's search (`rebuild_search_index`) are rebuilt from the restored rows. Nothing is
changed until the archive has passed its checks, and a failure while loading leaves the
database as it was.
"""

from functools import partial
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError

from tqdm import tqdm

from portal.management.backup import BackupError, archive_open, archive_verify, database_content, restore_apply


class Command(BaseCommand):
    help = "Replace the database and media files with a backup's, then rebuild search."

    def add_arguments(self, parser):
        parser.add_argument("path", help="An archive written by `manage.py backup`.")
        parser.add_argument(
            "--force", action="store_true", help="Replace a database that already holds users, pages or files."
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not draw progress bars.")

    def handle(self, *args, path, force, no_progress, verbosity, **options):
        out = self.stderr._out
        # Drawn on a terminal only: the logs of scripts and CI stay clean.
        disable = no_progress or verbosity == 0 or not out.isatty()
        bar = partial(tqdm, disable=disable, file=out)
        try:
            archive = archive_open(Path(path))
        except BackupError as error:
            raise CommandError(str(error)) from error
        with archive.zip:
            manifest = archive.manifest
            for warning in archive.warnings:
                self.stdout.write(self.style.WARNING(warning))
            content = database_content()
            if content and not force:
                found = ", ".join(f"{count} {what}" for what, count in content.items())
                raise CommandError(
                    f"The database already holds content ({found}); nothing was changed. "
                    "A restore replaces all of it: run again with --force to do so."
                )
            try:
                with bar(total=archive.total_bytes, unit="B", unit_scale=True, desc="check") as checked:
                    archive_verify(archive, on_bytes=checked.update)
                media_bytes = sum(member["size"] for member in archive.media)
                with (
                    bar(total=archive.total_rows, unit="row", desc="rows") as rows,
                    bar(total=media_bytes, unit="B", unit_scale=True, desc="files") as files,
                ):
                    report = restore_apply(archive, on_rows=rows.update, on_file=files.update)
            except (BackupError, DatabaseError, DeserializationError, OSError, ValueError) as error:
                raise CommandError(f"Restore failed, the database is as it was: {error}") from error
        self.stdout.write(
            f"Restored {report.rows} rows and {report.files} media files from {path} "
            f"(made {manifest['created_at']} on {manifest['engine']})."
        )
        # The full-text entries of Wagtail's admin search first: the portal's rebuild adds its own after.
        call_command("update_index", verbosity=max(verbosity - 1, 0), stdout=self.stdout, stderr=self.stderr)
        call_command(
            "rebuild_search_index", no_progress=disable, verbosity=verbosity, stdout=self.stdout, stderr=self.stderr
        )
