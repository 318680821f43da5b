from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0007_document_text_extraction"),
    ]

    operations = [
        migrations.CreateModel(
            name="HarvestRecord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.UUIDField(unique=True, verbose_name="document family")),
                ("datestamp", models.DateTimeField(db_index=True, verbose_name="datestamp")),
                ("deleted", models.BooleanField(default=False, verbose_name="deleted")),
                ("sets", models.TextField(blank=True, editable=False, verbose_name="sets")),
                (
                    "fingerprint",
                    models.CharField(blank=True, editable=False, max_length=64, verbose_name="fingerprint"),
                ),
            ],
            options={
                "verbose_name": "harvest record",
                "verbose_name_plural": "harvest records",
                "ordering": ["datestamp", "pk"],
            },
        ),
    ]
