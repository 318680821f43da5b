from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("contact email"), blank=True)
    leave_site_url = models.URLField(
        _("leave-this-site address"),
        default="https://www.wikipedia.org/",
        help_text=_("Neutral page that replaces the portal when a reader uses the quick-exit control."),
    )
    helpline_text = models.CharField(
        _("helpline notice"),
        max_length=255,
        blank=True,
        help_text=_("Short notice shown in the footer, for example where survivors can find help."),
    )

    reference_country = models.CharField(
        _("reference country for comparisons"),
        max_length=2,
        default="KR",
        help_text=_("ISO code of the country whose Sunflower model the others are compared with."),
    )
    verification_max_age_days = models.PositiveIntegerField(
        _("verify statuses after (days)"),
        default=365,
        help_text=_("A component status last verified longer ago than this is flagged as needing verification."),
    )

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("leave_site_url"),
        FieldPanel("helpline_text"),
        MultiFieldPanel(
            [FieldPanel("reference_country"), FieldPanel("verification_max_age_days")],
            heading=_("Country comparison"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def clean(self):
        code = (self.reference_country or "").strip()
        if len(code) != 2 or not code.isalpha() or not code.isascii():
            raise ValidationError({"reference_country": _("Enter the two-letter ISO 3166-1 code, for example KR.")})
        self.reference_country = code.upper()
