"""Controlled vocabularies: they drive every facet and filter.

Each vocabulary is translatable (wagtail-localize) and keyed by a language-neutral value
(`Country.iso_code`, `Theme.slug`, `Organisation.slug`), so a filter written in one
language finds content in every other.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Region(models.TextChoices):
    EAST_ASIA = "east-asia", _("East Asia")
    SOUTH_EAST_ASIA = "south-east-asia", _("South-East Asia")
    CENTRAL_ASIA = "central-asia", _("Central Asia")
    SOUTH_ASIA = "south-asia", _("South Asia")
    EUROPE = "europe", _("Europe")
    WEST_AFRICA = "west-africa", _("West Africa")


class Country(TranslatableMixin, index.Indexed, models.Model):
    iso_code = models.CharField(
        _("ISO 3166-1 alpha-2 code"),
        max_length=2,
        help_text=_("Two upper-case letters, for example KZ. The same in every language."),
    )
    name = models.CharField(_("name"), max_length=100)
    region = models.CharField(_("region"), max_length=30, choices=Region.choices)

    search_fields = [index.SearchField("name"), index.FilterField("iso_code")]
    panels = [FieldPanel("iso_code"), FieldPanel("name"), FieldPanel("region")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["iso_code", "locale"], name="unique_country_iso_per_locale")]

    def __str__(self):
        return self.name

    def clean(self):
        code = (self.iso_code or "").strip()
        if len(code) != 2 or not code.isalpha() or not code.isascii():
            raise ValidationError({"iso_code": _("Enter the two-letter ISO 3166-1 code, for example KZ.")})
        self.iso_code = code.upper()


class Theme(TranslatableMixin, index.Indexed, models.Model):
    slug = models.SlugField(_("key"), max_length=60, help_text=_("Language-neutral key used in URLs and filters."))
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    search_fields = [index.SearchField("name"), index.FilterField("slug")]
    panels = [FieldPanel("slug"), FieldPanel("name"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")]

    def __str__(self):
        return self.name


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        UN = "un", _("United Nations entity")
        GOVERNMENT = "government", _("Government body")
        PUBLIC_INSTITUTION = "public-institution", _("Public institution")
        CIVIL_SOCIETY = "civil-society", _("Civil society organisation")
        DONOR = "donor", _("Donor or programme")
        SERVICE_PROVIDER = "service-provider", _("Service provider")

    slug = models.SlugField(_("key"), max_length=80)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    website = models.URLField(_("website"), blank=True)

    search_fields = [index.SearchField("name"), index.SearchField("acronym")]
    panels = [
        FieldPanel("slug"),
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_organisation_slug_per_locale")]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Person(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=150)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )

    search_fields = [index.SearchField("name"), index.SearchField("job_title")]
    panels = [FieldPanel("name"), FieldPanel("job_title"), FieldPanel("organisation")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name


def in_default_locale():
    """`limit_choices_to` for links to vocabularies.

    Content links to the default-language entry; readers see the entry of their own
    language through its language-neutral key, so links never need re-pointing per locale.
    """
    return Q(locale__language_code=settings.LANGUAGE_CODE)
