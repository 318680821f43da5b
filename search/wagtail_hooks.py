from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]


register_snippet(SynonymViewSet)
