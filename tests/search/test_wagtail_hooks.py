"""Search's admin: synonym groups kept as snippets, the editors' part of the search thesaurus."""

import re

from search.models import Synonym


def test_synonyms_are_kept_in_the_admin(client, make_user):
    client.force_login(make_user("admin", superuser=True))
    listing = client.get("/admin/snippets/search/synonym/", {"q": "GBV"})
    assert listing.status_code == 200
    assert "GBV = gender-based violence" in listing.content.decode()
    assert client.get("/admin/snippets/search/synonym/add/").status_code == 200


def test_the_synonym_listing_is_the_thesaurus_with_each_groups_number_of_terms(client, make_user):
    Synonym.objects.all().delete()
    Synonym.objects.create(terms="shelter\nприют\n쉼터\nrefuge", note="Shelters")
    client.force_login(make_user("admin", superuser=True))
    listing = client.get("/admin/snippets/search/synonym/").content.decode()
    assert "<title>Search thesaurus" in listing
    assert "Number of terms" in listing
    assert re.search(r"<td[^>]*>\s*4\s*</td>", listing)
    form = client.get("/admin/snippets/search/synonym/add/").content.decode()
    assert "The search thesaurus: one term per line" in form
    assert "Country and theme names in every language are part of the thesaurus already" in form
