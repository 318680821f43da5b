"""Wagtail API v2: public content only, for partner systems and the site's own tests."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from portal.core.privacy import documents_visible_to, pages_visible_to


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        # Anonymous or not, the API answers as the public would: partner-only pages stay out.
        return pages_visible_to(None, super().get_base_queryset())


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        return documents_visible_to(None, super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
