# Documents become translatable: nullable locale and translation key first (wagtail's
# bootstrap fields), filled in by 0004, made required and unique by 0005.

from django.db import migrations, models

import knowledge.models.documents
from wagtail.models.i18n import BootstrapLocaleField, BootstrapTranslationKeyField


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        BootstrapLocaleField("knowledge.KnowledgeDocument"),
        BootstrapTranslationKeyField("knowledge.KnowledgeDocument"),
        migrations.AlterField(
            model_name="knowledgedocument",
            name="file",
            field=models.FileField(
                storage=knowledge.models.documents.document_storage, upload_to="documents", verbose_name="file"
            ),
        ),
    ]
