"""The admin's form for a country profile: one status per component, and evidence its editor may cite.

A component given twice is the form's error on the second row. The database does not hold that
rule as a constraint: a profile whose editor swaps two rows' components is saved row by row, and
a unique constraint would refuse the first row's update (a 500 at publish or at the reviewer's
approval of a draft). A focal point (`portal.site.focal_points`) cites only what they may read;
what the profile already cited may stay.
"""

from django.utils.translation import gettext_lazy as _

from portal.core.page_forms import SectionPageForm
from portal.site import focal_points

STATUSES = "component_statuses"


def _cited(rows) -> tuple[set[int], set[int]]:
    documents, pages = set(), set()
    for evidence in rows:
        for block in evidence or ():
            if block.value is None:
                continue
            if block.block_type == "document":
                documents.add(block.value.pk)
            elif block.block_type == "page":
                pages.add(block.value.pk)
    return documents, pages


class CountryPageForm(SectionPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # What the profile cited before this post: the rows the form was drawn from.
        self.cited_before = _cited(status.evidence for status in self.instance.component_statuses.all())

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get(STATUSES)
        if formset is None or not formset.is_valid():
            return cleaned_data
        kept = [form for form in formset.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        seen = set()
        for form in kept:
            component = form.cleaned_data.get("component")
            if component is None:
                continue
            if component.pk in seen:
                form.add_error(
                    "component",
                    _("This component already has a status above. Change that row, or delete this one."),
                )
            seen.add(component.pk)
        documents, pages = _cited(form.cleaned_data.get("evidence") for form in kept)
        refused_documents, refused_pages = focal_points.focal_point_may_cite(
            self.for_user, documents=documents - self.cited_before[0], pages=pages - self.cited_before[1]
        )
        for form in kept:
            row_documents, row_pages = _cited([form.cleaned_data.get("evidence")])
            if row_documents & refused_documents or row_pages & refused_pages:
                form.add_error(
                    "evidence",
                    _("Choose evidence from the lists offered: this document or page is not one you may cite."),
                )
        return cleaned_data
