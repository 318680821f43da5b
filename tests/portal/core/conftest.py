import pytest

from portal.core import request_memo
from tests.factories import CountryFactory, ThemeFactory, make_country_page, make_knowledge
from tests.portal.test_query_counts import Translator


@pytest.fixture
def memo():
    """A request's memo around the test, as `RequestMemoMiddleware` opens one for a GET."""
    tokens = request_memo.begin()
    yield
    request_memo.end(tokens)


@pytest.fixture
def pages(site):
    """Per language: Kazakhstan and Kyrgyzstan with their profiles, a theme, a brief on KZ, an event."""

    def build(code):
        tr = Translator(code)
        kz = tr.entry(CountryFactory(iso_code="KZ", name="Kazakhstan"))
        kg = tr.entry(CountryFactory(iso_code="KG", name="Kyrgyzstan"))
        theme = tr.entry(ThemeFactory(slug="police-response", name="Police response"))
        sections = {name: tr.page(site[name]) for name in ("home", "countries", "knowledge", "events")}
        brief = make_knowledge(site["knowledge"], title="Anchor brief", countries=[kz], themes=[theme])
        return {
            "tr": tr,
            "kz": kz,
            "kg": kg,
            "theme": theme,
            "sections": sections,
            "kz_profile": tr.page(make_country_page(site["countries"], kz)),
            "kg_profile": tr.page(make_country_page(site["countries"], kg)),
            "brief": brief,
            "brief_read": tr.page(brief),
            "prefix": f"/{code}/",
        }

    return build
