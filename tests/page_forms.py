"""Creating pages in the admin by posting their real form: the site, vocabularies and form data the tests share."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.factories import CountryFactory, ThemeFactory, build_site


class PageFormTestCase(WagtailPageTestCase):
    def setUp(self):
        self.tree = build_site()
        self.kz = CountryFactory()
        self.theme = ThemeFactory()
        self.login()

    def knowledge_data(self, title, **extra):
        """A knowledge page's form: the fields every kind shares, and `extra`."""
        data = nested_form_data(
            {
                "title": title,
                "summary": "A short summary for lists.",
                "publication_date": "2021-04-28",
                "keywords": "police, training",
                "body": streamfield([("paragraph", rich_text("<p>Body text.</p>"))]),
                **extra,
            }
        )
        # Multi-valued fields go in as lists, which nested_form_data would flatten.
        data.update(countries=[self.kz.pk], themes=[self.theme.pk])
        return data
