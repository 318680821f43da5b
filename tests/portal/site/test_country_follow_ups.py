"""A country profile lists the follow-up actions still open from the events about that country.

Open and in-progress actions of published events the reader may see, soonest due first, with
their owner and status; done ones, drafts and partner-only events stay out (a public reader does
not learn of a partner-only event's actions at all).
"""

import datetime

from django.utils import timezone

import pytest

from events.models import EventPage
from tests.factories import CountryFactory, OrganisationFactory, make_country_page, make_event, restrict_to_group

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ru", "ko")
PRIVATE_ACTION_WORD = "zqxprivatefollowup"


def _action(text, *, status="open", due=None, organisation=None, owner=""):
    return (
        "action",
        {"action": text, "organisation": organisation, "owner": owner, "due": due, "status": status},
    )


def _with_actions(event, *actions):
    event.follow_up_actions = list(actions)
    event.save_revision().publish()
    return event


@pytest.fixture
def kyrgyzstan(site, roles):
    kg = CountryFactory(iso_code="KG", name="Kyrgyzstan", region="central-asia")
    profile = make_country_page(site["countries"], kg)
    undp = OrganisationFactory(slug="undp-kg", name="UNDP Kyrgyz Republic", acronym="")
    _with_actions(
        make_event(site["events"], title="Webinar with Kyrgyzstan", countries=[kg]),
        _action("Develop a strategic workplan", status="in-progress", organisation=undp),
        _action("Map areas for exchange", due=datetime.date(2019, 6, 30), owner="USPC and UNDP Kyrgyz Republic"),
        _action("Publish the webinar record", status="done", due=datetime.date(2019, 2, 28)),
    )
    _with_actions(
        make_event(site["events"], title="Round table in Bishkek", host_country=kg, is_online=False, city="Bishkek"),
        _action("Compile the presentations", due=datetime.date(2021, 5, 31), organisation=undp),
    )
    private = _with_actions(
        make_event(site["events"], title="Partner coordination call", countries=[kg]),
        _action(f"Agree the budget {PRIVATE_ACTION_WORD}"),
    )
    restrict_to_group(private, roles["partners"])
    draft = make_event(site["events"], title="Draft meeting", countries=[kg])
    draft.follow_up_actions = [_action("A draft's action zqxdraftaction")]
    draft.save_revision()  # saved, not published
    _with_actions(make_event(site["events"], title="Elsewhere"), _action("Not about Kyrgyzstan"))
    return profile


def test_open_follow_ups_soonest_first(client, kyrgyzstan):
    response = client.get(kyrgyzstan.url)
    html = response.content.decode()
    assert "Open follow-up actions" in html
    order = [
        "Map areas for exchange",
        "Compile the presentations",
        "Develop a strategic workplan",  # no due date: last
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    assert "Publish the webinar record" not in html
    assert "Not about Kyrgyzstan" not in html
    assert "zqxdraftaction" not in html
    # Owner, due date, status and the event that agreed it.
    assert "UNDP Kyrgyz Republic" in html
    assert "USPC and UNDP Kyrgyz Republic" in html
    assert '<time datetime="2019-06-30">' in html
    assert "In progress" in html
    assert "Overdue" in html
    assert "Round table in Bishkek" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_partner_only_events_follow_ups_are_absent_for_the_public(client, kyrgyzstan, language):
    html = client.get(f"/{language}/countries/kg/").content.decode()
    assert "Map areas for exchange" in html
    assert PRIVATE_ACTION_WORD not in html
    assert "Partner coordination call" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_partner_sees_them(client, kyrgyzstan, partner, language):
    client.force_login(partner)
    assert PRIVATE_ACTION_WORD in client.get(f"/{language}/countries/kg/").content.decode()


def test_the_owner_organisation_in_the_readers_language(client, kyrgyzstan, locales):
    undp = OrganisationFactory(slug="undp-kg")
    russian = undp.copy_for_translation(locales["ru"])
    russian.name = "ПРООН в Кыргызской Республике"
    russian.save()
    html = client.get("/ru/countries/kg/").content.decode()
    assert "ПРООН в Кыргызской Республике" in html


def test_no_section_without_open_follow_ups(client, site):
    kz = CountryFactory()
    profile = make_country_page(site["countries"], kz)
    event = make_event(site["events"], countries=[kz], start=timezone.now() - datetime.timedelta(days=3))
    _with_actions(event, _action("Finished", status="done"))
    assert EventPage.objects.filter(pk=event.pk).exists()
    assert "Open follow-up actions" not in client.get(profile.url).content.decode()
