from django.template.response import TemplateResponse


def search_page(request):
    # Placeholder until the cross-country search lands (issue 3).
    return TemplateResponse(request, "search/search_page.html", {"query": request.GET.get("q", "")})
