"""Compile every .po catalogue under LOCALE_PATHS to .mo with polib, without GNU gettext.

`compilemessages` needs `msgfmt`; this does the same with a pinned Python package, so
`make run` and the tests work on a machine without gettext (`makemessages`, which does
need it, is only for whoever changes interface strings). Idempotent: a .mo is written only
when its bytes would change.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

import polib


class Command(BaseCommand):
    help = "Compile the interface translations (.po → .mo) under LOCALE_PATHS, without gettext."

    def handle(self, *args, **options):
        catalogues = sorted(po for base in settings.LOCALE_PATHS for po in Path(base).glob("*/LC_MESSAGES/*.po"))
        written = unchanged = 0
        for po_path in catalogues:
            mo_path = po_path.with_suffix(".mo")
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path}: {error}") from error
            # Fuzzy and obsolete entries are left out, as msgfmt does: a guess is not a translation.
            binary = catalogue.to_binary()
            if mo_path.exists() and mo_path.read_bytes() == binary:
                unchanged += 1
                if options["verbosity"] > 1:
                    self.stdout.write(f"  {po_path}: unchanged, skipped")
                continue
            # Written aside and renamed, so a server or test run reading the catalogue never sees half a file.
            partial = mo_path.with_name(f".{os.getpid()}.{mo_path.name}")
            partial.write_bytes(binary)
            partial.replace(mo_path)
            written += 1
            if options["verbosity"] > 1:
                self.stdout.write(f"  {po_path}: {len(catalogue.translated_entries())} messages")
        if options["verbosity"] > 0:
            self.stdout.write(f"Translations: compiled {written}, already up to date {unchanged}.")
