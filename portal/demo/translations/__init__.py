"""Russian and Korean words for the demo pages, kept apart from the English facts.

Each module here is named `<language>_<part>.py` and defines `PAGES`: a dict from a page key
(`countries/<slug>`, `knowledge/<slug>`, `events/<slug>`) to that page's translation, in the
same shape as a `translations` entry in `content.py`: only the fields that carry words, with
lists of dicts merged item by item with the English list.
"""

import importlib
import pkgutil


def translations_by_page() -> dict[str, dict[str, dict]]:
    """{page key: {language code: words}} from every module in this package."""
    found: dict[str, dict[str, dict]] = {}
    for module_info in pkgutil.iter_modules(__path__):
        language = module_info.name.split("_", 1)[0]
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, words in module.PAGES.items():
            found.setdefault(key, {})[language] = words
    return found
