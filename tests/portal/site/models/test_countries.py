"""The country index and country profiles: they render with a country's facts, and editors create them."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from portal.site.models import CountryPage
from tests.page_forms import PageFormTestCase
from tests.pages import assert_page_renders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("key", "expected"), [("countries", "Republic of Korea"), ("korea", "Sunflower Centres")])
def test_page_renders_with_its_content(client, tree, key, expected):
    assert_page_renders(client, tree[key], expected)


def test_country_profile_lists_the_countrys_activity_and_figures(client, tree):
    text = client.get(tree["korea"].url).text
    for title in ("Hospital-based one-stop centre", "Police training course", "Round table 2021"):
        assert title in text
    assert "38" in text and "UNDP Seoul Policy Centre" in text


class TestCountryProfileCanBeCreated(PageFormTestCase):
    def test_country_profile(self):
        data = nested_form_data(
            {
                "title": "Kazakhstan",
                "country": self.kz.pk,
                "summary": "Partner since 2017.",
                "partnership_status": "active",
                "partnership_start": "2017-09-01",
                "key_figures": inline_formset(
                    [{"label": "Crisis centres", "value": "3", "unit": "", "source": "UNDP", "as_of": "2020-08-18"}]
                ),
                "component_statuses": inline_formset([]),
            }
        )
        self.assertCanCreate(self.tree["countries"], CountryPage, data)
        page = CountryPage.objects.get(title="Kazakhstan")
        assert page.live and page.key_figures.count() == 1
