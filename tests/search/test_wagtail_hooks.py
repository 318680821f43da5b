"""Search's admin: synonym groups kept as snippets."""


def test_synonyms_are_kept_in_the_admin(client, make_user):
    client.force_login(make_user("admin", superuser=True))
    listing = client.get("/admin/snippets/search/synonym/", {"q": "GBV"})
    assert listing.status_code == 200
    assert "GBV = gender-based violence" in listing.content.decode()
    assert client.get("/admin/snippets/search/synonym/add/").status_code == 200
