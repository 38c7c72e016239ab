"""The ECRIS v1.0 messages as core values: one frozen dataclass per message element of the contract.

The structures follow the contract's data model (ECRIS-NOTES §3–§4) with Python conventions:
- "unknown" sentinels become ``None`` where the contract uses them for *unknown*: the birth-date year 1800,
  the decision dates 1800-01-01, the file number / legal provisions / document number "UNKNOWN";
- reference-table codes stay technical identifiers (``O-00-010100``, ``CO-00-442-LUX``, ``RRT-00-01``),
  with the contract's defaults as field defaults;
- multilingual texts are tuples of ``Text``; amounts are ``Amount`` (unit + two-digit fraction).
No I/O and no XML here: the codecs in ``adapters/xml/codec`` turn these values into elements and back.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from gateway.model.partial_date import PartialDate

UNKNOWN_COUNTRY = "CO-00-999-XXX"
DEFAULT_OFFENCE_CATEGORY = "O-00-270000"
DEFAULT_SANCTION_CATEGORY = "S-00-012000"
DEFAULT_SANCTION_NATURE = "N-00-Z"
DEFAULT_SUSPENSION_TYPE = "S-00-Z"
NIST_MIME_TYPE = "application/nist"
UNKNOWN_TEXT = "UNKNOWN"
UNKNOWN_YEAR = 1800
UNKNOWN_DATE = date(1800, 1, 1)


class MessageType(enum.StrEnum):
    """The three letters of a message ID (ECRIS-NOTES §2.2)."""

    REQUEST = "REQ"
    REQUEST_DEADLINE = "RDL"
    REQUEST_RESPONSE = "RRS"
    NOTIFICATION = "NOT"
    NOTIFICATION_RESPONSE = "NRS"
    REQUEST_ADDITIONAL_INFO = "RAI"
    REQUEST_ADDITIONAL_INFO_RESPONSE = "RAR"
    IS_ALIVE = "IAL"
    CANCELLATION = "CAN"
    FUNCTIONAL_ERROR = "FEM"


_MESSAGE_ID = re.compile(r"([A-Z]{2})-([A-Z]{2})-([A-Z]{3})-([0-9]{15})")


@dataclass(frozen=True, slots=True, order=True)
class MessageId:
    """``SS-RR-TTT-nnnnnnnnnnnnnnn``: sender and receiver Member State, message type, 15-digit serial."""

    sender: str
    receiver: str
    type: MessageType
    serial: int

    def __post_init__(self) -> None:
        if not (_is_ms(self.sender) and _is_ms(self.receiver)):
            raise ValueError("message ID Member State codes must be two capital letters")
        if not 0 <= self.serial < 10**15:
            raise ValueError("message ID serial must have at most 15 digits")

    @classmethod
    def parse(cls, text: str) -> MessageId:
        match = _MESSAGE_ID.fullmatch(text.strip())
        if match is None:
            raise ValueError("not an ECRIS message ID (SS-RR-TTT-nnnnnnnnnnnnnnn)")
        sender, receiver, kind, serial = match.groups()
        try:
            message_type = MessageType(kind)
        except ValueError:
            raise ValueError(f"unknown ECRIS message type {kind}") from None
        return cls(sender, receiver, message_type, int(serial))

    def __str__(self) -> str:
        return f"{self.sender}-{self.receiver}-{self.type.value}-{self.serial:015d}"


def _is_ms(code: str) -> bool:
    return len(code) == 2 and code.isascii() and code.isalpha() and code.isupper()


class YesNoUnknown(enum.StrEnum):
    YES = "Yes"
    NO = "No"
    UNKNOWN = "UNKNOWN"

    @classmethod
    def of(cls, value: bool | None) -> YesNoUnknown:
        return cls.UNKNOWN if value is None else cls.YES if value else cls.NO

    def as_bool(self) -> bool | None:
        return None if self is YesNoUnknown.UNKNOWN else self is YesNoUnknown.YES


class EcrisSex(enum.IntEnum):
    """ISO 5218, as the contract carries it."""

    UNKNOWN = 0
    MALE = 1
    FEMALE = 2


class AdditionalInformation(enum.StrEnum):
    """What a RequestAdditionalInfo may ask for (closed list of the contract)."""

    FORENAME = "Forename"
    SURNAME = "Surname"
    SECOND_SURNAME = "SecondSurname"
    SEX = "Sex"
    BIRTH_DATE = "BirthDate"
    BIRTH_PLACE = "BirthPlace"
    NATIONALITY = "Nationality"
    FORMER_NAME = "FormerName"
    MOTHER_NAME = "MotherName"
    FATHER_NAME = "FatherName"
    IDENTITY_NUMBER = "IdentityNumber"
    IDENTIFICATION_DOCUMENT = "IdentificationDocument"
    ADDRESS = "Address"
    ALIAS = "Alias"
    FINGERPRINTS = "Fingerprints"
    MORE_INFORMATION_ON_REQUEST_PURPOSE = "MoreInformationOnRequestPurpose"


# --------------------------------------------------------------------------------------------- texts


@dataclass(frozen=True, slots=True)
class Text:
    """One linguistic representation of a multilingual text."""

    value: str
    language: str | None = None
    translated: bool | None = None


MultilingualText = tuple[Text, ...]


def ml(value: str, language: str | None = None) -> MultilingualText:
    """A multilingual text with one representation."""
    return (Text(value, language),)


@dataclass(frozen=True, slots=True)
class NameText:
    value: str
    language: str | None = None


# --------------------------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Amount:
    """``commons:PositiveDecimalType``: a whole unit and a fraction read as two-digit cents (12.05 → 5)."""

    unit: int
    fraction: int | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.unit <= 999_999_999_999_999:
            raise ValueError("amount unit out of range")
        if self.fraction is not None and not 1 <= self.fraction <= 99:
            raise ValueError("amount fraction must be 1..99 (omit it for .00)")

    @classmethod
    def of(cls, value: Decimal | int | str) -> Amount:
        amount = Decimal(value)
        if amount < 0:
            raise ValueError("amounts are positive")
        cents = int((amount * 100).to_integral_value())
        if Decimal(cents) != amount * 100:
            raise ValueError("amounts carry at most two decimals")
        unit, fraction = divmod(cents, 100)
        return cls(unit, fraction or None)

    def as_decimal(self) -> Decimal:
        return Decimal(self.unit) + Decimal(self.fraction or 0) / 100


def iso_duration(*, years: int = 0, months: int = 0, days: int = 0, hours: int = 0) -> str:
    """An ``xsd:duration`` such as ``P2Y6M`` (durations of penalties travel in this form)."""
    date_part = "".join(f"{n}{unit}" for n, unit in ((years, "Y"), (months, "M"), (days, "D")) if n)
    time_part = f"T{hours}H" if hours else ""
    return "P" + (date_part or ("" if time_part else "0D")) + time_part


# --------------------------------------------------------------------------------------------- person


@dataclass(frozen=True, slots=True)
class Place:
    town_name: MultilingualText
    country: str = UNKNOWN_COUNTRY
    subdivision: str | None = None
    town: str | None = None


@dataclass(frozen=True, slots=True)
class PersonName:
    forename: NameText
    surname: NameText
    second_surname: NameText | None = None
    full_name: NameText | None = None


@dataclass(frozen=True, slots=True)
class ParentName:
    forename: NameText | None = None
    surname: NameText | None = None
    second_surname: NameText | None = None


@dataclass(frozen=True, slots=True)
class IdentificationDocument:
    category: str
    type: MultilingualText
    number: str | None = None
    issuing_authority: MultilingualText = ()
    issuing_date: PartialDate | None = None
    valid_until: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class PersonAddress:
    place: Place
    street: MultilingualText = ()
    house_number: MultilingualText = ()
    post_code: MultilingualText = ()
    full: MultilingualText = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonAlias:
    name: PersonName
    sex: EcrisSex | None = None
    birth_date: PartialDate | None = None
    birth_place: Place | None = None
    nationalities: tuple[str, ...] = ()
    father: ParentName | None = None
    mother: ParentName | None = None
    identity_number: str | None = None
    identification_documents: tuple[IdentificationDocument, ...] = ()
    addresses: tuple[PersonAddress, ...] = ()
    remarks: MultilingualText = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class EcrisPerson:
    """``dm:PersonType``. ``birth_date`` None means unknown (year 1800 on the wire)."""

    name: PersonName
    birth_place: Place
    sex: EcrisSex = EcrisSex.UNKNOWN
    birth_date: PartialDate | None = None
    nationalities: tuple[str, ...] = (UNKNOWN_COUNTRY,)
    former_forenames: tuple[NameText, ...] = ()
    former_surnames: tuple[NameText, ...] = ()
    former_second_surnames: tuple[NameText, ...] = ()
    father: ParentName | None = None
    mother: ParentName | None = None
    identity_number: str | None = None
    identification_documents: tuple[IdentificationDocument, ...] = ()
    addresses: tuple[PersonAddress, ...] = ()
    aliases: tuple[PersonAlias, ...] = ()
    remarks: MultilingualText = ()


@dataclass(frozen=True, slots=True)
class ContactPerson:
    email: str
    forename: NameText | None = None
    surname: NameText | None = None
    second_surname: NameText | None = None
    phone: str | None = None
    fax: str | None = None


# --------------------------------------------------------------------------------------------- conviction


@dataclass(frozen=True, slots=True)
class DecidingAuthority:
    name: MultilingualText
    code: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConvictionDecision:
    """``dm:DecisionType``: the original decision or a later one (change types ``DCH-…``)."""

    id: str
    delete_from_register: YesNoUnknown = YesNoUnknown.NO
    change_types: tuple[str, ...] = ()
    decision_date: date | None = None
    final_date: date | None = None
    deciding_authority: DecidingAuthority | None = None
    remarks: MultilingualText = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class EcrisOffence:
    id: str
    national_title: MultilingualText
    national_code: str | None = None
    remarks: MultilingualText = ()
    common_category: str = DEFAULT_OFFENCE_CATEGORY
    legal_provisions: str | None = None
    start_date: PartialDate | None = None
    end_date: PartialDate | None = None
    place: Place | None = None
    occurrences: int | None = None
    is_continuous: YesNoUnknown = YesNoUnknown.UNKNOWN
    level_of_completion: str | None = None
    level_of_participation: str | None = None
    responsibility_exemption: YesNoUnknown = YesNoUnknown.UNKNOWN
    recidivism: YesNoUnknown = YesNoUnknown.UNKNOWN


@dataclass(frozen=True, slots=True)
class Period:
    start: date | None = None
    duration: str | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class SentencedPeriod:
    duration_exact: YesNoUnknown
    start: date | None = None
    duration: str | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SanctionSuspension:
    type: str = DEFAULT_SUSPENSION_TYPE
    period: Period = Period()
    suspended_part: str | None = None
    probation_duration: str | None = None
    partially_suspended_amount: Amount | None = None
    remarks: MultilingualText = ()


@dataclass(frozen=True, slots=True)
class SanctionInterruption:
    period: Period = Period()
    remarks: MultilingualText = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class EcrisSanction:
    id: str
    national_title: MultilingualText
    national_code: str | None = None
    remarks: MultilingualText = ()
    nature: str = DEFAULT_SANCTION_NATURE
    common_category: str = DEFAULT_SANCTION_CATEGORY
    alternative_type: str | None = None
    multiplier: int = 1
    specific_to_minor: YesNoUnknown = YesNoUnknown.UNKNOWN
    sentenced_period: SentencedPeriod | None = None
    execution_period: Period | None = None
    number_of_fines: int | None = None
    fine_amount: Amount | None = None
    fine_currency: str | None = None
    suspension: SanctionSuspension | None = None
    interruptions: tuple[SanctionInterruption, ...] = ()


@dataclass(frozen=True, slots=True)
class DecisionToOffences:
    type_name: ClassVar[str] = "DecisionToOffencesRelationshipType"
    decision: str
    offences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DecisionToSanctions:
    type_name: ClassVar[str] = "DecisionToSanctionsRelationshipType"
    decision: str
    sanctions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SanctionToOffences:
    type_name: ClassVar[str] = "SanctionToOffencesRelationshipType"
    sanction: str
    offences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SanctionToSanctions:
    type_name: ClassVar[str] = "SanctionToSanctionsRelationshipType"
    relationship_type: str
    source: str
    destinations: tuple[str, ...]


Relationship = DecisionToOffences | DecisionToSanctions | SanctionToOffences | SanctionToSanctions
RELATIONSHIP_CLASSES = (DecisionToOffences, DecisionToSanctions, SanctionToOffences, SanctionToSanctions)
ALLOWED_RELATIONSHIP_TYPES: frozenset[str] = frozenset(cls.type_name for cls in RELATIONSHIP_CLASSES)


@dataclass(frozen=True, slots=True, kw_only=True)
class EcrisConviction:
    """``dm:ConvictionType``. Dates None mean unknown (1800-01-01 on the wire); file number None = UNKNOWN."""

    id: str
    convicting_country: str
    deciding_authority: DecidingAuthority
    decisions: tuple[ConvictionDecision, ...]
    file_number: str | None = None
    decision_date: date | None = None
    final_date: date | None = None
    non_criminal_ruling: YesNoUnknown = YesNoUnknown.NO
    retention_end_date: date | None = None
    is_transmittable: YesNoUnknown = YesNoUnknown.UNKNOWN
    remarks: MultilingualText = ()
    offences: tuple[EcrisOffence, ...] = ()
    sanctions: tuple[EcrisSanction, ...] = ()
    relationships: tuple[Relationship, ...] = ()


@dataclass(frozen=True, slots=True)
class ExternalConviction:
    """A conviction known outside ECRIS: authority, file number and date it became final."""

    authority: DecidingAuthority
    file_number: str
    final_date: date


@dataclass(frozen=True, slots=True)
class ConvictionReference:
    """Exactly one of: an ECRIS conviction ID, a national-register reference (≤ 20 chars), an external one."""

    ecris_id: str | None = None
    njr_reference: str | None = None
    external: ExternalConviction | None = None

    def __post_init__(self) -> None:
        if sum(x is not None for x in (self.ecris_id, self.njr_reference, self.external)) != 1:
            raise ValueError("a conviction reference names exactly one conviction")


@dataclass(frozen=True, slots=True)
class OtherAffectedConviction:
    """``MessageDataOtherAffectedConviction``: the notified conviction affects earlier ones."""

    source: str
    destinations: tuple[ConvictionReference, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class BinaryAttachment:
    """A NIST fingerprint file: metadata always, ``content`` only in the Push messages."""

    id: str
    mime_type: str = NIST_MIME_TYPE
    file_name: str | None = None
    title: MultilingualText = ()
    file_size_kb: int | None = None
    comment: MultilingualText = ()
    md5: str | None = None
    content: bytes | None = None


@dataclass(frozen=True, slots=True)
class RequestingAuthority:
    type: str
    name: MultilingualText
    code: str | None = None


@dataclass(frozen=True, slots=True)
class FunctionalErrorEntry:
    code: str
    additional_information: MultilingualText = ()


# --------------------------------------------------------------------------------------------- messages


@dataclass(frozen=True, slots=True)
class MessageMetadata:
    message_id: MessageId
    timestamp: datetime
    response_to: MessageId | None = None

    def __post_init__(self) -> None:
        if self.timestamp.tzinfo is None:
            raise ValueError("message timestamps are timezone-aware")

    @property
    def sender(self) -> str:
        return self.message_id.sender

    @property
    def receiver(self) -> str:
        return self.message_id.receiver


@dataclass(frozen=True, slots=True, kw_only=True)
class _Message:
    element_name: ClassVar[str]
    operation: ClassVar[str]
    message_type: ClassVar[MessageType]
    response_to_types: ClassVar[frozenset[MessageType]] = frozenset()
    push: ClassVar[bool] = False

    metadata: MessageMetadata
    contact_person: ContactPerson | None = None
    remarks: MultilingualText = ()


_CORRELATED = frozenset(MessageType) - {MessageType.IS_ALIVE}
"""What a functional error may answer (RRS/NRS only for the monthly-window error; checked elsewhere)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class _NotificationFields(_Message):
    message_type: ClassVar[MessageType] = MessageType.NOTIFICATION
    person: EcrisPerson
    conviction: EcrisConviction
    updated_conviction: ConvictionReference | None = None
    other_affected: OtherAffectedConviction | None = None
    fingerprints: BinaryAttachment | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Notification(_NotificationFields):
    element_name: ClassVar[str] = "NotificationMessage"
    operation: ClassVar[str] = "deliverNotification"


@dataclass(frozen=True, slots=True, kw_only=True)
class NotificationPush(_NotificationFields):
    element_name: ClassVar[str] = "NotificationPushMessage"
    operation: ClassVar[str] = "deliverNotificationPush"
    push: ClassVar[bool] = True


@dataclass(frozen=True, slots=True, kw_only=True)
class _NotificationResponseFields(_Message):
    message_type: ClassVar[MessageType] = MessageType.NOTIFICATION_RESPONSE
    response_to_types: ClassVar[frozenset[MessageType]] = frozenset({MessageType.NOTIFICATION})
    response_type: str
    person: EcrisPerson | None = None
    fingerprints: BinaryAttachment | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class NotificationResponse(_NotificationResponseFields):
    """No fingerprints: only the Push variant carries them."""

    element_name: ClassVar[str] = "NotificationResponseMessage"
    operation: ClassVar[str] = "deliverNotificationResponse"


@dataclass(frozen=True, slots=True, kw_only=True)
class NotificationResponsePush(_NotificationResponseFields):
    element_name: ClassVar[str] = "NotificationResponsePushMessage"
    operation: ClassVar[str] = "deliverNotificationResponsePush"
    push: ClassVar[bool] = True


@dataclass(frozen=True, slots=True, kw_only=True)
class _RequestFields(_Message):
    message_type: ClassVar[MessageType] = MessageType.REQUEST
    person: EcrisPerson
    purpose_category: str
    purpose: MultilingualText
    requesting_authority: RequestingAuthority
    consent: YesNoUnknown = YesNoUnknown.UNKNOWN
    urgency: YesNoUnknown = YesNoUnknown.NO
    accusation_categories: tuple[str, ...] = ()
    accusation: MultilingualText = ()
    case_reference: str | None = None
    fingerprints: BinaryAttachment | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Request(_RequestFields):
    element_name: ClassVar[str] = "RequestMessage"
    operation: ClassVar[str] = "deliverRequest"


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestPush(_RequestFields):
    element_name: ClassVar[str] = "RequestPushMessage"
    operation: ClassVar[str] = "deliverRequestPush"
    push: ClassVar[bool] = True


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestDeadline(_Message):
    element_name: ClassVar[str] = "RequestDeadlineMessage"
    operation: ClassVar[str] = "deliverRequestDeadline"
    message_type: ClassVar[MessageType] = MessageType.REQUEST_DEADLINE
    response_to_types: ClassVar[frozenset[MessageType]] = frozenset({MessageType.REQUEST})
    deadline: date


@dataclass(frozen=True, slots=True, kw_only=True)
class _RequestResponseFields(_Message):
    message_type: ClassVar[MessageType] = MessageType.REQUEST_RESPONSE
    response_to_types: ClassVar[frozenset[MessageType]] = frozenset({MessageType.REQUEST})
    person: EcrisPerson
    response_type: str
    convictions: tuple[EcrisConviction, ...] = ()
    other_member_states: tuple[str, ...] = ()
    fingerprints: BinaryAttachment | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestResponse(_RequestResponseFields):
    """No fingerprints: only the Push variant carries them."""

    element_name: ClassVar[str] = "RequestResponseMessage"
    operation: ClassVar[str] = "deliverRequestResponse"


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestResponsePush(_RequestResponseFields):
    element_name: ClassVar[str] = "RequestResponsePushMessage"
    operation: ClassVar[str] = "deliverRequestResponsePush"
    push: ClassVar[bool] = True


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestAdditionalInfo(_Message):
    element_name: ClassVar[str] = "RequestAdditionalInfoMessage"
    operation: ClassVar[str] = "deliverRequestAdditionalInfo"
    message_type: ClassVar[MessageType] = MessageType.REQUEST_ADDITIONAL_INFO
    response_to_types: ClassVar[frozenset[MessageType]] = frozenset(
        {MessageType.REQUEST, MessageType.NOTIFICATION}
    )
    requested: tuple[AdditionalInformation, ...]
    binary_id_requested: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class _AdditionalInfoResponseFields(_Message):
    message_type: ClassVar[MessageType] = MessageType.REQUEST_ADDITIONAL_INFO_RESPONSE
    response_to_types: ClassVar[frozenset[MessageType]] = frozenset({MessageType.REQUEST_ADDITIONAL_INFO})
    response_type: str
    person: EcrisPerson | None = None
    request_purpose: MultilingualText = ()
    fingerprints: BinaryAttachment | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestAdditionalInfoResponse(_AdditionalInfoResponseFields):
    element_name: ClassVar[str] = "RequestAdditionalInfoResponseMessage"
    operation: ClassVar[str] = "deliverRequestAdditionalInfoResponse"


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestAdditionalInfoResponsePush(_AdditionalInfoResponseFields):
    element_name: ClassVar[str] = "RequestAdditionalInfoResponsePushMessage"
    operation: ClassVar[str] = "deliverRequestAdditionalInfoResponsePush"
    push: ClassVar[bool] = True


@dataclass(frozen=True, slots=True, kw_only=True)
class FunctionalError(_Message):
    element_name: ClassVar[str] = "FunctionalErrorMessage"
    operation: ClassVar[str] = "deliverFunctionalError"
    message_type: ClassVar[MessageType] = MessageType.FUNCTIONAL_ERROR
    response_to_types: ClassVar[frozenset[MessageType]] = _CORRELATED
    errors: tuple[FunctionalErrorEntry, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Cancellation(_Message):
    element_name: ClassVar[str] = "CancellationMessage"
    operation: ClassVar[str] = "deliverCancellation"
    message_type: ClassVar[MessageType] = MessageType.CANCELLATION
    response_to_types: ClassVar[frozenset[MessageType]] = frozenset(
        {
            MessageType.REQUEST,
            MessageType.REQUEST_RESPONSE,
            MessageType.NOTIFICATION,
            MessageType.NOTIFICATION_RESPONSE,
        }
    )


@dataclass(frozen=True, slots=True)
class IsAlive:
    """The liveness probe and its synchronous answer (same element, ``is_alive`` True in the answer)."""

    element_name: ClassVar[str] = "IsAliveMessage"
    operation: ClassVar[str] = "isAlive"
    message_type: ClassVar[MessageType] = MessageType.IS_ALIVE
    response_to_types: ClassVar[frozenset[MessageType]] = frozenset()
    push: ClassVar[bool] = False

    metadata: MessageMetadata
    is_alive: bool = True


EcrisMessage = (
    Request
    | RequestPush
    | RequestDeadline
    | RequestResponse
    | RequestResponsePush
    | Notification
    | NotificationPush
    | NotificationResponse
    | NotificationResponsePush
    | RequestAdditionalInfo
    | RequestAdditionalInfoResponse
    | RequestAdditionalInfoResponsePush
    | FunctionalError
    | Cancellation
    | IsAlive
)

MESSAGE_CLASSES: tuple[type[EcrisMessage], ...] = (
    Request,
    RequestPush,
    RequestDeadline,
    RequestResponse,
    RequestResponsePush,
    Notification,
    NotificationPush,
    NotificationResponse,
    NotificationResponsePush,
    RequestAdditionalInfo,
    RequestAdditionalInfoResponse,
    RequestAdditionalInfoResponsePush,
    FunctionalError,
    Cancellation,
    IsAlive,
)

MESSAGE_CLASS_BY_ELEMENT: dict[str, type[EcrisMessage]] = {cls.element_name: cls for cls in MESSAGE_CLASSES}
MESSAGE_CLASS_BY_OPERATION: dict[str, type[EcrisMessage]] = {cls.operation: cls for cls in MESSAGE_CLASSES}
MESSAGE_TYPE_BY_ELEMENT: dict[str, MessageType] = {
    cls.element_name: cls.message_type for cls in MESSAGE_CLASSES
}


def reply_id(to: MessageId, message_type: MessageType, serial: int) -> MessageId:
    """The ID of a reply: sender and receiver swapped (``FR-LU-RRS-…`` answers ``LU-FR-REQ-…``)."""
    return MessageId(to.receiver, to.sender, message_type, serial)
