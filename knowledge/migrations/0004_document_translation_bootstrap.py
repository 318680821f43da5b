# Existing documents are the default language's: each gets its own translation key.

from django.db import migrations

from wagtail.models.i18n import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_document_translation_fields")]

    operations = [BootstrapTranslatableModel("knowledge.KnowledgeDocument")]
