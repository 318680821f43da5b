from .countries import CountryIndexPage, CountryKeyFigure, CountryPage  # noqa: F401
from .home import HomePage  # noqa: F401
from .media import PortalImage, PortalRendition  # noqa: F401
from .site_settings import SiteSettings  # noqa: F401
from .taxonomy import Country, Organisation, Person, Region, Theme  # noqa: F401
