from django.apps import apps
from django.db.models.signals import post_migrate

from portal.site.roles import roles_ensure


def ensure_roles_after_migrate(sender, **kwargs):
    # post_migrate fires once per app, and each app's permissions are created in its own
    # turn: wait for the last app so every permission the roles need exists.
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is not with_models[-1]:
        return
    roles_ensure()


def register_signal_handlers():
    post_migrate.connect(ensure_roles_after_migrate, dispatch_uid="portal_roles_ensure")
