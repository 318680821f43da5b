"""Search's own tables: synonyms, index updates waiting for a retry, and the database engine's records."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.core.items import ItemKey
from search import wordforms


class Synonym(models.Model):
    """One group of terms that mean the same thing to a reader, in any language.

    A search for any term of a group also finds items that use another term of it
    ("GBV" finds "gender-based violence"). Groups apply to both search engines and take
    effect at once, without rebuilding the index.
    """

    terms = models.TextField(
        _("terms"),
        help_text=_("One term per line, in any language, for example: GBV, gender-based violence, гендерное насилие."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True, help_text=_("Why these terms belong together."))

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["pk"]

    def __str__(self):
        terms = self.term_list
        return " = ".join(terms[:3]) + (" …" if len(terms) > 3 else "")

    @property
    def term_list(self) -> list[str]:
        seen: dict[str, str] = {}
        for line in self.terms.splitlines():
            term = " ".join(line.split())
            if term and term.casefold() not in seen:
                seen[term.casefold()] = term
        return list(seen.values())


class PendingIndexUpdate(models.Model):
    """An index update that failed (the node was down) and waits to be tried again.

    `key` names the object ("page:12", "document:3"), not what to do with it: a retry
    reads the object's state at that moment, so it indexes or removes it as fits then.
    """

    key = models.CharField(_("object"), max_length=64, unique=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("first failed at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last failed at"), auto_now=True)

    class Meta:
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.key


class SearchRecordsVersion(models.Model):
    """Changes with every write of the search records: what the database engine's cache is keyed on.

    One row, a new random value per write (`search.records`), so a rolled-back write never
    leaves behind a value a later one could repeat. Absent until the first write.
    """

    value = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("search records version")
        verbose_name_plural = _("search records versions")

    def __str__(self):
        return self.value


class SearchRecord(index.Indexed, models.Model):
    """One searchable item as the database engine reads it: the serializer's output in a table.

    The Elasticsearch index and these rows are written by the same `search.indexing.sync`
    from the same serialized documents, so both engines see the same items, kinds, facets
    and audiences. The text is matched by Wagtail's database search backend (SQLite FTS5,
    PostgreSQL full text); the facet values sit in the row itself, so filtering and counting
    need neither the page tree nor the vocabularies' join tables.
    """

    key = models.CharField(_("object"), max_length=64, unique=True)
    # An item and its translations share a family (`page:<translation_key>`): a search shows
    # one hit per family (`search.queries.families`).
    family = models.CharField(_("item"), max_length=64, blank=True)
    # Cascades keep the table free of records whose object is gone, whatever path deletes it.
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=32)
    locale = models.CharField(_("language"), max_length=16, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    audience = models.CharField(_("audience"), max_length=16)
    title = models.TextField(_("title"))
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    url = models.TextField(_("address"), blank=True)
    countries = models.TextField(_("countries"), blank=True, help_text=_("ISO codes, space-separated"))
    themes = models.TextField(_("themes"), blank=True, help_text=_("Theme keys, space-separated"))

    # Written explicitly by `search.records`, in bulk; a save elsewhere must not index half a row.
    search_auto_update = False
    # `stems`: the same text as Snowball stems in the item's language (`search.wordforms`), kept in
    # the full-text table's third column (the backend's autocomplete column, which the records
    # have no other use for), so that it counts less than the words as written in bm25.
    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("stems"),
    ]

    class Meta:
        verbose_name = _("search record")
        verbose_name_plural = _("search records")
        # Covers every column the database engine scans (`search.queries.database.ROW_COLUMNS`),
        # newest first: a search without words reads this compact index, never the texts.
        indexes = [
            models.Index(
                fields=[
                    "date",
                    "id",
                    "countries",
                    "themes",
                    "kind",
                    "locale",
                    "year",
                    "audience",
                    "page",
                    "document",
                    "family",
                ],
                name="search_record_scan_family",
            ),
            models.Index(fields=["family"], name="search_record_family"),
        ]

    def __str__(self):
        return self.key

    def stems(self) -> str:
        """The marked stems of the title, summary and text, for the full-text index only."""
        return wordforms.indexed_stems(f"{self.title}\n{self.summary}\n{self.body}", self.locale)

    @property
    def item_key(self) -> ItemKey:
        return ItemKey.parse(self.key)

    @property
    def country_codes(self) -> list[str]:
        return self.countries.split()


class ZeroResultQuery(models.Model):
    """How many times a day the same words, searched in one language, found nothing: a content gap.

    Survivors may type personal things into a search box, so only what the programme needs to
    see a gap is kept: the words, normalised and cut to `QUERY_MAX_LENGTH` characters, with
    anything that looks like an email address or a phone or identity number removed
    (`search.zero_results.zero_result_query_normalise`), the interface language and the day.
    Never the reader, their address, their session or the time of day.
    """

    QUERY_MAX_LENGTH = 100

    query = models.CharField(_("search terms"), max_length=QUERY_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=16)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["query", "language", "day"], name="unique_zero_result_query_day")
        ]
        indexes = [models.Index(fields=["day", "language"], name="zero_result_day_language")]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.day}): {self.count}"
