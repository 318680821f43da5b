"""Model fields from data: whatever field an item names is looked up in the model's `_meta` and set.

So a new model field needs only a data edit. The shapes the data uses:
- plain fields take the value as it is (YAML dates and numbers included); a naive date-time is read in
  the item's own `time_zone`, when it has one;
- a foreign key or a many-to-many field takes the language-neutral key of what it points to (an ISO
  code, a slug, a person's name, a page's slug, a document's or image's `key`);
- rich text is a paragraph, `{ul: [...]}` or `{ol: [...]}`, or a list of these;
- a child relation (key figures, speakers, brief authors) is a list of rows, in their order;
- a StreamField is a list of blocks, each `{block type: value}`; a struct block's missing parts take
  their default, or what the admin form stores for an empty input.
"""

from __future__ import annotations

import json
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail.coreutils import resolve_model_string
from wagtail.fields import RichTextField, StreamField

from .files import DemoDataError


@dataclass
class Refs:
    """What the data has loaded so far, by model and language-neutral key, for the data that names it."""

    entries: dict[type, dict[str, models.Model]] = field(default_factory=dict)

    def add(self, obj: models.Model, key: str) -> None:
        self.entries.setdefault(type(obj), {})[key] = obj

    def get(self, model: type[models.Model], key: str, *, where: str) -> models.Model:
        """The entry of `model` (or of one of its subclasses, such as a page type) with that key."""
        found = [entries[key] for cls, entries in self.entries.items() if issubclass(cls, model) and key in entries]
        if len(found) != 1:
            problem = "names no" if not found else "is ambiguous for"
            raise DemoDataError(f"{where}: {key!r} {problem} {model._meta.label} loaded before it")
        return found[0]


def html(value) -> str:
    """Rich text from plain paragraphs; see the module's docstring for the shapes."""
    parts = []
    for paragraph in [value] if isinstance(value, str | dict) else value:
        if isinstance(paragraph, dict):
            (tag, items), *others = paragraph.items()
            if others or tag not in ("ul", "ol"):
                raise DemoDataError(f"A rich-text list is {{ul: [...]}} or {{ol: [...]}}, not {paragraph!r}")
            parts.append(f"<{tag}>{''.join(f'<li>{escape(item, quote=False)}</li>' for item in items)}</{tag}>")
        else:
            parts.append(f"<p>{escape(paragraph, quote=False)}</p>")
    return "".join(parts)


def words_merged(source: dict, words: dict) -> dict:
    """A translation's fields, where a list of dicts as long as the source's is merged item by item.

    So a translated agenda item names only its title; its day and times come from the source. A
    dict inside an item (a block's value) is merged the same way, one level down.
    """
    merged = {}
    for name, value in words.items():
        original = source.get(name)
        if (
            isinstance(value, list)
            and isinstance(original, list)
            and len(value) == len(original)
            and all(isinstance(item, dict) for item in [*value, *original])
        ):
            value = [_item_merged(old, new) for old, new in zip(original, value, strict=True)]
        merged[name] = value
    return merged


def _item_merged(old: dict, new: dict) -> dict:
    return {
        **old,
        **{k: {**old[k], **v} if isinstance(v, dict) and isinstance(old.get(k), dict) else v for k, v in new.items()},
    }


def fields_apply(obj: models.Model, item: dict, refs: Refs, *, where: str) -> list[Callable[[], None]]:
    """Set on `obj` every field `item` names; raise `DemoDataError` naming `where` for an unknown one.

    Returns the writes that need `obj` saved first (plain many-to-many fields); call them after saving.
    """
    later = []
    model = type(obj)
    for name, value in item.items():
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            raise DemoDataError(f"{where}: {model._meta.label} has no field {name!r}") from None
        here = f"{where}, {name}"
        if isinstance(model_field, models.ManyToOneRel) and isinstance(model_field.field, ParentalKey):
            setattr(obj, name, _child_rows(model_field, value, refs, where=here))
        elif isinstance(model_field, TaggableManager):
            getattr(obj, name).set(value)
        elif isinstance(model_field, models.ManyToManyField):
            targets = [refs.get(model_field.related_model, key, where=here) for key in value]
            if isinstance(model_field, ParentalManyToManyField):
                setattr(obj, name, targets)
            else:
                later.append(lambda name=name, targets=targets: getattr(obj, name).set(targets))
        elif isinstance(model_field, models.ForeignKey):
            target = None if value is None else refs.get(model_field.related_model, value, where=here)
            setattr(obj, name, target)
        elif isinstance(model_field, StreamField):
            setattr(obj, name, stream_json(model_field.stream_block, value, refs, where=here))
        elif isinstance(model_field, RichTextField):
            setattr(obj, name, html(value))
        elif model_field.concrete and not model_field.is_relation:
            value = model_field.to_python(value)
            if isinstance(model_field, models.DateTimeField) and timezone.is_naive(value):
                zone = item.get("time_zone") or getattr(obj, "time_zone", None) or settings.TIME_ZONE
                value = value.replace(tzinfo=zoneinfo.ZoneInfo(zone))
            setattr(obj, name, value)
        else:
            raise DemoDataError(f"{where}: the demo data cannot set {model._meta.label}.{name}")
    return later


def _child_rows(relation: models.ManyToOneRel, rows: list[dict], refs: Refs, *, where: str) -> list[models.Model]:
    child_model = relation.related_model
    children = []
    for order, row in enumerate(rows):
        child = child_model()
        fields_apply(child, row, refs, where=f"{where} #{order + 1}")
        if hasattr(child, "sort_order"):
            child.sort_order = order
        children.append(child)
    return children


def stream_json(stream_block: blocks.StreamBlock, items: list[dict], refs: Refs, *, where: str) -> str:
    """StreamField data in its stored JSON form; Wagtail adds block ids on save."""
    return json.dumps(_stream_value(stream_block, items, refs, where=where), cls=DjangoJSONEncoder)


def _stream_value(stream_block: blocks.StreamBlock, items: list[dict], refs: Refs, *, where: str) -> list[dict]:
    values = []
    for number, item in enumerate(items, start=1):
        here = f"{where} #{number}"
        if not isinstance(item, dict) or len(item) != 1:
            raise DemoDataError(f"{here}: a block is {{block type: value}}, not {item!r}")
        ((kind, value),) = item.items()
        if kind not in stream_block.child_blocks:
            raise DemoDataError(f"{here}: no block type {kind!r} in {sorted(stream_block.child_blocks)}")
        values.append({"type": kind, "value": _block_value(stream_block.child_blocks[kind], value, refs, where=here)})
    return values


def _block_value(block: blocks.Block, value, refs: Refs, *, where: str):
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict) or set(value) - set(block.child_blocks):
            raise DemoDataError(f"{where}: {value!r} does not fit the parts {sorted(block.child_blocks)}")
        return {
            name: _block_value(child, value[name], refs, where=f"{where}, {name}") if name in value else _empty(child)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.StreamBlock):
        return _stream_value(block, value, refs, where=where)
    if isinstance(block, blocks.ListBlock):
        return [_block_value(block.child_block, part, refs, where=where) for part in value]
    if isinstance(block, blocks.RichTextBlock):
        return html(value)
    if isinstance(block, blocks.ChooserBlock):
        return refs.get(resolve_model_string(block.target_model), value, where=where).pk
    return value


def _empty(block: blocks.Block):
    value = block.get_prep_value(block.get_default())
    if value is None and isinstance(block, blocks.FieldBlock):
        # What the admin form stores for an empty input: "" for text, None for a date or time.
        value = block.field.to_python(None)
    return value
