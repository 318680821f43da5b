"""Mail each confirmed subscription the items new to it since its last digest.

Idempotent: an item goes to a subscription once (`portal.alerts.models.SentItem`), so a second
run right after the first sends nothing. Meant for a daily timer (cron, systemd). Requests
never confirmed are deleted once their link has expired.
"""

from django.core.management.base import BaseCommand

from portal.alerts import services
from portal.alerts.models import Subscription
from portal.alerts.selectors import InvalidFilter


class Command(BaseCommand):
    help = "Send email alerts: one mail per confirmed subscription with the items new to it."

    def handle(self, *args, **options):
        mailed = items = skipped = failed = 0
        subscriptions = Subscription.objects.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
        for subscription in subscriptions.iterator():
            try:
                sent = services.digest_send(subscription=subscription)
            except InvalidFilter as error:
                skipped += 1
                self.stderr.write(f"Skipped subscription {subscription.pk}: its filter is no longer valid ({error}).")
                continue
            except services.MAIL_ERRORS as error:
                failed += 1
                self.stderr.write(f"Subscription {subscription.pk}: the mail was not sent ({error}); next run retries.")
                continue
            if sent:
                mailed += 1
                items += sent
                if options["verbosity"] > 1:
                    self.stdout.write(f"Subscription {subscription.pk}: {sent} new item(s).")
        purged = services.pending_subscriptions_purge()
        self.stdout.write(
            f"Sent {mailed} digest(s) with {items} item(s); {skipped} skipped, {failed} failed; "
            f"{purged} unconfirmed request(s) expired and deleted."
        )
