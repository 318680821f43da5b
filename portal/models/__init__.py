"""The `portal` app's models, gathered for Django from the floors that define them.

Code imports them from where they live (`portal.core.models`, `portal.site.models`), never
from here: this module spans two layers.
"""

from portal.core.models import *  # noqa: F403
from portal.site.models import *  # noqa: F403
