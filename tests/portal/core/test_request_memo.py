"""The request memo: privacy rules read once per request, never stale, never kept past it."""

from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from portal.core import request_memo
from portal.core.privacy import PARTNER_GROUP, pages_visible_to
from tests.factories import make_knowledge, restrict_to_group

pytestmark = pytest.mark.django_db


def visible_titles():
    return set(pages_visible_to(AnonymousUser(), Page.objects.all()).values_list("title", flat=True))


def test_rules_are_read_once_within_a_request(site, memo):
    visible_titles()
    with CaptureQueriesContext(connection) as captured:
        visible_titles()
    assert not [query for query in captured if "viewrestriction" in query["sql"]]


def test_without_a_request_every_call_reads_the_rules(site):
    visible_titles()
    with CaptureQueriesContext(connection) as captured:
        visible_titles()
    assert [query for query in captured if "pageviewrestriction" in query["sql"]]


def test_a_restriction_added_within_the_request_is_honoured_at_once(site, memo):
    page = make_knowledge(site["knowledge"], title="Zebra brief")
    assert "Zebra brief" in visible_titles()
    restriction = restrict_to_group(page, Group.objects.get_or_create(name=PARTNER_GROUP)[0])
    assert "Zebra brief" not in visible_titles()
    restriction.delete()
    assert "Zebra brief" in visible_titles()


def test_anonymous_readers_cost_no_groups_query(site, memo):
    restrict_to_group(site["knowledge"], Group.objects.get_or_create(name=PARTNER_GROUP)[0])
    with CaptureQueriesContext(connection) as captured:
        visible_titles()
    assert not [query for query in captured if "auth_group" in query["sql"] or "_groups" in query["sql"]]


def test_the_memo_is_dropped_after_the_request(site):
    tokens = request_memo.begin()
    request_memo.memoised("key", lambda: 1)
    request_memo.end(tokens)
    assert request_memo.memoised("key", lambda: 2) == 2
