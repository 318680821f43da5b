"""Wagtail API v2: public content only, for partner systems and the site's own tests."""

from django.utils.translation import gettext as _

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from portal.core.privacy import documents_visible_to, pages_visible_to
from search import conf as search_conf

# Deeper than any listing goes; a larger offset is a mistake, not a page (and past 2**63 the
# database cannot even compare it).
MAX_OFFSET = 1_000_000
SEARCH_OPERATORS = ("and", "or")


class BoundedParametersMixin:
    """Refuses out-of-range parameters with a 400 and a message in the reader's language.

    Wagtail's own checks let an offset too large for the database through (a 500) and answer
    in English; the search text itself is made safe by the search backend
    (`portal.core.search_backend`), and only its length is checked here, as on the search page.
    """

    def listing_view(self, request):
        self.check_bounds(request)
        return super().listing_view(request)

    @staticmethod
    def check_bounds(request) -> None:
        for name in ("offset", "limit"):
            value = request.GET.get(name)
            if value is None:
                continue
            if not value.isascii() or not value.isdigit():
                raise BadRequestError(_("%(name)s must be a whole number, 0 or more.") % {"name": name})
            if name == "offset" and int(value) > MAX_OFFSET:
                raise BadRequestError(_("offset can be at most %(limit)d.") % {"limit": MAX_OFFSET})
        search = request.GET.get("search")
        if search is not None and len(search) > search_conf.max_query_length():
            raise BadRequestError(
                _("Search terms can be at most %(limit_value)d characters long.")
                % {"limit_value": search_conf.max_query_length()}
            )
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError(_("search_operator must be “and” or “or”."))


class PublicPagesAPIViewSet(BoundedParametersMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        # Anonymous or not, the API answers as the public would: partner-only pages stay out.
        return pages_visible_to(None, super().get_base_queryset())


class PublicDocumentsAPIViewSet(BoundedParametersMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        return documents_visible_to(None, super().get_queryset())


class PublicImagesAPIViewSet(BoundedParametersMixin, ImagesAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
