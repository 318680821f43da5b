"""Give every translation and alias of a restricted page the page's restrictions.

Before `portal.core.restrictions`, a restriction added to a page after it was translated
stayed on that page only. A member that already has restrictions of its own keeps them (the
gate in `portal.core.privacy` reads the family's anyway). Rebuild the search index afterwards
(`manage.py rebuild_search_index`) so the index marks the members partner-only too.
"""

from django.db import migrations
from django.db.models import Q


def mirror_restrictions(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    for restriction in PageViewRestriction.objects.select_related("page").order_by("pk"):
        page = restriction.page
        keys = {page.translation_key}
        if page.alias_of_id:
            keys.update(Page.objects.filter(pk=page.alias_of_id).values_list("translation_key", flat=True))
        ids = set(Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True))
        members = Page.objects.filter(Q(pk__in=ids) | Q(alias_of__in=ids)).exclude(pk=page.pk)
        groups = list(restriction.groups.all())
        for member in members:
            if PageViewRestriction.objects.filter(page=member).exists():
                continue
            copy = PageViewRestriction.objects.create(
                page=member, restriction_type=restriction.restriction_type, password=restriction.password
            )
            copy.groups.set(groups)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(mirror_restrictions, migrations.RunPython.noop),
    ]
