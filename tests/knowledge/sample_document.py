"""The document the knowledge tests translate, and how a translator translates it through the admin."""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail_localize.models import Translation

import polib

from knowledge.models import KnowledgeDocument

TITLE = "Sunflower Centre referral protocol"
TITLE_RU = "Протокол направления в центры «Подсолнух»"
DESCRIPTION = "How police, hospitals and counsellors refer a survivor."
DESCRIPTION_RU = "Как полиция, больницы и консультанты направляют пострадавших."


def translate_through_po(client, document, locale, words: dict) -> KnowledgeDocument:
    """Submit, export the PO file, fill it in, upload it; a reviewer publishes: all through the admin."""
    response = client.post(reverse("knowledge_document_translate", args=[document.pk]), {"locales": [locale.pk]})
    assert response.status_code == 302, response.content[:500]
    target = document.get_translation(locale)
    assert response["Location"] == reverse("knowledge_document_translation", args=[target.pk])
    assert client.get(response["Location"]).status_code == 200

    translation = Translation.objects.get(source__object_id=document.translation_key, target_locale=locale)
    exported = polib.pofile(client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk])).text)
    for entry in exported:
        entry.msgstr = words.get(entry.msgid, "")
    upload = ContentFile(str(exported).encode(), name="document.po")
    response = client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload})
    assert response.status_code == 302
    translator = response.wsgi_request.user
    if not translator.has_perm("knowledge.review_knowledgedocument"):
        # Translators propose: their publish is refused and the row keeps its words until a
        # reviewer publishes the translation.
        before = KnowledgeDocument.objects.values_list("title", flat=True).get(pk=target.pk)
        client.post(reverse("knowledge_document_translation", args=[target.pk]), {"action": "publish"})
        assert KnowledgeDocument.objects.values_list("title", flat=True).get(pk=target.pk) == before
        reviewer = get_user_model().objects.filter(username="publishing-reviewer").first()
        reviewer = reviewer or get_user_model().objects.create_superuser("publishing-reviewer", "r@example.org", "pw")
        client.force_login(reviewer)
    response = client.post(reverse("knowledge_document_translation", args=[target.pk]), {"action": "publish"})
    assert response.status_code == 302
    client.force_login(translator)
    target.refresh_from_db()
    return target
