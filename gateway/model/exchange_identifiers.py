"""``xsd:ID`` / ``xsd:IDREF`` semantics of an outbound message, checked on the model before encoding.

libxml2 checks neither on element content, so the gateway checks them itself: inbound messages in one
pass over the element (``adapters/xml/codec/checks.py``), outbound ones here, on the model it is about to
encode — a few set operations instead of a walk over the tree. Both follow the same contract rules, and
a test runs both over the same corpus so they cannot drift apart:

- every ID (message ID, ResponseTo, conviction, decision, offence, sanction, binary attachment, functional
  error code) is unique in the message;
- a relationship names a decision, offence or sanction of its own conviction;
- ``UpdatedConvictionReference`` and ``OtherAffectedConviction/SourceConviction`` name a conviction of the
  message.
"""

from __future__ import annotations

from collections.abc import Iterable

from gateway.model.exchange import (
    DecisionToOffences,
    DecisionToSanctions,
    EcrisConviction,
    EcrisMessage,
    FunctionalError,
    Notification,
    NotificationPush,
    RequestResponse,
    RequestResponsePush,
    SanctionToOffences,
    SanctionToSanctions,
)


def _convictions(message: EcrisMessage) -> tuple[EcrisConviction, ...]:
    if isinstance(message, Notification | NotificationPush):
        return (message.conviction,)
    if isinstance(message, RequestResponse | RequestResponsePush):
        return message.convictions
    return ()


def _relationship_references(conviction: EcrisConviction) -> Iterable[tuple[str, str]]:
    for relation in conviction.relationships:
        if isinstance(relation, DecisionToOffences):
            yield "decision", relation.decision
            yield from (("offence", o) for o in relation.offences)
        elif isinstance(relation, DecisionToSanctions):
            yield "decision", relation.decision
            yield from (("sanction", s) for s in relation.sanctions)
        elif isinstance(relation, SanctionToOffences):
            yield "sanction", relation.sanction
            yield from (("offence", o) for o in relation.offences)
        elif isinstance(relation, SanctionToSanctions):
            yield "sanction", relation.source
            yield from (("sanction", s) for s in relation.destinations)


def identifier_problems(message: EcrisMessage) -> list[str]:
    """The ID and reference problems of ``message`` (empty when it may be encoded and sent)."""
    problems: list[str] = []
    seen: set[str] = set()

    def declare(identifier: str) -> None:
        if identifier in seen:
            problems.append(f"identifier {identifier} is used twice")
        seen.add(identifier)

    metadata = message.metadata
    declare(str(metadata.message_id))
    if metadata.response_to is not None:
        declare(str(metadata.response_to))
    convictions = _convictions(message)
    for conviction in convictions:
        declare(conviction.id)
        own = {
            "decision": [d.id for d in conviction.decisions],
            "offence": [o.id for o in conviction.offences],
            "sanction": [s.id for s in conviction.sanctions],
        }
        for identifiers in own.values():
            for identifier in identifiers:
                declare(identifier)
        for kind, identifier in _relationship_references(conviction):
            if identifier not in own[kind]:
                problems.append(
                    f"conviction {conviction.id}: a relationship names {kind} {identifier}, which the conviction lacks"
                )
    conviction_ids = {c.id for c in convictions}
    referenced: list[str] = []
    if isinstance(message, Notification | NotificationPush):
        if message.updated_conviction is not None and message.updated_conviction.ecris_id is not None:
            referenced.append(message.updated_conviction.ecris_id)
        if message.other_affected is not None:
            referenced.append(message.other_affected.source)
    problems.extend(
        f"the reference to conviction {r} names no conviction of this message" for r in referenced if r not in conviction_ids
    )
    fingerprints = getattr(message, "fingerprints", None)
    if fingerprints is not None:
        declare(fingerprints.id)
    binary_requested = getattr(message, "binary_id_requested", None)
    if binary_requested is not None:
        declare(binary_requested)
    if isinstance(message, FunctionalError):
        for entry in message.errors:
            declare(entry.code)
    return problems
