from .media import PortalImage, PortalRendition
from .site_settings import SiteSettings
from .taxonomy import Country, Organisation, Person, Region, Theme

__all__ = ["Country", "Organisation", "Person", "PortalImage", "PortalRendition", "Region", "SiteSettings", "Theme"]
