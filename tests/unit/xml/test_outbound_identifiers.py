"""The outbound ID check on the model agrees with the inbound one-pass check on the element."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from adapters.xml import codec
from gateway.clock import FixedClock
from gateway.errors import InvalidRequest
from gateway.model.exchange import (
    ConvictionReference,
    DecisionToOffences,
    EcrisMessage,
    FunctionalErrorEntry,
    MessageId,
    MessageType,
    Notification,
)
from gateway.model.exchange_identifiers import identifier_problems
from gateway.model.reference_tables import FunctionalErrorCode
from gateway.services.outbox import reply_metadata
from tests.samples import ecris_messages as samples


def _element_identifier_problems(message: EcrisMessage) -> list[str]:
    findings = codec.check(codec.encode(message), tables=None).errors
    return sorted(f.message for f in findings if f.code is FunctionalErrorCode.INVALID_IDENTIFIER)


def _with_conviction(message: Notification, **changes: object) -> Notification:
    return dataclasses.replace(message, conviction=dataclasses.replace(message.conviction, **changes))


def _duplicate_offence(message: Notification) -> Notification:
    offences = message.conviction.offences
    return _with_conviction(message, offences=(*offences, dataclasses.replace(offences[1], id=offences[0].id)))


def _offence_id_equal_to_sanction_id(message: Notification) -> Notification:
    offences = message.conviction.offences
    clash = dataclasses.replace(offences[0], id=message.conviction.sanctions[0].id)
    relationships = tuple(
        dataclasses.replace(r, offences=tuple(clash.id if o == offences[0].id else o for o in r.offences))
        if hasattr(r, "offences") else r
        for r in message.conviction.relationships
    )
    return _with_conviction(message, offences=(clash, *offences[1:]), relationships=relationships)


def _dangling_relationship(message: Notification) -> Notification:
    decision = message.conviction.decisions[0].id
    extra = DecisionToOffences(decision=decision, offences=("NO-SUCH-OFFENCE",))
    return _with_conviction(message, relationships=(*message.conviction.relationships, extra))


def _dangling_update(message: Notification) -> Notification:
    return dataclasses.replace(message, updated_conviction=ConvictionReference(ecris_id="LU-C-999999999999999"))


MUTATIONS = {
    "duplicate offence id": _duplicate_offence,
    "an offence id equal to a sanction id": _offence_id_equal_to_sanction_id,
    "a relationship naming no offence": _dangling_relationship,
    "an update naming no conviction of the message": _dangling_update,
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_outbound_model_check_finds_what_the_element_check_finds(name: str) -> None:
    broken = MUTATIONS[name](samples.notification("full"))
    model = sorted(identifier_problems(broken))
    assert model, f"{name}: the model check found nothing"
    assert model == _element_identifier_problems(broken)


@pytest.mark.parametrize(("name", "message"), samples.corpus(), ids=[n for n, _ in samples.corpus()])
def test_every_corpus_message_passes_both_identifier_checks(name: str, message: EcrisMessage) -> None:
    assert identifier_problems(message) == []
    assert _element_identifier_problems(message) == []


def test_a_functional_error_code_may_appear_once_per_message() -> None:
    message = samples.functional_error("one")
    twice = dataclasses.replace(message, errors=(*message.errors, FunctionalErrorEntry(message.errors[0].code)))
    assert identifier_problems(twice) == _element_identifier_problems(twice) != []


def test_the_outbox_writer_refuses_a_message_with_a_duplicate_id_before_encoding_it() -> None:
    from adapters.soap.messages import InvalidOutboundMessage, MessageWriter
    from adapters.xml.schemas import EcrisSchemas

    writer = MessageWriter(EcrisSchemas.load())
    assert writer(samples.notification("full")).startswith(b"<?xml")
    with pytest.raises(InvalidOutboundMessage, match="used twice"):
        writer(_duplicate_offence(samples.notification("full")))


class _Serials:
    def __init__(self) -> None:
        self.serial = 0

    def next_serial(self) -> int:
        self.serial += 1
        return self.serial


def test_a_reply_is_never_minted_to_ourselves_nor_in_another_states_name() -> None:
    """Issue 7 point 7: our IDs are only ever ``LU-XX-…``; answering an ID that claims LU as its sender
    allocates nothing."""
    serials = _Serials()
    clock = FixedClock(datetime(2026, 11, 23, tzinfo=UTC))
    reply = reply_metadata(serials, member_state="LU", clock=clock,  # type: ignore[arg-type]
                           answering=MessageId.parse("FR-LU-NOT-000000000000007"),
                           message_type=MessageType.NOTIFICATION_RESPONSE)
    assert str(reply.message_id).startswith("LU-FR-NRS-")
    with pytest.raises(InvalidRequest, match="LU does not send ECRIS messages to itself"):
        reply_metadata(serials, member_state="LU", clock=clock,  # type: ignore[arg-type]
                       answering=MessageId.parse("LU-LU-NOT-000000000000008"),
                       message_type=MessageType.FUNCTIONAL_ERROR)
    assert serials.serial == 1
