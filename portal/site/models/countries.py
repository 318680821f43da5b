from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core import page_cache, shared_reads
from portal.core.items import item_kind
from portal.core.locale import active_locale, vocabulary_entries_by_pk
from portal.core.models import Country
from portal.core.models.taxonomy import in_default_locale
from portal.core.privacy import ViewRestrictionsMixin
from portal.core.routing import DefaultLanguageRouteMixin
from portal.site import compare_views, country_map, selectors, sunflower
from portal.site.panels import StaleStatusesPanel
from portal.site.profile_form import CountryPageForm

SERVICE_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class CountryIndexPage(ViewRestrictionsMixin, DefaultLanguageRouteMixin, RoutablePageMixin, Page):
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.CountryPage"]
    max_count_per_parent = 1
    # `compare/` and `compare/csv/` are routes (the country comparison): no profile may take that slug.
    reserved_child_slugs = ("compare",)

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("country index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["regions"] = selectors.country_profiles_by_region(index=self, user=request.user)
        context["country_map"] = country_map.country_map(user=request.user, locale=active_locale())
        return context

    @path("compare/", name="compare")
    def compare(self, request):
        return compare_views.comparison_page(request, index=self)

    @path("compare/csv/", name="compare_csv")
    def compare_csv(self, request):
        return compare_views.comparison_csv(request, index=self)


@item_kind("country-profile", order=10)
class CountryPage(ViewRestrictionsMixin, Page):
    """A partner country's profile: partnership, service landscape, figures and activity."""

    # The anonymous page cache (`portal.core.page_cache`): the profile lists its country's
    # items and shows the other profiles (comparison, map); its publish purges the countries' lists.
    page_cache_section = "countries"

    def page_cache_dependencies(self):
        return [page_cache.country_tag(self.country.iso_code), page_cache.list_tag("countries")]

    class PartnershipStatus(models.TextChoices):
        ACTIVE = "active", _("Active partnership")
        EXPLORATORY = "exploratory", _("Exploratory exchanges")
        COMPLETED = "completed", _("Completed")
        PROVIDER = "provider", _("Knowledge provider")

    parent_page_types = ["portal.CountryIndexPage"]
    subpage_types = []
    base_form_class = CountryPageForm  # the index's reserved slugs, one status per component, citable evidence

    country = models.ForeignKey(
        "portal.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="profiles",
        limit_choices_to=in_default_locale,
    )
    summary = models.TextField(_("summary"), max_length=600)
    partnership_status = models.CharField(_("DSP partnership status"), max_length=20, choices=PartnershipStatus.choices)
    partnership_start = models.DateField(_("partnership start date"), null=True, blank=True)
    national_counterparts = ParentalManyToManyField(
        "portal.Organisation",
        verbose_name=_("national counterparts"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    un_partners = ParentalManyToManyField(
        "portal.Organisation",
        verbose_name=_("UN partners"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    legal_framework = RichTextField(_("legal and policy framework"), blank=True, features=SERVICE_FEATURES)
    one_stop_services = RichTextField(_("one-stop and crisis centres"), blank=True, features=SERVICE_FEATURES)
    police_justice = RichTextField(_("police and justice response"), blank=True, features=SERVICE_FEATURES)
    health_response = RichTextField(_("health sector response"), blank=True, features=SERVICE_FEATURES)
    psychosocial_support = RichTextField(_("psycho-social support and shelters"), blank=True, features=SERVICE_FEATURES)
    coordination = RichTextField(_("multi-sectoral coordination"), blank=True, features=SERVICE_FEATURES)
    helplines = models.TextField(
        _("helplines"),
        blank=True,
        help_text=_(
            "One line each: who answers, then the number. Only numbers a partner or official source has confirmed."
        ),
    )
    helplines_source = models.CharField(_("helplines source"), max_length=255, blank=True)
    helplines_confirmed = models.DateField(_("helplines confirmed on"), null=True, blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("legal_framework"),
        index.SearchField("one_stop_services"),
        index.SearchField("police_justice"),
        index.SearchField("health_response"),
        index.SearchField("psychosocial_support"),
        index.SearchField("coordination"),
        index.FilterField("country"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("country"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("partnership_status"),
                FieldPanel("partnership_start"),
                FieldPanel("national_counterparts"),
                FieldPanel("un_partners"),
            ],
            heading=_("Partnership"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("legal_framework"),
                FieldPanel("one_stop_services"),
                FieldPanel("police_justice"),
                FieldPanel("health_response"),
                FieldPanel("psychosocial_support"),
                FieldPanel("coordination"),
                FieldPanel("helplines"),
                FieldPanel("helplines_source"),
                FieldPanel("helplines_confirmed"),
            ],
            heading=_("GBV service landscape"),
        ),
        InlinePanel("key_figures", heading=_("Key figures"), label=_("key figure")),
    ]
    sunflower_panels = [
        StaleStatusesPanel(heading=_("Needs verification")),
        InlinePanel(
            "component_statuses",
            heading=_("Sunflower model components"),
            label=_("component status"),
            help_text=_(
                "Where this country stands on each component of the Sunflower model. "
                "A component without a row reads as unknown. Readers and the comparison see the published profile."
            ),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(sunflower_panels, heading=_("Sunflower model")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("country profile")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lists read in the reader's language, which differs from the page's when an untranslated
        # profile is served (the page then carries the fallback notice).
        reader_locale = active_locale()
        user = request.user
        # The country from the vocabulary the request holds anyway, as Django would keep it (shared: never changed).
        country = vocabulary_entries_by_pk(Country, [self.country_id]).get(self.country_id)
        if country is not None and not CountryPage.country.is_cached(self):
            CountryPage.country.field.set_cached_value(self, country)
        selectors.country_profile_in_language(profile=self)
        keep = self._kept_for_the_public if not user.is_authenticated else lambda _name, read: read()
        context.update(
            keep("activity", lambda: selectors.country_activity(country=self.country, locale=reader_locale, user=user))
        )
        context["sunflower"] = keep(
            "sunflower", lambda: sunflower.country_sunflower_section(profile=self, user=user, locale=reader_locale)
        )
        context["country_map"] = keep(
            "map", lambda: country_map.country_map(user=user, locale=reader_locale, current=self)
        )
        context.update(
            keep("compare", lambda: selectors.country_compare_options(profile=self, user=user, locale=reader_locale))
        )
        # What the sections rendered from those lists depend on besides the language, for
        # `kept_fragment`: the profile and the day (signed-in readers get them rendered afresh).
        context["public_sections_key"] = (self.pk, timezone.localdate().isoformat())
        return context

    def _kept_for_the_public(self, name: str, read):
        """A section's data as every signed-out reader sees it, shared across requests until the profile,
        its country's items or another profile change (`page_cache_dependencies`), or the day does
        (statuses turn stale with the date)."""
        key = ("country-profile", name, self.pk, get_language(), timezone.localdate().isoformat())
        return shared_reads.shared(key, read, tags=page_cache.page_dependencies(self))


class CountryKeyFigure(Orderable):
    page = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="key_figures")
    label = models.CharField(_("label"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    source = models.CharField(_("source"), max_length=255)
    source_url = models.URLField(_("source address"), blank=True)
    as_of = models.DateField(_("as of"))
    is_estimate = models.BooleanField(
        _("estimate"), default=False, help_text=_("Tick when the source gives an estimate or the value is rounded.")
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("value"),
        FieldPanel("unit"),
        FieldPanel("source"),
        FieldPanel("source_url"),
        FieldPanel("as_of"),
        FieldPanel("is_estimate"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("key figure")

    def __str__(self):
        return f"{self.label}: {self.value} {self.unit}".strip()

    @property
    def display_value(self):
        """The value without trailing zeros: 38 rather than 38.00."""
        return self.value.quantize(Decimal(1)) if self.value == self.value.to_integral() else self.value
