"""The requests Luxembourg sent (Art 13) and the own-record requests it forwarded (Art 14): the
``outgoing_requests`` table, the convictions of each answer kept as register decisions (register format)."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from adapters.db.tables import outgoing_requests
from adapters.files.register_format import decision_from_json, decision_to_json
from gateway.model.conviction import Decision
from gateway.ports import OutgoingRequest, OutgoingRequestState

_R = outgoing_requests


def _request(row: Any) -> OutgoingRequest:
    return OutgoingRequest(
        message_id=row.message_id, to=row.receiver, person_id=row.person_id, purpose_key=row.purpose_key,
        purpose_code=row.purpose_code, authority=row.authority, consent=row.consent, urgent=row.urgent,
        own_record=row.own_record, sent_at=row.sent_at, expected_by=row.expected_by,
        state=OutgoingRequestState(row.state), bulletin_number=row.bulletin_number,
        announced_deadline=row.announced_deadline, response_id=row.response_id, response_type=row.response_type,
        answered_at=row.answered_at,
        convictions=tuple(decision_from_json(d) for d in row.convictions or ()),
        note=row.note,
    )


class SqlOutgoingRequestLog:
    """``gateway.ports.OutgoingRequestLog`` over the unit of work's connection."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def record(self, request: OutgoingRequest) -> None:
        # Parameters passed apart from the statement: its compiled form is cached across calls.
        self._db.execute(insert(_R), {
            "message_id": request.message_id, "receiver": request.to, "person_id": request.person_id,
            "purpose_key": request.purpose_key, "purpose_code": request.purpose_code, "authority": request.authority,
            "consent": request.consent, "urgent": request.urgent, "own_record": request.own_record,
            "bulletin_number": request.bulletin_number, "sent_at": request.sent_at,
            "expected_by": request.expected_by, "state": request.state.value,
            "announced_deadline": request.announced_deadline,
            "convictions": [decision_to_json(d) for d in request.convictions], "note": request.note,
        })

    def get(self, message_id: str) -> OutgoingRequest | None:
        row = self._db.execute(select(_R).where(_R.c.message_id == message_id)).first()
        return None if row is None else _request(row)

    def list(self, *, person_id: str | None = None, own_record: bool | None = None) -> builtins.list[OutgoingRequest]:
        query = select(_R).order_by(_R.c.seq)
        if person_id is not None:
            query = query.where(_R.c.person_id == person_id)
        if own_record is not None:
            query = query.where(_R.c.own_record == own_record)
        return [_request(row) for row in self._db.execute(query)]

    def record_answer(self, message_id: str, *, response_id: str, response_type: str,
                      convictions: Sequence[Decision], note: str | None, at: datetime,
                      state: OutgoingRequestState = OutgoingRequestState.ANSWERED) -> None:
        self._db.execute(update(_R).where(_R.c.message_id == message_id).values(
            state=state.value, response_id=response_id, response_type=response_type, answered_at=at,
            convictions=[decision_to_json(d) for d in convictions], note=note,
        ))

    def record_deadline(self, message_id: str, deadline: date) -> None:
        self._db.execute(update(_R).where(_R.c.message_id == message_id).values(announced_deadline=deadline))

    def update(self, message_id: str, *, state: OutgoingRequestState | None = None,
               expected_by: date | None = None, note: str | None = None) -> None:
        values: dict[str, Any] = {}
        if state is not None:
            values["state"] = state.value
        if expected_by is not None:
            values["expected_by"] = expected_by
        if note is not None:
            values["note"] = note
        if values:
            self._db.execute(update(_R).where(_R.c.message_id == message_id).values(**values))
