from django.core.files.base import ContentFile

from wagtail.models import Collection, CollectionViewRestriction, Locale
from wagtail_localize.models import Translation, TranslationSource

import polib
import pytest

from knowledge.models import KnowledgeDocument
from tests.portal.translations import RUSSIAN


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("ru", "ko")}


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate a page through wagtail-localize's PO round trip and publish it."""

    def run(page, locale, words=RUSSIAN, *, translation_type="manual", user=None):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
        po = translation.export_po()
        for entry in po:
            # Slugs stay as they are, so the address differs only by its language prefix.
            entry.msgstr = entry.msgid if entry.msgctxt == "slug" else words[entry.msgid]
        warnings = translation.import_po(polib.pofile(str(po)), user=user, translation_type=translation_type)
        assert warnings == []
        # wagtail-localize publishes once the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(user=user, publish=True)
        return page.get_translation(locale).specific

    return run


@pytest.fixture
def partner_document(roles):
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Partner-only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([roles["partners"]])
    document = KnowledgeDocument(title="Internal budget sheet", collection=collection)
    document.file.save("budget.pdf", ContentFile(b"%PDF-1.4 internal"), save=True)
    return document
