"""On PostgreSQL, one GIN index on the search index entries' three vectors together.

The database engine matches a query against the title, body and stems vectors as one
(`search.queries.fulltext.postgres_scores_sql`), as FTS5 matches across its columns; the
backend's own indexes cover each vector alone, so without this every search read every entry.
Nothing to do on SQLite, whose FTS5 table is the index.
"""

from django.db import migrations

INDEX = "search_indexentry_words_gin"
TABLE = "wagtailsearch_indexentry"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING GIN ((title || body || autocomplete))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_zero_result_queries"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
