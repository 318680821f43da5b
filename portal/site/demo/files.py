"""Reading the demo data: YAML files under `data/`, and the error that names what is wrong in them."""

from __future__ import annotations

from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


class DemoDataError(Exception):
    """A data file names something the models or the other files do not have."""


def data_read(relative: str | Path):
    """The parsed content of one data file, by its path under `data/`."""
    path = DATA_DIR / relative
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def data_paths(folder: str) -> list[Path]:
    """The data files in `folder`, as paths under `data/`, in name order (the order they load in)."""
    return [path.relative_to(DATA_DIR) for path in sorted((DATA_DIR / folder).glob("*.yaml"))]


def _read_if_present(name: str) -> dict:
    return (data_read(name) or {}) if (DATA_DIR / name).exists() else {}


def translations_read() -> dict[str, dict]:
    """{language code: {"vocabularies", "documents", "pages": {page file name: {slug: words}}}}.

    One folder per language under `data/translations/`, laid out like `data/` itself.
    """
    found = {}
    for folder in sorted(path for path in (DATA_DIR / "translations").iterdir() if path.is_dir()):
        code = folder.name
        # A language may translate only some of them (the countries' names, say).
        found[code] = {
            "vocabularies": _read_if_present(f"translations/{code}/vocabularies.yaml"),
            "documents": _read_if_present(f"translations/{code}/documents.yaml"),
            "pages": {path.name: data_read(path) or {} for path in data_paths(f"translations/{code}/pages")},
        }
    return found
