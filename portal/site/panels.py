"""Admin panels of the site's pages.

`StaleStatusesPanel` heads a profile's "Sunflower model" tab: the age after which a status
needs verifying (`SiteSettings.verification_max_age_days`) and this profile's rows that have
passed it, so the editor sees what to check before readers see "Needs verification".
"""

from django.utils import timezone

from wagtail.admin.panels import Panel

from portal.site import comparison


class StaleStatusesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "portal/admin/stale_statuses_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            _reference, max_age_days = comparison.comparison_settings()
            today = timezone.localdate()
            # The rows of the draft being edited (in memory for a page being edited), in the list's order.
            statuses = sorted(self.instance.component_statuses.all(), key=lambda status: status.component.sort_order)
            context["max_age_days"] = max_age_days
            context["stale"] = [
                status
                for status in statuses
                if comparison.needs_verification(status.last_verified, max_age_days=max_age_days, today=today)
            ]
            return context
