"""The document the knowledge tests translate, and how a translator translates it through the admin."""

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
    """Submit, export the PO file, fill it in, upload it and publish: all through the admin."""
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
    response = client.post(reverse("knowledge_document_translation", args=[target.pk]), {"action": "publish"})
    assert response.status_code == 302
    target.refresh_from_db()
    return target
