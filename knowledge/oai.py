"""OAI-PMH 2.0: the six verbs over the harvest records, answered as XML.

http://www.openarchives.org/OAI/openarchivesprotocol.html

- Records are document families (`knowledge.harvest`), identified as
  `oai:<OAI_REPOSITORY_IDENTIFIER>:<translation_key>`, in `oai_dc` only.
- Sets: `country:<ISO code>`, `theme:<slug>`, `kind:<document type>`, under the parents
  `country`, `theme` and `kind`.
- Datestamps to the second (`YYYY-MM-DDThh:mm:ssZ`); `from`/`until` take either granularity,
  the same in both.
- Deleted records are kept for good (`persistent`) and carry no metadata.
- Lists come `PAGE_SIZE` records at a time. A resumption token is stateless: the request's
  arguments and the position (the last record's datestamp and row) signed with the secret key,
  valid for `TOKEN_LIFETIME`. Records are read in (datestamp, row) order after that
  position, so a record changed during a harvest moves past it and is listed later rather
  than missed.
- Every answer is a protocol answer with status 200, errors included: the protocol has no
  use for HTTP errors.
"""

from __future__ import annotations

import datetime
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils import timezone, translation

from knowledge import harvest, models
from portal.core.models.taxonomy import Country, Theme, in_default_locale

PAGE_SIZE = 100
TOKEN_LIFETIME = datetime.timedelta(days=1)
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
SIGNING_NAMESPACE = "knowledge.oai.resumption"

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FORMATS = {"oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC)}
SET_FAMILIES = {"country": "Countries", "theme": "Themes", "kind": "Kinds of document"}

ET.register_namespace("oai_dc", OAI_DC)
ET.register_namespace("dc", DC)
ET.register_namespace("xsi", XSI)

# Arguments each verb takes: (required, optional); `resumptionToken` is exclusive where allowed.
LIST_ARGUMENTS = ({"metadataPrefix"}, {"from", "until", "set"})
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), set()),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": LIST_ARGUMENTS,
    "ListRecords": LIST_ARGUMENTS,
}
RESUMABLE = {"ListSets", "ListIdentifiers", "ListRecords"}

# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


class OAIError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class ListQuery:
    """What a list request asks for: its arguments and, when resumed, where it stands."""

    verb: str
    prefix: str
    set_spec: str | None = None
    start: str | None = None
    end: str | None = None
    cursor: int = 0
    after: tuple[datetime.datetime, int] | None = None

    def token(self, last: models.HarvestRecord, cursor: int) -> str:
        position = [last.datestamp.isoformat(), last.pk]
        values = [self.verb, self.prefix, self.set_spec, self.start, self.end, cursor, position]
        return signing.dumps(values, salt=SIGNING_NAMESPACE, compress=True)

    @classmethod
    def from_token(cls, verb: str, token: str) -> ListQuery:
        try:
            values = signing.loads(token, salt=SIGNING_NAMESPACE, max_age=TOKEN_LIFETIME)
            token_verb, prefix, set_spec, start, end, cursor, (after_date, after_pk) = values
            after = (datetime.datetime.fromisoformat(after_date), int(after_pk))
        except (signing.BadSignature, TypeError, ValueError) as error:
            raise OAIError("badResumptionToken", "The resumption token is invalid or has expired.") from error
        if token_verb != verb:
            raise OAIError("badResumptionToken", f"The resumption token was not issued for {verb}.")
        return cls(verb, prefix, set_spec, start, end, int(cursor), after)


def repository_identifier() -> str:
    return settings.OAI_REPOSITORY_IDENTIFIER


def oai_identifier(key) -> str:
    return f"oai:{repository_identifier()}:{key}"


def key_of(identifier: str) -> uuid.UUID | None:
    prefix = f"oai:{repository_identifier()}:"
    if not identifier.startswith(prefix):
        return None
    try:
        return uuid.UUID(identifier[len(prefix) :])
    except ValueError:
        return None


def datestamp(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_date(name: str, value: str, *, end: bool) -> datetime.datetime:
    if _DAY.fullmatch(value):
        try:
            day = datetime.datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=datetime.UTC)
        except ValueError:
            raise OAIError("badArgument", f"'{name}' is not a date.") from None
        # A day's `until` includes the whole day.
        return day + datetime.timedelta(days=1, seconds=-1) if end else day
    if _SECOND.fullmatch(value):
        try:
            return datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
        except ValueError:
            raise OAIError("badArgument", f"'{name}' is not a date.") from None
    raise OAIError("badArgument", f"'{name}' must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.")


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, {key: _text(value) for key, value in attributes.items()})
    if text is not None:
        element.text = _text(text)
    return element


class Repository:
    """One OAI-PMH request: its arguments, the base URL it came to and a way to make URLs absolute."""

    def __init__(self, arguments: dict[str, list[str]], *, base_url: str, absolute_url):
        self.arguments = arguments
        self.base_url = base_url
        self.absolute_url = absolute_url

    # The answer

    def respond(self) -> bytes:
        # The protocol's elements are written unqualified under a default namespace declared by
        # hand: ElementTree's `default_namespace` refuses unqualified attributes (`verb`, `code`).
        root = ET.Element("OAI-PMH", {"xmlns": OAI, f"{{{XSI}}}schemaLocation": f"{OAI} {OAI}OAI-PMH.xsd"})
        _sub(root, "responseDate", datestamp(timezone.now()))
        request = _sub(root, "request", self.base_url)
        try:
            verb, arguments = self._validated()
            # Only a request whose verb and arguments are valid echoes them.
            for name, value in sorted({"verb": verb, **arguments}.items()):
                request.set(name, _text(value))
            with translation.override(settings.LANGUAGE_CODE):
                getattr(self, f"_{verb}")(root, arguments)
        except OAIError as error:
            if error.code in ("badVerb", "badArgument"):
                # The protocol wants only the base URL echoed for these.
                request.attrib.clear()
            _sub(root, "error", error.message, code=error.code)
        return ET.tostring(root, encoding="UTF-8", xml_declaration=True)

    def _validated(self) -> tuple[str, dict[str, str]]:
        verbs = self.arguments.get("verb", [])
        if len(verbs) != 1 or verbs[0] not in VERBS:
            raise OAIError("badVerb", "The verb is missing, repeated or not an OAI-PMH verb.")
        verb = verbs[0]
        arguments = {}
        for name, values in self.arguments.items():
            if name == "verb":
                continue
            if len(values) != 1:
                raise OAIError("badArgument", f"'{name}' is repeated.")
            arguments[name] = values[0]
        required, optional = VERBS[verb]
        if "resumptionToken" in arguments and verb in RESUMABLE:
            if len(arguments) > 1:
                raise OAIError("badArgument", "A resumption token is the only argument it may come with.")
            return verb, arguments
        unknown = set(arguments) - required - optional
        if unknown:
            raise OAIError("badArgument", f"{verb} does not take {', '.join(sorted(unknown))}.")
        missing = required - set(arguments)
        if missing:
            raise OAIError("badArgument", f"{verb} needs {', '.join(sorted(missing))}.")
        return verb, arguments

    # Verbs

    def _Identify(self, root, arguments):  # noqa: N802
        harvest.records_sync()
        first = models.HarvestRecord.objects.order_by("datestamp").values_list("datestamp", flat=True).first()
        identify = _sub(root, "Identify")
        _sub(identify, "repositoryName", settings.WAGTAIL_SITE_NAME)
        _sub(identify, "baseURL", self.base_url)
        _sub(identify, "protocolVersion", "2.0")
        _sub(identify, "adminEmail", settings.OAI_ADMIN_EMAIL)
        _sub(identify, "earliestDatestamp", datestamp(first or timezone.now()))
        _sub(identify, "deletedRecord", "persistent")
        _sub(identify, "granularity", GRANULARITY)

    def _ListMetadataFormats(self, root, arguments):  # noqa: N802
        if "identifier" in arguments:
            self._record(arguments["identifier"])
        formats = _sub(root, "ListMetadataFormats")
        for prefix, (schema, namespace) in FORMATS.items():
            element = _sub(formats, "metadataFormat")
            _sub(element, "metadataPrefix", prefix)
            _sub(element, "schema", schema)
            _sub(element, "metadataNamespace", namespace)

    def _ListSets(self, root, arguments):  # noqa: N802
        if "resumptionToken" in arguments:
            raise OAIError("badResumptionToken", "ListSets answers in one response; there is nothing to resume.")
        sets = _sub(root, "ListSets")
        for spec, name in self.sets():
            element = _sub(sets, "set")
            _sub(element, "setSpec", spec)
            _sub(element, "setName", name)

    def _GetRecord(self, root, arguments):  # noqa: N802
        self._format(arguments["metadataPrefix"])
        items = harvest.records_sync()
        record = self._record(arguments["identifier"], synced=True)
        self._write_record(_sub(root, "GetRecord"), record, items)

    def _ListIdentifiers(self, root, arguments):  # noqa: N802
        self._list(root, arguments, "ListIdentifiers")

    def _ListRecords(self, root, arguments):  # noqa: N802
        self._list(root, arguments, "ListRecords")

    # Helpers

    @staticmethod
    def sets() -> list[tuple[str, str]]:
        kinds = models.KnowledgeDocument.DocumentType
        countries = Country.objects.filter(in_default_locale()).order_by("iso_code")
        themes = Theme.objects.filter(in_default_locale()).order_by("slug")
        return [
            *SET_FAMILIES.items(),
            *((f"country:{country.iso_code}", country.name) for country in countries),
            *((f"theme:{theme.slug}", theme.name) for theme in themes),
            *((f"kind:{value}", str(label)) for value, label in kinds.choices),
        ]

    @staticmethod
    def _format(prefix: str) -> None:
        if prefix not in FORMATS:
            raise OAIError("cannotDisseminateFormat", f"'{prefix}' is not a metadata format of this repository.")

    @staticmethod
    def _record(identifier: str, *, synced: bool = False) -> models.HarvestRecord:
        if not synced:
            harvest.records_sync()
        key = key_of(identifier)
        record = models.HarvestRecord.objects.filter(key=key).first() if key else None
        if record is None:
            raise OAIError("idDoesNotExist", f"'{identifier}' is not an identifier in this repository.")
        return record

    def _query(self, verb: str, arguments: dict[str, str]) -> ListQuery:
        if "resumptionToken" in arguments:
            return ListQuery.from_token(verb, arguments["resumptionToken"])
        self._format(arguments["metadataPrefix"])
        start, end = arguments.get("from"), arguments.get("until")
        if start and end:
            if len(start) != len(end):
                raise OAIError("badArgument", "'from' and 'until' must have the same granularity.")
            if _parse_date("from", start, end=False) > _parse_date("until", end, end=True):
                raise OAIError("badArgument", "'from' is later than 'until'.")
        set_spec = arguments.get("set")
        if set_spec is not None and not re.fullmatch(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*", set_spec):
            raise OAIError("badArgument", "'set' is not a set spec.")
        return ListQuery(verb, arguments["metadataPrefix"], set_spec, start, end)

    def _list(self, root, arguments, verb: str) -> None:
        query = self._query(verb, arguments)
        items = harvest.records_sync()
        records = models.HarvestRecord.objects.order_by("datestamp", "pk")
        if query.start:
            records = records.filter(datestamp__gte=_parse_date("from", query.start, end=False))
        if query.end:
            records = records.filter(datestamp__lte=_parse_date("until", query.end, end=True))
        if query.set_spec:
            # A parent set (`country`) holds every record of its children (`country:KZ`).
            parent = query.set_spec in SET_FAMILIES
            records = records.filter(sets__contains=f" {query.set_spec}{':' if parent else ' '}")
        remaining = records
        if query.after:
            after_date, after_pk = query.after
            remaining = records.filter(datestamp__gt=after_date) | records.filter(datestamp=after_date, pk__gt=after_pk)
        page = list(remaining[: PAGE_SIZE + 1])
        if not page:
            # Resumed, this happens only when the records left after the position all moved out
            # of the request's set or dates in the meantime: deleted records never go away.
            raise OAIError("noRecordsMatch", "No records match the request.")
        more, page = len(page) > PAGE_SIZE, page[:PAGE_SIZE]
        listing = _sub(root, verb)
        for record in page:
            if verb == "ListRecords":
                self._write_record(listing, record, items)
            else:
                self._write_header(listing, record, items)
        if more or query.after:
            size = str(records.count())
            cursor = str(query.cursor)
            if more:
                token = query.token(page[-1], query.cursor + len(page))
                expires = datestamp(timezone.now() + TOKEN_LIFETIME)
                _sub(
                    listing,
                    "resumptionToken",
                    token,
                    completeListSize=size,
                    cursor=cursor,
                    expirationDate=expires,
                )
            else:
                _sub(listing, "resumptionToken", "", completeListSize=size, cursor=cursor)

    def _write_header(self, parent, record: models.HarvestRecord, items) -> harvest.HarvestItem | None:
        item = None if record.deleted else items.get(str(record.key))
        header = _sub(parent, "header")
        if item is None:
            # Deleted, or no longer public since the sync at the start of this request: no metadata.
            header.set("status", "deleted")
        _sub(header, "identifier", oai_identifier(record.key))
        _sub(header, "datestamp", datestamp(record.datestamp))
        for spec in item.sets if item else ():
            _sub(header, "setSpec", spec)
        return item

    def _write_record(self, parent, record: models.HarvestRecord, items) -> None:
        element = _sub(parent, "record")
        item = self._write_header(element, record, items)
        if item is not None:
            self._write_dc(_sub(element, "metadata"), item)

    def _write_dc(self, metadata, item: harvest.HarvestItem) -> None:
        schema = f"{OAI_DC} {FORMATS['oai_dc'][0]}"
        dc = _sub(metadata, f"{{{OAI_DC}}}dc", **{f"{{{XSI}}}schemaLocation": schema})
        for language, title in item.titles:
            _sub(dc, f"{{{DC}}}title", title, **{XML_LANG: language})
        for creator in item.creators:
            _sub(dc, f"{{{DC}}}creator", creator)
        for subject in item.subjects:
            _sub(dc, f"{{{DC}}}subject", subject)
        for language, description in item.descriptions:
            _sub(dc, f"{{{DC}}}description", description, **{XML_LANG: language})
        if item.publisher:
            _sub(dc, f"{{{DC}}}publisher", item.publisher)
        if item.date:
            _sub(dc, f"{{{DC}}}date", item.date)
        _sub(dc, f"{{{DC}}}type", "Text")
        _sub(dc, f"{{{DC}}}type", item.kind)
        _sub(dc, f"{{{DC}}}identifier", self.absolute_url(item.url))
        _sub(dc, f"{{{DC}}}language", item.language)
