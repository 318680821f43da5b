from django.contrib.auth import get_user_model

import pytest

from portal.site.roles import roles_ensure
from tests.factories import build_site


@pytest.fixture
def site(db):
    return build_site()


@pytest.fixture
def roles(site):
    return roles_ensure(site_root=site["home"])


@pytest.fixture
def make_user(db):
    def make(username, *, group=None, superuser=False):
        User = get_user_model()
        if superuser:
            return User.objects.create_superuser(username, f"{username}@example.org", "pw")
        user = User.objects.create_user(username, f"{username}@example.org", "pw")
        if group is not None:
            user.groups.add(group)
        return user

    return make


@pytest.fixture
def partner(make_user, roles):
    return make_user("partner", group=roles["partners"])


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations():
    """The interface catalogues as .mo files (git-ignored), as `make run` and `make test` build them.

    Runs before any test renders a page, so Django never caches a language without its catalogue.
    """
    from django.core.management import call_command

    call_command("compile_translations", verbosity=0)
