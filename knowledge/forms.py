from portal.core import items
from portal.core.list_filters import ListFilterForm, list_filter_form


def knowledge_kind_choices() -> list[tuple[str, str]]:
    return [(kind.key, kind.plural) for kind in items.kinds(section="knowledge")]


def knowledge_filter_form(request, *, locale) -> ListFilterForm:
    """The knowledge list's filters: the shared list form (`portal.core.list_filters`) with the knowledge kinds."""
    return list_filter_form(request, locale=locale, kind_choices=knowledge_kind_choices())
