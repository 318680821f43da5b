from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
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

    panels = [FieldPanel("contact_email"), FieldPanel("leave_site_url"), FieldPanel("helpline_text")]

    class Meta:
        verbose_name = _("site settings")
