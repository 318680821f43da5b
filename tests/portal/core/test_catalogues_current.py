"""The catalogues hold every interface string the code wraps, so a Russian or Korean page has no English left.

`test_catalogues_are_complete` checks that every entry in the committed catalogues is translated;
a string wrapped after the last `make messages` is in no catalogue at all, and reaches Russian and
Korean readers in English while that test passes. This one runs `make messages`' extraction on a
copy of the sources and compares.
"""

import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import polib

ROOT = Path(settings.BASE_DIR)
SKIPPED = ("tests/", "bench/", "scripts/", "static/", "docs/", ".ci/")


def test_every_wrapped_string_is_in_the_russian_and_korean_catalogues(tmp_path):
    sources = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in sources.splitlines():
        if name.startswith(SKIPPED) or not name.endswith((".py", ".html", ".txt", ".po")):
            continue
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ru", "-l", "ko", "--no-location", "--no-obsolete"],
        cwd=tmp_path,
        capture_output=True,
        check=True,
    )
    for language in ("ru", "ko"):
        path = Path("portal") / "locale" / language / "LC_MESSAGES" / "django.po"
        committed = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(ROOT / path))}
        extracted = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(tmp_path / path))}
        missing = sorted(msgid for _context, msgid in extracted - committed)
        assert missing == [], f"{language}: run `make messages` and translate: {missing}"
