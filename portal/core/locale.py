"""Content in the reader's language: locale fallbacks and vocabulary entries.

Readers of a language see every item, translated or not, and every vocabulary entry in
their language where it has been translated. Pages and documents link to the
default-language entry of a vocabulary; its translations share its `translation_key`.

Entries are put into the reader's language in one place, `entries_in_language`, always for a whole
list at once. Selectors attach the result to what they return (`attach_in_language`), so
templates read `item.in_language.countries` and never query.

Within a GET or HEAD request a vocabulary (countries, themes, organisations, people, event series,
Sunflower components: a few hundred rows each) is read whole, every language at once, the first
time a page needs it (`portal.core.request_memo`), and every later lookup on the page, by key
and language or by id, is answered from that read. Documents and pages are never read whole.
"""

from collections.abc import Iterable, Mapping

from django.conf import settings
from django.db import models
from django.db.models import Q, Value
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents.models import AbstractDocument
from wagtail.models import Locale, Page, TranslatableMixin

from portal.core import request_memo, shared_reads
from portal.core.page_cache_purge import PURGE_ALL_MODELS
from portal.core.page_family import page_family

# The request memo's namespaces for the site's locales and for the vocabularies read whole.
MEMO = "locales"
VOCABULARY_MEMO = "vocabularies"


def _locales() -> dict[str, Locale]:
    """Every locale by language code, read once per request (`portal.core.request_memo`)."""
    return shared_reads.shared(MEMO, lambda: {locale.language_code: locale for locale in Locale.objects.all()})


def locale_for(language_code: str) -> Locale | None:
    """The locale of `language_code` (or its supported variant), None when the site has none."""
    try:
        return _locales().get(get_supported_content_language_variant(language_code or ""))
    except LookupError:
        return None


def default_locale() -> Locale:
    """`Locale.get_default()`, without a query once the request has read the locales."""
    return locale_for(settings.LANGUAGE_CODE) or Locale.get_default()


def active_locale() -> Locale:
    """`Locale.get_active()`: the locale of the active language, else the default one."""
    return locale_for(translation.get_language()) or default_locale()


def locale_codes() -> dict[int, str]:
    """Language code by locale id, for every locale."""
    return {locale.pk: code for code, locale in _locales().items()}


def locales_by_id() -> dict[int, Locale]:
    """Every locale by id."""
    return {locale.pk: locale for locale in _locales().values()}


def _forget_locales(sender, **kwargs):
    request_memo.forget(MEMO)


def _forget_vocabularies(sender, **kwargs):
    if issubclass(sender, TranslatableMixin):
        request_memo.forget(VOCABULARY_MEMO)


def connect_locale_memo() -> None:
    """A locale or vocabulary entry changed within a request is not read stale (called from `portal.apps`)."""
    post_save.connect(_forget_locales, sender=Locale, dispatch_uid="portal_locale_forget_saved")
    post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="portal_locale_forget_deleted")
    post_save.connect(_forget_vocabularies, dispatch_uid="portal_vocabularies_forget_saved")
    post_delete.connect(_forget_vocabularies, dispatch_uid="portal_vocabularies_forget_deleted")


def is_vocabulary(model) -> bool:
    """A translatable model small enough to read whole once per request: anything but documents and pages."""
    return issubclass(model, TranslatableMixin) and not issubclass(model, AbstractDocument | Page)


class Vocabulary:
    """Every entry of one vocabulary, in every language, by id and by (translation key, language)."""

    def __init__(self, model):
        codes = locale_codes()
        # The model's own ordering, which is the order of its many-to-many relations.
        self.entries = list(model.objects.all())
        self.by_pk = {entry.pk: entry for entry in self.entries}
        self.position = {entry.pk: index for index, entry in enumerate(self.entries)}
        self.by_key = {(entry.translation_key, codes.get(entry.locale_id)): entry for entry in self.entries}
        self.ordered = bool(model._meta.ordering)

    def in_language(self, language: str) -> list:
        return [entry for entry in self.entries if self.by_key.get((entry.translation_key, language)) is entry]


def vocabulary(model) -> Vocabulary | None:
    """The whole vocabulary `model`, read once per request; None outside a request or for documents and pages.

    Callers then read what they need themselves: outside a request, reading a whole
    vocabulary for one entry would cost more than it saves.
    """
    if not request_memo.active() or not is_vocabulary(model):
        return None
    # Shared across requests only where every change purges it (`portal.core.page_cache_purge`).
    keep = shared_reads.shared if model._meta.label in PURGE_ALL_MODELS else request_memo.memoised
    return keep((VOCABULARY_MEMO, model._meta.label), lambda: Vocabulary(model))


def vocabulary_entries_by_pk(model, pks: Iterable) -> dict:
    """Entries of `model` by id, from the request's whole read when there is one, else one query."""
    pks = {pk for pk in pks if pk is not None}
    whole = vocabulary(model)
    if whole is not None:
        return {pk: whole.by_pk[pk] for pk in pks if pk in whole.by_pk}
    return {entry.pk: entry for entry in model.objects.filter(pk__in=pks)} if pks else {}


def in_locale_with_fallback(queryset, *, locale: Locale):
    """Items in `locale`, plus default-language items not yet translated into it.

    Readers of a language see every item: the translated ones in their language, the rest
    in the default language (whose page then carries the fallback notice).
    """
    default = default_locale()
    if locale.pk == default.pk:
        return queryset.filter(locale=locale)
    translated = queryset.model.objects.filter(locale=locale)
    if any(field.name == "live" for field in queryset.model._meta.concrete_fields):
        # A translation waiting for review (a draft) leaves its original in the list.
        translated = translated.filter(live=True)
    translated = translated.values("translation_key")
    return queryset.filter(Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated)))


def under_section(section) -> Q:
    """Pages below `section` or below its default-language original."""
    condition = Q(path__startswith=section.path) & ~Q(pk=section.pk)
    # From the section's family, read once per request with its ancestors (`portal.core.page_family`).
    original = page_family(section).member(locale_id=default_locale().pk, live=False)
    if original is not None and original.pk != section.pk:
        condition |= Q(path__startswith=original.path) & ~Q(pk=original.pk)
    return condition


def reader_language() -> str:
    """The content language of the reader: the active interface language, else the default."""
    try:
        return get_supported_content_language_variant(translation.get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def entries_in_language(entries: Iterable, *, language: str | None = None) -> list:
    """Vocabulary entries and documents in `language` (the reader's by default), in their order.

    An entry without a translation stays as it is. One query per model for the whole list,
    none in the default language, which is the language content links to; within a request,
    one per vocabulary for the whole request (`vocabulary`).
    """
    entries = list(entries)
    language = language or reader_language()
    if language == settings.LANGUAGE_CODE:
        return entries
    keys_by_model: dict[type, set] = {}
    for entry in entries:
        if entry is not None:
            keys_by_model.setdefault(type(entry), set()).add(entry.translation_key)
    found = {}
    for model, keys in keys_by_model.items():
        whole = vocabulary(model)
        if whole is not None:
            found.update(
                {(model, key): whole.by_key[(key, language)] for key in keys if (key, language) in whole.by_key}
            )
            continue
        for translated in model.objects.filter(translation_key__in=keys, locale__language_code=language):
            found[(model, translated.translation_key)] = translated
    return [entry and found.get((type(entry), entry.translation_key), entry) for entry in entries]


def _vocabulary_held(model) -> bool:
    """Whether reading the whole vocabulary costs no query: read in this request, or shared across requests."""
    if shared_reads.enabled() and model._meta.label in PURGE_ALL_MODELS:
        return True
    return request_memo.holds((VOCABULARY_MEMO, model._meta.label))


def _unread_vocabulary_relations(items: list, fields: list[str], *, language: str) -> dict:
    """The entries of the many-to-many vocabulary relations of `items` not in memory yet, in few queries.

    Every relation's through table is read in one query (a union), its ids then looked up in the
    request's vocabularies: a page showing countries, themes, organisers and partners costs one
    query for the four, plus one per vocabulary not read yet in the request, instead of one
    each. That is done only where it costs fewer queries than reading each relation (the
    translations read the vocabularies anyway outside the default language). Relations already
    in memory (prefetched, or the unsaved state of a preview) are left to `_read`. Gives
    {(id(item), field): [entries]}.
    """
    wanted: dict[tuple[type, str], list] = {}
    for item in items:
        if not isinstance(item, models.Model) or item.pk is None:
            continue
        for name in dict.fromkeys(field.split(".", 1)[0] for field in fields):
            try:
                field = item._meta.get_field(name)
            except LookupError:
                continue
            if not (field.many_to_many and field.concrete) or not is_vocabulary(field.related_model):
                continue
            in_memory = getattr(item, "_prefetched_objects_cache", {}), getattr(item, "_cluster_related_objects", {})
            if any(name in cache for cache in in_memory):
                continue
            wanted.setdefault((type(item), name), []).append(item)
    targets = {model._meta.get_field(name).related_model for model, name in wanted}
    unread_vocabularies = 0 if language != settings.LANGUAGE_CODE else sum(not _vocabulary_held(m) for m in targets)
    if len(wanted) < 2 + unread_vocabularies or not request_memo.active():
        return {}
    reads = []
    for tag, ((model, name), owners) in enumerate(wanted.items()):
        field = model._meta.get_field(name)
        owner, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        reads.append(
            field.remote_field.through.objects.filter(**{f"{owner}_id__in": [item.pk for item in owners]})
            .order_by()
            .values_list(Value(tag, output_field=models.IntegerField()), f"{owner}_id", f"{target}_id", "pk")
        )
    linked: dict[tuple[int, int], list] = {}
    for tag, owner_pk, target_pk, _pk in sorted(reads[0].union(*reads[1:], all=True), key=lambda row: row[3]):
        linked.setdefault((tag, owner_pk), []).append(target_pk)
    found = {}
    for tag, ((model, name), owners) in enumerate(wanted.items()):
        whole = vocabulary(model._meta.get_field(name).related_model)
        for item in owners:
            entries = [whole.by_pk[pk] for pk in linked.get((tag, item.pk), []) if pk in whole.by_pk]
            if whole.ordered:
                entries.sort(key=lambda entry: whole.position[entry.pk])
            found[(id(item), name)] = entries
    return found


def _step(value, name: str, *, language: str):
    """`value.name`; a foreign key to a vocabulary comes from the request's read of it when that costs nothing more.

    The entry found is kept on `value` as Django would, so templates reading `value.name` do not query.
    """
    if isinstance(value, Mapping):
        return value.get(name)
    if isinstance(value, models.Model):
        try:
            field = value._meta.get_field(name)
        except LookupError:
            field = None
        if field is not None and field.many_to_one and field.concrete and not field.is_cached(value):
            model = field.related_model
            if language != settings.LANGUAGE_CODE or _vocabulary_held(model):
                whole = vocabulary(model)
                pk = getattr(value, field.attname)
                if whole is not None and pk in whole.by_pk:
                    field.set_cached_value(value, whole.by_pk[pk])
    return getattr(value, name)


def _read(item, path: str, *, unread: dict, language: str):
    """`item.a.b` for the path "a.b"; a many-to-many step gives the list of its entries."""
    if (id(item), path) in unread:
        return unread[(id(item), path)]
    value = item
    for name in path.split("."):
        if value is None:
            return None
        value = _step(value, name, language=language)
    return list(value.all()) if hasattr(value, "all") else value


def attach_in_language(items: list, fields: Iterable[str], *, language: str | None = None) -> list:
    """Give each item an `in_language` mapping: each field's entry, or list of entries, in `language`.

    `fields` name relations of the items ("countries", "host_country"; "person.organisation"
    is attached as "organisation"). Within a request, relations to vocabularies are read
    together (`_unread_vocabulary_relations`) and foreign keys to vocabularies come from the
    request's read of the vocabulary; for other relations, read them with `select_related` or
    `prefetch_related` beforehand. The translations cost one query per vocabulary per request
    (per list outside a request). Items may be objects or block values (a StructBlock's "document").
    """
    fields = list(fields)
    language = language or reader_language()
    unread = _unread_vocabulary_relations(items, fields, language=language)
    values = {
        (index, field): _read(item, field, unread=unread, language=language)
        for index, item in enumerate(items)
        for field in fields
    }
    flat = [entry for value in values.values() for entry in (value if isinstance(value, list) else [value])]
    translated = iter(entries_in_language(flat, language=language))
    for index, item in enumerate(items):
        attached = dict(getattr(item, "in_language", None) or {})
        for field in fields:
            value = values[(index, field)]
            name = field.rsplit(".", 1)[-1]
            attached[name] = [next(translated) for _entry in value] if isinstance(value, list) else next(translated)
        item.in_language = attached
    return items


def block_values(*streams, field: str) -> list:
    """The values of the blocks in `streams` (StreamField values) that have `field`, such as a document."""
    return [
        block.value
        for stream in streams
        for block in stream or ()
        if isinstance(block.value, Mapping) and block.value.get(field) is not None
    ]


def vocabulary_in_locale(*, model, locale: Locale) -> list:
    """Every entry of a vocabulary in the reader's language, falling back to the default language."""
    whole = vocabulary(model)
    if whole is not None:
        entries = whole.in_language(settings.LANGUAGE_CODE)
    else:
        entries = model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return sorted(entries_in_language(entries, language=locale.language_code), key=str)
