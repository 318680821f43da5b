"""The Atom and RSS feeds of a search."""


def test_feeds(indexed, client):
    atom = client.get("/en/search/feed/", {"country": "KR"})
    assert atom.status_code == 200 and atom["Content-Type"].startswith("application/atom+xml")
    body = atom.content.decode()
    assert "Responding to online sexual abuse" in body and "Almaty" not in body
    rss = client.get("/en/search/feed/rss/", {"q": "police"})
    assert rss.status_code == 200 and "<rss" in rss.content.decode()
