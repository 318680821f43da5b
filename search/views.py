"""The search page, its JSON twin and its feeds: thin wrappers around `KnowledgeSearch`."""

from __future__ import annotations

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from portal.core import page_cache
from search import conf
from search.forms import SearchForm
from search.queries import FACET_LABELS, FACETS, KnowledgeSearch, SearchResult
from search.zero_results import is_reader_search, zero_result_query_record

PARAM_OF_FACET = {"country": "country", "theme": "theme", "kind": "kind", "language": "language", "year": "year"}


def run_search(request) -> tuple[SearchForm, SearchResult | None]:
    """Validate the GET parameters and search as the requesting user; no result if invalid."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return form, None
    search = KnowledgeSearch(user=request.user, language=get_language())
    return form, search.search(form.params())


def _query_string(query, **changes) -> str:
    """The current query string with some parameters replaced (None removes them)."""
    params = query.copy()
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        elif isinstance(value, list):
            params.setlist(name, value)
        else:
            params[name] = str(value)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def _active_filters(request, form: SearchForm, result: SearchResult) -> list[dict]:
    """Each filter in use, with its label and the link that removes it."""
    params = form.params()
    active = []
    for facet in FACETS:
        labels = {value.value: value.label for value in result.facets.get(facet, [])}
        for value in params.selected(facet):
            remaining = [v for v in request.GET.getlist(PARAM_OF_FACET[facet]) if v != value]
            active.append(
                {
                    "facet": FACET_LABELS[facet],
                    "label": labels.get(value, value),
                    "remove_url": _query_string(request.GET, **{PARAM_OF_FACET[facet]: remaining, "page": None}),
                }
            )
    return active


def _language_scope(request, params) -> dict:
    """The choice between items in the reader's language only and items in every language.

    "Only in my language" is the language filter set to the reader's language alone; "all
    languages" is no language filter. Any other language filter is neither.
    """
    reader = get_language().split("-")[0]
    if params.languages == (reader,):
        current = "mine"
    elif not params.languages:
        current = "all"
    else:
        current = None
    return {
        "current": current,
        "language_label": get_language_info(reader)["name_translated"],
        "mine_url": _query_string(request.GET, language=[reader], page=None),
        "all_url": _query_string(request.GET, language=None, page=None),
    }


@require_GET
def search_page(request):
    form, result = run_search(request)
    context = {"form": form, "result": result, "query": request.GET.get("q", "")[:500]}
    # Results can hold any item: every publish purges them (portal.core.page_cache).
    page_cache.depends_on(*page_cache.every_list())
    if result is not None:
        params = form.params()
        # A content gap for the programme dashboard: words a reader searched for that found nothing
        # (not a later page, not browsing by filters alone, not a crawler). Every such search is
        # counted, so its answer is never kept.
        if params.q and result.total == 0 and params.page == 1 and is_reader_search(request):
            zero_result_query_record(query=params.q, language=get_language())
            page_cache.refuse()
        context.update(
            params=params,
            first_number=(result.page - 1) * conf.page_size() + 1,
            facets=[
                {
                    "name": name,
                    "param": PARAM_OF_FACET[name],
                    "label": FACET_LABELS[name],
                    "values": result.facets[name],
                }
                for name in FACETS
                if result.facets.get(name)
            ],
            active_filters=_active_filters(request, form, result),
            language_scope=_language_scope(request, params),
            clear_filters_url=_query_string(
                request.GET, country=None, theme=None, kind=None, language=None, year=None, page=None
            ),
            previous_url=_query_string(request.GET, page=result.page - 1) if result.has_previous else None,
            next_url=_query_string(request.GET, page=result.page + 1) if result.has_next else None,
            suggestion_url=_query_string(request.GET, q=result.suggestion, page=None) if result.suggestion else None,
            sort_urls={
                "relevance": _query_string(request.GET, sort="relevance", page=None),
                "date": _query_string(request.GET, sort="date", page=None),
            },
            feed_url=reverse("search:feed") + _query_string(request.GET, page=None, sort=None),
            api_url=reverse("search:api") + _query_string(request.GET),
        )
    return TemplateResponse(request, "search/search_page.html", context, status=400 if form.errors else 200)


@require_GET
def search_api(request):
    form, result = run_search(request)
    if result is None:
        return JsonResponse(
            {"error": str(_("The search parameters are not valid.")), "errors": form.errors.get_json_data()},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    params = form.params()
    payload = {
        "query": {
            "q": params.q,
            "country": list(params.countries),
            "theme": list(params.themes),
            "kind": list(params.kinds),
            "language": list(params.languages),
            "year": params.year,
            "sort": params.sort,
            "page": params.page,
        },
        **result.as_dict(),
    }
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
