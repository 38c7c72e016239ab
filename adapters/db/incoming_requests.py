"""The ledger of Art 15 requests received (Arts 15, 16): ``SqlIncomingRequestLedger`` over ``incoming_requests``."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, insert, select, update

from adapters.db.messaging.tables import inbox, outbox
from adapters.db.tables import incoming_requests
from gateway.model.exchange import EcrisMessage
from gateway.ports import IncomingRequest, IncomingRequestState, RequestExchange

MessageDecoder = Callable[[bytes], EcrisMessage | None]
"""Reads a journalled envelope back into the core's message (the composition root gives the reader)."""

_OPEN = (IncomingRequestState.RECEIVED.value, IncomingRequestState.AWAITING_IDENTIFICATION.value)


def _joined(values: Sequence[str]) -> str | None:
    return ",".join(values) or None


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(v for v in (text or "").split(",") if v)


def _values(request: IncomingRequest) -> dict[str, Any]:
    return {
        "message_id": request.message_id, "sender": request.sender, "purpose_code": request.purpose_code,
        "purpose_key": request.purpose_key, "urgent": request.urgent, "person_id": request.person_id,
        "received_at": request.received_at, "received_on": request.received_on,
        "clock_started_on": request.clock_started_on, "due_on": request.due_on, "state": request.state.value,
        "deadline_ids": _joined(request.deadline_ids), "additional_info_id": request.additional_info_id,
        "additional_info_asked": _joined(request.additional_info_asked),
        "additional_info_reply_id": request.additional_info_reply_id,
        "additional_info_reply_at": request.additional_info_reply_at, "response_id": request.response_id,
        "response_type": request.response_type, "answered_at": request.answered_at,
        "answered_by": request.answered_by,
    }


def _request(row: Any) -> IncomingRequest:
    return IncomingRequest(
        message_id=row.message_id, sender=row.sender, purpose_code=row.purpose_code, purpose_key=row.purpose_key,
        urgent=bool(row.urgent), person_id=row.person_id, received_at=row.received_at, received_on=row.received_on,
        clock_started_on=row.clock_started_on, due_on=row.due_on, state=IncomingRequestState(row.state),
        deadline_ids=_split(row.deadline_ids), additional_info_id=row.additional_info_id,
        additional_info_asked=_split(row.additional_info_asked),
        additional_info_reply_id=row.additional_info_reply_id, additional_info_reply_at=row.additional_info_reply_at,
        response_id=row.response_id, response_type=row.response_type, answered_at=row.answered_at,
        answered_by=row.answered_by,
    )


def _in_order(exchange: RequestExchange) -> tuple[Any, int, str]:
    """Oldest first; at the same instant (one transaction, a fixed clock) a reply received comes before what
    it caused, an answer last, and messages sent together in the order their IDs were allocated."""
    rank = 1 if exchange.direction == "incoming" else 2 if exchange.type.startswith("RequestResponse") else 0
    return exchange.at, rank, exchange.message_id[-15:]


class SqlIncomingRequestLedger:
    def __init__(self, connection: Connection, decoder: MessageDecoder | None = None) -> None:
        self._db = connection
        self._decode = decoder

    def add(self, request: IncomingRequest) -> None:
        self._db.execute(insert(incoming_requests).values(**_values(request)))

    def replace(self, request: IncomingRequest) -> None:
        values = _values(request)
        del values["message_id"]
        self._db.execute(update(incoming_requests)
                         .where(incoming_requests.c.message_id == request.message_id).values(**values))

    def get(self, message_id: str) -> IncomingRequest | None:
        row = self._db.execute(select(incoming_requests).where(incoming_requests.c.message_id == message_id)).first()
        return None if row is None else _request(row)

    def awaiting_reply_to(self, additional_info_id: str) -> IncomingRequest | None:
        row = self._db.execute(select(incoming_requests).where(
            incoming_requests.c.additional_info_id == additional_info_id,
            incoming_requests.c.state == IncomingRequestState.AWAITING_IDENTIFICATION.value,
        )).first()
        return None if row is None else _request(row)

    def list(self, *, open_only: bool = False) -> builtins.list[IncomingRequest]:
        query = select(incoming_requests).order_by(incoming_requests.c.due_on, incoming_requests.c.message_id)
        if open_only:
            query = query.where(incoming_requests.c.state.in_(_OPEN))
        return [_request(row) for row in self._db.execute(query)]

    def exchanges(self, request: IncomingRequest) -> builtins.list[RequestExchange]:
        sent_ids = [*request.deadline_ids, *(i for i in (request.additional_info_id, request.response_id) if i)]
        found = [RequestExchange(r.created_at, "outgoing", r.type, r.message_id) for r in self._db.execute(
            select(outbox.c.message_id, outbox.c.type, outbox.c.created_at).where(outbox.c.message_id.in_(sent_ids)))]
        reply_id, reply_at = request.additional_info_reply_id, request.additional_info_reply_at
        if reply_id is not None and reply_at is not None:  # when it was handled, as the ledger counts it
            found += [RequestExchange(reply_at, "incoming", r.type or "", r.message_id) for r in self._db.execute(
                select(inbox.c.message_id, inbox.c.type).where(inbox.c.message_id == reply_id).limit(1))]
        return sorted(found, key=_in_order)

    def request_message(self, message_id: str) -> EcrisMessage | None:
        if self._decode is None:
            raise RuntimeError("this unit of work was built without a message reader")
        body = self._db.execute(select(inbox.c.body).where(inbox.c.message_id == message_id)
                                .order_by(inbox.c.id).limit(1)).scalar()
        return None if body is None else self._decode(bytes(body))
