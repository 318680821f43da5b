"""The portal's document model: files with the metadata a repository needs.

In place from the first migration (`WAGTAILDOCS_DOCUMENT_MODEL`), so versions, citation
export and harvesting can add fields later without swapping models.

Documents are translatable the way snippets are: a translation is a row of its own in
another locale, sharing the `translation_key`, with its own title and description and the
same file. What describes the file itself (the file, type, dates, authors, countries,
themes, collection) is one fact for the whole family: `knowledge.documents` copies it to
every translation whichever of them was saved, and deletes a file only when no row uses it.
"""

import datetime

from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from anyascii import anyascii

from knowledge import uploads
from knowledge.storage import SharedFileStorage
from portal.core.items import item_kind
from portal.core.models.taxonomy import in_default_locale


def document_storage():
    return SharedFileStorage()


# Copied from a document to its translations on every save (`knowledge.documents`).
SHARED_FIELDS = (
    "file",
    "file_size",
    "file_hash",
    "collection",
    "document_type",
    "language",
    "publication_date",
    "authors",
    "publisher",
    "partner_organisations",
    "licence",
    "edition",
    "related_event",
    "audience",
    "extracted_text",
    "extraction_state",
    "extraction_message",
    "reviewed",
)
SHARED_VOCABULARIES = ("countries", "themes")
# Of those, the text read from the family's file: a row with a file of its own (`own_file`)
# keeps the text read from that instead, and neither gives it to nor takes it from the family.
FILE_TEXT_FIELDS = ("extracted_text", "extraction_state", "extraction_message")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_IGO = "cc-by-3.0-igo", "CC BY 3.0 IGO"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    CC_BY_NC_ND = "cc-by-nc-nd-4.0", "CC BY-NC-ND 4.0"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


# Where each licence's terms are read (the landing page links them; JSON-LD names them).
LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_IGO: "https://creativecommons.org/licenses/by/3.0/igo/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_NC_ND: "https://creativecommons.org/licenses/by-nc-nd/4.0/",
}


class Audience(models.TextChoices):
    PUBLIC = "public", _("General public")
    POLICY = "policy", _("Policy makers")
    PRACTITIONERS = "practitioners", _("Service providers and practitioners")
    TRAINERS = "trainers", _("Trainers")
    RESEARCHERS = "researchers", _("Researchers")


class ExtractionState(models.TextChoices):
    PENDING = "pending", _("Waiting to be read")
    READ = "read", _("Text read")
    OCR = "ocr", _("Text read by OCR")
    NEEDS_OCR = "needs_ocr", _("Scanned, without a text layer: OCR is not installed")
    UNSUPPORTED = "unsupported", _("File type not read")
    FAILED = "failed", _("File could not be read")


@item_kind("document", order=60)
class KnowledgeDocument(TranslatableMixin, AbstractDocument):
    class DocumentType(models.TextChoices):
        REPORT = "report", _("Report")
        BRIEF = "brief", _("Brief")
        PRESENTATION = "presentation", _("Presentation")
        PROTOCOL = "protocol", _("Protocol")
        TRAINING = "training", _("Training material")
        TOOL = "tool", _("Tool or template")
        AGREEMENT = "agreement", _("Agreement")
        PROCEEDINGS = "proceedings", _("Meeting record")
        TRANSCRIPT = "transcript", _("Transcript")

    file = models.FileField(upload_to="documents", verbose_name=_("file"), storage=document_storage)
    description = models.TextField(_("summary"), blank=True)
    document_type = models.CharField(
        _("kind"), max_length=20, choices=DocumentType.choices, default=DocumentType.REPORT
    )
    language = models.CharField(_("language of the file"), max_length=10, default="en")
    publication_date = models.DateField(_("publication date"), default=datetime.date.today)
    authors = models.CharField(
        _("authors"),
        max_length=255,
        blank=True,
        help_text=_("People or organisations, separated by semicolons: “Kim, Ji-young; UNDP”."),
    )
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    partner_organisations = models.CharField(
        _("partner organisations"), max_length=500, blank=True, help_text=_("Separated by semicolons.")
    )
    licence = models.CharField(_("licence"), max_length=30, choices=Licence.choices, blank=True)
    edition = models.CharField(_("edition"), max_length=50, blank=True, help_text=_("For example: “2nd edition”."))
    related_event = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("related event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The webinar, study mission or meeting this document comes from."),
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, blank=True)
    # A translation may carry a file of its own in its language (a Russian PDF of an English
    # report): not shared with the family, unlike `file`.
    own_file = models.FileField(
        _("file in this language"),
        upload_to="documents",
        storage=document_storage,
        blank=True,
        help_text=_("A version of the file in this translation's language, if there is one."),
    )
    own_file_size = models.PositiveBigIntegerField(null=True, editable=False)
    countries = models.ManyToManyField(
        "portal.Country", verbose_name=_("countries"), blank=True, related_name="+", limit_choices_to=in_default_locale
    )
    themes = models.ManyToManyField(
        "portal.Theme", verbose_name=_("themes"), blank=True, related_name="+", limit_choices_to=in_default_locale
    )
    extracted_text = models.TextField(
        _("extracted text"), blank=True, editable=False, help_text=_("Text read from the file, for search.")
    )
    # Where reading the file stands (`knowledge.extraction`): a file that could not be read,
    # or a scan without OCR, is flagged on its edit page with the reason.
    extraction_state = models.CharField(
        _("text extraction"), max_length=20, choices=ExtractionState.choices, blank=True, editable=False
    )
    extraction_message = models.CharField(_("text extraction message"), max_length=500, blank=True, editable=False)
    # Readers see a document only once it is reviewed (`portal.core.privacy.documents_visible_to`).
    # The admin's upload forms mark an upload by someone without the review right unreviewed
    # (`knowledge.review`); rows made outside them (the demo, imports) count as reviewed.
    reviewed = models.BooleanField(
        _("reviewed"),
        default=True,
        editable=False,
        help_text=_("Released to readers by a reviewer, or by publishing a page that uses it."),
    )

    admin_form_fields = (
        *Document.admin_form_fields,
        "description",
        "document_type",
        "language",
        "publication_date",
        "authors",
        "publisher",
        "partner_organisations",
        "edition",
        "licence",
        "audience",
        "related_event",
        "countries",
        "themes",
        "own_file",
    )
    # Translators translate the words. The rest is the family's (SHARED_FIELDS), kept equal by
    # `knowledge.documents` from the rows themselves, never from wagtail-localize's snapshot.
    translatable_fields = [TranslatableField("title"), TranslatableField("description")]
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description"),
        index.SearchField("extracted_text"),
        index.FilterField("document_type"),
        index.FilterField("language"),
        # The privacy gate filters on it, in API v2's `?search=` too.
        index.FilterField("reviewed"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [
            ("choose_document", "Can choose document"),
            ("review_knowledgedocument", "Can review documents"),
        ]

    def clean(self):
        # The last step of a multiple upload validates the new row before it attaches the file,
        # whose type the upload step has already checked: without a file there is nothing to check.
        if self.file:
            super().clean()

    @property
    def slug(self) -> str:
        """The landing page's slug: the title in Latin letters (any script), or "document"."""
        return slugify(anyascii(self.title or ""))[:80].strip("-") or "document"

    def get_landing_url(self) -> str:
        """The document's landing page, in the language of this row's locale (`/<lang>/documents/<id>/<slug>/`)."""
        with translation.override(self.locale.language_code):
            return reverse("document_landing", kwargs={"document_id": self.pk, "slug": self.slug})

    @property
    def content_type(self):
        # Served as what its bytes are, not as what its name says (`knowledge.uploads`): Wagtail's
        # serve view reads this for the response's type and whether it opens inline.
        cached = getattr(self, "_served_content_type", None)
        if cached is None or cached[0] != self.file.name:
            cached = (self.file.name, uploads.served_content_type(self.file, name=self.filename))
            self._served_content_type = cached
        return cached[1]


class DocumentPageText(models.Model):
    """The text of one page of a document's file (a slide, or the whole of a file without pages).

    Each row of a translation family has its own copy (`knowledge.extraction`), since the
    file is the family's but a page hit names the row a reader finds.
    """

    document = models.ForeignKey(
        KnowledgeDocument, on_delete=models.CASCADE, related_name="page_texts", verbose_name=_("document")
    )
    number = models.PositiveIntegerField(_("page"))
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("page text")
        verbose_name_plural = _("page texts")
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="unique_document_page_text")]

    def __str__(self):
        return f"{self.document_id} p. {self.number}"


class DocumentVersion(models.Model):
    """An earlier file of a document family, kept when the file was replaced.

    Keyed by the family (`translation_key`) and the file's language: the family's file and a
    translation's own file (`own_file`) each keep their history.
    """

    key = models.UUIDField(_("document family"), db_index=True)
    language = models.CharField(_("language of the file"), max_length=10)
    file = models.FileField(_("file"), upload_to="documents", storage=document_storage)
    file_size = models.PositiveBigIntegerField(_("file size"), null=True)
    file_hash = models.CharField(max_length=40, blank=True)
    # When this file was put in place, and when a newer one replaced it.
    uploaded_at = models.DateTimeField(_("uploaded"))
    replaced_at = models.DateTimeField(_("replaced"))
    # The family's collection while this file was current: a file replaced while the document was
    # partner-only stays partner-only after a move to a more public collection
    # (`knowledge.selectors.document_versions`). None (the collection since deleted): reviewers only.
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")
        ordering = ["key", "-replaced_at", "-pk"]

    def __str__(self):
        return f"{self.key} {self.language} {self.replaced_at:%Y-%m-%d}"


class DocumentDownload(models.Model):
    """How many times a document row's file was downloaded on a day: a count, nothing about who."""

    document = models.ForeignKey(
        KnowledgeDocument, on_delete=models.CASCADE, related_name="downloads", verbose_name=_("document")
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [models.UniqueConstraint(fields=["document", "day"], name="unique_document_download_day")]

    def __str__(self):
        return f"{self.document_id} {self.day}: {self.count}"
