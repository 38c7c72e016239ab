"""ECRIS-TCN end to end (issue 10, done when): the gateway's commands against a running simulated central
system over real HTTP. A Brazilian national's conviction imported creates the record there; a pardon with an
identity correction updates it; the erasure of the national record (death, Art 3) deletes it; the processing
log shows each step and its verification passes, and fails once one of its rows is altered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, update

from adapters.db.tcn import tcn_log
from adapters.tcn.client import HttpTcnCentralSystem
from gateway.model.partial_date import PartialDate
from gateway.model.tcn import TcnIdentity, TcnQuery
from tests.integration.tcn.support import brazilian
from tests.messaging_support import base_env, cli, cli_json, free_port, running
from tests.samples.register_documents import decision, register, write

PARDON = {"type": "pardon", "date": "2026-10-01", "remarks": None}
DRUGS = {"date": "2023-12-01", "qualification": "trafic de stupéfiants", "minor": "none", "etias": "annex:5",
         "lu_max_custodial_months": 60}


@pytest.fixture
def central_url(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/tcn"
    with running(["tcn-central", "--port", str(port), "--db", f"sqlite:///{tmp_path / 'central.db'}"],
                 base_env("sqlite:///unused.db"), tmp_path / "central.log", url=url):
        yield url


def states_holding(url: str, surname: str) -> tuple[str, ...]:
    """What the central system answers about the Brazilian under ``surname``, Luxembourg included."""
    central = HttpTcnCentralSystem(url, timeout_seconds=10, convicting_state="LU")
    identity = TcnIdentity(surname=surname, forenames=("João",), birth_date=PartialDate(1990, 2, 3),
                           nationalities=("BR",))
    return central.query(TcnQuery(identity, purpose="test", official="test")).member_states


def test_a_record_created_updated_and_deleted_in_step_with_the_register(tmp_path: Path, central_url: str) -> None:
    env = base_env(f"sqlite:///{tmp_path / 'gateway.db'}", ECRIS_GATEWAY_NOW="2026-11-23T10:00:00+01:00",
                   ECRIS_GATEWAY_TCN_CENTRAL_URL=central_url, ECRIS_GATEWAY_OFFICIAL="clerk-7")
    convicted = decision("D1", decision_date="2024-03-01", final_date="2024-04-01", offences=[DRUGS],
                         penalties=[{"type": "imprisonment", "months": 12}])

    cli(["register", "import", str(write(tmp_path / "1.json", register(brazilian("P-BR", convicted))))], env)
    assert "création" in cli(["tcn", "send"], env).stdout
    assert states_holding(central_url, "Silva") == ("LU",)
    assert cli_json(["tcn", "record", "P-BR", "--json"], env)["etias_flag"] is True

    pardoned = {**convicted, "later_decisions": [PARDON]}
    corrected = brazilian("P-BR", pardoned, surname="Silva Santos")
    cli(["register", "import", str(write(tmp_path / "2.json", register(corrected)))], env)
    assert "mise à jour" in cli(["tcn", "send"], env).stdout
    assert states_holding(central_url, "Silva Santos") == ("LU",)
    assert states_holding(central_url, "Silva") == ()

    dead = brazilian("P-BR", pardoned, surname="Silva Santos", death_date="2026-11-20")
    cli(["register", "import", str(write(tmp_path / "3.json", register(dead)))], env)
    cli(["register", "erase-due"], env)
    assert "suppression" in cli(["tcn", "send"], env).stdout
    assert states_holding(central_url, "Silva Santos") == ()
    assert cli_json(["tcn", "record", "P-BR", "--json"], env) == {"person": "P-BR", "required": False}

    logged = [e for e in cli_json(["tcn", "log", "list", "--json"], env) if "operation" in e]
    assert [(e["operation"], e["reference"], e["official"]) for e in logged] == [
        ("create", "P-BR", "clerk-7"), ("update", "P-BR", "clerk-7"), ("delete", "P-BR", "clerk-7")]
    assert cli(["tcn", "log", "verify"], env).returncode == 0

    engine = create_engine(env["ECRIS_GATEWAY_DB"])
    with engine.begin() as db:
        db.execute(update(tcn_log).where(tcn_log.c.id == logged[1]["id"]).values(official="someone-else"))
    engine.dispose()
    broken = cli(["tcn", "log", "verify"], env, check=False)
    assert broken.returncode == 1 and str(logged[1]["id"]) in broken.stderr


def test_an_unreachable_central_system_leaves_the_operation_queued(tmp_path: Path) -> None:
    env = base_env(f"sqlite:///{tmp_path / 'gateway.db'}", ECRIS_GATEWAY_NOW="2026-11-23T10:00:00+01:00",
                   ECRIS_GATEWAY_TCN_CENTRAL_URL=f"http://127.0.0.1:{free_port()}/tcn")
    cli(["register", "import", str(write(tmp_path / "1.json", register(brazilian("P-BR"))))], env)
    postponed = cli(["tcn", "send"], env)
    assert "nouvel essai" in postponed.stderr
    [pending] = cli_json(["tcn", "queue", "--pending", "--json"], env)
    assert pending["operation"] == "create" and pending["attempts"] == 1 and pending["last_error"]


def test_a_refused_operation_is_failed_shown_with_an_alert_and_sent_again_once_a_clerk_requeues_it(
        tmp_path: Path, central_url: str) -> None:
    """The record was created in one central system; the gateway is then pointed at another, which does not
    know it and refuses the update (unknown-record): failed at once, never retried by itself, the person's
    next update held behind it; pointed back, a clerk re-queues it and both go, in order."""
    env = base_env(f"sqlite:///{tmp_path / 'gateway.db'}", ECRIS_GATEWAY_NOW="2026-11-23T10:00:00+01:00",
                   ECRIS_GATEWAY_TCN_CENTRAL_URL=central_url, ECRIS_GATEWAY_OFFICIAL="clerk-7")
    cli(["register", "import", str(write(tmp_path / "1.json", register(brazilian("P-BR"))))], env)
    cli(["tcn", "send"], env)
    port = free_port()
    other = f"http://127.0.0.1:{port}/tcn"
    with running(["tcn-central", "--port", str(port), "--db", f"sqlite:///{tmp_path / 'other.db'}"],
                 base_env("sqlite:///unused.db"), tmp_path / "other.log", url=other):
        wrong = {**env, "ECRIS_GATEWAY_TCN_CENTRAL_URL": other}
        cli(["register", "import", str(write(tmp_path / "2.json", register(brazilian("P-BR", surname="Souza"))))],
            wrong)
        refused = cli(["tcn", "send"], wrong)
        assert "ALERT" in refused.stderr and "refusée" in refused.stderr
        cli(["register", "import", str(write(tmp_path / "3.json", register(brazilian("P-BR", surname="Sousa"))))],
            wrong)
        assert "aucune opération" in cli(["tcn", "send"], wrong).stdout  # held: nothing sent, nothing retried
    failed, held = cli_json(["tcn", "queue", "--pending", "--json"], env)
    assert failed["failed_at"] and "unknown-record" in failed["last_error"] and failed["attempts"] == 1
    assert held["failed_at"] is None and held["attempts"] == 0
    shown = cli(["tcn", "queue", "--pending"], env).stdout
    assert f"ALERT opération ECRIS-TCN n° {failed['id']}" in shown and f"derrière l'opération n° {failed['id']}" in shown
    assert cli(["tcn", "retry", str(held["id"])], env, check=False).returncode == 2
    assert "remise en file" in cli(["tcn", "retry", str(failed["id"])], env).stdout
    assert cli(["tcn", "send"], env).stdout.count("mise à jour") == 2
    assert states_holding(central_url, "Sousa") == ("LU",)
    assert cli_json(["tcn", "queue", "--pending", "--json"], env) == []
