"""Every public page type renders for a reader, with the facts a reader looks for."""

import datetime

from django.utils import timezone

import pytest

from knowledge.models import PolicyToolPage, PracticeNotePage
from portal.site.models import CountryKeyFigure
from tests.factories import CountryFactory, make_country_page, make_event, make_knowledge

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site):
    kr = CountryFactory(iso_code="KR", name="Republic of Korea", region="east-asia")
    korea = make_country_page(site["countries"], kr, title="Republic of Korea")
    CountryKeyFigure.objects.create(
        page=korea,
        label="Sunflower Centres",
        value=38,
        unit="centres",
        source="UNDP Seoul Policy Centre",
        as_of=datetime.date(2018, 4, 1),
    )
    note = make_knowledge(
        site["knowledge"],
        PracticeNotePage,
        title="Hospital-based one-stop centre",
        countries=[kr],
        content_warning=True,
    )
    tool = make_knowledge(site["knowledge"], PolicyToolPage, title="Police training course", countries=[kr])
    brief = make_knowledge(site["knowledge"], title="Funding one-stop centres", countries=[kr])
    past = make_event(site["events"], title="Round table 2021", countries=[kr])
    upcoming = make_event(site["events"], title="Webinar 2027", start=timezone.now() + datetime.timedelta(days=40))
    return {**site, "korea": korea, "note": note, "tool": tool, "brief": brief, "past": past, "upcoming": upcoming}


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("home", "Funding one-stop centres"),
        ("countries", "Republic of Korea"),
        ("korea", "Sunflower Centres"),
        ("knowledge", "Hospital-based one-stop centre"),
        ("note", "Hospital-based one-stop centre"),
        ("tool", "Police training course"),
        ("brief", "Funding one-stop centres"),
        ("events", "Webinar 2027"),
        ("past", "Round table 2021"),
    ],
)
def test_page_renders_with_its_content(client, tree, key, expected):
    response = client.get(tree[key].url)
    assert response.status_code == 200
    text = response.text
    assert expected in text
    assert text.count("<h1") == 1
    assert 'href="#main"' in text, "every page has a skip link"


def test_country_profile_lists_the_countrys_activity_and_figures(client, tree):
    text = client.get(tree["korea"].url).text
    for title in ("Hospital-based one-stop centre", "Police training course", "Round table 2021"):
        assert title in text
    assert "38" in text and "UNDP Seoul Policy Centre" in text


def test_event_index_separates_upcoming_from_past(client, tree):
    text = client.get(tree["events"].url).text
    assert text.index("Webinar 2027") < text.index("Round table 2021")


def test_content_warning_shown_where_the_page_describes_violence(client, tree):
    assert "Content warning" in client.get(tree["note"].url).text
    assert "Content warning" not in client.get(tree["tool"].url).text


def test_unknown_address_gets_a_404_page(client, site):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404


def test_past_events_come_a_page_at_a_time(client, tree):
    from events.selectors import PAST_PAGE_SIZE

    for number in range(PAST_PAGE_SIZE + 1):
        make_event(tree["events"], title=f"Archived webinar {number}")
    first = client.get(tree["events"].url).text
    second = client.get(tree["events"].url, {"page": 2}).text
    assert 'rel="next"' in first
    archived_on_first = sum(f"Archived webinar {n}<" in first for n in range(PAST_PAGE_SIZE + 1))
    assert archived_on_first <= PAST_PAGE_SIZE
    assert "Round table 2021" in second or "Archived webinar" in second


def test_every_page_describes_itself_for_search_engines(client, tree):
    text = client.get(tree["brief"].url).text
    assert '<meta name="description" content="How the centres are paid for.">' in text


@pytest.mark.parametrize(("name", "heading"), [("400.html", "Bad request"), ("500.html", "Something went wrong")])
def test_error_pages_render_without_a_request_and_keep_the_quick_exit(name, heading):
    from django.template.loader import render_to_string

    html = render_to_string(name)
    assert f"<h1>{heading}</h1>" in html
    assert 'class="quick-exit"' in html
