"""The simulated central system (``ecris-gateway tcn-central``) and the gateway's client, over real HTTP
on 127.0.0.1: records created, updated, deleted; queries hit or miss; invalid documents change nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import requests

from adapters.tcn import codec
from adapters.tcn.central_store import CentralStore, central_engine
from adapters.tcn.client import HttpTcnCentralSystem
from gateway.model.partial_date import PartialDate
from gateway.model.person import Name, Sex
from gateway.model.tcn import BiometricReference, NationalityStatus, TcnIdentity, TcnQuery, TcnRecord
from gateway.ports import TcnCentralRefused
from tests.messaging_support import base_env, free_port, running

ANA = TcnIdentity(surname="Souza-Lima", forenames=("Ana", "Clara"), aliases=(Name("Lima"),),
                  birth_date=PartialDate(1990, 7, 14), birth_town="Recife", birth_country="BR",
                  nationalities=("BR",), gender=Sex.FEMALE)
RECORD = TcnRecord(reference="1990071412345", identity=ANA,
                   fingerprints=BiometricReference("LU-FP-1", date(2026, 3, 2)))
SEED = [
    {"convicting_state": "FR", "reference": "FR-2019-77", "surname": "Souza Lima", "forenames": ["Ana"],
     "birth_date": "1990-07", "nationalities": ["BR"], "gender": "F"},
    {"convicting_state": "DE", "reference": "DE-1", "surname": "Okafor", "forenames": ["Chidi"],
     "birth_date": "1985", "nationalities": "stateless", "fingerprints": "DE-FP-9"},
]


def query_of(identity: TcnIdentity, fingerprints: BiometricReference | None = None) -> TcnQuery:
    return TcnQuery(identity=identity, purpose="criminal_proceedings", official="clerk-1", fingerprints=fingerprints)


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("tcn-central")
    seed = folder / "seed.json"
    seed.write_text(json.dumps(SEED), encoding="utf-8")
    db_url = f"sqlite:///{folder / 'central.db'}"
    port = free_port()
    url = f"http://127.0.0.1:{port}/tcn"
    args = ["tcn-central", "--port", str(port), "--db", db_url, "--seed", str(seed), "--threads", "4"]
    with running(args, base_env("sqlite:///unused.db"), folder / "central.log", url=url):
        yield url, db_url


def test_create_query_update_delete_end_to_end(central: tuple[str, str]) -> None:
    url, db_url = central
    client = HttpTcnCentralSystem(url, timeout_seconds=5)
    client.create(RECORD)
    client.create(RECORD)  # the same record again (a retry) is acknowledged, not duplicated
    assert client.query(query_of(ANA)).member_states == ("FR", "LU")

    renamed = replace(RECORD, identity=replace(ANA, surname="Pereira", aliases=()))
    client.update(renamed)
    store = CentralStore(central_engine(db_url))
    assert store.get("LU", RECORD.reference) == renamed
    assert client.query(query_of(ANA)).member_states == ("FR",)  # LU's record now under another name
    assert client.query(query_of(renamed.identity)).member_states == ("LU",)

    client.delete(RECORD.reference)
    result = client.query(query_of(renamed.identity))
    assert result.member_states == () and not result.hit
    assert store.get("LU", RECORD.reference) is None
    store.engine.dispose()


def test_a_query_by_fingerprint_reference_hits_whatever_the_name(central: tuple[str, str]) -> None:
    client = HttpTcnCentralSystem(central[0])
    stranger = TcnIdentity(surname="Nobody", forenames=("X",), nationality_status=NationalityStatus.UNKNOWN)
    assert client.query(query_of(stranger)).member_states == ()
    assert client.query(query_of(stranger, BiometricReference("DE-FP-9", date(2026, 1, 1)))).member_states == ("DE",)


def test_a_contradicting_birth_date_does_not_hit(central: tuple[str, str]) -> None:
    client = HttpTcnCentralSystem(central[0])
    other = replace(ANA, birth_date=PartialDate(1991, 7, 14))
    assert client.query(query_of(other)).member_states == ()


def test_update_or_delete_of_an_unknown_record_is_refused(central: tuple[str, str]) -> None:
    client = HttpTcnCentralSystem(central[0])
    ghost = replace(RECORD, reference="NEVER-CREATED")
    with pytest.raises(TcnCentralRefused) as refused:
        client.update(ghost)
    assert refused.value.code == "unknown-record"
    with pytest.raises(TcnCentralRefused, match="unknown-record"):
        client.delete("NEVER-CREATED")


def test_another_record_under_a_held_reference_is_refused(central: tuple[str, str]) -> None:
    client = HttpTcnCentralSystem(central[0])
    first = replace(RECORD, reference="TWICE")
    client.create(first)
    with pytest.raises(TcnCentralRefused) as refused:
        client.create(replace(first, etias_flag=True))
    assert refused.value.code == "record-exists"


def test_an_invalid_document_gets_an_error_answer_and_nothing_is_stored(central: tuple[str, str]) -> None:
    url, db_url = central
    store = CentralStore(central_engine(db_url))
    before = store.count()
    valid = codec.encode_record(replace(RECORD, reference="INVALID-1"), operation="create")
    for body in (valid.replace(b"<Gender>F</Gender>", b"<Gender>female</Gender>"),
                 valid.replace(b"<Record>", b"<!DOCTYPE x><Record>"),
                 valid[:-30]):
        response = requests.post(url, data=body, headers={"Content-Type": "application/xml"}, timeout=5)
        assert response.status_code == 400
        answer = codec.decode(response.content)
        assert isinstance(answer, codec.ErrorAnswer) and answer.code == "invalid-document"
        assert "Souza" not in answer.reason
    wrong_type = requests.post(url, data=valid, headers={"Content-Type": "text/plain"}, timeout=5)
    assert wrong_type.status_code == 415
    assert store.count() == before
    assert store.get("LU", "INVALID-1") is None
    store.engine.dispose()


def test_the_seed_file_is_refused_when_unusable(tmp_path: Path) -> None:
    from adapters.tcn.seed import SeedRefused, read_seed

    bad = tmp_path / "seed.json"
    bad.write_text(json.dumps([{"convicting_state": "FR", "surname": "X"}]), encoding="utf-8")
    with pytest.raises(SeedRefused, match="record 1: missing 'reference'"):
        read_seed(bad, collected_on=date(2026, 1, 1))
