"""The register of issued extracts (table ``extracts``, migration 0012)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, Connection, Date, Index, Integer, String, Table, Text, select, update

from adapters.db.tables import metadata
from adapters.db.types import UtcDateTime
from gateway.services.extract.register import IssuedExtract

extracts = Table(
    "extracts",
    metadata,
    Column("document_number", String(32), primary_key=True),
    Column("person_id", String(64), nullable=False),
    Column("bulletin_number", Integer, nullable=False),
    Column("issued_on", Date, nullable=False),
    Column("issued_at", UtcDateTime, nullable=False),
    Column("issued_by", Text, nullable=False),
    Column("nil", Boolean, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("revoked_at", UtcDateTime, nullable=True),
    Column("revoked_by", Text, nullable=True),
    Column("revocation_reason", Text, nullable=True),
    Index("ix_extracts_person_id", "person_id"),
)


class SqlExtractRegister:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, extract: IssuedExtract) -> None:
        self._connection.execute(extracts.insert().values(
            document_number=extract.document_number, person_id=extract.person_id,
            bulletin_number=extract.bulletin_number, issued_on=extract.issued_on, issued_at=extract.issued_at,
            issued_by=extract.issued_by, nil=extract.nil, digest=extract.digest, payload=extract.payload,
        ))

    def get(self, document_number: str) -> IssuedExtract | None:
        row = self._connection.execute(
            select(extracts).where(extracts.c.document_number == document_number)).mappings().first()
        return None if row is None else _extract(row)

    def revoke(self, document_number: str, *, at: datetime, by: str, reason: str) -> None:
        self._connection.execute(update(extracts).where(extracts.c.document_number == document_number).values(
            revoked_at=at, revoked_by=by, revocation_reason=reason))

    def list(self) -> list[IssuedExtract]:
        rows = self._connection.execute(
            select(extracts).order_by(extracts.c.issued_at, extracts.c.document_number)).mappings()
        return [_extract(row) for row in rows]


def _extract(row: object) -> IssuedExtract:
    r = dict(row)  # type: ignore[call-overload]
    return IssuedExtract(
        document_number=r["document_number"], person_id=r["person_id"], bulletin_number=r["bulletin_number"],
        issued_on=r["issued_on"], issued_at=r["issued_at"], issued_by=r["issued_by"], nil=bool(r["nil"]),
        digest=r["digest"], payload=r["payload"], revoked_at=r["revoked_at"], revoked_by=r["revoked_by"],
        revocation_reason=r["revocation_reason"],
    )
