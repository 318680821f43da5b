"""Retry the index updates that failed while Elasticsearch was unreachable."""

from django.core.management.base import BaseCommand

from search import conf, indexing
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = "Apply the search index updates recorded while Elasticsearch was down."

    def handle(self, *args, **options):
        if not conf.elasticsearch_enabled():
            self.stdout.write("Skipped: SEARCH_ELASTICSEARCH_URL is empty; there is no index to catch up.")
            return
        waiting = PendingIndexUpdate.objects.count()
        report = indexing.catch_up_pending()
        left = PendingIndexUpdate.objects.count()
        self.stdout.write(
            f"{waiting} pending update(s): {report.indexed} indexed, {report.removed} removed, {left} still pending"
            + (" (Elasticsearch still unreachable)." if report.failed else ".")
        )
        if left:
            self.stdout.write(f"Oldest still pending: {PendingIndexUpdate.objects.first().last_error[:200]}")
