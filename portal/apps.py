from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.locale import connect_locale_memo
        from portal.core.page_cache_purge import connect_page_cache_purge
        from portal.core.restrictions import connect_family_restrictions
        from portal.site.signal_handlers import register_signal_handlers

        connect_family_restrictions()
        connect_locale_memo()
        connect_page_cache_purge()
        register_signal_handlers()
