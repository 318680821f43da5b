"""The upload inside a chooser asks only what a file needs to be chosen; the rest waits for its edit page.

Wagtail's chooser builds its upload form from every admin field of the document model: a
specialist attaching a file to a brief faced eighteen fields (authors, publisher, licence,
countries, themes, a translation's own file, ...) in a small dialog, most of them repeating
what the page around it already says. The chooser's form (its prefix is Wagtail's
`document-chooser-upload`) keeps the fields below and any the model requires; the document's
own edit page has them all.
"""

from django.utils.translation import gettext_lazy as _

CHOOSER_PREFIX = "document-chooser-upload"
QUICK_FIELDS = (
    "title",
    "file",
    "who_may_see",
    "collection",
    "description",
    "document_type",
    "language",
    "publication_date",
)


class QuickUploadFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.prefix != CHOOSER_PREFIX or not self.instance._state.adding:
            return
        for name in list(self.fields):
            if name not in QUICK_FIELDS and not self.fields[name].required:
                del self.fields[name]
        if "title" in self.fields:
            self.fields["title"].help_text = _(
                "Authors, countries, themes and the other details can be added afterwards on the "
                "document's own page, under Documents."
            )
            # Wagtail's form has already made the title's bound field, which keeps its help text.
            self._bound_fields_cache.pop("title", None)
