"""The simulated central system's own database, on SQLite and PostgreSQL, and its WSGI app's limits."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from adapters.tcn import codec
from adapters.tcn.central_app import CentralSystemApp
from adapters.tcn.central_store import CentralStore, RecordExists, UnknownRecord, central_engine
from gateway.clock import FixedClock
from gateway.model.partial_date import PartialDate
from gateway.model.person import Name
from gateway.model.tcn import BiometricReference, TcnIdentity, TcnQuery, TcnRecord

AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
RECORD = TcnRecord(reference="P1", identity=TcnIdentity(
    surname="Müller-Okoye", forenames=("Jean", "Paul"), previous_names=(Name("Okoye"),),
    birth_date=PartialDate(1980, 5, 17), nationalities=("NG",)),
    fingerprints=BiometricReference("FP-1", date(2026, 1, 1)))


def query(surname: str, forenames: tuple[str, ...], born: PartialDate | None) -> TcnQuery:
    return TcnQuery(identity=TcnIdentity(surname=surname, forenames=forenames, birth_date=born,
                                         nationalities=("NG",)), purpose="p", official="o")


@pytest.fixture
def store(store_url: str) -> Any:
    engine = central_engine(store_url)
    yield CentralStore(engine)
    engine.dispose()


def test_records_are_kept_per_state_and_reference(store: CentralStore) -> None:
    store.create(RECORD, at=AT)
    store.create(replace(RECORD, convicting_state="FR"), at=AT)  # the same reference in another State
    assert store.count() == 2
    with pytest.raises(RecordExists):
        store.create(replace(RECORD, etias_flag=True), at=AT)
    store.update(replace(RECORD, etias_flag=True), at=AT)
    held = store.get("LU", "P1")
    assert held is not None and held.etias_flag
    store.delete("LU", "P1")
    assert store.get("LU", "P1") is None and store.get("FR", "P1") is not None
    with pytest.raises(UnknownRecord):
        store.delete("LU", "P1")
    with pytest.raises(UnknownRecord):
        store.update(RECORD, at=AT)


@pytest.mark.parametrize(
    ("asked", "hits"),
    [
        (query("MULLER OKOYE", ("Jean-Paul",), PartialDate(1980, 5, 17)), True),  # normalised names
        (query("Okoye", ("Jean",), PartialDate(1980)), True),  # a previous name, a partial date
        (query("Muller-Okoye", ("Jean", "Paul"), PartialDate(1980, 5, 18)), False),  # another day
        (query("Muller-Okoye", ("Pierre",), PartialDate(1980, 5, 17)), False),  # other forenames
        (query("Smith", ("Jean", "Paul"), PartialDate(1980, 5, 17)), False),  # another surname
        (query("Muller-Okoye", ("Jean", "Paul"), None), False),  # no birth date to compare
    ],
)
def test_queries_hit_by_normalised_identity(store: CentralStore, asked: TcnQuery, hits: bool) -> None:
    store.create(RECORD, at=AT)
    assert store.member_states_holding(asked) == (("LU",) if hits else ())


def _post(app: CentralSystemApp, body: bytes, *, length: int | None = None) -> tuple[str, bytes]:
    environ = {"PATH_INFO": "/tcn", "REQUEST_METHOD": "POST", "CONTENT_TYPE": "application/xml",
               "CONTENT_LENGTH": str(len(body) if length is None else length), "wsgi.input": io.BytesIO(body)}
    status: list[str] = []
    chunks = app(environ, lambda s, _h: status.append(s))
    return status[0], b"".join(chunks)


def test_the_app_refuses_a_document_over_its_limit_before_reading_it() -> None:
    engine = central_engine("sqlite://")
    app = CentralSystemApp(CentralStore(engine), FixedClock(AT), max_bytes=2000)
    status, body = _post(app, b"x" * 10, length=5000)
    assert status.startswith("413")
    answer = codec.decode(body)
    assert isinstance(answer, codec.ErrorAnswer) and answer.code == "too-large"
    status, _ = _post(app, codec.encode_record(RECORD, operation="create"))
    assert status.startswith("200")
    engine.dispose()
