"""Apply the index updates still pending: failed, not yet confirmed, or left by a killed worker."""

from django.core.management.base import BaseCommand

from search import conf, indexing
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = "Apply the search updates still pending (node down or hung, or a worker stopped before finishing)."

    def handle(self, *args, **options):
        waiting = PendingIndexUpdate.objects.count()
        if not conf.elasticsearch_enabled():
            self.stdout.write("SEARCH_ELASTICSEARCH_URL is empty: updating the database engine's records only.")
        report = indexing.catch_up_pending(patient=True)
        left = PendingIndexUpdate.objects.count()
        self.stdout.write(
            f"{waiting} pending update(s): {report.indexed} indexed, {report.removed} removed, {left} still pending"
            + (" (Elasticsearch still unreachable)." if report.failed else ".")
        )
        if left:
            self.stdout.write(f"Oldest still pending: {PendingIndexUpdate.objects.first().last_error[:200]}")
