"""Who may see an uploaded file, asked in plain words instead of by collection name.

A document's audience is its collection's view restrictions (`portal.core.privacy`): Wagtail's
upload form asks for a "Collection" and starts at "Root", so the name of a folder silently
decided whether the public could read a file. The admin's document forms (upload, chooser
upload, edit) ask "Who may see this file?" instead: partner officials only (a collection
restricted to the partner group, the default for a new file) or everyone once a reviewer has
checked it (a collection without restrictions). The collection field stays, hidden, and is set
from the answer; a document kept in a collection that is neither (restricted some other way)
keeps Wagtail's collection field, so nothing is moved by a question that does not fit it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection, CollectionViewRestriction

from portal.core.privacy import PARTNER_GROUP

PARTNERS = "partners"
EVERYONE = "everyone"
FIELD = "who_may_see"


def collection_audience(collection: Collection) -> str | None:
    """EVERYONE, PARTNERS, or None for a collection restricted in another way (a password, other groups, login)."""
    restrictions = list(
        CollectionViewRestriction.objects.filter(collection__in=collection.get_ancestors(inclusive=True))
        .prefetch_related("groups")
        .order_by("collection__path")
    )
    if not restrictions:
        return EVERYONE
    for restriction in restrictions:
        if restriction.restriction_type != CollectionViewRestriction.GROUPS:
            return None
        if [group.name for group in restriction.groups.all()] != [PARTNER_GROUP]:
            return None
    return PARTNERS


class DocumentAudienceFormMixin:
    """Adds "Who may see this file?" to a document form and sets the collection from it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.audience_targets: dict[str, list[Collection]] = {}
        if "collection" not in self.fields:
            return
        targets: dict[str, list[Collection]] = {EVERYONE: [], PARTNERS: []}
        for collection in self.collections.order_by("path"):
            audience = collection_audience(collection)
            if audience is not None:
                targets[audience].append(collection)
        current = None
        if not self.instance._state.adding and self.instance.collection_id:
            current = collection_audience(self.instance.collection)
            if current is None:
                return
        if not targets[EVERYONE] or not targets[PARTNERS]:
            return
        self.audience_targets = targets
        self.fields[FIELD] = forms.ChoiceField(
            label=_("Who may see this file?"),
            choices=[
                (PARTNERS, _("Partner officials only: signed-in partner officials can find and open it")),
                (EVERYONE, _("Everyone, once a reviewer has checked it: it can be found and downloaded by anyone")),
            ],
            initial=current or PARTNERS,
            # Not required: a form posting a collection without the question (the multiple
            # upload's "Add to collection", scripts) keeps the collection it names.
            required=False,
            widget=forms.RadioSelect,
            help_text=_(
                "If you are not sure, keep “Partner officials only”: a reviewer can open the file to "
                "everyone later, but a file once public may already have been copied."
            ),
        )
        collection_field = self.fields["collection"]
        collection_field.required = False
        collection_field.widget = forms.HiddenInput()
        # Straight after the file and its title, where the uploader decides.
        names = [name for name in self.fields if name != FIELD]
        position = names.index("file") + 1 if "file" in names else 0
        self.order_fields([*names[:position], FIELD, *names[position:]])

    def audience_collection(self, audience: str) -> Collection:
        """The collection a document of `audience` goes to: its own if it already fits, else the first that does."""
        candidates = self.audience_targets[audience]
        # A new document has the root collection by default, which is no choice of the uploader's.
        adding = self.instance._state.adding
        if not adding and self.instance.collection_id in {collection.pk for collection in candidates}:
            return self.instance.collection
        # A named collection before the root: "Programme documents" rather than "Root".
        return next((collection for collection in candidates if collection.depth > 1), candidates[0])

    def clean(self):
        if self.audience_targets:
            audience = self.cleaned_data.get(FIELD)
            if not audience and self.cleaned_data.get("collection") is None:
                audience = PARTNERS
            if audience:
                self.cleaned_data["collection"] = self.audience_collection(audience)
        return super().clean()

    def add_error(self, field, error):
        # A refusal about the hidden collection is about the answer the uploader gave.
        if field == "collection" and self.audience_targets:
            field = FIELD
        return super().add_error(field, error)
