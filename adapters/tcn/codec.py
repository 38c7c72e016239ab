"""The ECRIS-TCN v1 documents (``schemas/ecris-tcn/``) ↔ the core values of ``gateway.model.tcn``.

Built with lxml, validated against the schema on the way out and on the way in; input is parsed by the
project's one hardened parser (no DTD, no entities, no network, size and depth limits). Errors never repeat
the document's content: it holds personal data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from lxml import etree

from adapters.tcn.schema import TCN_NS, tcn_schema
from adapters.xml.parsing import DEFAULT_MAX_BYTES, XmlRejected, XmlTooLarge, parse_untrusted
from gateway.errors import GatewayError
from gateway.model.partial_date import PartialDate
from gateway.model.person import IdentityDocument, Name, Sex
from gateway.model.tcn import (
    BiometricReference,
    NationalityStatus,
    TcnIdentity,
    TcnQuery,
    TcnQueryResult,
    TcnRecord,
)

Element = etree._Element


class TcnEncodeError(GatewayError):
    """A core value the format cannot carry (e.g. a known nationality status without a nationality)."""


class TcnDocumentRejected(GatewayError):
    """A document refused on the way in; ``code`` is the ``ErrorAnswer`` code to answer with."""

    def __init__(self, message: str, code: str = "invalid-document") -> None:
        super().__init__(message)
        self.code = code


# ------------------------------------------------------------------------------------------ documents


@dataclass(frozen=True, slots=True)
class RecordDocument:
    """``CreateRecord`` (operation ``create``) or ``UpdateRecord`` (``update``)."""

    operation: str
    record: TcnRecord


@dataclass(frozen=True, slots=True)
class DeleteDocument:
    convicting_state: str
    reference: str


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    operation: str
    convicting_state: str
    reference: str


@dataclass(frozen=True, slots=True)
class ErrorAnswer:
    code: str
    reason: str


TcnDocument = RecordDocument | DeleteDocument | Acknowledgement | TcnQuery | TcnQueryResult | ErrorAnswer


def _tag(local: str) -> str:
    return f"{{{TCN_NS}}}{local}"


# ------------------------------------------------------------------------------------------ encoding


def _leaf(parent: Element, local: str, text: str | None) -> None:
    if text is not None:
        etree.SubElement(parent, _tag(local)).text = text


def _name(parent: Element, local: str, name: Name | None) -> None:
    if name is None:
        return
    element = etree.SubElement(parent, _tag(local))
    _leaf(element, "Surname", name.surname)
    for forename in name.forenames:
        _leaf(element, "Forename", forename)


def _identity(parent: Element, identity: TcnIdentity) -> None:
    element = etree.SubElement(parent, _tag("Identity"))
    _leaf(element, "Surname", identity.surname or None)
    for forename in identity.forenames:
        _leaf(element, "Forename", forename)
    for previous in identity.previous_names:
        _name(element, "PreviousName", previous)
    for alias in identity.aliases:
        _name(element, "Alias", alias)
    _leaf(element, "BirthDate", None if identity.birth_date is None else str(identity.birth_date))
    _leaf(element, "BirthTown", identity.birth_town)
    _leaf(element, "BirthCountry", identity.birth_country)
    nationalities = etree.SubElement(element, _tag("Nationalities"))
    match identity.nationality_status:
        case NationalityStatus.STATELESS:
            etree.SubElement(nationalities, _tag("Stateless"))
        case NationalityStatus.UNKNOWN:
            etree.SubElement(nationalities, _tag("Unknown"))
        case NationalityStatus.KNOWN:
            if not identity.nationalities:
                raise TcnEncodeError("a known nationality status needs at least one nationality")
            for code in identity.nationalities:
                _leaf(nationalities, "Nationality", code)
    _leaf(element, "Gender", identity.gender.value)
    _name(element, "Father", identity.father)
    _name(element, "Mother", identity.mother)
    for document in identity.identity_documents:
        doc = etree.SubElement(element, _tag("IdentityDocument"))
        _leaf(doc, "Category", document.category)
        _leaf(doc, "Number", document.number)
        _leaf(doc, "IssuingAuthority", document.issuing_authority)
        _leaf(doc, "IssuingCountry", document.issuing_country)


def _biometric(parent: Element, local: str, reference: BiometricReference | None) -> None:
    if reference is None:
        return
    element = etree.SubElement(parent, _tag(local))
    _leaf(element, "Reference", reference.reference)
    _leaf(element, "CollectedOn", reference.collected_on.isoformat())


def _root(local: str) -> Element:
    return etree.Element(_tag(local), nsmap={None: TCN_NS})  # type: ignore[dict-item]


def _finish(root: Element) -> bytes:
    problems = tcn_schema().validate(root)
    if problems:
        raise TcnEncodeError(f"the {etree.QName(root).localname} document is not valid: {problems[0]}")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def encode_record(record: TcnRecord, *, operation: str) -> bytes:
    """``CreateRecord`` (``operation="create"``) or ``UpdateRecord`` (``"update"``)."""
    names = {"create": "CreateRecord", "update": "UpdateRecord"}
    if operation not in names:
        raise TcnEncodeError(f"no record document for the operation {operation!r}")
    root = _root(names[operation])
    element = etree.SubElement(root, _tag("Record"))
    _leaf(element, "ConvictingState", record.convicting_state)
    _leaf(element, "Reference", record.reference)
    _identity(element, record.identity)
    _leaf(element, "EtiasFlag", "true" if record.etias_flag else "false")
    _biometric(element, "Fingerprints", record.fingerprints)
    for image in record.facial_images:
        _biometric(element, "FacialImage", image)
    return _finish(root)


def encode_delete(convicting_state: str, reference: str) -> bytes:
    root = _root("DeleteRecord")
    _leaf(root, "ConvictingState", convicting_state)
    _leaf(root, "Reference", reference)
    return _finish(root)


def encode_acknowledgement(ack: Acknowledgement) -> bytes:
    root = _root("Acknowledgement")
    _leaf(root, "Operation", ack.operation)
    _leaf(root, "ConvictingState", ack.convicting_state)
    _leaf(root, "Reference", ack.reference)
    return _finish(root)


def encode_query(query: TcnQuery) -> bytes:
    root = _root("IdentityQuery")
    _identity(root, query.identity)
    _biometric(root, "Fingerprints", query.fingerprints)
    _leaf(root, "Purpose", query.purpose)
    _leaf(root, "Official", query.official)
    return _finish(root)


def encode_answer(result: TcnQueryResult) -> bytes:
    if result.answered_at.tzinfo is None:
        raise TcnEncodeError("the time of an answer must be timezone-aware")
    root = _root("QueryAnswer")
    _leaf(root, "AnsweredAt", result.answered_at.isoformat())
    _leaf(root, "Hit", "true" if result.hit else "false")
    for state in result.member_states:
        _leaf(root, "MemberState", state)
    return _finish(root)


def encode_error(error: ErrorAnswer) -> bytes:
    root = _root("ErrorAnswer")
    _leaf(root, "Code", error.code)
    _leaf(root, "Reason", error.reason)
    return _finish(root)


# ------------------------------------------------------------------------------------------ decoding


def _children(element: Element, local: str) -> list[Element]:
    return [child for child in element if child.tag == _tag(local)]


def _child(element: Element, local: str) -> Element | None:
    found = _children(element, local)
    return found[0] if found else None


def _text(element: Element, local: str) -> str | None:
    child = _child(element, local)
    if child is None or child.text is None:
        return None
    return " ".join(child.text.split())


def _required(element: Element, local: str) -> str:
    value = _text(element, local)
    if value is None:  # the schema requires it: reached only if the schema and this codec disagree
        raise TcnDocumentRejected(f"{local} is missing")
    return value


def _texts(elements: Iterable[Element]) -> tuple[str, ...]:
    return tuple(" ".join((e.text or "").split()) for e in elements)


def _name_of(element: Element | None) -> Name | None:
    if element is None:
        return None
    return Name(_required(element, "Surname"), _texts(_children(element, "Forename")))


def _partial_date(text: str | None) -> PartialDate | None:
    if text is None:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError:
        raise TcnDocumentRejected("BirthDate is not a date of the calendar") from None


def _date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise TcnDocumentRejected(f"{what} is not a date the gateway can represent") from None


def _identity_of(element: Element) -> TcnIdentity:
    nationalities = _child(element, "Nationalities")
    codes: tuple[str, ...] = ()
    if nationalities is not None and _child(nationalities, "Stateless") is not None:
        status = NationalityStatus.STATELESS
    elif nationalities is not None and _child(nationalities, "Unknown") is not None:
        status = NationalityStatus.UNKNOWN
    else:
        status = NationalityStatus.KNOWN
        codes = _texts(_children(nationalities, "Nationality")) if nationalities is not None else ()
    documents = tuple(
        IdentityDocument(
            category=_required(doc, "Category"),
            number=_required(doc, "Number"),
            issuing_authority=_text(doc, "IssuingAuthority"),
            issuing_country=_text(doc, "IssuingCountry"),
        )
        for doc in _children(element, "IdentityDocument")
    )
    return TcnIdentity(
        surname=_text(element, "Surname") or "",
        forenames=_texts(_children(element, "Forename")),
        previous_names=tuple(n for n in map(_name_of, _children(element, "PreviousName")) if n is not None),
        aliases=tuple(n for n in map(_name_of, _children(element, "Alias")) if n is not None),
        birth_date=_partial_date(_text(element, "BirthDate")),
        birth_town=_text(element, "BirthTown"),
        birth_country=_text(element, "BirthCountry"),
        nationalities=codes,
        nationality_status=status,
        gender=Sex(_required(element, "Gender")),
        father=_name_of(_child(element, "Father")),
        mother=_name_of(_child(element, "Mother")),
        identity_documents=documents,
    )


def _biometric_of(element: Element | None) -> BiometricReference | None:
    if element is None:
        return None
    return BiometricReference(_required(element, "Reference"), _date(_required(element, "CollectedOn"),
                                                                    "CollectedOn"))


def _record_of(element: Element) -> TcnRecord:
    identity = _child(element, "Identity")
    if identity is None:  # pragma: no cover - the schema requires it
        raise TcnDocumentRejected("Identity is missing")
    return TcnRecord(
        reference=_required(element, "Reference"),
        identity=_identity_of(identity),
        etias_flag=_required(element, "EtiasFlag") in ("true", "1"),
        fingerprints=_biometric_of(_child(element, "Fingerprints")),
        facial_images=tuple(b for b in map(_biometric_of, _children(element, "FacialImage")) if b is not None),
        convicting_state=_required(element, "ConvictingState"),
    )


def _instant(text: str) -> datetime:
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        raise TcnDocumentRejected("AnsweredAt is not a date-time the gateway can represent") from None
    if instant.tzinfo is None:
        raise TcnDocumentRejected("AnsweredAt has no time zone")
    return instant


def _answer_of(root: Element) -> TcnQueryResult:
    states = _texts(_children(root, "MemberState"))
    hit = _required(root, "Hit") in ("true", "1")
    if hit != bool(states):
        raise TcnDocumentRejected("Hit does not agree with the Member States named")
    return TcnQueryResult(member_states=states, answered_at=_instant(_required(root, "AnsweredAt")))


def _query_of(root: Element) -> TcnQuery:
    identity = _child(root, "Identity")
    if identity is None:  # pragma: no cover - the schema requires it
        raise TcnDocumentRejected("Identity is missing")
    return TcnQuery(identity=_identity_of(identity), purpose=_required(root, "Purpose"),
                    official=_required(root, "Official"), fingerprints=_biometric_of(_child(root, "Fingerprints")))


def parse_document(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Element:
    """The root of a schema-valid ECRIS-TCN document, or ``TcnDocumentRejected`` saying why not."""
    try:
        root = parse_untrusted(data, max_bytes=max_bytes)
    except XmlTooLarge as error:
        raise TcnDocumentRejected(str(error), "too-large") from None
    except XmlRejected as error:
        raise TcnDocumentRejected(str(error)) from None
    problems = tcn_schema().validate(root)
    if problems:
        raise TcnDocumentRejected("the document is not valid ECRIS-TCN v1: " + "; ".join(problems[:3]))
    return root


def decode(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> TcnDocument:
    """Any ECRIS-TCN v1 document, parsed, validated and turned into its core value."""
    root = parse_document(data, max_bytes=max_bytes)
    name = etree.QName(root).localname
    match name:
        case "CreateRecord" | "UpdateRecord":
            record = _child(root, "Record")
            if record is None:  # pragma: no cover - the schema requires it
                raise TcnDocumentRejected("Record is missing")
            return RecordDocument("create" if name == "CreateRecord" else "update", _record_of(record))
        case "DeleteRecord":
            return DeleteDocument(_required(root, "ConvictingState"), _required(root, "Reference"))
        case "Acknowledgement":
            return Acknowledgement(_required(root, "Operation"), _required(root, "ConvictingState"),
                                   _required(root, "Reference"))
        case "IdentityQuery":
            return _query_of(root)
        case "QueryAnswer":
            return _answer_of(root)
        case _:
            return ErrorAnswer(_required(root, "Code"), _required(root, "Reason"))
