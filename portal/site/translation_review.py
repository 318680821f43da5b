"""Translators propose, reviewers publish: vocabulary entries.

Country, Theme, Organisation, Person and Sunflower model component entries have no draft state: a save is what readers
see at once. So a save of an entry, or the publish of a translation from wagtail-localize's
editor, needs the entry's publish right (`portal.publish_<model>`, the permission Wagtail and
wagtail-localize check for draftable snippets; `portal.site.roles` creates and grants it).
Translators have the change right without it: in the translation editor their words are
kept in wagtail-localize's translation memory, not on the entry, until someone with the
publish right publishes them. Document translations follow the same rule through
`knowledge.views.document_translations`.
"""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views.update_translations import UpdateTranslationsView

from knowledge.models import KnowledgeDocument
from knowledge.review import can_review_documents
from portal.core.models import Country, Organisation, Person, Theme
from portal.site.models import ServiceComponent

VOCABULARIES = (Country, Theme, Organisation, Person, ServiceComponent)


def can_publish_vocabulary(user, model) -> bool:
    return user.has_perm(get_permission_name("publish", model))


def vocabulary_publish_permissions() -> list[Permission]:
    """`publish_<model>` for each vocabulary, made if missing (no migration: the models keep no draft state)."""
    found = []
    for model in VOCABULARIES:
        content_type = ContentType.objects.get_for_model(model)
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"publish_{model._meta.model_name}",
            defaults={"name": f"Can publish {model._meta.verbose_name_raw}"},
        )
        found.append(permission)
    return found


def refuse_unreviewed_vocabulary_save(request, instance):
    """`before_edit_snippet`: a POST that would change a live entry needs the publish right.

    The editor's own requests (string edits, PO uploads) go to other routes; on the edit URL
    a translation's POST is its publish, an original's POST its save.
    """
    if request.method != "POST" or not isinstance(instance, VOCABULARIES):
        return None
    if can_publish_vocabulary(request.user, type(instance)):
        return None
    messages.error(
        request,
        _(
            "Only a reviewer or an administrator publishes this entry: "
            "what you translate in the editor stays saved for review."
        ),
    )
    return redirect(request.get_full_path())


def can_publish_translations_of(user, instance) -> bool:
    """Whether `user` may make translations of `instance` live.

    Pages: the publish right in their section; vocabularies: `publish_<model>`; documents:
    the review right; any other translatable model: its publish right, which only
    administrators hold.
    """
    if isinstance(instance, Page):
        return instance.specific.permissions_for_user(user).can_publish()
    if isinstance(instance, VOCABULARIES):
        return can_publish_vocabulary(user, type(instance))
    if isinstance(instance, KnowledgeDocument):
        return can_review_documents(user)
    return user.has_perm(get_permission_name("publish", type(instance)))


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Update existing translations", whose "publish" needs a publish right.

    Its own view asks only for `submit_translation`, which translators hold: they may bring
    translations up to date with the source, and a reviewer publishes them.
    """

    def form_valid(self, form):
        if form.cleaned_data.get("publish_translations") and not can_publish_translations_of(
            self.request.user, self.object.get_source_instance()
        ):
            messages.error(
                self.request,
                _("Only a reviewer or an administrator publishes translations: update them without publishing."),
            )
            return redirect(self.request.get_full_path())
        return super().form_valid(form)

    def get_default_success_url(self):
        # wagtail-localize has no page to return to for some models (documents): the dashboard.
        return super().get_default_success_url() or reverse("wagtailadmin_home")
