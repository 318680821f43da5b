"""A country's focal point edits that country's profile and statuses, nothing else, and only through review."""

import datetime

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupPagePermission,
    Locale,
    Page,
    PageViewRestriction,
)
from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

from knowledge.models import KnowledgeDocument
from portal.site.comparison import country_comparison
from portal.site.focal_points import focal_point_group
from portal.site.models import ComponentStatus, ComponentStatusChange, CountryPage, ServiceComponent
from portal.site.roles import roles_ensure
from tests.factories import CountryFactory, make_country_page, make_event, make_knowledge

pytestmark = pytest.mark.django_db

PARTNER_ONLY_TITLE = "SECRET-7f3c internal mapping"
NOTE = "Two women police officers took up posts in the Bishkek centre this spring."
# The admin's html element names its language; each language's word for "Sunflower model" is not
# in the catalogues yet, so the walk checks the language and the tab's panel instead.
ADMIN_LANGUAGES = ("en", "ru", "ko")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def component(slug, name, order):
    return ServiceComponent.objects.create(slug=slug, name=name, sort_order=order, locale=Locale.get_default())


@pytest.fixture
def countries(site, roles, locales):
    """Korea (the reference), Kyrgyzstan with a Russian and a Korean translation, and Kazakhstan."""
    police = component("police-on-site", "Police investigation on site", 10)
    counselling = component("counselling", "Counselling", 20)
    kr_country = CountryFactory(iso_code="KR", name="Republic of Korea", region="east-asia")
    kg_country = CountryFactory(iso_code="KG", name="Kyrgyzstan")
    kz_country = CountryFactory(iso_code="KZ", name="Kazakhstan")
    korea = make_country_page(site["countries"], kr_country)
    kyrgyzstan = make_country_page(site["countries"], kg_country)
    kazakhstan = make_country_page(site["countries"], kz_country)
    for status_component in (police, counselling):
        ComponentStatus.objects.create(page=korea, component=status_component, status="in-place")
    ComponentStatus.objects.create(
        page=kyrgyzstan, component=police, status="not-in-place", last_verified=datetime.date(2024, 3, 1)
    )
    ComponentStatus.objects.create(page=kyrgyzstan, component=counselling, status="in-place")
    kyrgyzstan.save_revision().publish()
    translations = {
        code: kyrgyzstan.copy_for_translation(locale, copy_parents=True) for code, locale in locales.items()
    }
    return {
        "KR": korea,
        "KG": kyrgyzstan,
        "KZ": kazakhstan,
        "KG translations": translations,
        "police": police,
        "counselling": counselling,
    }


@pytest.fixture
def focal_point(countries, make_user, roles):
    """Kyrgyzstan's focal point, whom an administrator then took out of the partner officials' group
    (joining a focal-point group makes one a partner official): what they reach must still be only
    what they may read, whatever their other groups."""
    user = make_user("focal-kg", group=focal_point_group(countries["KG"]))
    user.groups.remove(roles["partners"])
    return user


def in_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def form_data(html, form_id="page-edit-form"):
    """What the browser would post from the admin's edit form as rendered (buttons aside)."""
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    assert form is not None, "the edit form is not on the page"
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.name == "input" and field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "select":
            chosen = [option.get("value", "") for option in field.find_all("option") if option.has_attr("selected")]
            if field.has_attr("multiple"):
                data[name] = chosen
            else:
                data[name] = chosen[0] if chosen else ""
        elif field.name == "textarea":
            data[name] = field.text
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data


def status_row(data, component_id):
    """The prefix of the inline row for a component, e.g. `component_statuses-0`."""
    total = int(data["component_statuses-TOTAL_FORMS"])
    for index in range(total):
        if data.get(f"component_statuses-{index}-component") == str(component_id):
            return f"component_statuses-{index}"
    raise AssertionError(f"no status row for component {component_id}")


def edit_status(client, profile, component_id, *, status, note, action=None):
    """Open the profile's edit form, change one status as a user would, and post it with `action`."""
    response = client.get(edit_url(profile))
    assert response.status_code == 200
    data = form_data(response.content.decode())
    for index in range(int(data["component_statuses-TOTAL_FORMS"])):
        # The evidence StreamField is drawn by JavaScript: none of these rows has any.
        data[f"component_statuses-{index}-evidence-count"] = "0"
    row = status_row(data, component_id)
    data.update(
        {
            f"{row}-status": status,
            f"{row}-note": note,
            f"{row}-last_verified": timezone.localdate().isoformat(),
        }
    )
    if action:
        data[action] = action
    return client.post(edit_url(profile), data)


def live_status(profile, component_id):
    return ComponentStatus.objects.get(page=profile, component_id=component_id).status


def compared_status(code, component_slug):
    comparison = country_comparison(codes=["KR", "KG", "KZ"], user=None, locale=Locale.get_default())
    column = next(column for column in comparison.columns if column.iso_code == code)
    return next(cell.status for cell in column.cells if cell.component.slug == component_slug)


# --- The group ---------------------------------------------------------------------------------------


def test_each_profile_family_has_a_focal_point_group_that_may_edit_it_in_every_language(countries, make_user):
    kyrgyzstan = countries["KG"]
    group = focal_point_group(kyrgyzstan)
    assert group is not None and group.name == "Focal point: Kyrgyzstan"
    family = {kyrgyzstan.pk, *(page.pk for page in countries["KG translations"].values())}
    grants = GroupPagePermission.objects.filter(group=group)
    assert {grant.page_id for grant in grants} == family
    assert {grant.permission.codename for grant in grants} == {"change_page"}
    assert group.permissions.filter(codename="access_admin").exists()
    assert focal_point_group(countries["KZ"]) not in (None, group)
    member = make_user("focal-kg", group=group)
    for code, translation in countries["KG translations"].items():
        perms = Page.objects.get(pk=translation.pk).specific.permissions_for_user(member)
        assert perms.can_edit(), code
        assert not perms.can_publish(), code


def test_the_group_is_found_by_its_pages_not_its_name(countries, site):
    group = focal_point_group(countries["KG"])
    group.name = "Kyrgyz focal point (renamed by an administrator)"
    group.save()
    groups = Group.objects.count()
    grants = GroupPagePermission.objects.count()
    roles_ensure(site_root=site["home"])
    assert Group.objects.count() == groups, "running again must not make a second group"
    assert GroupPagePermission.objects.count() == grants
    assert focal_point_group(countries["KG"]) == group
    # A group named like a focal point, with no pages, is not one.
    Group.objects.create(name="Focal point: Kazakhstan (old)")
    assert focal_point_group(countries["KZ"]).name == "Focal point: Kazakhstan"


def test_a_new_profile_and_a_new_translation_get_their_focal_point_at_once(site, roles, locales):
    tajikistan = make_country_page(site["countries"], CountryFactory(iso_code="TJ", name="Tajikistan"))
    group = focal_point_group(tajikistan)
    assert group is not None and group.name == "Focal point: Tajikistan"
    korean = tajikistan.copy_for_translation(locales["ko"], copy_parents=True)
    assert focal_point_group(korean) == group
    assert GroupPagePermission.objects.filter(group=group, page=korean, permission__codename="change_page").exists()


# --- The walk: draft, no publish, review, live ---------------------------------------------------------


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_focal_point_drafts_a_status_change_that_goes_live_only_once_a_reviewer_approves(
    client, countries, focal_point, roles, make_user, language
):
    kyrgyzstan, police = countries["KG"], countries["police"]
    in_admin_language(focal_point, language)
    client.force_login(focal_point)

    # The admin opens on the country's profile, with its statuses' tab.
    landing = client.get("/admin/")
    assert landing.status_code == 302 and landing["Location"] == edit_url(kyrgyzstan)
    page = client.get(edit_url(kyrgyzstan)).content.decode()
    assert f'<html lang="{language}"' in page
    assert 'id="tab-sunflower-model"' in page or "component_statuses-TOTAL_FORMS" in page

    # A draft: the live profile and the comparison keep the old status.
    response = edit_status(client, kyrgyzstan, police.pk, status="pilot", note=NOTE)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = CountryPage.objects.get(pk=kyrgyzstan.pk).get_latest_revision_as_object()
    assert [row.status for row in draft.component_statuses.all() if row.component_id == police.pk] == ["pilot"]
    assert live_status(kyrgyzstan, police.pk) == "not-in-place"
    assert compared_status("KG", "police-on-site") == "not-in-place"

    # Publishing is not theirs: the same form with "Publish" changes nothing readers see.
    edit_status(client, kyrgyzstan, police.pk, status="pilot", note=NOTE, action="action-publish")
    assert live_status(kyrgyzstan, police.pk) == "not-in-place"
    assert compared_status("KG", "police-on-site") == "not-in-place"
    assert not ComponentStatusChange.objects.filter(component=police, status="pilot").exists()

    # "Submit to Country profile review" puts it in front of the reviewers.
    response = edit_status(client, kyrgyzstan, police.pk, status="pilot", note=NOTE, action="action-submit")
    assert response.status_code == 302
    kyrgyzstan = CountryPage.objects.get(pk=kyrgyzstan.pk)
    state = kyrgyzstan.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.workflow.name == "Country profile review"
    assert live_status(kyrgyzstan, police.pk) == "not-in-place"

    # A reviewer approves: readers and the comparison see the new status, the history names the focal point.
    reviewer = make_user("reviewer", group=roles["reviewers"])
    client.force_login(reviewer)
    task_state = kyrgyzstan.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[kyrgyzstan.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    assert live_status(kyrgyzstan, police.pk) == "pilot"
    assert compared_status("KG", "police-on-site") == "pilot"
    change = ComponentStatusChange.objects.filter(country=kyrgyzstan.country, component=police).first()
    assert (change.status, change.note, change.changed_by) == ("pilot", NOTE, focal_point)
    assert change.last_verified == timezone.localdate()


# --- Nothing else ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_focal_point_reaches_nothing_but_their_own_profile(client, countries, focal_point, site, language):
    in_admin_language(focal_point, language)
    client.force_login(focal_point)
    brief = make_knowledge(site["knowledge"])
    event = make_event(site["events"])
    refused = {
        "Kazakhstan's profile": edit_url(countries["KZ"]),
        "Korea's profile": edit_url(countries["KR"]),
        "a knowledge item": edit_url(brief),
        "an event": edit_url(event),
        "a new profile": reverse("wagtailadmin_pages:add", args=["portal", "countrypage", site["countries"].pk]),
        "the countries vocabulary": reverse("wagtailsnippets_portal_country:list"),
        "the components vocabulary": reverse("wagtailsnippets_portal_servicecomponent:list"),
        "a component": reverse("wagtailsnippets_portal_servicecomponent:edit", args=[countries["police"].pk]),
        "the site settings": reverse("wagtailsettings:edit", args=["portal", "sitesettings"]),
        "the documents": reverse("wagtaildocs:index"),
        "the users": reverse("wagtailusers_users:index"),
        "the workflows": reverse("wagtailadmin_workflows:index"),
        "the translations report": reverse("portal_translation_status"),
    }
    for what, url in refused.items():
        response = client.get(url)
        assert response.status_code in (302, 403), f"{what}: {response.status_code}"
        if response.status_code == 302:
            assert response["Location"] != url, what
    # The admin's page listings and search hold nothing of the other sections.
    for url in (
        reverse("knowledge_pages:index"),
        reverse("event_pages:index"),
        reverse("wagtailadmin_pages:search") + "?q=Kazakhstan",
        reverse("wagtailadmin_pages:search") + "?q=Funding",
        reverse("wagtailadmin_explore", args=[site["knowledge"].pk]),
    ):
        response = client.get(url, follow=True)
        text = response.content.decode()
        for title in (brief.title, event.title, "Profile of Kazakhstan"):
            assert title not in text, (url, title)
    # The dashboard is not theirs either: the admin's home sends them to their profile.
    assert client.get("/admin/")["Location"] == edit_url(countries["KG"])
    for code, translation in countries["KG translations"].items():
        assert client.get(edit_url(translation)).status_code == 200, code
    perms = countries["KG"].permissions_for_user(focal_point)
    assert not perms.can_publish() and not perms.can_lock() and not perms.can_unpublish()
    assert not perms.can_delete() and not perms.can_add_subpage()


@pytest.fixture
def evidence_documents(countries, roles, site):
    """A public, reviewed document; a partner-only one; an unreviewed upload in the public collection."""
    root = Collection.get_first_root_node()
    public = root.add_child(name="Programme documents")
    partner_only = root.add_child(name="Partner-only")
    restriction = CollectionViewRestriction.objects.create(
        collection=partner_only, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles["partners"]])
    documents = {}
    for key, title, collection, reviewed in (
        ("public", "Bishkek centre referral protocol", public, True),
        ("secret", PARTNER_ONLY_TITLE, partner_only, True),
        ("unreviewed", "UNREVIEWED-91a draft", public, False),
    ):
        document = KnowledgeDocument(title=title, collection=collection, reviewed=reviewed)
        document.file.save(f"{key}.pdf", ContentFile(b"%PDF-1.4 " + key.encode()), save=True)
        documents[key] = document
    # Grants follow the collections as they are when the roles are refreshed.
    roles_ensure(site_root=site["home"])
    return documents


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_focal_point_chooses_evidence_only_among_documents_everyone_may_read(
    client, evidence_documents, focal_point, make_user, roles, language
):
    in_admin_language(focal_point, language)
    client.force_login(focal_point)
    for url in (
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtaildocs_chooser:choose_results"),
        reverse("wagtaildocs_chooser:choose_results") + "?q=internal",
        reverse("wagtaildocs_chooser:choose_results") + "?q=SECRET",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert "SECRET-7f3c" not in text, url
        assert "UNREVIEWED-91a" not in text, url
    listing = client.get(reverse("wagtaildocs_chooser:choose_results")).content.decode()
    assert "Bishkek centre referral protocol" in listing

    # Reviewers keep every collection in their chooser.
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    assert "SECRET-7f3c" in client.get(reverse("wagtaildocs_chooser:choose_results")).content.decode()


def test_a_collection_made_partner_only_later_leaves_the_focal_points_chooser(
    client, evidence_documents, focal_point, roles, site
):
    public = evidence_documents["public"].collection
    restriction = CollectionViewRestriction.objects.create(
        collection=public, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles["partners"]])
    client.force_login(focal_point)
    # Before the grants are refreshed, the privacy gate keeps it out; after, the grant is gone.
    assert (
        "Bishkek centre referral protocol"
        not in client.get(reverse("wagtaildocs_chooser:choose_results")).content.decode()
    )
    roles_ensure(site_root=site["home"])
    group = focal_point.groups.get()
    assert not group.collection_permissions.filter(collection=public).exists()


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_focal_point_chooses_evidence_only_among_pages_everyone_may_read(
    client, countries, focal_point, site, roles, make_user, language
):
    public = make_knowledge(site["knowledge"], title="Evidence brief on Bishkek referrals")
    partner_only = make_knowledge(site["knowledge"], title="Workplan SECRETPAGE-2c1 for partners")
    restriction = PageViewRestriction.objects.create(page=partner_only, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([roles["partners"]])
    draft = make_knowledge(site["knowledge"], title="Draft DRAFTPAGE-5e0 brief")
    draft.unpublish()
    in_admin_language(focal_point, language)
    client.force_login(focal_point)
    responses = [
        client.get(reverse("wagtailadmin_choose_page_search"), {"q": query})
        for query in ("Bishkek", "SECRETPAGE", "DRAFTPAGE", "brief")
    ]
    responses.append(client.get(reverse("wagtailadmin_choose_page_child", args=[site["knowledge"].pk])))
    texts = []
    for response in responses:
        assert response.status_code == 200
        texts.append(response.content.decode())
    assert public.title in texts[0]
    for text in texts:
        assert "SECRETPAGE-2c1" not in text
        assert "DRAFTPAGE-5e0" not in text
    # Staff keep every page in theirs.
    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    assert "SECRETPAGE-2c1" in client.get(reverse("wagtailadmin_choose_page_search"), {"q": "SECRETPAGE"}).text


def test_the_translations_report_is_not_in_a_focal_points_menu(client, countries, focal_point, roles, make_user):
    client.force_login(focal_point)
    html = client.get(edit_url(countries["KG"])).content.decode()
    assert reverse("portal_translation_status") not in html
    client.force_login(make_user("translator", group=roles["translators"]))
    assert reverse("portal_translation_status") in client.get(reverse("portal_translation_status")).text


# --- The Sunflower model's vocabulary ---------------------------------------------------------------


def test_components_vocabulary_rights_by_role(roles):
    expected = {
        "translators": {"view_servicecomponent", "change_servicecomponent"},
        "reviewers": {"view_servicecomponent", "change_servicecomponent", "publish_servicecomponent"},
        "administrators": {
            "add_servicecomponent",
            "change_servicecomponent",
            "delete_servicecomponent",
            "publish_servicecomponent",
        },
    }
    for role, codenames in expected.items():
        held = set(
            roles[role].permissions.filter(codename__endswith="_servicecomponent").values_list("codename", flat=True)
        )
        assert held == codenames, role
    for role in ("specialists", "organisers", "partners"):
        assert not roles[role].permissions.filter(codename__endswith="_servicecomponent").exists(), role


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_a_translator_cannot_change_a_component_a_reviewer_can(client, roles, make_user, language):
    police = component("police-on-site", "Police investigation on site", 10)
    url = reverse("wagtailsnippets_portal_servicecomponent:edit", args=[police.pk])
    data = {"slug": "police-on-site", "name": "Police on site (renamed)", "description": "", "sort_order": "10"}
    translator = make_user("translator", group=roles["translators"])
    in_admin_language(translator, language)
    client.force_login(translator)
    assert client.get(url).status_code == 200
    client.post(url, data)
    police.refresh_from_db()
    assert police.name == "Police investigation on site"

    client.force_login(make_user("reviewer", group=roles["reviewers"]))
    client.post(url, data)
    police.refresh_from_db()
    assert police.name == "Police on site (renamed)"


# --- Bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_a_component_given_twice_is_a_form_error_and_changes_nothing(client, countries, make_user, language):
    reviewer = make_user("reviewer-dup", group=Group.objects.get(name="Reviewers"))
    in_admin_language(reviewer, language)
    client.force_login(reviewer)
    kyrgyzstan = countries["KG"]
    data = form_data(client.get(edit_url(kyrgyzstan)).content.decode())
    for index in range(int(data["component_statuses-TOTAL_FORMS"])):
        data[f"component_statuses-{index}-evidence-count"] = "0"
    police_row = status_row(data, countries["police"].pk)
    counselling_row = status_row(data, countries["counselling"].pk)
    # The counselling row is switched to police: police twice, counselling not at all.
    data[f"{counselling_row}-component"] = str(countries["police"].pk)
    data[f"{police_row}-status"] = "pilot"
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(kyrgyzstan), data)
    assert response.status_code == 200  # the form again, not a 500
    assert "error-message" in response.content.decode() or "w-field--error" in response.content.decode()
    assert live_status(kyrgyzstan, countries["police"].pk) == "not-in-place"
    assert live_status(kyrgyzstan, countries["counselling"].pk) == "in-place"


def test_swapping_two_rows_components_publishes(client, countries, make_user, roles):
    """Rows are saved one by one: a swap must not trip over itself (it was a 500 at publish)."""
    client.force_login(make_user("reviewer-swap", group=roles["reviewers"]))
    kyrgyzstan, police, counselling = countries["KG"], countries["police"], countries["counselling"]
    data = form_data(client.get(edit_url(kyrgyzstan)).content.decode())
    for index in range(int(data["component_statuses-TOTAL_FORMS"])):
        data[f"component_statuses-{index}-evidence-count"] = "0"
    police_row, counselling_row = status_row(data, police.pk), status_row(data, counselling.pk)
    data[f"{police_row}-component"], data[f"{counselling_row}-component"] = str(counselling.pk), str(police.pk)
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(kyrgyzstan), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    # Police took counselling's status and the other way round.
    assert live_status(kyrgyzstan, police.pk) == "in-place"
    assert live_status(kyrgyzstan, counselling.pk) == "not-in-place"


def evidence_post(client, profile, component_id, blocks):
    """The edit form with `blocks` [(type, id)] as the evidence of one row."""
    data = form_data(client.get(edit_url(profile)).content.decode())
    for index in range(int(data["component_statuses-TOTAL_FORMS"])):
        data[f"component_statuses-{index}-evidence-count"] = "0"
    row = status_row(data, component_id)
    data[f"{row}-evidence-count"] = str(len(blocks))
    for index, (block_type, value) in enumerate(blocks):
        data.update(
            {
                f"{row}-evidence-{index}-type": block_type,
                f"{row}-evidence-{index}-value": str(value),
                f"{row}-evidence-{index}-deleted": "",
                f"{row}-evidence-{index}-order": str(index),
                f"{row}-evidence-{index}-id": "",
            }
        )
    return client.post(edit_url(profile), data)


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_a_focal_point_cannot_cite_by_id_what_they_may_not_read(
    client, countries, evidence_documents, focal_point, language
):
    in_admin_language(focal_point, language)
    client.force_login(focal_point)
    kyrgyzstan, police = countries["KG"], countries["police"]
    for forged in (evidence_documents["secret"], evidence_documents["unreviewed"]):
        response = evidence_post(client, kyrgyzstan, police.pk, [("document", forged.pk)])
        assert response.status_code == 200  # the form again, with the row's error
        latest = CountryPage.objects.get(pk=kyrgyzstan.pk).get_latest_revision_as_object()
        cited = [block.value.pk for row in latest.component_statuses.all() for block in row.evidence]
        assert forged.pk not in cited
        # Drawn again, the form does not name what was refused.
        assert "SECRET-7f3c" not in client.get(edit_url(kyrgyzstan)).content.decode()
    # A document every reader may see is theirs to cite.
    response = evidence_post(client, kyrgyzstan, police.pk, [("document", evidence_documents["public"].pk)])
    assert response.status_code == 302, response.content.decode()[:2000]


def test_whoever_joins_a_focal_point_group_is_a_partner_official(countries, make_user, roles):
    group = focal_point_group(countries["KG"])
    by_user = make_user("joined-by-user")
    by_user.groups.add(group)  # the admin's user form
    by_group = make_user("joined-by-group")
    group.user_set.add(by_group)
    for user in (by_user, by_group):
        assert user.groups.filter(name=roles["partners"].name).exists()
    # Joining another role changes nothing.
    reviewer = make_user("plain-reviewer", group=roles["reviewers"])
    assert not reviewer.groups.filter(name=roles["partners"].name).exists()
