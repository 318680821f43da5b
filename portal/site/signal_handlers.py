from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_migrate, post_save

from wagtail.signals import page_published

from portal.site import services
from portal.site.focal_points import focal_point_ensure, focal_points_join_partners
from portal.site.models import CountryPage
from portal.site.roles import LANGUAGE_TREE_MODELS, roles_attach_to_language_tree, roles_ensure


def ensure_roles_after_migrate(sender, **kwargs):
    # post_migrate fires once per app, and each app's permissions are created in its own
    # turn: wait for the last app so every permission the roles need exists.
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is not with_models[-1]:
        return
    roles_ensure()


def attach_roles_to_new_language_tree(sender, instance, created, raw=False, **kwargs):
    """A new language's home page or section gets the roles and workflows of the other trees at once
    (`roles_attach_to_language_tree`), not at the next migrate; fixtures (`raw`) are left alone."""
    if created and not raw:
        roles_attach_to_language_tree(instance)


def give_new_profile_its_focal_point(sender, instance, created, raw=False, **kwargs):
    """A new country profile, or a new translation of one, is editable by its family's focal point at once
    (`portal.site.focal_points`); a new family gets its group. Fixtures (`raw`) are left alone."""
    if created and not raw:
        focal_point_ensure(instance)


def record_component_status_changes(sender, instance, revision=None, **kwargs):
    """Each publish of a country profile adds what it changed to the statuses' history (`portal.site.services`)."""
    services.component_status_changes_record(page=instance, user=getattr(revision, "user", None))


def focal_points_read_as_partners(sender, instance, action, reverse, pk_set, **kwargs):
    """A user added to a focal-point group, from either side of the relation, becomes a partner official."""
    if action != "post_add" or not pk_set:
        return
    if reverse:  # group.user_set.add(...)
        focal_points_join_partners(get_user_model().objects.filter(pk__in=pk_set), Group.objects.filter(pk=instance.pk))
    else:  # user.groups.add(...), the admin's user form
        focal_points_join_partners([instance], Group.objects.filter(pk__in=pk_set))


def register_signal_handlers():
    m2m_changed.connect(
        focal_points_read_as_partners,
        sender=get_user_model().groups.through,
        dispatch_uid="portal_focal_points_read_as_partners",
    )
    page_published.connect(
        record_component_status_changes, sender=CountryPage, dispatch_uid="portal_component_status_history"
    )
    post_save.connect(give_new_profile_its_focal_point, sender=CountryPage, dispatch_uid="portal_focal_point_ensure")
    post_migrate.connect(ensure_roles_after_migrate, dispatch_uid="portal_roles_ensure")
    for label in LANGUAGE_TREE_MODELS:
        post_save.connect(
            attach_roles_to_new_language_tree,
            sender=apps.get_model(label),
            dispatch_uid=f"portal_roles_attach_{label}",
        )
