"""The police's biometric files (Art 12-1(3), AMB-20): encrypted at rest, erased three calendar months
after Luxembourg's reply, each erasure logged once. On SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from adapters.bootstrap import App
from adapters.db.tcn_biometrics import tcn_biometric_files
from adapters.tcn.biometric_cipher import (
    BiometricDecryptionFailed,
    BiometricKeyInvalid,
    BiometricKeyMissing,
    new_key,
)
from gateway.errors import NotFound
from gateway.model.tcn import TcnOperation
from gateway.ports import BiometricKind
from gateway.services.tcn.biometrics import purge_biometric_files, receive_biometric_file, record_reply
from tests.tcn_support import ListTcnLog

PRINTS = b"NIST-ITL fingerprint record of person P1 " * 50
FACE = b"\xff\xd8\xff\xe0 JPEG facial image"
RECEIVED = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
PURGED_AT = datetime(2026, 4, 30, 3, 0, tzinfo=UTC)


@pytest.fixture
def keyed(app: App) -> App:
    return App(replace(app.settings, tcn_biometrics_key=new_key()))


def _receive(app: App, content: bytes, *, person: str = "P1", kind: BiometricKind = BiometricKind.FINGERPRINTS,
             request: str | None = "LU-FR-RQ-000000000000001") -> int:
    with app.uow() as uow:
        file = receive_biometric_file(uow.tcn_biometrics, person_id=person, kind=kind, content=content,
                                      request_id=request, at=RECEIVED)
        uow.commit()
    return file.id


def test_the_file_in_the_database_is_not_the_plaintext_and_decrypts_back(keyed: App) -> None:
    file_id = _receive(keyed, PRINTS)
    with keyed.engine.connect() as db:
        stored = bytes(db.execute(select(tcn_biometric_files.c.content)).scalar_one())
    assert PRINTS not in stored and b"fingerprint" not in stored
    assert len(stored) >= len(PRINTS) + 12 + 16  # nonce and tag
    with keyed.uow() as uow:
        assert uow.tcn_biometrics.content(file_id) == PRINTS


def test_another_key_cannot_read_the_file(keyed: App) -> None:
    file_id = _receive(keyed, FACE, kind=BiometricKind.FACIAL_IMAGE)
    other = App(replace(keyed.settings, tcn_biometrics_key=new_key()))
    with other.uow() as uow, pytest.raises(BiometricDecryptionFailed, match="another key"):
        uow.tcn_biometrics.content(file_id)


def test_a_blob_moved_to_another_person_does_not_decrypt(keyed: App) -> None:
    first = _receive(keyed, PRINTS, person="P1")
    second = _receive(keyed, b"other", person="P2")
    with keyed.engine.begin() as db:
        blob = db.execute(select(tcn_biometric_files.c.content).where(tcn_biometric_files.c.id == first)).scalar()
        db.execute(tcn_biometric_files.update().where(tcn_biometric_files.c.id == second).values(content=blob))
    with keyed.uow() as uow, pytest.raises(BiometricDecryptionFailed):
        uow.tcn_biometrics.content(second)


def test_without_a_key_nothing_is_stored(app: App) -> None:
    with pytest.raises(BiometricKeyMissing, match="tcn_biometrics_key"):
        _receive(app, PRINTS)
    with app.uow() as uow:
        assert uow.tcn_biometrics.list() == []


def test_a_key_of_the_wrong_size_is_refused(app: App) -> None:
    bad = App(replace(app.settings, tcn_biometrics_key="c2hvcnQ="))
    with pytest.raises(BiometricKeyInvalid, match="32 bytes"):
        _receive(bad, PRINTS)


def test_the_reply_sets_the_erase_date_of_every_file_of_the_request(keyed: App) -> None:
    request = "LU-FR-RQ-000000000000007"
    _receive(keyed, PRINTS, request=request)
    _receive(keyed, FACE, kind=BiometricKind.FACIAL_IMAGE, request=request)
    _receive(keyed, b"unrelated", request="LU-DE-RQ-000000000000001")
    with keyed.uow() as uow:
        files = record_reply(uow.tcn_biometrics, request_id=request, replied_on=date(2026, 1, 31))
        uow.commit()
    assert [(f.replied_on, f.erase_on) for f in files] == [(date(2026, 1, 31), date(2026, 4, 30))] * 2
    late = _receive(keyed, b"sent after the reply", request=request)
    with keyed.uow() as uow:
        by_id = {f.id: f for f in uow.tcn_biometrics.list()}
        with pytest.raises(NotFound):
            record_reply(uow.tcn_biometrics, request_id="LU-IT-RQ-000000000000009", replied_on=date(2026, 2, 1))
    assert by_id[late].erase_on == date(2026, 4, 30)
    assert sum(f.erase_on is None for f in by_id.values()) == 1


def test_the_purge_erases_what_is_due_exactly_once_and_logs_it(keyed: App) -> None:
    due = _receive(keyed, PRINTS, request="R-1")
    not_yet = _receive(keyed, FACE, kind=BiometricKind.FACIAL_IMAGE, request="R-2")
    never = _receive(keyed, b"no request", request=None)
    with keyed.uow() as uow:
        record_reply(uow.tcn_biometrics, request_id="R-1", replied_on=date(2026, 1, 31))  # → 30 April
        record_reply(uow.tcn_biometrics, request_id="R-2", replied_on=date(2026, 2, 1))  # → 1 May
        uow.commit()
    log = ListTcnLog()
    with keyed.uow() as uow:
        assert purge_biometric_files(uow, date(2026, 4, 29), log, at=PURGED_AT, official="job") == []
    with keyed.uow() as uow:
        erased = purge_biometric_files(uow, date(2026, 4, 30), log, at=PURGED_AT, official="job")
    assert [f.id for f in erased] == [due]
    with keyed.uow() as uow:
        assert purge_biometric_files(uow, date(2026, 4, 30), log, at=PURGED_AT, official="job") == []
        files = {f.id: f for f in uow.tcn_biometrics.list()}
        with pytest.raises(NotFound):
            uow.tcn_biometrics.content(due)
        assert uow.tcn_biometrics.content(not_yet) == FACE
    assert files[due].erased_at == PURGED_AT and files[not_yet].erased_at is None
    assert files[never].erase_on is None and files[never].erased_at is None
    with keyed.engine.connect() as db:
        content = db.execute(select(tcn_biometric_files.c.content).where(tcn_biometric_files.c.id == due)).scalar()
    assert content is None
    assert len(log.entries) == 1
    entry = log.entries[0]
    assert (entry.operation, entry.reference, entry.official, entry.at) == (TcnOperation.PURGE, "P1", "job", PURGED_AT)
    assert entry.query_data is not None and entry.query_data["file"] == due
    assert "NIST" not in repr(entry)


def test_the_table_matches_its_migration(app: App) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from adapters.db.tables import metadata

    with app.engine.connect() as db:
        differences = compare_metadata(MigrationContext.configure(db), metadata)
    assert [d for d in differences if "tcn_biometric_files" in repr(d)] == []
