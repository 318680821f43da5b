"""`manage.py backup PATH`: the database's rows and every media file in one zip archive.

What the archive holds, and what it leaves out and why, is said in `portal.management.backup`.
`manage.py restore PATH` reads it back, on this engine or the other one.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from portal.management.backup import BackupError, backup_write


class Command(BaseCommand):
    help = "Write the database and the media files to one archive (restore it with `manage.py restore`)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive to write, e.g. backups/portal-2025-01-31.zip.")
        parser.add_argument("--force", action="store_true", help="Replace an archive already at PATH.")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, path, force, no_progress, verbosity, **options):
        target = Path(path)
        if target.exists() and not force:
            raise CommandError(f"{target} already exists: choose another name, or pass --force to replace it.")
        if not target.parent.is_dir():
            raise CommandError(f"No folder {target.parent} to write {target.name} in.")
        out = self.stderr._out
        # Drawn on a terminal only: the logs of scripts and CI stay clean.
        disable = no_progress or verbosity == 0 or not out.isatty()
        rows = tqdm(unit="row", desc="rows", disable=disable, file=out)
        files = tqdm(unit="B", unit_scale=True, desc="files", disable=disable, file=out)
        try:
            report = backup_write(
                path=target,
                on_rows_total=lambda total: setattr(rows, "total", total),
                on_rows=rows.update,
                on_bytes_total=lambda total: setattr(files, "total", total),
                on_bytes=files.update,
            )
        except (BackupError, OSError) as error:
            raise CommandError(f"Backup failed: {error}") from error
        finally:
            rows.close()
            files.close()
        self.stdout.write(
            f"Wrote {report.path}: {report.rows} rows and {report.files} media files, "
            f"{report.bytes / 1_000_000:.1f} MB."
        )
