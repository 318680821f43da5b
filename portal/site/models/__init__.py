from .countries import CountryIndexPage, CountryKeyFigure, CountryPage
from .home import HomePage

__all__ = ["CountryIndexPage", "CountryKeyFigure", "CountryPage", "HomePage"]
