"""Wagtail's userbar (the editors' "Edit this page" button) on public pages: for those who may use the admin.

Whether a reader may is read from the groups the privacy rules read anyway, so a partner's page
costs no permission queries; a group given admin access later gets the userbar at once.
"""

from django.contrib.auth.models import Permission

import pytest

pytestmark = pytest.mark.django_db

USERBAR = "<wagtail-userbar"


@pytest.mark.parametrize("code", ["en", "ru", "ko"])
def test_editors_get_the_userbar_and_partners_and_the_public_do_not(client, site, roles, make_user, partner, code):
    url = f"/{code}/"
    assert USERBAR not in client.get(url).content.decode()
    client.force_login(partner)
    assert USERBAR not in client.get(url).content.decode()
    client.force_login(make_user("specialist", group=roles["specialists"]))
    assert USERBAR in client.get(url).content.decode()
    client.force_login(make_user("admin", superuser=True))
    assert USERBAR in client.get(url).content.decode()


def test_a_group_given_admin_access_gets_the_userbar_at_the_next_request(client, site, roles, partner):
    client.force_login(partner)
    assert USERBAR not in client.get("/en/").content.decode()
    roles["partners"].permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    assert USERBAR in client.get("/en/").content.decode()
