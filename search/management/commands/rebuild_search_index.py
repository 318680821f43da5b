"""Rebuild the search records from the database and, when configured, the Elasticsearch index.

Idempotent. The database engine's records are replaced in one transaction. The Elasticsearch
run fills a fresh `<prefix>-knowledge-<timestamp>` index, points `<prefix>-knowledge` at it in
one atomic alias update and deletes the older indices; readers keep searching the old index
until the swap.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tqdm import tqdm

from search import conf, indexing, records
from search.client import ENGINE_ERRORS
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = "Rebuild the search records and the Elasticsearch index from the database."

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=500, help="Documents per bulk request (default 500).")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, chunk_size, no_progress, verbosity, **options):
        started = timezone.now()
        total = indexing.searchable_count()
        progress = not no_progress and verbosity > 0
        with tqdm(total=total, unit="item", disable=not progress, file=self.stderr._out, desc="records") as bar:
            written, skipped = records.rebuild(chunk_size=max(chunk_size, 500), on_progress=bar.update)
        for key, reason in skipped:
            self.stdout.write(f"Skipped {key}: {reason}")
        self.stdout.write(f"Wrote {written} search records for the database engine; {len(skipped)} skipped.")
        if not conf.elasticsearch_enabled():
            self.stdout.write("Skipped Elasticsearch: SEARCH_ELASTICSEARCH_URL is empty, search uses the database.")
            return
        bar = tqdm(total=total, unit="item", disable=no_progress or verbosity == 0, file=self.stderr._out)
        try:
            report = indexing.rebuild(chunk_size=chunk_size, on_progress=bar.update)
        except ENGINE_ERRORS as error:
            raise CommandError(f"Elasticsearch at {conf.safe_url(conf.elasticsearch_url())} failed: {error}") from error
        finally:
            bar.close()
        for key, reason in report.skipped:
            self.stdout.write(f"Skipped {key}: {reason}")
        for key, reason in report.failed:
            self.stdout.write(f"Failed {key}: {reason}")
        self.stdout.write(report.summary())
        # Updates that failed before the rebuild started are in the new index now.
        PendingIndexUpdate.objects.filter(updated_at__lt=started).delete()
