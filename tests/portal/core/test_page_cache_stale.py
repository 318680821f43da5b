"""Lists served as they were for a few seconds after a page's first publish, and remade once read.

A new page showing up in lists a few seconds late reveals nothing, and every list remade at once
after a publish makes readers wait (`portal.core.page_cache`, "soft" purges). Each test reads
the lists as a signed-out reader until they come from the cache, makes one change the way
editors make it, then reads again, in en, ru and ko. What must never be served stale: a change
to a live page, unpublishing, restricting, and anything after the window.
"""

import time

from django.core.cache import caches
from django.test import Client
from django.urls import reverse

import pytest

from portal.core import page_cache
from tests.events.admin_forms import new_event_form
from tests.factories import make_knowledge, restrict_to_group
from tests.portal.core.test_page_cache import LANGUAGES, cached, lists

pytestmark = pytest.mark.django_db

MARKER = "Wombat7342"
SECRET = "Pangolin2718"  # noqa: S105 (a token looked for, not a password)


@pytest.fixture(autouse=True)
def stale_for_a_while(settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_STALE_SECONDS = 30
    # One machine, one clock: the lists are read the moment the pages are made.
    monkeypatch.setattr(page_cache, "_CLOCK_SLACK", 0)
    caches[page_cache.ALIAS].clear()
    yield
    caches[page_cache.ALIAS].clear()


@pytest.fixture
def first_publish(django_capture_on_commit_callbacks):
    """A new brief on Kazakhstan and the theme, saved as a draft and then published, in the built language.

    Committed, as the admin's publish is: a purge happens at once and again after the commit.
    """

    def publish(built, title):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            page = make_knowledge(
                built["sections"]["knowledge"],
                title=title,
                countries=[built["kz"]],
                themes=[built["theme"]],
                live=False,
            )
        assert callbacks, "the publish purged nothing after its commit"
        return page

    return publish


def webinar_form(**fields):
    """What the admin's new event form posts to publish a webinar with the marker in its title."""
    return new_event_form(
        title=f"{MARKER} webinar", slug="wombat-webinar", **{"action-publish": "action-publish"}, **fields
    )


def read_lists(client, built):
    return {name: client.get(url) for name, url in lists(built).items()}


@pytest.mark.parametrize("code", LANGUAGES)
def test_after_a_first_publish_each_list_answers_once_as_it_was_then_with_the_new_page(
    client, pages, code, first_publish
):
    built = pages(code)
    for url in lists(built).values():
        cached(client, url)
    first_publish(built, f"{MARKER} brief")

    for name, response in read_lists(client, built).items():
        assert response.status_code == 200, name
        assert response[page_cache.HEADER] == "stale", name
        assert MARKER not in response.content.decode(), name
    # Each stale answer's reader was served first; the page was remade after, and is current now.
    for name, response in read_lists(client, built).items():
        if name == "search":
            continue  # searched for the anchor brief's word, not the new one
        assert response[page_cache.HEADER] == "hit", name
        assert MARKER in response.content.decode(), name


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_edit_to_a_live_page_reaches_every_list_at_once(client, pages, code):
    built = pages(code)
    for url in lists(built).values():
        cached(client, url)
    brief = built["brief_read"].specific
    brief.title = f"{MARKER} renamed brief"
    brief.save_revision().publish()

    for name, response in read_lists(client, built).items():
        if name == "search":
            continue
        assert response[page_cache.HEADER] == "miss", name
        assert MARKER in response.content.decode(), name


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("withdrawal", ["unpublish", "restrict"])
def test_a_withdrawn_page_never_comes_back_through_a_later_first_publish(
    client, pages, roles, code, withdrawal, first_publish, django_capture_on_commit_callbacks
):
    """Lists that showed the page, made before it was withdrawn, are never served stale afterwards."""
    built = pages(code)
    secret = first_publish(built, f"{SECRET} brief")
    for url in lists(built).values():
        cached(client, url)
    assert SECRET in client.get(lists(built)["knowledge"]).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        if withdrawal == "unpublish":
            secret.unpublish()
        else:
            restrict_to_group(secret, roles["partners"])
    first_publish(built, f"{MARKER} brief")  # a soft purge of the same lists

    for name, response in read_lists(client, built).items():
        assert response.status_code == 200, name
        assert response[page_cache.HEADER] == "miss", name
        assert SECRET not in response.content.decode(), name


@pytest.mark.parametrize("code", LANGUAGES)
def test_after_the_window_a_list_is_made_afresh(client, pages, settings, code, first_publish):
    settings.PAGE_CACHE_STALE_SECONDS = 1
    built = pages(code)
    url = lists(built)["knowledge"]
    cached(client, url)
    first_publish(built, f"{MARKER} brief")
    time.sleep(1.1)

    response = client.get(url)
    assert response[page_cache.HEADER] == "miss"
    assert MARKER in response.content.decode()


def test_one_page_is_remade_at_a_time_and_the_others_wait_their_turn(client, pages, first_publish):
    built = pages("en")
    url = lists(built)["knowledge"]
    cached(client, url)
    first_publish(built, f"{MARKER} brief")
    store = caches[page_cache.ALIAS]
    store.add(page_cache._REMAKE_SLOT, 1, timeout=30)  # another worker is remaking a page

    for _reader in range(2):
        response = client.get(url)
        assert response[page_cache.HEADER] == "stale"
        assert MARKER not in response.content.decode()
    store.delete(page_cache._REMAKE_SLOT)
    assert client.get(url)[page_cache.HEADER] == "stale"  # this reader's answer, then the remake
    response = client.get(url)
    assert response[page_cache.HEADER] == "hit"
    assert MARKER in response.content.decode()


def test_with_no_window_every_purge_takes_effect_at_once(client, pages, settings, first_publish):
    settings.PAGE_CACHE_STALE_SECONDS = 0
    built = pages("en")
    url = lists(built)["knowledge"]
    cached(client, url)
    first_publish(built, f"{MARKER} brief")

    response = client.get(url)
    assert response[page_cache.HEADER] == "miss"
    assert MARKER in response.content.decode()


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_run_of_publishes_keeps_lists_quick_and_each_new_page_arrives(client, pages, code, first_publish):
    """The knowledge list read after every publish, the hub only after the last: stale once, then current."""
    built = pages(code)
    knowledge, hub = lists(built)["knowledge"], lists(built)["hub"]
    for url in (knowledge, hub):
        cached(client, url)
    for number in range(3):
        first_publish(built, f"{MARKER}{number} brief")
        assert client.get(knowledge)[page_cache.HEADER] == "stale"
        current = client.get(knowledge)
        assert current[page_cache.HEADER] == "hit"
        assert f"{MARKER}{number}" in current.content.decode()
    stale = client.get(hub)
    assert stale[page_cache.HEADER] == "stale"
    assert MARKER not in stale.content.decode()
    current = client.get(hub).content.decode()
    assert all(f"{MARKER}{number}" in current for number in range(3))


def test_a_webinar_published_from_the_admins_new_page_form_is_a_first_publish(
    client, site, roles, make_user, django_capture_on_commit_callbacks
):
    """The organiser's path: Wagtail's create view makes the page live, then publishes it."""
    events = site["events"]
    cached(client, events.url)
    organiser = make_user("organiser", group=roles["organisers"])
    editor = Client()
    editor.force_login(organiser)
    data = webinar_form()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(reverse("wagtailadmin_pages:add", args=["events", "eventpage", events.pk]), data)
    assert response.status_code == 302

    stale = client.get(events.url)
    assert stale[page_cache.HEADER] == "stale"
    assert MARKER not in stale.content.decode()
    fresh = client.get(events.url)
    assert fresh[page_cache.HEADER] == "hit"
    assert MARKER in fresh.content.decode()


def test_a_first_publish_scheduled_for_later_purges_at_once(client, site, roles, make_user):
    """Wagtail's create view makes the page live a moment, then the publish takes it offline until its date."""
    events = site["events"]
    cached(client, events.url)
    organiser = make_user("organiser", group=roles["organisers"])
    editor = Client()
    editor.force_login(organiser)
    data = webinar_form(go_live_at="2030-01-01 09:00")
    response = editor.post(reverse("wagtailadmin_pages:add", args=["events", "eventpage", events.pk]), data)
    assert response.status_code == 302

    answer = client.get(events.url)
    assert answer[page_cache.HEADER] == "miss"
    assert MARKER not in answer.content.decode()


@pytest.mark.parametrize("lost", ["nothing", "the hard time"])
def test_a_soft_purge_racing_a_hard_one_never_serves_what_the_hard_one_withdrew(client, pages, lost):
    """The soft purge read the version the hard one replaced; the hard one's time still rules the entry out."""
    built = pages("en")
    url = lists(built)["knowledge"]
    cached(client, url)
    store = caches[page_cache.ALIAS]
    tag = page_cache._tag_key(page_cache.list_tag("knowledge"))
    before = store.get(tag)
    page_cache._bump([page_cache.list_tag("knowledge")])  # hard: an unpublish
    # The soft purge's write lands last, continuing from the version it read before the hard one.
    store.set_many({tag: "soft-version", page_cache._soft_key(tag): ("soft-version", ((before, time.time()),))})
    if lost == "the hard time":
        store.delete(page_cache._hard_key(tag))  # evicted

    assert client.get(url)[page_cache.HEADER] == "miss"
