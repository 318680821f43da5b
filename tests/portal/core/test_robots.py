"""`/robots.txt` names the sitemap by its full address and keeps crawlers out of the admin and search results."""


def test_robots_txt_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert {"Disallow: /en/search/", "Disallow: /ru/search/", "Disallow: /ko/search/"} <= set(lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    # The sitemap it names is there.
    assert client.get("/sitemap.xml").status_code == 200
    # Lists, their feeds and calendars stay open to crawlers.
    assert not any(line.startswith("Disallow: /en/events") or line == "Disallow: /" for line in lines)
