"""Shared building blocks of the ECRIS codecs: namespaces, metadata, texts, partial dates, amounts, places,
persons, contact persons, fingerprint attachments.

Encoding builds with ``etree.SubElement`` on precomputed Clark-notation tags (never strings of XML).
Decoding reads a schema-valid element: it applies the contract's defaults to empty or absent elements,
turns the "unknown" sentinels into ``None`` and raises ``DecodeError`` for what it cannot represent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from lxml import etree

from gateway.errors import GatewayError
from gateway.model.exchange import (
    NIST_MIME_TYPE,
    UNKNOWN_COUNTRY,
    UNKNOWN_TEXT,
    UNKNOWN_YEAR,
    Amount,
    BinaryAttachment,
    ContactPerson,
    EcrisPerson,
    EcrisSex,
    IdentificationDocument,
    MessageId,
    MessageMetadata,
    MultilingualText,
    NameText,
    ParentName,
    PersonAddress,
    PersonAlias,
    PersonName,
    Place,
    Text,
    YesNoUnknown,
)
from gateway.model.partial_date import PartialDate
from gateway.model.reference_tables import FunctionalErrorCode

SVC_NS = "http://ec.europa.eu/ECRIS/service-v1.0"
MSG_NS = "http://ec.europa.eu/ECRIS/messages-v1.0"
DM_NS = "http://ec.europa.eu/ECRIS/domain-model-v1.0"
COM_NS = "http://ec.europa.eu/ECRIS/commons-v1.0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
NSMAP = {"svc": SVC_NS, "msg": MSG_NS, "dm": DM_NS, "commons": COM_NS, "xsi": XSI_NS}

XSI_TYPE = f"{{{XSI_NS}}}type"


class EncodeError(GatewayError):
    """A core message the codec cannot turn into a contract-conform element."""


class DecodeError(GatewayError):
    """An element the codec cannot turn into a core message; carries the functional error to answer."""

    def __init__(self, message: str, code: FunctionalErrorCode = FunctionalErrorCode.INVALID_CONTENT) -> None:
        super().__init__(message)
        self.code = code


class _Tags:
    """``S.MessageData`` → ``{service ns}MessageData``; one object per namespace, attributes cached."""

    def __init__(self, namespace: str) -> None:
        self._ns = namespace

    def __getattr__(self, local: str) -> str:
        tag = f"{{{self._ns}}}{local}"
        setattr(self, local, tag)
        return tag


S = _Tags(SVC_NS)
M = _Tags(MSG_NS)
D = _Tags(DM_NS)
C = _Tags(COM_NS)

sub = etree.SubElement
Element = etree._Element
T = TypeVar("T")

# --------------------------------------------------------------------------------------------- encode


def put(parent: Element, tag: str, value: str | None) -> None:
    """A simple element, omitted when ``value`` is None."""
    if value is not None:
        sub(parent, tag).text = value


def put_int(parent: Element, tag: str, value: int | None) -> None:
    if value is not None:
        sub(parent, tag).text = str(value)


def put_date(parent: Element, tag: str, value: date | None) -> None:
    if value is not None:
        sub(parent, tag).text = value.isoformat()


def put_ml(parent: Element, tag: str, texts: MultilingualText) -> None:
    """A multilingual text (omitted when empty)."""
    if not texts:
        return
    holder = sub(parent, tag)
    rep = C.MultilingualTextLinguisticRepresentation
    for text in texts:
        node = sub(holder, rep)
        node.text = text.value
        if text.language is not None:
            node.set("languageCode", text.language)
        if text.translated is not None:
            node.set("translated", "true" if text.translated else "false")


def put_name(parent: Element, tag: str, name: NameText | None) -> None:
    if name is None:
        return
    node = sub(parent, tag)
    node.text = name.value
    if name.language is not None:
        node.set("languageCode", name.language)


def put_partial_date(parent: Element, tag: str, value: PartialDate | None, *, required: bool = False) -> None:
    """``commons:DateType``; a required unknown date is the year 1800."""
    if value is None:
        if required:
            sub(sub(parent, tag), C.DateYear).text = str(UNKNOWN_YEAR)
        return
    node = sub(parent, tag)
    sub(node, C.DateYear).text = f"{value.year:04d}"
    if value.month is not None:
        month_day = sub(node, C.DateMonthDay)
        sub(month_day, C.DateMonth).text = f"--{value.month:02d}"
        if value.day is not None:
            sub(month_day, C.DateDay).text = f"---{value.day:02d}"


def put_amount(parent: Element, tag: str, amount: Amount | None) -> None:
    if amount is None:
        return
    node = sub(parent, tag)
    sub(node, C.PositiveDecimalUnit).text = str(amount.unit)
    if amount.fraction is not None:
        sub(node, C.PositiveDecimalFraction).text = str(amount.fraction)


def put_place(parent: Element, tag: str, place: Place | None) -> None:
    if place is None:
        return
    node = sub(parent, tag)
    sub(node, D.PlaceCountryReference).text = place.country
    put(node, D.PlaceCountrySubdivisionReference, place.subdivision)
    put(node, D.PlaceTownReference, place.town)
    put_ml(node, D.PlaceTownName, place.town_name)


def put_timestamp(parent: Element, tag: str, value: datetime) -> None:
    if value.tzinfo is None:
        raise EncodeError("message timestamps must be timezone-aware")
    sub(parent, tag).text = value.isoformat()


def start_message(element_name: str, metadata: MessageMetadata) -> tuple[Element, Element]:
    """The message element with its ``MessageMetaData`` filled in, and its empty ``MessageData``."""
    root = etree.Element(f"{{{SVC_NS}}}{element_name}", nsmap=NSMAP)
    meta = sub(root, M.MessageMetaData)
    sub(meta, M.MessageMetaDataMessageID).text = str(metadata.message_id)
    put_timestamp(meta, M.MessageMetaDataTimestamp, metadata.timestamp)
    if metadata.response_to is not None:
        sub(meta, M.MessageMetaDataResponseTo).text = str(metadata.response_to)
    return root, sub(root, M.MessageData)


def put_contact(data: Element, contact: ContactPerson | None) -> None:
    if contact is None:
        return
    node = sub(data, M.MessageDataContactPerson)
    put_name(node, D.Forename, contact.forename)
    put_name(node, D.Surname, contact.surname)
    put_name(node, D.SecondSurname, contact.second_surname)
    put(node, M.ContactPersonPhoneNumber, contact.phone)
    put(node, M.ContactPersonFaxNumber, contact.fax)
    sub(node, M.ContactPersonEmail).text = contact.email


def _put_person_name(parent: Element, name: PersonName) -> None:
    node = sub(parent, D.PersonName)
    put_name(node, D.Forename, name.forename)
    put_name(node, D.Surname, name.surname)
    put_name(node, D.SecondSurname, name.second_surname)
    put_name(node, D.FullName, name.full_name)


def _put_document(parent: Element, document: IdentificationDocument) -> None:
    node = sub(parent, D.PersonIdentificationDocument)
    sub(node, D.IdentificationDocumentCategoryReference).text = document.category
    put_ml(node, D.IdentificationDocumentType, document.type)
    sub(node, D.IdentificationDocumentNumber).text = document.number or UNKNOWN_TEXT
    put_ml(node, D.IdentificationDocumentIssuingAuthority, document.issuing_authority)
    put_partial_date(node, D.IdentificationDocumentIssuingDate, document.issuing_date)
    put_partial_date(node, D.IdentificationDocumentValidUntil, document.valid_until)


def _put_address(parent: Element, address: PersonAddress) -> None:
    node = sub(parent, D.PersonAddress)
    put_place(node, D.AddressPlace, address.place)
    put_ml(node, D.AddressStreet, address.street)
    put_ml(node, D.AddressHouseNumber, address.house_number)
    put_ml(node, D.AddressPostCode, address.post_code)
    put_ml(node, D.AddressFull, address.full)


def _put_parents_and_papers(node: Element, person: EcrisPerson | PersonAlias) -> None:
    for parent_name, (forename_tag, surname_tag, second_tag) in (
        (person.father, (D.PersonFatherForename, D.PersonFatherSurname, D.PersonFatherSecondSurname)),
        (person.mother, (D.PersonMotherForename, D.PersonMotherSurname, D.PersonMotherSecondSurname)),
    ):
        if parent_name is not None:
            put_name(node, forename_tag, parent_name.forename)
            put_name(node, surname_tag, parent_name.surname)
            put_name(node, second_tag, parent_name.second_surname)
    put(node, D.PersonIdentityNumber, person.identity_number)
    for document in person.identification_documents:
        _put_document(node, document)
    for address in person.addresses:
        _put_address(node, address)


def put_person(parent: Element, tag: str, person: EcrisPerson | None) -> None:
    """``dm:PersonType``; an unknown birth date is the year 1800, no nationality is CO-00-999-XXX."""
    if person is None:
        return
    node = sub(parent, tag)
    _put_person_name(node, person.name)
    sub(node, D.PersonSex).text = str(int(person.sex))
    put_partial_date(node, D.PersonBirthDate, person.birth_date, required=True)
    put_place(node, D.PersonBirthPlace, person.birth_place)
    nationality = D.PersonNationalityReference
    for country in person.nationalities or (UNKNOWN_COUNTRY,):
        sub(node, nationality).text = country
    for name in person.former_forenames:
        put_name(node, D.PersonFormerForename, name)
    for name in person.former_surnames:
        put_name(node, D.PersonFormerSurname, name)
    for name in person.former_second_surnames:
        put_name(node, D.PersonFormerSecondSurname, name)
    _put_parents_and_papers(node, person)
    for alias in person.aliases:
        alias_node = sub(node, D.PersonAlias)
        _put_person_name(alias_node, alias.name)
        if alias.sex is not None:
            sub(alias_node, D.PersonSex).text = str(int(alias.sex))
        put_partial_date(alias_node, D.PersonBirthDate, alias.birth_date)
        put_place(alias_node, D.PersonBirthPlace, alias.birth_place)
        for country in alias.nationalities:
            sub(alias_node, nationality).text = country
        _put_parents_and_papers(alias_node, alias)
        put_ml(alias_node, D.PersonRemarks, alias.remarks)
    put_ml(node, D.PersonRemarks, person.remarks)


def put_attachment(data: Element, attachment: BinaryAttachment | None, *, push: bool) -> None:
    """``MessageDataFingerprints`` (metadata only) or ``MessageDataFingerprintsPush`` (with the content)."""
    if attachment is None:
        return
    if push and attachment.content is None:
        raise EncodeError("a Push message carries the fingerprint file's content")
    if not push and attachment.content is not None:
        raise EncodeError("only the Push messages carry fingerprint file content")
    node = sub(data, M.MessageDataFingerprintsPush if push else M.MessageDataFingerprints)
    sub(node, M.BinaryAttachmentID).text = attachment.id
    sub(node, M.BinaryAttachmentMimeType).text = attachment.mime_type
    sub(node, M.BinaryAttachmentFileName).text = attachment.file_name or UNKNOWN_TEXT
    put_ml(node, M.BinaryAttachmentTitle, attachment.title)
    put_int(node, M.BinaryAttachmentFileSize, attachment.file_size_kb)
    put_ml(node, M.BinaryAttachmentComment, attachment.comment)
    put(node, M.BinaryAttachmentMD5Hash, attachment.md5)
    if push and attachment.content is not None:
        import base64

        sub(node, M.BinaryAttachmentContent).text = base64.b64encode(attachment.content).decode("ascii")


# --------------------------------------------------------------------------------------------- decode


def kids(element: Element) -> dict[Any, list[Element]]:
    """The children of an element grouped by tag, in document order."""
    grouped: dict[Any, list[Element]] = {}
    for child in element:
        grouped.setdefault(child.tag, []).append(child)
    return grouped


def one(grouped: dict[Any, list[Element]], tag: str) -> Element | None:
    found = grouped.get(tag)
    return found[0] if found else None


def need(grouped: dict[Any, list[Element]], tag: str) -> Element:
    found = grouped.get(tag)
    if not found:
        raise DecodeError(f"{tag.rpartition('}')[2]} is missing")
    return found[0]


def collapsed(element: Element | None) -> str | None:
    """The whitespace-collapsed text of an element; None when absent or empty."""
    if element is None:
        return None
    text = element.text
    if text is None:
        return None
    value = " ".join(text.split())
    return value or None


def text_of(grouped: dict[Any, list[Element]], tag: str, default: str | None = None) -> str | None:
    """A collapsed simple value; the schema default when the element is absent or empty."""
    value = collapsed(one(grouped, tag))
    return default if value is None else value


def required_text(grouped: dict[Any, list[Element]], tag: str, default: str | None = None) -> str:
    element = need(grouped, tag)
    value = collapsed(element)
    if value is None:
        if default is None:
            raise DecodeError(f"{tag.rpartition('}')[2]} is empty")
        return default
    return value


def unknown_to_none(value: str | None) -> str | None:
    return None if value == UNKNOWN_TEXT else value


def as_int(value: str | None, what: str) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise DecodeError(f"{what} is not an integer") from None


def as_bool(value: str | None, what: str) -> bool | None:
    if value is None:
        return None
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise DecodeError(f"{what} is not a boolean")


def yes_no(grouped: dict[Any, list[Element]], tag: str) -> YesNoUnknown:
    value = required_text(grouped, tag)
    try:
        return YesNoUnknown(value)
    except ValueError:
        raise DecodeError(f"{tag.rpartition('}')[2]} is not Yes, No or UNKNOWN") from None


_DATE = re.compile(r"(-?[0-9]{4,}-[0-9]{2}-[0-9]{2})(?:Z|[+-][0-9]{2}:[0-9]{2})?")


def as_date(value: str | None, what: str) -> date | None:
    """An ``xsd:date`` (a time zone, allowed by the contract, is dropped)."""
    if value is None:
        return None
    match = _DATE.fullmatch(value)
    try:
        if match is None:
            raise ValueError
        return date.fromisoformat(match.group(1))
    except ValueError:
        raise DecodeError(f"{what} is not a date the gateway can represent") from None


def as_datetime(value: str, what: str) -> datetime:
    """An ``xsd:dateTime``; without a time zone it is read as UTC (``check_message`` flags it)."""
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        raise DecodeError(f"{what} is not a date-time the gateway can represent") from None
    return instant if instant.tzinfo is not None else instant.replace(tzinfo=UTC)


_TZ = re.compile(r"(?:Z|[+-][0-9]{2}:[0-9]{2})$")


def ml_of(element: Element | None) -> MultilingualText:
    """A multilingual text; absent → ``()``. Uncollapsed remarks keep their text verbatim."""
    if element is None:
        return ()
    texts = []
    for rep in element:
        value = rep.text or ""
        translated = rep.get("translated")
        texts.append(
            Text(
                value,
                rep.get("languageCode"),
                None if translated is None else as_bool(translated.strip(), "translated"),
            )
        )
    return tuple(texts)


def collapsed_ml_of(element: Element | None) -> MultilingualText:
    """A collapsed multilingual text (names of places, titles): whitespace collapsed."""
    return tuple(
        Text(" ".join(t.value.split()), t.language and t.language.strip(), t.translated)
        for t in ml_of(element)
    )


def name_of(element: Element | None) -> NameText | None:
    if element is None:
        return None
    value = collapsed(element)
    if value is None:
        raise DecodeError("a name is empty")
    language = element.get("languageCode")
    return NameText(value, language.strip() if language is not None else None)


def names_of(elements: Sequence[Element] | None) -> tuple[NameText, ...]:
    return tuple(n for n in (name_of(e) for e in elements or ()) if n is not None)


def partial_date_of(element: Element | None, *, unknown_as_none: bool) -> PartialDate | None:
    """``commons:DateType``; the bare year 1800 is "unknown" (None) where ``unknown_as_none``."""
    if element is None:
        return None
    grouped = kids(element)
    year_text = text_of(grouped, C.DateYear, str(UNKNOWN_YEAR)) or str(UNKNOWN_YEAR)
    month_day = one(grouped, C.DateMonthDay)
    month = day = None
    try:
        year = int(_TZ.sub("", year_text))
        if month_day is not None:
            md = kids(month_day)
            month_text = required_text(md, C.DateMonth)
            month = int(_TZ.sub("", month_text).removeprefix("--"))
            day_text = text_of(md, C.DateDay)
            if day_text is not None:
                day = int(_TZ.sub("", day_text).removeprefix("---"))
        if unknown_as_none and year == UNKNOWN_YEAR and month is None:
            return None
        return PartialDate(year, month, day)
    except ValueError:
        raise DecodeError("a partial date is not a date the gateway can represent") from None


def amount_of(element: Element | None) -> Amount | None:
    if element is None:
        return None
    grouped = kids(element)
    try:
        return Amount(
            as_int(required_text(grouped, C.PositiveDecimalUnit), "amount unit") or 0,
            as_int(text_of(grouped, C.PositiveDecimalFraction), "amount fraction"),
        )
    except ValueError:
        raise DecodeError("an amount is out of range") from None


def place_of(element: Element | None) -> Place | None:
    if element is None:
        return None
    grouped = kids(element)
    return Place(
        town_name=collapsed_ml_of(need(grouped, D.PlaceTownName)),
        country=text_of(grouped, D.PlaceCountryReference, UNKNOWN_COUNTRY) or UNKNOWN_COUNTRY,
        subdivision=text_of(grouped, D.PlaceCountrySubdivisionReference),
        town=text_of(grouped, D.PlaceTownReference),
    )


def metadata_of(element: Element) -> MessageMetadata:
    grouped = kids(need(kids(element), M.MessageMetaData))
    try:
        message_id = MessageId.parse(required_text(grouped, M.MessageMetaDataMessageID))
        response_to_text = text_of(grouped, M.MessageMetaDataResponseTo)
        response_to = MessageId.parse(response_to_text) if response_to_text else None
    except ValueError as error:
        raise DecodeError(str(error), FunctionalErrorCode.MESSAGE_ID_MISMATCH) from None
    timestamp = as_datetime(required_text(grouped, M.MessageMetaDataTimestamp), "MessageMetaDataTimestamp")
    return MessageMetadata(message_id, timestamp, response_to)


def contact_of(grouped: dict[Any, list[Element]]) -> ContactPerson | None:
    element = one(grouped, M.MessageDataContactPerson)
    if element is None:
        return None
    contact = kids(element)
    return ContactPerson(
        email=required_text(contact, M.ContactPersonEmail),
        forename=name_of(one(contact, D.Forename)),
        surname=name_of(one(contact, D.Surname)),
        second_surname=name_of(one(contact, D.SecondSurname)),
        phone=text_of(contact, M.ContactPersonPhoneNumber),
        fax=text_of(contact, M.ContactPersonFaxNumber),
    )


def _person_name_of(element: Element) -> PersonName:
    grouped = kids(element)
    forename = name_of(need(grouped, D.Forename))
    surname = name_of(need(grouped, D.Surname))
    assert forename is not None and surname is not None
    return PersonName(
        forename=forename,
        surname=surname,
        second_surname=name_of(one(grouped, D.SecondSurname)),
        full_name=name_of(one(grouped, D.FullName)),
    )


def _parent_of(grouped: dict[Any, list[Element]], tags: tuple[str, str, str]) -> ParentName | None:
    forename, surname, second = (name_of(one(grouped, tag)) for tag in tags)
    if forename is None and surname is None and second is None:
        return None
    return ParentName(forename, surname, second)


_FATHER = (D.PersonFatherForename, D.PersonFatherSurname, D.PersonFatherSecondSurname)
_MOTHER = (D.PersonMotherForename, D.PersonMotherSurname, D.PersonMotherSecondSurname)


def _document_of(element: Element) -> IdentificationDocument:
    grouped = kids(element)
    return IdentificationDocument(
        category=required_text(grouped, D.IdentificationDocumentCategoryReference),
        type=collapsed_ml_of(need(grouped, D.IdentificationDocumentType)),
        number=unknown_to_none(text_of(grouped, D.IdentificationDocumentNumber, UNKNOWN_TEXT)),
        issuing_authority=collapsed_ml_of(one(grouped, D.IdentificationDocumentIssuingAuthority)),
        issuing_date=partial_date_of(
            one(grouped, D.IdentificationDocumentIssuingDate), unknown_as_none=False
        ),
        valid_until=partial_date_of(one(grouped, D.IdentificationDocumentValidUntil), unknown_as_none=False),
    )


def _address_of(element: Element) -> PersonAddress:
    grouped = kids(element)
    place = place_of(need(grouped, D.AddressPlace))
    assert place is not None
    return PersonAddress(
        place=place,
        street=collapsed_ml_of(one(grouped, D.AddressStreet)),
        house_number=collapsed_ml_of(one(grouped, D.AddressHouseNumber)),
        post_code=collapsed_ml_of(one(grouped, D.AddressPostCode)),
        full=ml_of(one(grouped, D.AddressFull)),
    )


def _sex_of(value: str | None) -> EcrisSex | None:
    if value is None:
        return None
    try:
        return EcrisSex(int(value))
    except ValueError:
        raise DecodeError("PersonSex is not 0, 1 or 2") from None


def _nationalities(grouped: dict[Any, list[Element]], default: str | None) -> tuple[str, ...]:
    found = []
    for element in grouped.get(D.PersonNationalityReference, ()):
        value = collapsed(element) or default
        if value is not None:
            found.append(value)
    return tuple(found)


def person_of(element: Element | None) -> EcrisPerson | None:
    if element is None:
        return None
    grouped = kids(element)
    birth_place = place_of(need(grouped, D.PersonBirthPlace))
    assert birth_place is not None
    aliases = []
    for alias_element in grouped.get(D.PersonAlias, ()):
        alias = kids(alias_element)
        aliases.append(
            PersonAlias(
                name=_person_name_of(need(alias, D.PersonName)),
                sex=_sex_of(text_of(alias, D.PersonSex)),
                birth_date=partial_date_of(one(alias, D.PersonBirthDate), unknown_as_none=False),
                birth_place=place_of(one(alias, D.PersonBirthPlace)),
                nationalities=_nationalities(alias, None),
                father=_parent_of(alias, _FATHER),
                mother=_parent_of(alias, _MOTHER),
                identity_number=text_of(alias, D.PersonIdentityNumber),
                identification_documents=tuple(
                    _document_of(e) for e in alias.get(D.PersonIdentificationDocument, ())
                ),
                addresses=tuple(_address_of(e) for e in alias.get(D.PersonAddress, ())),
                remarks=ml_of(one(alias, D.PersonRemarks)),
            )
        )
    return EcrisPerson(
        name=_person_name_of(need(grouped, D.PersonName)),
        sex=_sex_of(text_of(grouped, D.PersonSex, "0")) or EcrisSex.UNKNOWN,
        birth_date=partial_date_of(need(grouped, D.PersonBirthDate), unknown_as_none=True),
        birth_place=birth_place,
        nationalities=_nationalities(grouped, UNKNOWN_COUNTRY),
        former_forenames=names_of(grouped.get(D.PersonFormerForename)),
        former_surnames=names_of(grouped.get(D.PersonFormerSurname)),
        former_second_surnames=names_of(grouped.get(D.PersonFormerSecondSurname)),
        father=_parent_of(grouped, _FATHER),
        mother=_parent_of(grouped, _MOTHER),
        identity_number=text_of(grouped, D.PersonIdentityNumber),
        identification_documents=tuple(
            _document_of(e) for e in grouped.get(D.PersonIdentificationDocument, ())
        ),
        addresses=tuple(_address_of(e) for e in grouped.get(D.PersonAddress, ())),
        aliases=tuple(aliases),
        remarks=ml_of(one(grouped, D.PersonRemarks)),
    )


def attachment_of(grouped: dict[Any, list[Element]], *, push: bool) -> BinaryAttachment | None:
    element = one(grouped, M.MessageDataFingerprintsPush if push else M.MessageDataFingerprints)
    if element is None:
        return None
    attachment = kids(element)
    content = None
    if push:
        import base64
        import binascii

        try:
            content = base64.b64decode(
                "".join((need(attachment, M.BinaryAttachmentContent).text or "").split())
            )
        except (binascii.Error, ValueError):
            raise DecodeError("BinaryAttachmentContent is not base64") from None
    return BinaryAttachment(
        id=required_text(attachment, M.BinaryAttachmentID),
        mime_type=text_of(attachment, M.BinaryAttachmentMimeType, NIST_MIME_TYPE) or NIST_MIME_TYPE,
        file_name=unknown_to_none(text_of(attachment, M.BinaryAttachmentFileName)),
        title=collapsed_ml_of(one(attachment, M.BinaryAttachmentTitle)),
        file_size_kb=as_int(text_of(attachment, M.BinaryAttachmentFileSize), "BinaryAttachmentFileSize"),
        comment=ml_of(one(attachment, M.BinaryAttachmentComment)),
        md5=text_of(attachment, M.BinaryAttachmentMD5Hash),
        content=content,
    )


def message_data(element: Element) -> dict[Any, list[Element]]:
    return kids(need(kids(element), M.MessageData))


def tuple_of(items: Iterable[T]) -> tuple[T, ...]:
    return tuple(items)


Encoder = Callable[[Any], Element]
Decoder = Callable[[Element], Any]
