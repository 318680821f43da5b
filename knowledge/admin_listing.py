"""The admin's Knowledge menu: every knowledge item of every language, with its kind and review state."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.ui.tables.pages import PageStatusColumn, PageTitleColumn

from knowledge.models import KnowledgeIndexPage, KnowledgePage
from portal.core.admin_listings import SectionListingViewSet, language_column, review_state_column


class KnowledgeListingViewSet(SectionListingViewSet):
    model = KnowledgePage
    section_models = (KnowledgeIndexPage, KnowledgePage)
    icon = "doc-full-inverse"
    menu_label = _("Knowledge")
    menu_order = 105
    name = "knowledge_pages"
    url_prefix = "knowledge"
    columns = [
        PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        Column("kind", label=_("Kind"), accessor="page_type_display_name", sort_key="content_type__model", width="14%"),
        language_column(),
        review_state_column(),
        PageStatusColumn("status", label=_("Status"), sort_key="live", width="12%"),
        DateColumn(
            "latest_revision_created_at", label=_("Updated"), sort_key="latest_revision_created_at", width="12%"
        ),
    ]
