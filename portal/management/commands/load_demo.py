"""`manage.py load_demo`: the portal's demonstration content, safe to run on every start."""

from django.core.management.base import BaseCommand

from portal.site.demo.loader import demo_load, demo_logins
from search.demo import demo_thesaurus_ensure


class Command(BaseCommand):
    help = (
        "Load the demo content: vocabularies, pages, documents, images, translations, one user per role and "
        "the search thesaurus. "
        "Items that already exist are left untouched, so the command can run on every start."
    )

    def handle(self, *args, **options):
        self.stdout.write("Loading demo content")
        counts = demo_load(stdout=self.stdout, extra_steps=[demo_thesaurus_ensure])

        self.stdout.write("Demo logins (for local use only):")
        for username, password, role in demo_logins():
            self.stdout.write(f"  {username:<11} {password:<20} {role}")
        self.stdout.write(
            self.style.SUCCESS(f"Demo content: created {counts['created']}, already present {counts['present']}.")
        )
