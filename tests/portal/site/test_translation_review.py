"""Translators propose, reviewers publish: vocabularies, document translations and pages in every section."""

from django.urls import reverse

from wagtail.models import Page

import pytest

from portal.core.models import Country
from tests.factories import make_event, make_knowledge

pytestmark = pytest.mark.django_db


class AnyWords(dict):
    """Every string "translated" as itself with a mark: the words do not matter here."""

    def __missing__(self, key):
        return f"{key} (ru)"


def country_edit_url(country):
    return reverse("wagtailsnippets_portal_country:edit", args=[country.pk])


def test_a_translator_cannot_rename_a_country(client, site, roles, make_user):
    country = Country.objects.create(iso_code="KZ", name="Kazakhstan", region="east-asia")
    client.force_login(make_user("translator", group=roles["translators"]))
    response = client.post(country_edit_url(country), {"name": "Renamed", "iso_code": "KZ", "region": country.region})
    assert response.status_code == 302, "refused with a message, not a form error"
    country.refresh_from_db()
    assert country.name == "Kazakhstan"


def test_an_administrator_renames_a_country(client, site, roles, make_user):
    country = Country.objects.create(iso_code="KZ", name="Kazakhstan", region="east-asia")
    client.force_login(make_user("admin-role", group=roles["administrators"]))
    data = {"name": "Republic of Kazakhstan", "iso_code": "KZ", "region": country.region}
    response = client.post(country_edit_url(country), data)
    assert response.status_code == 302, [line for line in response.content.decode().splitlines() if "error" in line]
    country.refresh_from_db()
    assert country.name == "Republic of Kazakhstan"


def test_only_reviewers_and_administrators_may_publish_vocabularies(roles, make_user):
    translator = make_user("translator", group=roles["translators"])
    reviewer = make_user("reviewer", group=roles["reviewers"])
    administrator = make_user("administrator", group=roles["administrators"])
    for model in ("country", "theme", "organisation", "person"):
        assert not translator.has_perm(f"portal.publish_{model}")
        assert administrator.has_perm(f"portal.publish_{model}")
    assert reviewer.has_perm("portal.publish_organisation")


def test_translators_publish_no_page_in_any_section(site, locales, roles, translate, make_user):
    from portal.site.roles import roles_ensure

    translator = make_user("translator", group=roles["translators"])
    pages = [make_knowledge(site["knowledge"]), make_event(site["events"]), site["countries"]]
    russian = [translate(page, locales["ru"], AnyWords()) for page in pages]
    roles_ensure(site_root=site["home"])
    for page in [*pages, *russian]:
        perms = Page.objects.get(pk=page.pk).permissions_for_user(translator)
        assert not perms.can_publish(), page


@pytest.mark.parametrize(("role", "published"), [("translators", False), ("administrators", True)])
def test_updating_translations_publishes_them_only_with_a_publish_right(
    client, site, locales, roles, translate, make_user, django_capture_on_commit_callbacks, role, published
):
    # wagtail-localize's "Update existing translations" asks only for submit_translation,
    # which translators hold; its "publish" must need a publish right.
    from wagtail_localize.models import TranslationSource

    brief = make_knowledge(site["knowledge"], title="Funding one-stop centres")
    russian = translate(brief, locales["ru"], AnyWords())
    before = Page.objects.get(pk=russian.pk).live_revision_id
    source = TranslationSource.objects.get(object_id=brief.translation_key, locale=brief.locale)
    client.force_login(make_user("someone", group=roles[role]))

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes after the commit
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
        )

    assert response.status_code == 302
    after = Page.objects.get(pk=russian.pk).live_revision_id
    assert (after != before) is published
