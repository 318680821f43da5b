"""Russian and Korean words for the demo pages, kept apart from the English facts.

Each module here is named `<language>_<part>.py` and defines `PAGES`: a dict from a page key
(`countries/<slug>`, `knowledge/<slug>`, `events/<slug>`) to that page's translation, in the
same shape as a `translations` entry in `content.py`: only the fields that carry words, with
lists of dicts merged item by item with the English list. A module may also define
`DOCUMENTS`: a dict from a document key (as in `content.DOCUMENTS`, `brief:<slug>` for a
brief's own PDF) to its translated `title` and `description`.
"""

import importlib
import pkgutil


def translations_by_page() -> dict[str, dict[str, dict]]:
    """{page key: {language code: words}} from every module in this package."""
    return _collect("PAGES")


def translations_by_document() -> dict[str, dict[str, dict]]:
    """{document key: {language code: {"title", "description"}}} from every module in this package."""
    return _collect("DOCUMENTS")


def _collect(name: str) -> dict[str, dict[str, dict]]:
    found: dict[str, dict[str, dict]] = {}
    for module_info in pkgutil.iter_modules(__path__):
        language = module_info.name.split("_", 1)[0]
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, words in getattr(module, name, {}).items():
            found.setdefault(key, {})[language] = words
    return found
