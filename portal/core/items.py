"""What the portal holds, declared once: item kinds and item keys.

A kind is declared on its model with `@item_kind(...)`, next to the model's fields; search
facets, list filters, badges and feeds read the declarations through `kinds()` and
`kind_of()`. An item key (`ItemKey`) names one page or document in the search records and
the index: `page:12`, `document:3`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model
from django.utils.text import capfirst

from wagtail.documents.models import AbstractDocument


@dataclass(frozen=True)
class ItemKind:
    """One kind of item: its language-neutral key, its model and where it is offered."""

    key: str  # in URLs, filters and the index: "brief"
    model: type[Model]
    order: int  # place among the kinds in facets and filters
    section: str = ""  # the listing whose "kind" filter offers it: "knowledge"

    @property
    def label(self) -> str:
        return capfirst(self.model._meta.verbose_name)

    @property
    def plural(self) -> str:
        return capfirst(self.model._meta.verbose_name_plural)

    @property
    def key_type(self) -> str:
        """What the kind's item keys start with: `ItemKey.PAGE` or `ItemKey.DOCUMENT`."""
        return ItemKey.DOCUMENT if issubclass(self.model, AbstractDocument) else ItemKey.PAGE


_KINDS: dict[str, ItemKind] = {}


def item_kind(key: str, *, order: int, section: str = ""):
    """Class decorator: declare `model` an item kind under `key`."""

    def declare(model: type[Model]) -> type[Model]:
        existing = _KINDS.get(key)
        if existing is not None and existing.model.__qualname__ != model.__qualname__:
            raise ImproperlyConfigured(f"Item kind {key!r} is declared twice: {existing.model} and {model}.")
        _KINDS[key] = ItemKind(key=key, model=model, order=order, section=section)
        return model

    return declare


def kinds(*, section: str | None = None) -> list[ItemKind]:
    """The declared kinds in their order; only those of `section` when given."""
    found = sorted(_KINDS.values(), key=lambda kind: kind.order)
    return [kind for kind in found if section is None or kind.section == section]


def kind(key: str) -> ItemKind | None:
    return _KINDS.get(key)


def kind_of(obj_or_model) -> ItemKind | None:
    """The kind of an object or model (a page of its specific class), or None."""
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    for declared in _KINDS.values():
        if declared.model is model:
            return declared
    return None


class ItemKey(NamedTuple):
    """One page or document, as the search records and the index name it: `page:12`."""

    type: str  # PAGE or DOCUMENT
    pk: int

    PAGE = "page"
    DOCUMENT = "document"

    def __str__(self) -> str:
        return f"{self.type}:{self.pk}"

    @classmethod
    def page(cls, pk: int) -> ItemKey:
        return cls(cls.PAGE, int(pk))

    @classmethod
    def document(cls, pk: int) -> ItemKey:
        return cls(cls.DOCUMENT, int(pk))

    @classmethod
    def parse(cls, text: str | ItemKey) -> ItemKey:
        """`ItemKey.parse("page:12")` (a key is returned as it is); ValueError for anything else."""
        if isinstance(text, ItemKey):
            return text
        type_, _sep, pk = str(text).partition(":")
        if type_ not in (cls.PAGE, cls.DOCUMENT) or not pk.isdigit():
            raise ValueError(f"Not an item key: {text!r}")
        return cls(type_, int(pk))

    @classmethod
    def of(cls, obj) -> ItemKey:
        """The key of a page or a document."""
        return cls(cls.DOCUMENT if isinstance(obj, AbstractDocument) else cls.PAGE, obj.pk)

    @classmethod
    def group(cls, keys) -> dict[str, list[int]]:
        """Ids by type, for keys given as `ItemKey`s or strings: `{"page": [...], "document": [...]}`."""
        grouped: dict[str, list[int]] = {cls.PAGE: [], cls.DOCUMENT: []}
        for key in keys:
            parsed = key if isinstance(key, ItemKey) else cls.parse(key)
            grouped[parsed.type].append(parsed.pk)
        return grouped
