"""Who may see an uploaded file, asked in plain words instead of by collection name.

A document's audience is its collection's view restrictions (`portal.core.privacy`): Wagtail's
upload form asks for a "Collection" and starts at "Root", so the name of a folder silently
decided whether the public could read a file. The admin's document forms (upload, multiple
upload and its per-file forms, chooser upload, edit) ask "Who may see this file?" instead:
partner officials only (the default for a new file) or everyone once a reviewer has checked it
(a collection without restrictions). The collection field stays, hidden, and is set from the
answer; a document kept in a collection that is neither (restricted some other way) keeps
Wagtail's collection field, so nothing is moved by a question that does not fit it.

A collection is "partner officials only" by what its view restrictions do, as the privacy gate
reads them, never by a name: every restriction over it lets in members of named groups only,
and some group they all name is a group of readers (partner officials sign in to read; every
other role works in the admin, `portal.site.roles`). Renaming the partner group or the
collection changes nothing here; a collection kept to the reviewers alone is neither.
"""

from collections.abc import Iterable

from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection, CollectionViewRestriction

PARTNERS = "partners"
EVERYONE = "everyone"
FIELD = "who_may_see"


def reader_group_ids() -> set[int]:
    """Groups whose members may not use the admin: the readers a group restriction can be for."""
    staff = Group.objects.filter(
        permissions__content_type__app_label="wagtailadmin", permissions__codename="access_admin"
    )
    return set(Group.objects.exclude(pk__in=staff.values("pk")).values_list("pk", flat=True))


def _audience(restrictions: list[CollectionViewRestriction], readers: set[int]) -> str | None:
    if not restrictions:
        return EVERYONE
    let_in = set(readers)
    for restriction in restrictions:
        # A password or a sign-in alone is not "partner officials only", whatever the names say.
        if restriction.restriction_type != CollectionViewRestriction.GROUPS:
            return None
        let_in &= {group.pk for group in restriction.groups.all()}
    # A reader must pass every restriction over the collection, its ancestors' included.
    return PARTNERS if let_in else None


def collection_audiences(collections: Iterable[Collection]) -> dict[int, str | None]:
    """EVERYONE, PARTNERS or None (restricted in another way) for each collection, by id; three queries."""
    restrictions = list(CollectionViewRestriction.objects.select_related("collection").prefetch_related("groups"))
    readers = reader_group_ids() if restrictions else set()
    return {
        collection.pk: _audience(
            # A restriction covers its collection's descendants (the privacy gate's `path__startswith`).
            [restriction for restriction in restrictions if collection.path.startswith(restriction.collection.path)],
            readers,
        )
        for collection in collections
    }


class DocumentAudienceFormMixin:
    """Adds "Who may see this file?" to a document form and sets the collection from it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.audience_targets: dict[str, list[Collection]] = {}
        # Wagtail drops the collection field when the uploader may use one collection only: the
        # question then has one answer, which still says who will see the file.
        collections = list(self.collections.order_by("path"))
        audiences = collection_audiences(collections)
        targets: dict[str, list[Collection]] = {PARTNERS: [], EVERYONE: []}
        for collection in collections:
            audience = audiences[collection.pk]
            if audience is not None:
                targets[audience].append(collection)
        current = None
        if not self.instance._state.adding and self.instance.collection_id:
            # The form's collections include the document's own (Wagtail's BaseCollectionMemberForm).
            current = audiences[self.instance.collection_id]
            if current is None:
                return
        targets = {audience: candidates for audience, candidates in targets.items() if candidates}
        if not targets:
            return
        self.audience_targets = targets
        # Only the answers the uploader may give: a single one still says who will see the file.
        answers = {
            PARTNERS: _("Partner officials only: signed-in partner officials can find and open it"),
            EVERYONE: _("Everyone, once a reviewer has checked it: it can be found and downloaded by anyone"),
        }
        self.fields[FIELD] = forms.ChoiceField(
            label=_("Who may see this file?"),
            choices=[(audience, label) for audience, label in answers.items() if audience in targets],
            initial=current or (PARTNERS if PARTNERS in targets else EVERYONE),
            # Not required: a form posting a collection without the question (scripts, the
            # tests' uploads) keeps the collection it names, if the uploader may use it.
            required=False,
            widget=forms.RadioSelect,
            help_text=_(
                "If you are not sure, keep “Partner officials only”: a reviewer can open the file to "
                "everyone later, but a file once public may already have been copied."
            )
            if PARTNERS in targets
            else "",
        )
        if "collection" in self.fields:
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
            if not audience and self.cleaned_data.get("collection") is None and FIELD not in self.errors:
                audience = PARTNERS if PARTNERS in self.audience_targets else EVERYONE
            if audience and "collection" in self.fields:
                self.cleaned_data["collection"] = self.audience_collection(audience)
        return super().clean()

    def add_error(self, field, error):
        # A refusal about the hidden collection is about the answer the uploader gave.
        if field == "collection" and self.audience_targets:
            field = FIELD
        return super().add_error(field, error)
