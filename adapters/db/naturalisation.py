"""The naturalisation transfers (Art 14(3)): ``naturalisation_transfers``, ``naturalisation_persons`` and
``naturalisation_requests``; the supplied extracts kept as register decisions (register format)."""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from adapters.db.tables import naturalisation_persons, naturalisation_requests, naturalisation_transfers
from adapters.files.register_format import decision_from_json, decision_to_json
from gateway.ports import (
    NaturalisationPersonRecord,
    NaturalisationPersonState,
    NaturalisationRequest,
    NaturalisationRequestOutcome,
    NaturalisationTransfer,
)

_T = naturalisation_transfers
_P = naturalisation_persons
_Q = naturalisation_requests


def _transfer(row: Any) -> NaturalisationTransfer:
    return NaturalisationTransfer(id=row.id, year=row.year, reference=row.reference, source=row.source,
                                  started_at=row.started_at, rows=row.rows)


def _person(row: Any) -> NaturalisationPersonRecord:
    return NaturalisationPersonRecord(
        transfer_id=row.transfer_id, row_index=row.row_index, person_id=row.person_id,
        state=NaturalisationPersonState(row.state), actions=tuple(row.actions), requests_sent=row.requests_sent,
        convictions_inscribed=row.convictions_inscribed, problems=tuple(row.problems))


def _person_values(record: NaturalisationPersonRecord) -> dict[str, Any]:
    return {"person_id": record.person_id, "state": record.state.value, "actions": list(record.actions),
            "requests_sent": record.requests_sent, "convictions_inscribed": record.convictions_inscribed,
            "problems": list(record.problems)}


def _request(row: Any) -> NaturalisationRequest:
    return NaturalisationRequest(
        message_id=row.message_id, transfer_id=row.transfer_id, row_index=row.row_index, person_id=row.person_id,
        country=row.country, extract_date=row.extract_date,
        extract=tuple(decision_from_json(d) for d in row.extract),
        outcome=NaturalisationRequestOutcome(row.outcome), settled_at=row.settled_at)


class SqlNaturalisationLedger:
    """``gateway.ports.NaturalisationLedger`` over the unit of work's connection."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def transfer(self, transfer_id: str) -> NaturalisationTransfer | None:
        row = self._db.execute(select(_T).where(_T.c.id == transfer_id)).first()
        return None if row is None else _transfer(row)

    def start_transfer(self, transfer: NaturalisationTransfer) -> None:
        self._db.execute(insert(_T), {"id": transfer.id, "year": transfer.year, "reference": transfer.reference,
                                      "source": transfer.source, "started_at": transfer.started_at,
                                      "rows": transfer.rows})

    def transfers(self, *, year: int | None = None) -> builtins.list[NaturalisationTransfer]:
        query = select(_T).order_by(_T.c.started_at, _T.c.id)
        if year is not None:
            query = query.where(_T.c.year == year)
        return [_transfer(row) for row in self._db.execute(query)]

    def rows_done(self, transfer_id: str) -> set[int]:
        return set(self._db.execute(select(_P.c.row_index).where(_P.c.transfer_id == transfer_id)).scalars())

    def record_person(self, record: NaturalisationPersonRecord) -> None:
        self._db.execute(insert(_P), {"transfer_id": record.transfer_id, "row_index": record.row_index,
                                      **_person_values(record)})

    def person_rows(self, transfer_id: str) -> builtins.list[NaturalisationPersonRecord]:
        query = select(_P).where(_P.c.transfer_id == transfer_id).order_by(_P.c.row_index)
        return [_person(row) for row in self._db.execute(query)]

    def person_row(self, transfer_id: str, row_index: int) -> NaturalisationPersonRecord | None:
        row = self._db.execute(select(_P).where(_P.c.transfer_id == transfer_id,
                                                _P.c.row_index == row_index)).first()
        return None if row is None else _person(row)

    def update_person(self, record: NaturalisationPersonRecord) -> None:
        self._db.execute(update(_P).where(_P.c.transfer_id == record.transfer_id,
                                          _P.c.row_index == record.row_index).values(**_person_values(record)))

    def record_request(self, request: NaturalisationRequest) -> None:
        self._db.execute(insert(_Q), {
            "message_id": request.message_id, "transfer_id": request.transfer_id, "row_index": request.row_index,
            "person_id": request.person_id, "country": request.country, "extract_date": request.extract_date,
            "extract": [decision_to_json(d) for d in request.extract], "outcome": request.outcome.value,
            "settled_at": request.settled_at})

    def request(self, message_id: str) -> NaturalisationRequest | None:
        row = self._db.execute(select(_Q).where(_Q.c.message_id == message_id)).first()
        return None if row is None else _request(row)

    def requests(self, *, transfer_id: str | None = None, row_index: int | None = None,
                 outcome: NaturalisationRequestOutcome | None = None) -> builtins.list[NaturalisationRequest]:
        query = select(_Q).order_by(_Q.c.transfer_id, _Q.c.row_index, _Q.c.message_id)
        if transfer_id is not None:
            query = query.where(_Q.c.transfer_id == transfer_id)
        if row_index is not None:
            query = query.where(_Q.c.row_index == row_index)
        if outcome is not None:
            query = query.where(_Q.c.outcome == outcome.value)
        return [_request(row) for row in self._db.execute(query)]

    def settle_request(self, message_id: str, *, outcome: NaturalisationRequestOutcome, at: datetime) -> None:
        self._db.execute(update(_Q).where(_Q.c.message_id == message_id).values(outcome=outcome.value,
                                                                                settled_at=at))
