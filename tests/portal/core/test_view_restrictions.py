"""Page view restrictions read from the request's rules agree with Wagtail's own reading.

Wagtail's serve check asks each served page for `get_view_restrictions()`; the page models
answer from the restrictions the request already holds (`portal.core.privacy.ViewRestrictionsMixin`).
A restriction left out would serve a partner-only page to anyone.
"""

from django.contrib.auth.models import Group

from wagtail.models import Page, PageViewRestriction

import pytest

from portal.core import request_memo
from portal.core.privacy import PARTNER_GROUP
from tests.factories import make_event, make_knowledge, restrict_to_group

pytestmark = pytest.mark.django_db


def wagtails(page):
    return set(Page.get_view_restrictions(page).values_list("pk", flat=True))


def ours(page):
    return set(page.get_view_restrictions().values_list("pk", flat=True))


@pytest.mark.parametrize("in_request", [True, False])
def test_every_page_gets_wagtails_restrictions(site, locales, in_request):
    partners = Group.objects.get_or_create(name=PARTNER_GROUP)[0]
    brief = make_knowledge(site["knowledge"], title="Partner brief")
    public = make_knowledge(site["knowledge"], title="Public brief")
    event = make_event(site["events"], title="Closed meeting")
    restrict_to_group(brief, partners)
    PageViewRestriction.objects.create(page=site["events"], restriction_type=PageViewRestriction.LOGIN)
    russian = brief.copy_for_translation(locales["ru"], copy_parents=True)  # parents become aliases
    russian.save_revision().publish()

    tokens = request_memo.begin() if in_request else None
    try:
        pages = [site["home"], site["knowledge"], site["events"], brief, public, event, russian]
        pages += [page.specific for page in Page.objects.filter(locale=locales["ru"])]
        for page in pages:
            page = type(page).objects.get(pk=page.pk)
            assert ours(page) == wagtails(page), page
        assert ours(type(brief).objects.get(pk=brief.pk)), "the restricted brief has its restriction"
        assert ours(type(event).objects.get(pk=event.pk)), "the event inherits its section's"
        assert not ours(type(public).objects.get(pk=public.pk))
    finally:
        if tokens is not None:
            request_memo.end(tokens)
