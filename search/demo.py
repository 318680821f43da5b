"""The demo's search thesaurus: the groups in `portal/site/demo/data/thesaurus.yaml` as `Synonym` rows.

It lives here, not in `portal.site.demo`, because the `Synonym` model is search's and the site's
assembly sits below search; `manage.py load_demo` hands it to the demo loader as one more step.
"""

from __future__ import annotations

from portal.site.demo.files import DemoDataError, data_read
from portal.site.demo.tally import Tally
from search.models import Synonym

DATA_FILE = "thesaurus.yaml"


def demo_thesaurus_ensure(tally: Tally) -> None:
    """Create each group of the demo thesaurus that no group starts with yet.

    A group is known by its first term, so a second run creates nothing, and a group an editor
    has changed since (or the same group from migration search/0002) is left as it is.
    """
    tally.say("Search thesaurus")
    starts = {terms[0].casefold() for terms in (synonym.term_list for synonym in Synonym.objects.all()) if terms}
    for number, group in enumerate(data_read(DATA_FILE), start=1):
        terms = [" ".join(str(term).split()) for term in group.get("terms") or []]
        if len(terms) < 2 or not all(terms):
            raise DemoDataError(f"{DATA_FILE}, group {number}: a group needs two terms or more, none empty")
        created = terms[0].casefold() not in starts
        if created:
            Synonym.objects.create(terms="\n".join(terms), note=group.get("note", ""))
            starts.add(terms[0].casefold())
        else:
            tally.say(f"  kept {terms[0]!r}: a group already starts with it")
        tally.record("thesaurus groups", created=created)
    tally.report("thesaurus groups")
