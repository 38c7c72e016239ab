"""The clerk's identification queue and the identity index that finds candidates (Art 1(2) 2), Art 3).

- ``person_keys``: for each person held, the keys identification searches by (``gateway.law.identification
  .person_keys``: surnames, former surnames and aliases without accents or case; the complete birth date),
  rewritten with the person by ``SqlPersonRepository``.
- ``identifications``: notifications whose person a clerk must name; the message stays in the inbox journal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Column, Connection, Index, Integer, String, Table, Text, insert, select, update

from adapters.db.tables import metadata
from adapters.db.types import JsonDocument, UtcDateTime
from gateway.clock import Clock
from gateway.law.identification import person_keys as identity_keys
from gateway.model.partial_date import PartialDate
from gateway.model.person import Person
from gateway.ports import IdentificationState, PendingIdentification

NAME_KEY = "name"
BIRTH_KEY = "birth"

person_keys = Table(
    "person_keys",
    metadata,
    Column("person_id", String(64), primary_key=True),
    Column("kind", String(8), primary_key=True),
    Column("key", String(200), primary_key=True),
    Index("ix_person_keys_lookup", "kind", "key"),
)

identifications = Table(
    "identifications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("message_id", String(64), nullable=False, index=True),
    Column("sender", String(8), nullable=False),
    Column("conviction_id", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("candidates", JsonDocument, nullable=False),
    Column("state", String(16), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("person_id", String(64), nullable=True),
    Column("reply_id", String(64), nullable=True),
    Column("resolved_at", UtcDateTime, nullable=True),
    Column("resolved_by", String(128), nullable=True),
)


def name_key_of(surname_key: str, birth: PartialDate | None) -> str:
    """A surname key with the birth year (``*`` when unknown): candidates born another year are never read."""
    return f"{surname_key[:190]}|{'*' if birth is None else birth.year}"


def key_rows(persons: Sequence[Person]) -> list[dict[str, str]]:
    """The ``person_keys`` rows of these persons: each surname key with the birth year; the complete
    birth date."""
    rows: list[dict[str, str]] = []
    for person in persons:
        names, birth = identity_keys(person)
        rows.extend({"person_id": person.id, "kind": NAME_KEY, "key": name_key_of(k, birth)}
                    for k in dict.fromkeys(names))
        if birth is not None and birth.is_complete:
            rows.append({"person_id": person.id, "kind": BIRTH_KEY, "key": str(birth)})
    return rows


def _pending(row: Any) -> PendingIdentification:
    return PendingIdentification(
        id=row.id, message_id=row.message_id, sender=row.sender, conviction_id=row.conviction_id,
        reason=row.reason, candidates=tuple(row.candidates), created_at=row.created_at,
        state=IdentificationState(row.state), person_id=row.person_id, reply_id=row.reply_id,
        resolved_at=row.resolved_at, resolved_by=row.resolved_by,
    )


class SqlIdentificationQueue:
    def __init__(self, connection: Connection, clock: Clock) -> None:
        self._db = connection
        self._clock = clock

    def add(self, *, message_id: str, sender: str, conviction_id: str, reason: str,
            candidates: Sequence[str]) -> int:
        result = self._db.execute(insert(identifications).values(
            message_id=message_id, sender=sender, conviction_id=conviction_id, reason=reason,
            candidates=list(candidates), state=IdentificationState.OPEN.value, created_at=self._clock.now(),
        ))
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])

    def get(self, identification_id: int) -> PendingIdentification | None:
        row = self._db.execute(select(identifications).where(identifications.c.id == identification_id)).first()
        return None if row is None else _pending(row)

    def list(self, *, open_only: bool = True) -> list[PendingIdentification]:
        query = select(identifications).order_by(identifications.c.id)
        if open_only:
            query = query.where(identifications.c.state == IdentificationState.OPEN.value)
        return [_pending(row) for row in self._db.execute(query)]

    def resolve(self, identification_id: int, *, person_id: str, reply_id: str, by: str) -> None:
        self._db.execute(update(identifications).where(identifications.c.id == identification_id).values(
            state=IdentificationState.RESOLVED.value, person_id=person_id, reply_id=reply_id,
            resolved_at=self._clock.now(), resolved_by=by,
        ))
