"""OAI-PMH, harvested by a real harvester (Sickle) from a live server.

Partner-only and unreviewed documents carry a word of their own in their titles; every answer
of every test is searched for it.
"""

import datetime
import uuid

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection

from wagtail.models import Collection, CollectionViewRestriction

import pytest
from lxml import etree
from pytest_django.live_server_helper import LiveServer
from sickle import Sickle, oaiexceptions

from knowledge import oai
from knowledge.models import HarvestRecord, KnowledgeDocument
from portal.core.models import Country, Theme

SECRET_WORDS = ("Zanzibarpartner", "Quokkaunreviewed")
NS = {"oai": oai.OAI, "dc": oai.DC, "oai_dc": oai.OAI_DC}


class RecordingSickle(Sickle):
    """Sickle, keeping every answer it received."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.answers = []

    def _request(self, kwargs):
        response = super()._request(kwargs)
        self.answers.append(response)
        return response


def make_document(title, *, collection=None, countries=(), themes=(), reviewed=True, **fields):
    document = KnowledgeDocument(
        title=title,
        collection=collection or Collection.get_first_root_node(),
        publication_date=datetime.date(2022, 3, 8),
        reviewed=reviewed,
        **fields,
    )
    document.file.save(f"{uuid.uuid4().hex}.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    document.countries.set(countries)
    document.themes.set(themes)
    return document


@pytest.fixture(scope="module")
def oai_server(django_db_setup):
    """A live server in the test's own transaction, on the test database's shared connection.

    pytest-django's `live_server` makes a test transactional, and flushing the database after it
    drops what migrations created (wagtail-localize's permissions, which `roles_ensure` needs on
    `post_migrate`). The tests run on SQLite in memory, whose connection Django's live server
    thread shares with the test, so the server sees the test's rows without a commit. One server
    for the module: stopping it stops sharing the connection, which a request thread still
    closing would trip over.
    """
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        pytest.skip("The shared-connection live server needs the in-memory SQLite test database.")
    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def repository(site, russian, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    kz = Country.objects.create(iso_code="KZ", name="Kazakhstan")
    kg = Country.objects.create(iso_code="KG", name="Kyrgyzstan")
    shelters = Theme.objects.create(slug="shelters", name="Shelters")
    referral = make_document(
        "Referral protocol",
        description="How survivors are referred.",
        countries=[kz],
        themes=[shelters],
        authors="Aliyeva, A.; Brown, B.",
        publisher="UNDP",
        language="en",
    )
    referral_ru = referral.copy_for_translation(russian)
    referral_ru.title = "Протокол направления"
    referral_ru.save()
    slides = make_document("Police training slides", countries=[kg], document_type="presentation")
    report = make_document("Annual report", countries=[kz])
    tool = make_document("Case file template", themes=[shelters], document_type="tool")

    private = Collection.get_first_root_node().add_child(name="Partners only")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Some partners"))
    make_document("Zanzibarpartner budget", collection=private, countries=[kz], themes=[shelters])
    make_document("Quokkaunreviewed draft", countries=[kz], themes=[shelters], reviewed=False)
    return {
        "referral": referral,
        "slides": slides,
        "report": report,
        "tool": tool,
        "private": private,
        "public": [referral, slides, report, tool],
    }


@pytest.fixture
def sickle(oai_server, db):
    harvester = RecordingSickle(oai_server.url + "/oai/")
    yield harvester
    for answer in harvester.answers:
        assert answer.status_code == 200
        assert answer.headers["Content-Type"].startswith("text/xml")
        etree.fromstring(answer.content)  # well-formed
        for word in SECRET_WORDS:
            assert word not in answer.text


def identifier(document):
    return oai.oai_identifier(document.translation_key)


def error_code(sickle, method="GET", **params):
    sickle.http_method = method
    xml = sickle.harvest(**params).xml
    error = xml.find("oai:error", NS)
    assert xml.find("oai:request", NS).text == sickle.endpoint
    return error.get("code") if error is not None else None, xml


def test_identify(repository, sickle):
    identify = sickle.Identify()
    assert identify.repositoryName == "DSP Knowledge Exchange"
    assert identify.baseURL == sickle.endpoint
    assert identify.protocolVersion == "2.0"
    assert identify.deletedRecord == "persistent"
    assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ"
    assert "@" in identify.adminEmail
    datetime.datetime.strptime(identify.earliestDatestamp, "%Y-%m-%dT%H:%M:%SZ")


def test_metadata_formats(repository, sickle):
    assert [f.metadataPrefix for f in sickle.ListMetadataFormats()] == ["oai_dc"]
    formats = sickle.ListMetadataFormats(identifier=identifier(repository["report"]))
    assert [f.metadataNamespace for f in formats] == [oai.OAI_DC]


def test_sets(repository, sickle):
    sets = {s.setSpec: s.setName for s in sickle.ListSets()}
    assert sets["country:KZ"] == "Kazakhstan"
    assert sets["theme:shelters"] == "Shelters"
    assert sets["kind:presentation"] == "Presentation"
    assert {"country", "theme", "kind"} <= set(sets)


def test_list_records_pages_through_every_public_document(repository, sickle):
    records = list(sickle.ListRecords(metadataPrefix="oai_dc"))
    assert sorted(r.header.identifier for r in records) == sorted(identifier(d) for d in repository["public"])
    # Four records, two a page: the second answer came from a resumption token.
    tokens = [a for a in sickle.answers if "resumptionToken" in a.request.url]
    assert len(tokens) == 1
    last = etree.fromstring(sickle.answers[-1].content).find(".//oai:resumptionToken", NS)
    assert last.text is None
    assert last.get("completeListSize") == "4"
    assert last.get("cursor") == "2"

    referral = next(r for r in records if r.header.identifier == identifier(repository["referral"]))
    titles = {
        t.get("{http://www.w3.org/XML/1998/namespace}lang"): t.text for t in referral.xml.iterfind(".//dc:title", NS)
    }
    assert titles == {"en": "Referral protocol", "ru": "Протокол направления"}
    assert referral.metadata["creator"] == ["Aliyeva, A.", "Brown, B."]
    assert referral.metadata["publisher"] == ["UNDP"]
    assert referral.metadata["date"] == ["2022-03-08"]
    assert referral.metadata["language"] == ["en"]
    assert set(referral.metadata["subject"]) == {"Shelters", "Kazakhstan"}
    assert referral.metadata["description"] == ["How survivors are referred."]
    assert "report" in referral.metadata["type"]
    assert referral.metadata["identifier"] == [sickle.endpoint.removesuffix("/oai/") + repository["referral"].url]
    assert sorted(referral.header.setSpecs) == ["country:KZ", "kind:report", "theme:shelters"]


def test_list_identifiers_by_set(repository, sickle):
    def harvest(set_spec):
        return {h.identifier for h in sickle.ListIdentifiers(metadataPrefix="oai_dc", set=set_spec)}

    referral, slides, report, tool = repository["public"]
    assert harvest("country:KZ") == {identifier(referral), identifier(report)}
    assert harvest("country:KG") == {identifier(slides)}
    assert harvest("country") == {identifier(referral), identifier(report), identifier(slides)}
    assert harvest("theme:shelters") == {identifier(referral), identifier(tool)}
    assert harvest("kind:presentation") == {identifier(slides)}
    assert harvest("kind:tool") == {identifier(tool)}
    assert harvest("kind") == {identifier(d) for d in repository["public"]}
    with pytest.raises(oaiexceptions.NoRecordsMatch):
        harvest("country:UZ")


def test_get_record(repository, sickle):
    record = sickle.GetRecord(identifier=identifier(repository["slides"]), metadataPrefix="oai_dc")
    assert record.metadata["title"] == ["Police training slides"]
    assert "presentation" in record.metadata["type"]


def test_from_and_until(repository, sickle):
    list(sickle.ListIdentifiers(metadataPrefix="oai_dc"))  # the records get their datestamps
    old = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    HarvestRecord.objects.filter(key=repository["report"].translation_key).update(datestamp=old)

    def harvest(**dates):
        return {h.identifier for h in sickle.ListIdentifiers(metadataPrefix="oai_dc", **dates)}

    everything = {identifier(d) for d in repository["public"]}
    report = identifier(repository["report"])
    assert harvest(**{"from": "2021-01-01"}) == everything - {report}
    assert harvest(until="2020-01-01") == {report}
    assert harvest(until="2020-01-01T00:00:00Z") == {report}
    with pytest.raises(oaiexceptions.NoRecordsMatch):
        harvest(until="2019-12-31T23:59:59Z")
    assert harvest(**{"from": "2020-01-01T00:00:00Z", "until": "2020-01-01T00:00:00Z"}) == {report}
    assert sickle.Identify().earliestDatestamp == "2020-01-01T00:00:00Z"


def test_deleted_records(repository, sickle):
    list(sickle.ListIdentifiers(metadataPrefix="oai_dc"))
    report, slides, tool = repository["report"], repository["slides"], repository["tool"]
    KnowledgeDocument.objects.filter(pk=report.pk).update(reviewed=False, title="Quokkaunreviewed report")
    slides.collection = repository["private"]
    slides.title = "Zanzibarpartner slides"
    slides.save()
    tool.delete()

    records = {r.header.identifier: r for r in sickle.ListRecords(metadataPrefix="oai_dc")}
    for document in (report, slides, tool):
        record = records[identifier(document)]
        assert record.header.deleted
        assert record.xml.find("oai:metadata", NS) is None
    assert not records[identifier(repository["referral"])].header.deleted
    # A selective harvest learns of the deletion too, and GetRecord answers it without metadata.
    assert {h.identifier for h in sickle.ListIdentifiers(metadataPrefix="oai_dc", set="kind:tool")} == {
        identifier(tool)
    }
    assert sickle.GetRecord(identifier=identifier(slides), metadataPrefix="oai_dc").header.deleted

    # Public again: a record with metadata and a new datestamp.
    KnowledgeDocument.objects.filter(pk=report.pk).update(reviewed=True, title="Annual report")
    assert sickle.GetRecord(identifier=identifier(report), metadataPrefix="oai_dc").metadata["title"] == [
        "Annual report"
    ]


def test_private_documents_are_unknown(repository, sickle):
    for document in KnowledgeDocument.objects.filter(title__startswith=SECRET_WORDS):
        code, _ = error_code(sickle, verb="GetRecord", identifier=identifier(document), metadataPrefix="oai_dc")
        assert code == "idDoesNotExist"
        code, _ = error_code(sickle, verb="ListMetadataFormats", identifier=identifier(document))
        assert code == "idDoesNotExist"


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "Identify", "set": "kind"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2021-02-30"}, "badArgument"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2021-01-01", "until": "2022-01-01T00:00:00Z"},
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2022-01-01", "until": "2021-01-01"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "country:<KZ>"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "x"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:elsewhere:1"}, "idDoesNotExist"),
        ({"verb": "ListMetadataFormats", "identifier": "nonsense"}, "idDoesNotExist"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2999-01-01"}, "noRecordsMatch"),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "anything"}, "badResumptionToken"),
    ],
)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_protocol_errors(repository, sickle, params, code, method):
    found, xml = error_code(sickle, method=method, **params)
    assert found == code
    request = xml.find("oai:request", NS)
    if code in ("badVerb", "badArgument"):
        assert dict(request.attrib) == {}
    else:
        assert request.get("verb") == params["verb"]


def test_resumption_tokens_belong_to_their_list(repository, sickle):
    answer = sickle.harvest(verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = answer.xml.find(".//oai:resumptionToken", NS).text
    assert error_code(sickle, verb="ListRecords", resumptionToken=token)[0] == "badResumptionToken"
    assert error_code(sickle, verb="ListIdentifiers", resumptionToken=token[:-2])[0] == "badResumptionToken"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(oai, "TOKEN_LIFETIME", datetime.timedelta(seconds=-1))
        assert error_code(sickle, verb="ListIdentifiers", resumptionToken=token)[0] == "badResumptionToken"
    assert error_code(sickle, verb="ListIdentifiers", resumptionToken=token)[0] is None
