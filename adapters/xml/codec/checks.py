"""What the schema cannot check, in one pass over the message element.

- ``xsd:ID`` uniqueness and ``xsd:IDREF`` resolution on element content (libxml2 checks neither); relationship
  references must name a decision, offence or sanction of the *same* conviction;
- the message ID's type code against the message element, the Member State codes of the message ID against
  the parties (when known) and against ``ResponseTo`` (swapped in replies, kept in cancellations), and the
  kinds of message ``ResponseTo`` may name;
- the four relationship types the contract allows (the official schema accepts others);
- base64 fingerprint content (libxml2 does not check ``xsd:base64Binary``);
- reference-table codes: a well-formed code missing from the loaded tables is a *flag* for a clerk, an
  error in strict mode.
Findings name elements, identifiers and codes, never personal data.
"""

from __future__ import annotations

import binascii
import threading
from dataclasses import dataclass, field
from typing import Any

from gateway.model.exchange import (
    ALLOWED_RELATIONSHIP_TYPES,
    MESSAGE_CLASS_BY_ELEMENT,
    Cancellation,
    MessageId,
    MessageType,
)
from gateway.model.member_states import is_member_state
from gateway.model.reference_tables import TABLE_PATTERNS, FunctionalErrorCode, ReferenceTables, Table

from .conviction import relationship_type_name
from .namespaces import SVC_NS, XSI_TYPE, D, Element, M

_SVC_PREFIX = f"{{{SVC_NS}}}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, with the functional error code the gateway answers it with."""

    code: FunctionalErrorCode
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(slots=True)
class CheckResult:
    errors: list[Finding] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, code: FunctionalErrorCode, message: str) -> None:
        self.errors.append(Finding(code, message))


# Element tags whose text is an xsd:ID (unique in the whole document).
_ID_TAGS = frozenset(
    {
        M.MessageMetaDataMessageID,
        M.MessageMetaDataResponseTo,
        D.ConvictionID,
        D.DecisionID,
        D.OffenceID,
        D.SanctionID,
        M.BinaryAttachmentID,
        M.MessageDataBinaryIDRequested,
        M.FunctionalErrorCode,
    }
)
# IDs a relationship may point at, scoped to their conviction.
_SCOPED_ID_TAGS = {D.DecisionID: "decision", D.OffenceID: "offence", D.SanctionID: "sanction"}
_SCOPED_REF_TAGS = {
    D.Decision: "decision",
    D.Offence: "offence",
    D.Sanction: "sanction",
    D.SourceSanction: "sanction",
    D.DestinationSanction: "sanction",
}

_CODE_TAGS: dict[str, Table] = {
    D.PlaceCountryReference: Table.COUNTRIES,
    D.PersonNationalityReference: Table.COUNTRIES,
    D.ConvictionConvictingCountryReference: Table.COUNTRIES,
    D.PlaceCountrySubdivisionReference: Table.COUNTRY_SUBDIVISIONS,
    D.PlaceTownReference: Table.CITIES,
    D.OffenceCommonCategoryReference: Table.OFFENCE_CATEGORIES,
    M.MessageDataAccusationOffenceCategoryReference: Table.OFFENCE_CATEGORIES,
    D.OffenceLevelOfCompletionReference: Table.LEVELS_OF_COMPLETION,
    D.OffenceLevelOfParticipationReference: Table.LEVELS_OF_PARTICIPATION,
    D.SanctionTypeReference: Table.SANCTION_NATURES,
    D.SanctionCommonCategoryReference: Table.SANCTION_CATEGORIES,
    D.SanctionAlternativeTypeReference: Table.SANCTION_ALTERNATIVE_TYPES,
    D.SanctionSuspensionTypeReference: Table.SUSPENSION_TYPES,
    D.SanctionCurrencyOfFineReference: Table.CURRENCIES,
    D.DecisionChangeTypeReference: Table.DECISION_CHANGE_TYPES,
    D.IdentificationDocumentCategoryReference: Table.IDENTIFICATION_DOCUMENT_CATEGORIES,
    M.MessageDataRequestPurposeCategoryReference: Table.REQUEST_PURPOSES,
    M.RequestingAuthorityTypeReference: Table.REQUESTING_AUTHORITY_TYPES,
    M.MessageDataRequestResponseTypeReference: Table.REQUEST_RESPONSE_TYPES,
    M.MessageDataNotificationResponseTypeReference: Table.NOTIFICATION_RESPONSE_TYPES,
    M.MessageDataRequestAdditionalInfoResponseTypeReference: Table.ADDITIONAL_INFO_RESPONSE_TYPES,
    M.FunctionalErrorCode: Table.FUNCTIONAL_ERRORS,
}

_OTHER_TAGS = frozenset(
    {
        D.ConvictionRelationship,
        M.SourceConviction,
        M.ECRISConvictionReference,
        M.MessageMetaDataTimestamp,
        M.MessageDataOtherMemberState,
        M.BinaryAttachmentContent,
    }
)
_INTERESTING = frozenset(_ID_TAGS | set(_SCOPED_REF_TAGS) | set(_CODE_TAGS) | _OTHER_TAGS)

# What the one pass does with each interesting element: (action, argument).
_ID, _SCOPED_REF, _CODE, _RELATIONSHIP, _SOURCE_CONVICTION, _ECRIS_REFERENCE, _TIMESTAMP, _MEMBER_STATE = range(8)
_CONTENT = 8
_ACTIONS: dict[str, tuple[int, Any]] = {
    **{tag: (_CODE, table) for tag, table in _CODE_TAGS.items()},
    **{tag: (_SCOPED_REF, kind) for tag, kind in _SCOPED_REF_TAGS.items()},
    **dict.fromkeys(_ID_TAGS, (_ID, None)),
    D.ConvictionRelationship: (_RELATIONSHIP, None),
    M.SourceConviction: (_SOURCE_CONVICTION, None),
    M.ECRISConvictionReference: (_ECRIS_REFERENCE, None),
    M.MessageMetaDataTimestamp: (_TIMESTAMP, None),
    M.MessageDataOtherMemberState: (_MEMBER_STATE, None),
    M.BinaryAttachmentContent: (_CONTENT, None),
}
assert set(_ACTIONS) == _INTERESTING
_INTERESTING_TAGS = tuple(sorted(_INTERESTING))
"""Handed to ``iter``: libxml2 then skips the other elements without making Python objects for them."""


class _KnownCodes:
    """Per loaded tables, the codes that are well-formed and known: their check is a set lookup.

    Everything else goes through ``ReferenceTables.check``, which words the error or the flag.
    """

    def __init__(self) -> None:
        self._tables: ReferenceTables | None = None
        self._known: dict[Table, frozenset[str]] = {}
        self._lock = threading.Lock()

    def of(self, tables: ReferenceTables) -> dict[Table, frozenset[str]]:
        with self._lock:
            if self._tables is not tables:
                self._known = {
                    table: frozenset(c for c in tables.codes.get(table, {}) if pattern.fullmatch(c))
                    for table, pattern in TABLE_PATTERNS.items()
                }
                self._tables = tables  # keeps the object alive: its id cannot be reused
            return self._known


_KNOWN_CODES = _KnownCodes()
_NO_CODES: dict[Table, frozenset[str]] = dict.fromkeys(Table, frozenset())


def check(
    element: Element,
    *,
    tables: ReferenceTables | None = None,
    strict: bool = False,
    expected_sender: str | None = None,
    expected_receiver: str | None = None,
) -> CheckResult:
    """All the checks above; ``tables`` None skips the code-table lookups (patterns are the schema's job)."""
    result = CheckResult()
    tag = element.tag
    name = tag[len(_SVC_PREFIX) :] if isinstance(tag, str) and tag.startswith(_SVC_PREFIX) else None
    cls = MESSAGE_CLASS_BY_ELEMENT.get(name or "")
    if cls is None:
        result.error(FunctionalErrorCode.UNSUPPORTED_MESSAGE, "the element is not an ECRIS message")
        return result

    seen_ids: set[str] = set()
    conviction_ids: set[str] = set()
    scoped_ids: set[tuple[str, str, str]] = set()
    scoped_refs: list[tuple[str, str, str]] = []
    conviction_refs: list[str] = []
    current_conviction = ""
    message_id_text = response_to_text = timestamp_text = None
    codes: list[tuple[Table, str]] = []
    member_states: list[str] = []

    # Codes known to the tables (and well-formed) need no more than a set lookup; the others are checked
    # after the pass, in document order, so that ``ReferenceTables.check`` words each error or flag.
    known = _KNOWN_CODES.of(tables) if tables is not None else _NO_CODES
    actions = _ACTIONS
    for node in element.iter(*_INTERESTING_TAGS):
        node_tag = node.tag
        action, argument = actions[node_tag]
        text = node.text
        if action == _CODE:
            value = text.strip() if text else ""
            if value and value not in known[argument]:  # empty: the schema default, a known value
                codes.append((argument, value))
        elif action == _ID:
            value = text.strip() if text else ""
            if value in seen_ids:
                result.error(FunctionalErrorCode.INVALID_IDENTIFIER, f"identifier {value} is used twice")
            seen_ids.add(value)
            if node_tag == M.MessageMetaDataMessageID:
                message_id_text = value
            elif node_tag == M.MessageMetaDataResponseTo:
                response_to_text = value
            elif node_tag == D.ConvictionID:
                current_conviction = value
                conviction_ids.add(value)
            elif node_tag in _SCOPED_ID_TAGS:
                scoped_ids.add((current_conviction, _SCOPED_ID_TAGS[node_tag], value))
            elif node_tag == M.FunctionalErrorCode:
                codes.append((Table.FUNCTIONAL_ERRORS, value))
        elif action == _SCOPED_REF:
            scoped_refs.append((current_conviction, argument, text.strip() if text else ""))
        elif action == _RELATIONSHIP:
            type_name = relationship_type_name(node)
            if type_name not in ALLOWED_RELATIONSHIP_TYPES:
                result.error(
                    FunctionalErrorCode.RELATIONSHIP_NOT_ALLOWED,
                    f"conviction {current_conviction}: a ConvictionRelationship has the type "
                    f"{(node.get(XSI_TYPE) or 'none').strip()}, not one of the four the contract allows",
                )
            relation = node.get("relationshipTypeReference")
            if relation is not None:
                codes.append((Table.SANCTION_RELATIONSHIP_TYPES, relation.strip()))
        elif action == _SOURCE_CONVICTION:
            conviction_refs.append(text.strip() if text else "")
        elif action == _ECRIS_REFERENCE:
            parent = node.getparent()
            if parent is not None and parent.tag == M.MessageDataUpdatedConvictionReference:
                conviction_refs.append(text.strip() if text else "")
        elif action == _TIMESTAMP:
            timestamp_text = text.strip() if text else ""
        elif action == _MEMBER_STATE:
            member_states.append(text.strip() if text else "")
        elif action == _CONTENT and not _is_base64(text or ""):
            # libxml2 accepts any text as xsd:base64Binary; the contract does not.
            result.error(FunctionalErrorCode.INVALID_CONTENT, "BinaryAttachmentContent is not base64")

    for conviction, kind, value in scoped_refs:
        if (conviction, kind, value) not in scoped_ids:
            result.error(
                FunctionalErrorCode.INVALID_IDENTIFIER,
                f"conviction {conviction}: a relationship names {kind} {value}, which the conviction lacks",
            )
    for value in conviction_refs:
        if value not in conviction_ids:
            result.error(
                FunctionalErrorCode.INVALID_IDENTIFIER,
                f"the reference to conviction {value} names no conviction of this message",
            )

    _check_ids(result, cls, message_id_text, response_to_text, expected_sender, expected_receiver)
    if timestamp_text and not (timestamp_text.endswith("Z") or _has_offset(timestamp_text)):
        result.flags.append("MessageMetaDataTimestamp has no time zone (read as UTC)")
    for state in member_states:
        if not is_member_state(state):
            result.flags.append(f"MessageDataOtherMemberState {state} is not a known Member State code")
    if tables is not None:
        for table, value in codes:
            if value in known[table]:
                continue
            verdict = tables.check(table, value, strict=strict)
            if verdict.error is not None:
                result.error(FunctionalErrorCode.UNKNOWN_CODE, verdict.error)
            elif verdict.flag is not None:
                result.flags.append(verdict.flag)
    return result


def _is_base64(text: str) -> bool:
    try:
        binascii.a2b_base64("".join(text.split()), strict_mode=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _has_offset(timestamp: str) -> bool:
    tail = timestamp[-6:]
    return len(tail) == 6 and tail[0] in "+-" and tail[3] == ":"


def _check_ids(  # noqa: PLR0917
    result: CheckResult,
    cls: type,
    message_id_text: str | None,
    response_to_text: str | None,
    expected_sender: str | None,
    expected_receiver: str | None,
) -> None:
    mismatch = FunctionalErrorCode.MESSAGE_ID_MISMATCH
    message_type: MessageType = cls.message_type  # type: ignore[attr-defined]
    response_to_types: frozenset[MessageType] = cls.response_to_types  # type: ignore[attr-defined]
    element_name: str = cls.element_name  # type: ignore[attr-defined]
    try:
        message_id = MessageId.parse(message_id_text or "")
    except ValueError:
        result.error(mismatch, "MessageMetaDataMessageID is not an ECRIS message ID")
        return
    if message_id.type is not message_type:
        result.error(
            mismatch,
            f"message ID {message_id} has type {message_id.type.value}; a {element_name} has {message_type.value}",
        )
    if message_id.sender == message_id.receiver:
        result.error(mismatch, f"message ID {message_id} names the same Member State as sender and receiver")
    for role, state in (("sender", message_id.sender), ("receiver", message_id.receiver)):
        if not is_member_state(state):
            result.flags.append(f"message ID {role} {state} is not a known Member State code")
    if expected_sender is not None and message_id.sender != expected_sender:
        result.error(mismatch, f"message ID {message_id} does not come from {expected_sender}")
    if expected_receiver is not None and message_id.receiver != expected_receiver:
        result.error(mismatch, f"message ID {message_id} is not addressed to {expected_receiver}")
    if response_to_text is None:
        if response_to_types:
            result.error(FunctionalErrorCode.UNKNOWN_CORRELATION, f"a {element_name} needs a ResponseTo")
        return
    try:
        response_to = MessageId.parse(response_to_text)
    except ValueError:
        result.error(FunctionalErrorCode.UNKNOWN_CORRELATION, "MessageMetaDataResponseTo is not a message ID")
        return
    if not response_to_types:
        result.error(FunctionalErrorCode.INVALID_CONTENT, f"a {element_name} answers no message")
    elif response_to.type not in response_to_types:
        allowed = ", ".join(sorted(t.value for t in response_to_types))
        result.error(
            FunctionalErrorCode.UNKNOWN_CORRELATION,
            f"a {element_name} cannot answer a {response_to.type.value} (only {allowed})",
        )
    if cls is Cancellation:
        same_parties = (response_to.sender, response_to.receiver) == (message_id.sender, message_id.receiver)
        if not same_parties:
            result.error(mismatch, f"cancellation {message_id} cancels {response_to}, not its own message")
    elif (response_to.sender, response_to.receiver) != (message_id.receiver, message_id.sender):
        result.error(mismatch, f"reply {message_id} answers {response_to}: the Member States are not swapped")
