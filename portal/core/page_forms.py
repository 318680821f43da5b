"""The admin's page form for the sections' pages: a slug clash explained next to the title.

Wagtail refuses a page whose slug a sibling already has with "The slug '…' is already in use",
on the Promote tab, where nobody who typed only a title looks; the slug is made from the title,
and the sibling is usually the same editor's earlier attempt, saved as a draft (a new page is no
longer autosaved: portal/site/page_create.py). The title gets its own error naming that page and
what to do.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page


class SectionPageForm(WagtailAdminPageForm):
    def clean(self):
        # Read before Wagtail's check, which drops a refused slug from the cleaned data.
        slug = self.cleaned_data.get("slug")
        cleaned_data = super().clean()
        reserved = getattr(self.parent_page.specific_class, "reserved_child_slugs", ()) if self.parent_page else ()
        if slug in reserved:
            self.add_error(
                "title",
                _(
                    "The address “%(slug)s” belongs to this section itself (its feed, calendar or "
                    "comparison). Give this page another title, or another slug on the Promote tab."
                )
                % {"slug": slug},
            )
            return cleaned_data
        if not slug or not self.has_error("slug") or self.parent_page is None:
            return cleaned_data
        clash = (
            Page.objects.child_of(self.parent_page)
            .filter(slug=slug)
            .exclude(pk=self.instance.pk)
            .only("title", "live", "slug")
            .first()
        )
        if clash is None:
            return cleaned_data
        if clash.live:
            message = _(
                "A published page here already has this title (“%(title)s”), so its address would "
                "be the same. Give this page another title, or edit the published one."
            )
        else:
            message = _(
                "A draft page here already has this title (“%(title)s”), perhaps one you started "
                "earlier. Open that draft from the list to carry on with it, or give this page "
                "another title."
            )
        self.add_error("title", message % {"title": clash.title})
        return cleaned_data
