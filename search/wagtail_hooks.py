from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    """The editors' part of the search thesaurus (`search.synonyms`).

    Countries and themes join the thesaurus by themselves, named in every language they are
    translated into, so a group here is only needed for other terms.
    """

    model = Synonym
    icon = "search"
    menu_label = _("Search thesaurus")
    add_to_settings_menu = True
    list_display = [
        "__str__",
        Column("term_count", label=_("Number of terms"), accessor=lambda synonym: len(synonym.term_list)),
        "note",
    ]
    search_fields = ["terms", "note"]
    panels = [
        FieldPanel(
            "terms",
            help_text=_(
                "The search thesaurus: one term per line, in any language, for example GBV, gender-based violence, "
                "гендерное насилие, 젠더폭력. A search for any term, in any of its word forms, also finds items "
                "that use another. Country and theme names in every language are part of the thesaurus already."
            ),
        ),
        FieldPanel("note"),
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(page_title=_("Search thesaurus"), **kwargs)


register_snippet(SynonymViewSet)
