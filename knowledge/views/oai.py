"""The OAI-PMH endpoint (`/oai/`): harvesters ask with GET or POST, always as the public."""

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from knowledge.oai import Repository


@csrf_exempt  # The protocol allows POST from any harvester; nothing here acts for a signed-in user.
@require_http_methods(["GET", "HEAD", "POST"])
def oai_pmh(request):
    arguments = request.POST if request.method == "POST" else request.GET
    repository = Repository(
        dict(arguments.lists()),
        base_url=request.build_absolute_uri(request.path),
        absolute_url=request.build_absolute_uri,
    )
    return HttpResponse(repository.respond(), content_type="text/xml; charset=utf-8")
