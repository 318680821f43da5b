from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from knowledge import review, tasks
        from knowledge.documents import register_signal_handlers

        register_signal_handlers()
        review.register()
        tasks.register_signal_handlers()
