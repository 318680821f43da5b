import datetime

from django.core.files.base import ContentFile

from wagtail.models import Collection, Locale

import pytest

from knowledge.models import KnowledgeDocument
from portal.core.models import Country
from tests.knowledge.sample_document import DESCRIPTION, TITLE


@pytest.fixture
def russian(db):
    return Locale.objects.get_or_create(language_code="ru")[0]


@pytest.fixture
def kazakhstan(site):
    return Country.objects.create(iso_code="KZ", name="Kazakhstan")


@pytest.fixture
def document(site, kazakhstan):
    document = KnowledgeDocument(
        title=TITLE,
        description=DESCRIPTION,
        collection=Collection.get_first_root_node(),
        publication_date=datetime.date(2021, 4, 28),
        language="en",
    )
    document.file.save("referral-protocol.pdf", ContentFile(b"%PDF-1.4 protocol"), save=False)
    document.save()
    document.countries.set([kazakhstan])
    return document


@pytest.fixture
def translator(client, roles, make_user):
    user = make_user("translator", group=roles["translators"])
    client.force_login(user)
    return user
