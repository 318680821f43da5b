"""Admin → Documents → "Add a document": Wagtail's multiple upload, asking who may see the files.

Wagtail's page offered "Add to collection", starting at "Root", and its script posts that
select with each file. Here the page asks "Who may see this file?" (`knowledge.document_audience`)
before the files are chosen, the script posts the answer instead, and this view maps it to a
collection the uploader may add to, as the upload form itself does. An answer that is not
offered, or a collection the uploader may not use, is refused with a 400 before anything is
stored; the per-file form shown after the upload starts at the answer given.
"""

import re

from django.http import JsonResponse
from django.utils.translation import gettext as _

from wagtail.documents.views.multiple import AddView

from knowledge.document_audience import FIELD, PARTNERS


class AudienceAddView(AddView):
    # The same template name: `knowledge/templates/wagtaildocs/multiple/add.html` extends Wagtail's.
    template_name = "wagtaildocs/multiple/add.html"
    audience = None

    def post(self, request):
        if not request.FILES:
            return super().post(request)
        form = self.get_upload_form_class()(user=request.user)
        answer = request.POST.get(FIELD)
        posted_collection = request.POST.get("collection")
        if answer and answer not in form.audience_targets:
            return self.refuse(
                _("This answer to “Who may see this file?” is not one you can give. Nothing was uploaded.")
            )
        if not answer and not posted_collection and form.audience_targets:
            # Nothing said: the safer answer, as the form's own default.
            answer = PARTNERS if PARTNERS in form.audience_targets else next(iter(form.audience_targets))
        if answer:
            collection = form.audience_collection(answer)
            self.audience = answer
        elif posted_collection:
            # A script's upload naming a collection: only one the uploader may add documents to.
            field = form.fields.get("collection")
            choices = field.queryset if field is not None else form.collections
            collection = (
                choices.filter(pk=int(posted_collection)).first()
                if re.fullmatch(r"[0-9]{1,10}", posted_collection)
                else None
            )
            if collection is None:
                return self.refuse(_("You cannot add documents to this collection. Nothing was uploaded."))
        else:
            return super().post(request)
        # Wagtail's post reads the collection from the request, for the document and for an
        # upload kept until its per-file form is filled in.
        data = request.POST.copy()
        data["collection"] = str(collection.pk)
        request.POST = data
        return super().post(request)

    def refuse(self, message):
        return JsonResponse({"success": False, "error_message": message}, status=400)

    def get_edit_upload_form_context_data(self):
        context = super().get_edit_upload_form_context_data()
        if self.audience and FIELD in context["form"].fields:
            # A new document's form starts at its default answer, not at the one just given.
            context["form"].initial[FIELD] = self.audience
        return context

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if FIELD in self.form.fields:
            context["audience_field"] = self.form[FIELD]
            # The answer replaces Wagtail's "Add to collection".
            context["collections"] = None
        return context
