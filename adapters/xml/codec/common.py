"""Shared building blocks of the ECRIS codecs: namespaces, metadata, texts, partial dates, amounts, places,
persons, contact persons, fingerprint attachments.

Encoding builds with ``etree.SubElement`` on precomputed Clark-notation tags (never strings of XML).
Decoding reads a schema-valid element: it applies the contract's defaults to empty or absent elements,
turns the "unknown" sentinels into ``None`` and raises ``DecodeError`` for what it cannot represent.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
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

Element = etree._Element
T = TypeVar("T")

# --------------------------------------------------------------------------------------------- encode
#
# An encoder records the message in document order on a ``Writer``: its *shape* (element tags, attribute
# names) and its *texts* and *attribute values*, in order. ``finish`` makes the lxml element. Building
# element by element with ``SubElement`` costs about a microsecond per element (Clark-tag parsing, namespace
# lookup, one proxy object each) while libxml2 copies a whole tree for a tenth of that per element. So each
# thread keeps the skeletons of the shapes it has met (tags and attribute names, no text), copies the right
# one and assigns the values to the copy; a shape met for the first time is built once with ``SubElement``.
# Either way the tree is the same, and every value goes through lxml (``.text``, ``.set``), which refuses
# what XML cannot hold (control characters, NULs) with ValueError and non-strings with TypeError, as when
# building element by element. Attributes from closed vocabularies (a relationship's xsi:type, language
# codes, ``translated``) are part of the shape, hence of the skeleton; no personal data ever is.
#
# Shape tokens: a tag alone is a leaf that takes the next text; ``OPEN`` then a tag opens an element
# that ``END`` closes; ``_TEXT`` gives the open element the next text; ``@name`` gives it the next
# attribute value; a ``fixed_attribute`` token gives it a constant attribute. The hot helpers below append
# to the lists directly (``shape.append``) rather than through methods: a Python call per token would
# cost as much as the rest of the encoding.

OPEN = "("
END = ")"
_TEXT = "="
A_LANGUAGE = "@languageCode"
A_RELATIONSHIP = "@relationshipTypeReference"

_FIXED: dict[str, tuple[str, Any]] = {}


def fixed_attribute(name: str, value: Any) -> str:
    """A shape token for an attribute whose value the shape implies (it goes into the skeleton)."""
    token = f"!{name}={value}"
    _FIXED.setdefault(token, (name, value))
    return token


_TRANSLATED = {True: fixed_attribute("translated", "true"), False: fixed_attribute("translated", "false")}
_LANGUAGES: dict[str, str] = {}
MAX_LANGUAGES = 256
"""Language codes (``languageCode``, two letters: no personal data, a few per deployment) travel in
the shape like the xsi:type of relationships, so they are part of the skeleton (setting an attribute costs
as much as copying a dozen elements). Past this many distinct codes, the others are set as values."""


def _language(w: Writer, language: Any) -> None:
    """The ``languageCode`` of the element just opened."""
    token = _LANGUAGES.get(language)
    if token is None:
        if len(_LANGUAGES) >= MAX_LANGUAGES or type(language) is not str or not language.isalpha():
            w.attribute(A_LANGUAGE, language)
            return
        token = _LANGUAGES[language] = fixed_attribute("languageCode", language)
    w.shape.append(token)


MAX_SKELETONS = 256
"""Skeletons kept per thread; past that the oldest is dropped (a shape met again is then rebuilt)."""


@dataclass(frozen=True, slots=True)
class _Skeleton:
    tree: Element
    texts: tuple[int, ...]
    """For each text, in order: the index of its element in document order."""
    attributes: tuple[tuple[int, str], ...]
    """For each attribute value, in order: the index of its element and the attribute's name."""


class _Skeletons(threading.local):
    """lxml trees belong to the thread that made them: one skeleton cache per thread."""

    def __init__(self) -> None:
        self.by_shape: dict[tuple[str, ...], _Skeleton] = {}


_SKELETONS = _Skeletons()


def _build_skeleton(shape: tuple[str, ...]) -> _Skeleton:
    root = etree.Element(shape[0], nsmap=NSMAP)
    stack: list[tuple[Element, int]] = [(root, 0)]
    count = 1
    texts: list[int] = []
    attributes: list[tuple[int, str]] = []
    opening = False
    for token in shape[1:]:
        if token == OPEN:
            opening = True
        elif token == END:
            stack.pop()
        elif token == _TEXT:
            texts.append(stack[-1][1])
        elif token[0] == "@":
            attributes.append((stack[-1][1], token[1:]))
        elif token[0] == "!":
            stack[-1][0].set(*_FIXED[token])
        else:
            element = etree.SubElement(stack[-1][0], token)
            if opening:
                stack.append((element, count))
                opening = False
            else:
                texts.append(count)
            count += 1
    return _Skeleton(root, tuple(texts), tuple(attributes))


class Writer:
    """A message element recorded in document order; ``finish`` returns it as an lxml element."""

    __slots__ = ("attributes", "shape", "texts")

    def __init__(self, root_tag: str) -> None:
        self.shape: list[str] = [root_tag]
        self.texts: list[Any] = []
        self.attributes: list[Any] = []

    def open(self, tag: str) -> None:
        shape = self.shape
        shape.append(OPEN)
        shape.append(tag)

    def close(self) -> None:
        self.shape.append(END)

    def leaf(self, tag: str, text: Any) -> None:
        """A simple element with this text (None: an empty element)."""
        self.shape.append(tag)
        self.texts.append(text)

    def attribute(self, token: str, value: Any) -> None:
        """An attribute of the element just opened (``token`` is one of the ``A_…`` constants)."""
        self.shape.append(token)
        self.attributes.append(value)

    def fixed(self, token: str) -> None:
        """A ``fixed_attribute`` of the element just opened."""
        self.shape.append(token)

    def finish(self) -> Element:
        shape = tuple(self.shape)
        cache = _SKELETONS.by_shape
        skeleton = cache.get(shape)
        if skeleton is None:
            skeleton = _build_skeleton(shape)
            if len(cache) >= MAX_SKELETONS:
                del cache[next(iter(cache))]
            cache[shape] = skeleton
        root: Element = skeleton.tree.__copy__()  # type: ignore[attr-defined]  # the whole tree
        nodes = list(root.iter())
        for index, text in zip(skeleton.texts, self.texts, strict=True):
            nodes[index].text = text
        for (index, name), value in zip(skeleton.attributes, self.attributes, strict=True):
            nodes[index].set(name, value)
        return root


def put(w: Writer, tag: str, value: str | None) -> None:
    """A simple element, omitted when ``value`` is None."""
    if value is not None:
        w.shape.append(tag)
        w.texts.append(value)


def put_int(w: Writer, tag: str, value: int | None) -> None:
    if value is not None:
        w.shape.append(tag)
        w.texts.append(str(value))


def put_date(w: Writer, tag: str, value: date | None) -> None:
    if value is not None:
        w.shape.append(tag)
        w.texts.append(value.isoformat())


_REP = C.MultilingualTextLinguisticRepresentation


def put_ml(w: Writer, tag: str, texts: MultilingualText) -> None:
    """A multilingual text (omitted when empty)."""
    if not texts:
        return
    shape = w.shape
    add = shape.append
    add(OPEN)
    add(tag)
    for text in texts:
        w.texts.append(text.value)
        language = text.language
        translated = text.translated
        if language is None and translated is None:
            add(_REP)
            continue
        shape += (OPEN, _REP, _TEXT)
        if language is not None:
            _language(w, language)
        if translated is not None:
            add(_TRANSLATED[bool(translated)])
        add(END)
    add(END)


def put_name(w: Writer, tag: str, name: NameText | None) -> None:
    if name is None:
        return
    w.texts.append(name.value)
    if name.language is None:
        w.shape.append(tag)
        return
    w.shape += (OPEN, tag, _TEXT)
    _language(w, name.language)
    w.shape.append(END)


def put_partial_date(w: Writer, tag: str, value: PartialDate | None, *, required: bool = False) -> None:
    """``commons:DateType``; a required unknown date is the year 1800."""
    if value is None:
        if required:
            w.shape += (OPEN, tag, C.DateYear, END)
            w.texts.append(str(UNKNOWN_YEAR))
        return
    shape = w.shape
    texts = w.texts
    shape += (OPEN, tag, C.DateYear)
    texts.append(f"{value.year:04d}")
    if value.month is not None:
        shape += (OPEN, C.DateMonthDay, C.DateMonth)
        texts.append(f"--{value.month:02d}")
        if value.day is not None:
            shape.append(C.DateDay)
            texts.append(f"---{value.day:02d}")
        shape.append(END)
    shape.append(END)


def put_amount(w: Writer, tag: str, amount: Amount | None) -> None:
    if amount is None:
        return
    w.shape += (OPEN, tag, C.PositiveDecimalUnit)
    w.texts.append(str(amount.unit))
    if amount.fraction is not None:
        w.leaf(C.PositiveDecimalFraction, str(amount.fraction))
    w.close()


def put_place(w: Writer, tag: str, place: Place | None) -> None:
    if place is None:
        return
    w.shape += (OPEN, tag, D.PlaceCountryReference)
    w.texts.append(place.country)
    put(w, D.PlaceCountrySubdivisionReference, place.subdivision)
    put(w, D.PlaceTownReference, place.town)
    put_ml(w, D.PlaceTownName, place.town_name)
    w.close()


def put_timestamp(w: Writer, tag: str, value: datetime) -> None:
    if value.tzinfo is None:
        raise EncodeError("message timestamps must be timezone-aware")
    w.leaf(tag, value.isoformat())


def start_message(element_name: str, metadata: MessageMetadata) -> Writer:
    """The message element with its ``MessageMetaData`` filled in and its ``MessageData`` open."""
    w = Writer(getattr(S, element_name))
    w.open(M.MessageMetaData)
    w.leaf(M.MessageMetaDataMessageID, str(metadata.message_id))
    put_timestamp(w, M.MessageMetaDataTimestamp, metadata.timestamp)
    if metadata.response_to is not None:
        w.leaf(M.MessageMetaDataResponseTo, str(metadata.response_to))
    w.close()
    w.open(M.MessageData)
    return w


def put_contact(w: Writer, contact: ContactPerson | None) -> None:
    if contact is None:
        return
    w.open(M.MessageDataContactPerson)
    put_name(w, D.Forename, contact.forename)
    put_name(w, D.Surname, contact.surname)
    put_name(w, D.SecondSurname, contact.second_surname)
    put(w, M.ContactPersonPhoneNumber, contact.phone)
    put(w, M.ContactPersonFaxNumber, contact.fax)
    w.leaf(M.ContactPersonEmail, contact.email)
    w.close()


def _put_person_name(w: Writer, name: PersonName) -> None:
    w.open(D.PersonName)
    put_name(w, D.Forename, name.forename)
    put_name(w, D.Surname, name.surname)
    put_name(w, D.SecondSurname, name.second_surname)
    put_name(w, D.FullName, name.full_name)
    w.close()


def _put_document(w: Writer, document: IdentificationDocument) -> None:
    w.open(D.PersonIdentificationDocument)
    w.leaf(D.IdentificationDocumentCategoryReference, document.category)
    put_ml(w, D.IdentificationDocumentType, document.type)
    w.leaf(D.IdentificationDocumentNumber, document.number or UNKNOWN_TEXT)
    put_ml(w, D.IdentificationDocumentIssuingAuthority, document.issuing_authority)
    put_partial_date(w, D.IdentificationDocumentIssuingDate, document.issuing_date)
    put_partial_date(w, D.IdentificationDocumentValidUntil, document.valid_until)
    w.close()


def _put_address(w: Writer, address: PersonAddress) -> None:
    w.open(D.PersonAddress)
    put_place(w, D.AddressPlace, address.place)
    put_ml(w, D.AddressStreet, address.street)
    put_ml(w, D.AddressHouseNumber, address.house_number)
    put_ml(w, D.AddressPostCode, address.post_code)
    put_ml(w, D.AddressFull, address.full)
    w.close()


_PARENT_TAGS = (
    (D.PersonFatherForename, D.PersonFatherSurname, D.PersonFatherSecondSurname),
    (D.PersonMotherForename, D.PersonMotherSurname, D.PersonMotherSecondSurname),
)


def _put_parents_and_papers(w: Writer, person: EcrisPerson | PersonAlias) -> None:
    for parent_name, (forename_tag, surname_tag, second_tag) in zip(
        (person.father, person.mother), _PARENT_TAGS, strict=True
    ):
        if parent_name is not None:
            put_name(w, forename_tag, parent_name.forename)
            put_name(w, surname_tag, parent_name.surname)
            put_name(w, second_tag, parent_name.second_surname)
    put(w, D.PersonIdentityNumber, person.identity_number)
    for document in person.identification_documents:
        _put_document(w, document)
    for address in person.addresses:
        _put_address(w, address)


def put_person(w: Writer, tag: str, person: EcrisPerson | None) -> None:
    """``dm:PersonType``; an unknown birth date is the year 1800, no nationality is CO-00-999-XXX."""
    if person is None:
        return
    w.open(tag)
    _put_person_name(w, person.name)
    w.leaf(D.PersonSex, str(int(person.sex)))
    put_partial_date(w, D.PersonBirthDate, person.birth_date, required=True)
    put_place(w, D.PersonBirthPlace, person.birth_place)
    nationality = D.PersonNationalityReference
    for country in person.nationalities or (UNKNOWN_COUNTRY,):
        w.leaf(nationality, country)
    for name in person.former_forenames:
        put_name(w, D.PersonFormerForename, name)
    for name in person.former_surnames:
        put_name(w, D.PersonFormerSurname, name)
    for name in person.former_second_surnames:
        put_name(w, D.PersonFormerSecondSurname, name)
    _put_parents_and_papers(w, person)
    for alias in person.aliases:
        w.open(D.PersonAlias)
        _put_person_name(w, alias.name)
        if alias.sex is not None:
            w.leaf(D.PersonSex, str(int(alias.sex)))
        put_partial_date(w, D.PersonBirthDate, alias.birth_date)
        put_place(w, D.PersonBirthPlace, alias.birth_place)
        for country in alias.nationalities:
            w.leaf(nationality, country)
        _put_parents_and_papers(w, alias)
        put_ml(w, D.PersonRemarks, alias.remarks)
        w.close()
    put_ml(w, D.PersonRemarks, person.remarks)
    w.close()


def put_attachment(w: Writer, attachment: BinaryAttachment | None, *, push: bool) -> None:
    """``MessageDataFingerprints`` (metadata only) or ``MessageDataFingerprintsPush`` (with the content)."""
    if attachment is None:
        return
    if push and attachment.content is None:
        raise EncodeError("a Push message carries the fingerprint file's content")
    if not push and attachment.content is not None:
        raise EncodeError("only the Push messages carry fingerprint file content")
    w.open(M.MessageDataFingerprintsPush if push else M.MessageDataFingerprints)
    w.leaf(M.BinaryAttachmentID, attachment.id)
    w.leaf(M.BinaryAttachmentMimeType, attachment.mime_type)
    w.leaf(M.BinaryAttachmentFileName, attachment.file_name or UNKNOWN_TEXT)
    put_ml(w, M.BinaryAttachmentTitle, attachment.title)
    put_int(w, M.BinaryAttachmentFileSize, attachment.file_size_kb)
    put_ml(w, M.BinaryAttachmentComment, attachment.comment)
    put(w, M.BinaryAttachmentMD5Hash, attachment.md5)
    if push and attachment.content is not None:
        import base64

        w.leaf(M.BinaryAttachmentContent, base64.b64encode(attachment.content).decode("ascii"))
    w.close()


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
