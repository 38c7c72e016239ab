"""Use case: put an outbound ECRIS message in the outbox under a message ID allocated once.

The ID (``SS-RR-TTT-nnnnnnnnnnnnnnn``) is allocated from the store's serial and written with the message in
the caller's transaction; the sender only ever delivers what is stored, so a message never travels under
two IDs (ECRIS-NOTES §3).
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.clock import Clock
from gateway.errors import InvalidRequest
from gateway.model.exchange import (
    FunctionalError,
    FunctionalErrorEntry,
    MessageId,
    MessageMetadata,
    MessageType,
    Text,
)
from gateway.ports import Outbox

MAX_ERROR_TEXT = 4000


def new_message_id(outbox: Outbox, *, sender: str, receiver: str, message_type: MessageType) -> MessageId:
    """A fresh message ID from ``sender`` (our Member State) to ``receiver``; never one addressed to
    ourselves (a reply to a message that claimed our own State as its sender would be)."""
    if sender == receiver:
        raise InvalidRequest(f"{sender} does not send ECRIS messages to itself")
    return MessageId(sender, receiver, message_type, outbox.next_serial())


def reply_metadata(
    outbox: Outbox, *, member_state: str, clock: Clock, answering: MessageId, message_type: MessageType
) -> MessageMetadata:
    """Metadata of a reply to ``answering``: our ID towards its sender, ``ResponseTo`` = its ID."""
    message_id = new_message_id(outbox, sender=member_state, receiver=answering.sender, message_type=message_type)
    return MessageMetadata(message_id, clock.now(), response_to=answering)


def contract_text(text: str) -> str:
    """Free text the contract accepts: no ``<``/``>`` (commons:StringType), not blank, at most 4000."""
    cleaned = text.replace("<", "‹").replace(">", "›").strip() or "-"
    return cleaned[:MAX_ERROR_TEXT]


def queue_functional_error(
    outbox: Outbox,
    *,
    member_state: str,
    clock: Clock,
    answering: MessageId,
    errors: Sequence[tuple[str, str]],
) -> MessageId:
    """Queue a FunctionalErrorMessage answering ``answering`` with ``errors`` as (FE code, English text).

    One entry per code (``FunctionalErrorCode`` is an ``xsd:ID``: a code may appear once per message).
    """
    by_code: dict[str, list[str]] = {}
    for code, text in errors:
        by_code.setdefault(code, []).append(text)
    entries = tuple(
        FunctionalErrorEntry(code, (Text(contract_text("; ".join(texts)), "en"),))
        for code, texts in by_code.items()
    )
    metadata = reply_metadata(
        outbox, member_state=member_state, clock=clock, answering=answering,
        message_type=MessageType.FUNCTIONAL_ERROR,
    )
    outbox.queue(FunctionalError(metadata=metadata, errors=entries))
    return metadata.message_id
