"""The Sunflower model, component by component, and where each country stands on it.

`ServiceComponent` is a managed, translatable list (a vocabulary keyed by `slug`, like
themes). A country's status on each component is an inline of its profile
(`ComponentStatus`), so it is edited, reviewed and published with the profile: the
profile's page permissions scope who may change it (a focal point, their own country), its
workflow puts the change through review, and what readers and the comparison see is the
live profile's rows, never a draft. Each publish of a profile in the default language
appends what changed to `ComponentStatusChange` (`portal.site.services`), the history
readers see under each status.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin

from portal.core.models.taxonomy import in_default_locale


class ServiceComponent(TranslatableMixin, models.Model):
    slug = models.SlugField(_("key"), max_length=60, help_text=_("Language-neutral key used in URLs and exports."))
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=100, help_text=_("Components are listed from the lowest number up.")
    )

    panels = [FieldPanel("slug"), FieldPanel("name"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Sunflower model component")
        verbose_name_plural = _("Sunflower model components")
        ordering = ["sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_component_slug_per_locale")]

    def __str__(self):
        return self.name


class StatusLevel(models.TextChoices):
    """How far a country has a component, from the most to the least; `rank` sorts them."""

    IN_PLACE = "in-place", _("In place")
    PILOT = "pilot", _("Pilot")
    PLANNED = "planned", _("Planned")
    NOT_IN_PLACE = "not-in-place", _("Not in place")
    UNKNOWN = "unknown", _("Unknown")

    @classmethod
    def rank(cls, value: str) -> int:
        return list(cls.values).index(value) if value in cls.values else len(cls.values)


class EvidenceLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Other source")


class EvidenceBlock(blocks.StreamBlock):
    """What a status rests on: the portal's own pages and documents, or an outside source."""

    page = blocks.PageChooserBlock(label=_("Page"), icon="doc-full")
    document = DocumentChooserBlock(label=_("Document"))
    link = EvidenceLinkBlock()

    class Meta:
        icon = "clipboard-list"


class ComponentStatus(models.Model):
    page = ParentalKey("portal.CountryPage", on_delete=models.CASCADE, related_name="component_statuses")
    component = models.ForeignKey(
        ServiceComponent,
        verbose_name=_("component"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    status = models.CharField(_("status"), max_length=20, choices=StatusLevel.choices, default=StatusLevel.UNKNOWN)
    note = models.TextField(
        _("note"), max_length=1000, blank=True, help_text=_("What exists, where, since when; what is missing.")
    )
    evidence = StreamField(EvidenceBlock(), verbose_name=_("evidence"), blank=True)
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When someone last checked this status against a source."),
    )

    panels = [
        FieldPanel("component"),
        FieldPanel("status"),
        FieldPanel("note"),
        FieldPanel("last_verified"),
        FieldPanel("evidence"),
    ]

    class Meta:
        verbose_name = _("component status")
        verbose_name_plural = _("component statuses")
        # One status per component is the profile form's rule (`portal.site.profile_form`), not a
        # constraint: rows are saved one by one, so swapping two rows' components would break it midway.

    def __str__(self):
        return f"{self.component}: {self.get_status_display()}"


class ComponentStatusChange(models.Model):
    """One published change of a country's status on a component; never edited, never deleted with the page."""

    country = models.ForeignKey("portal.Country", on_delete=models.CASCADE, related_name="+")
    component = models.ForeignKey(ServiceComponent, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=StatusLevel.choices)
    note = models.TextField(_("note"), blank=True)
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    changed_at = models.DateTimeField(_("changed at"), db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("component status change")
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["country", "component", "-changed_at"], name="status_change_latest")]

    def __str__(self):
        return f"{self.country_id}/{self.component_id}: {self.status} ({self.changed_at:%Y-%m-%d})"
