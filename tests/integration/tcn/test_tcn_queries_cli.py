"""The ECRIS-TCN commands end to end: ``tcn query`` against a running ``tcn-central`` over real HTTP, and
``tcn biometrics add / list / replied / purge`` on the gateway's store (the clock fixed by
ECRIS_GATEWAY_NOW)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from adapters.db.tcn_biometrics import tcn_biometric_files
from adapters.tcn.biometric_cipher import new_key
from tests.messaging_support import ROOT, base_env, cli, cli_json, free_port, running

BENALI = "1990071811111"  # MA national in the demo register
ROSSI = "1988020222222"  # IT and AL: assimilated (Art 12-1(4))
DUPONT = "1985031512345"  # FR only
SEED = [
    {"convicting_state": "FR", "reference": "FR-77", "surname": "BENALI", "forenames": ["Youssef"],
     "birth_date": "1990-07-18", "nationalities": ["MA"]},
    {"convicting_state": "LU", "reference": BENALI, "surname": "Benali", "forenames": ["Youssef"],
     "birth_date": "1990-07-18", "nationalities": ["MA"]},
]


@pytest.fixture
def gateway_env(tmp_path: Path) -> dict[str, str]:
    env = base_env(f"sqlite:///{tmp_path / 'gateway.db'}", ECRIS_GATEWAY_NOW="2026-01-31T10:00:00+01:00",
                   ECRIS_GATEWAY_OFFICIAL="clerk-3")
    cli(["register", "import", str(ROOT / "demo" / "register-sample.json")], env)
    return env


@pytest.fixture
def central_url(tmp_path: Path) -> Iterator[str]:
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(SEED), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/tcn"
    with running(["tcn-central", "--port", str(port), "--seed", str(seed), "--threads", "2"],
                 base_env("sqlite:///unused.db"), tmp_path / "central.log", url=url):
        yield url


def test_tcn_query_names_the_other_states_and_is_logged(gateway_env: dict[str, str], central_url: str) -> None:
    env = {**gateway_env, "ECRIS_GATEWAY_TCN_CENTRAL_URL": central_url}
    assert cli_json(["tcn", "query", BENALI, "--json"], env) == {
        "person": BENALI, "hit": True, "member_states": ["FR"]}
    assert cli_json(["tcn", "query", ROSSI, "--purpose", "driving_licence", "--json"], env) == {
        "person": ROSSI, "hit": False, "member_states": []}
    text = cli(["tcn", "query", BENALI], env).stdout
    assert "FR" in text and "art. 12-1(3)" in text
    entries = [e for e in cli_json(["tcn", "log", "list", "--json"], env) if e.get("operation") == "query"]
    assert [(e["reference"], e["official"], e["purpose"]) for e in entries] == [
        (BENALI, "clerk-3", "criminal_proceedings"), (ROSSI, "clerk-3", "driving_licence"),
        (BENALI, "clerk-3", "criminal_proceedings")]
    assert all(e["query_data"] for e in entries)  # Reg Art 31(1)(e): the data used for the query
    assert "ECRIS-TCN log intact" in cli(["tcn", "log", "verify"], env).stdout


def test_tcn_query_refuses_a_member_state_national_and_an_unknown_person(
        gateway_env: dict[str, str], central_url: str) -> None:
    env = {**gateway_env, "ECRIS_GATEWAY_TCN_CENTRAL_URL": central_url}
    refused = cli(["tcn", "query", DUPONT, "--json"], env, check=False)
    assert refused.returncode == 2 and "12-1" in refused.stderr
    assert cli(["tcn", "query", "NOBODY"], env, check=False).returncode == 2


def test_tcn_query_without_a_central_system_fails_readably(gateway_env: dict[str, str]) -> None:
    unset = cli(["tcn", "query", BENALI], gateway_env, check=False)
    assert unset.returncode == 1 and "tcn_central_url" in unset.stderr
    down = cli(["tcn", "query", BENALI], {**gateway_env, "ECRIS_GATEWAY_TCN_CENTRAL_URL":
                                          f"http://127.0.0.1:{free_port()}/tcn"}, check=False)
    assert down.returncode == 1 and "ECRIS-TCN n'a pas répondu" in down.stderr and "Traceback" not in down.stderr


def test_biometric_files_from_receipt_to_purge(gateway_env: dict[str, str], tmp_path: Path) -> None:
    prints = tmp_path / "prints.nist"
    prints.write_bytes(b"NIST fingerprint file of Benali")
    refused = cli(["tcn", "biometrics", "add", BENALI, str(prints), "--kind", "fingerprints"], gateway_env,
                  check=False)
    assert refused.returncode == 1 and "tcn_biometrics_key" in refused.stderr

    key = new_key()
    env = {**gateway_env, "ECRIS_GATEWAY_TCN_BIOMETRICS_KEY": key}
    cli(["tcn", "biometrics", "add", BENALI, str(prints), "--kind", "fingerprints",
         "--request", "LU-FR-RQ-000000000000001"], env)
    assert cli(["tcn", "biometrics", "add", "NOBODY", str(prints), "--kind", "fingerprints"], env,
               check=False).returncode == 2
    engine = create_engine(env["ECRIS_GATEWAY_DB"])
    with engine.connect() as db:
        assert b"Benali" not in bytes(db.execute(select(tcn_biometric_files.c.content)).scalar_one())

    replied = cli(["tcn", "biometrics", "replied", "LU-FR-RQ-000000000000001", "--on", "2026-01-31"], env)
    assert "30/04/2026" in replied.stdout
    [listed] = cli_json(["tcn", "biometrics", "list", "--json"], env)
    assert (listed["person"], listed["kind"], listed["replied_on"], listed["erase_on"], listed["erased_at"]) == (
        BENALI, "fingerprints", "2026-01-31", "2026-04-30", None)

    early = cli(["tcn", "biometrics", "purge", "--on", "2026-04-29"], env)
    assert "aucun fichier" in early.stderr
    later = {**env, "ECRIS_GATEWAY_NOW": "2026-04-30T02:00:00+02:00"}
    assert "effacé" in cli(["tcn", "biometrics", "purge"], later).stdout
    assert "aucun fichier" in cli(["tcn", "biometrics", "purge"], later).stderr  # exactly once
    [erased] = cli_json(["tcn", "biometrics", "list", "--json"], later)
    assert erased["erased_at"] == "2026-04-30T00:00:00+00:00"
    with engine.connect() as db:
        assert db.execute(select(tcn_biometric_files.c.content)).scalar_one() is None
    engine.dispose()
    purges = [e for e in cli_json(["tcn", "log", "list", "--json"], env) if e.get("operation") == "purge"]
    assert [(p["reference"], str(p["query_data"]["file"])) for p in purges] == [(BENALI, str(listed["id"]))]
