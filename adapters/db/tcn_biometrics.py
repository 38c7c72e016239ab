"""The police's biometric files for ECRIS-TCN queries (Art 12-1(3)), encrypted at rest (``BiometricCipher``).

Erasure sets ``content`` to NULL and ``erased_at``: the row stays, to show when and that it was erased.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Connection, Date, Integer, LargeBinary, String, Table, insert, select, update

from adapters.db.tables import metadata
from adapters.db.types import UtcDateTime
from adapters.tcn.biometric_cipher import BiometricCipher
from gateway.errors import NotFound
from gateway.ports import BiometricFile, BiometricKind

tcn_biometric_files = Table(
    "tcn_biometric_files",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("person_id", String(64), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("content", LargeBinary, nullable=True),
    Column("received_at", UtcDateTime, nullable=False),
    Column("request_id", String(64), nullable=True, index=True),
    Column("replied_on", Date, nullable=True),
    Column("erase_on", Date, nullable=True, index=True),
    Column("erased_at", UtcDateTime, nullable=True),
)

_COLUMNS = [c for c in tcn_biometric_files.c if c.name != "content"]


def _file(row: Any) -> BiometricFile:
    return BiometricFile(id=row.id, person_id=row.person_id, kind=BiometricKind(row.kind),
                         received_at=row.received_at, request_id=row.request_id, replied_on=row.replied_on,
                         erase_on=row.erase_on, erased_at=row.erased_at)


class SqlBiometricFiles:
    """``gateway.ports.BiometricFileStore`` on the gateway's store. ``key`` (the setting
    ``tcn_biometrics_key``) is needed only to store or read content: without it, listing, replies and
    erasure still work, and storing or reading is refused (``BiometricKeyMissing``)."""

    def __init__(self, connection: Connection, key: str | None) -> None:
        self._db = connection
        self._key = key
        self._cipher: BiometricCipher | None = None

    def _need_cipher(self) -> BiometricCipher:
        if self._cipher is None:
            self._cipher = BiometricCipher(self._key)
        return self._cipher

    def add(self, *, person_id: str, kind: BiometricKind, content: bytes, received_at: datetime,
            request_id: str | None, replied_on: date | None, erase_on: date | None) -> BiometricFile:
        blob = self._need_cipher().encrypt(content, person_id=person_id, kind=kind.value)
        file_id = self._db.execute(insert(tcn_biometric_files).values(
            person_id=person_id, kind=kind.value, content=blob, received_at=received_at, request_id=request_id,
            replied_on=replied_on, erase_on=erase_on).returning(tcn_biometric_files.c.id)).scalar_one()
        return BiometricFile(id=file_id, person_id=person_id, kind=kind, received_at=received_at,
                             request_id=request_id, replied_on=replied_on, erase_on=erase_on)

    def content(self, file_id: int) -> bytes:
        row = self._db.execute(select(tcn_biometric_files).where(tcn_biometric_files.c.id == file_id)).first()
        if row is None or row.content is None:
            raise NotFound(f"aucun fichier biométrique {file_id} (inconnu ou effacé)")
        return self._need_cipher().decrypt(bytes(row.content), person_id=row.person_id, kind=row.kind)

    def of_request(self, request_id: str) -> list[BiometricFile]:
        rows = self._db.execute(select(*_COLUMNS).where(tcn_biometric_files.c.request_id == request_id)
                                .order_by(tcn_biometric_files.c.id))
        return [_file(row) for row in rows]

    def set_reply(self, file_id: int, *, replied_on: date, erase_on: date) -> None:
        self._db.execute(update(tcn_biometric_files).where(tcn_biometric_files.c.id == file_id)
                         .values(replied_on=replied_on, erase_on=erase_on))

    def due(self, on: date) -> list[BiometricFile]:
        rows = self._db.execute(select(*_COLUMNS).where(
            tcn_biometric_files.c.erased_at.is_(None), tcn_biometric_files.c.erase_on <= on,
        ).order_by(tcn_biometric_files.c.erase_on, tcn_biometric_files.c.id))
        return [_file(row) for row in rows]

    def erase(self, file_id: int, *, at: datetime) -> None:
        self._db.execute(update(tcn_biometric_files).where(
            tcn_biometric_files.c.id == file_id, tcn_biometric_files.c.erased_at.is_(None),
        ).values(content=None, erased_at=at))

    def list(self) -> list[BiometricFile]:
        return [_file(row) for row in self._db.execute(select(*_COLUMNS).order_by(tcn_biometric_files.c.id))]
