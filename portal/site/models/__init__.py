from .components import ComponentStatus, ComponentStatusChange, ServiceComponent, StatusLevel
from .countries import CountryIndexPage, CountryKeyFigure, CountryPage
from .home import HomePage

__all__ = [
    "ComponentStatus",
    "ComponentStatusChange",
    "CountryIndexPage",
    "CountryKeyFigure",
    "CountryPage",
    "HomePage",
    "ServiceComponent",
    "StatusLevel",
]
