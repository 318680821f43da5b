"""Rebuild the Elasticsearch index from the database, then swap the alias to it.

Idempotent: every run fills a fresh `<prefix>-knowledge-<timestamp>` index, points
`<prefix>-knowledge` at it in one atomic alias update and deletes the older indices.
Readers keep searching the old index until the swap.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tqdm import tqdm

from search import conf, indexing
from search.client import ENGINE_ERRORS
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = "Build a new search index from the database and switch searches to it."

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=500, help="Documents per bulk request (default 500).")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, chunk_size, no_progress, verbosity, **options):
        if not conf.elasticsearch_enabled():
            self.stdout.write(
                "Skipped: SEARCH_ELASTICSEARCH_URL is empty, so search uses the database backend "
                "(rebuild that with `manage.py update_index`)."
            )
            return
        started = timezone.now()
        total = indexing.searchable_count()
        bar = tqdm(total=total, unit="item", disable=no_progress or verbosity == 0, file=self.stderr._out)
        try:
            report = indexing.rebuild(chunk_size=chunk_size, on_progress=bar.update)
        except ENGINE_ERRORS as error:
            raise CommandError(f"Elasticsearch at {conf.elasticsearch_url()} failed: {error}") from error
        finally:
            bar.close()
        for key, reason in report.skipped:
            self.stdout.write(f"Skipped {key}: {reason}")
        for key, reason in report.failed:
            self.stdout.write(f"Failed {key}: {reason}")
        self.stdout.write(report.summary())
        # Updates that failed before the rebuild started are in the new index now.
        PendingIndexUpdate.objects.filter(updated_at__lt=started).delete()
