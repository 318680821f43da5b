"""Reading rendered pages in tests: the `<main>` tag, the text a reader sees, and what every page has."""

import re
from html import unescape


def main_tag(html: str) -> str:
    return re.search(r"<main[^>]*>", html).group(0)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def assert_page_renders(client, page, expected: str) -> None:
    """The page renders for a reader with `expected` in it, one `<h1>` and a skip link."""
    response = client.get(page.url)
    assert response.status_code == 200
    text = response.text
    assert expected in text
    assert text.count("<h1") == 1
    assert 'href="#main"' in text, "every page has a skip link"
