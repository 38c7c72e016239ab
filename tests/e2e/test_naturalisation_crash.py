"""A naturalisation import killed halfway (SIGKILL of a real ``ecris-gateway`` process) and run again completes
the transfer with each person's work done exactly once: the same requests, inscriptions and ledger rows as an
uninterrupted run of the same file, no request queued twice, no decision inscribed twice."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from bench.synthetic_naturalisation import write_transfer
from tests.messaging_support import CLI, ROOT, base_env, cli

PERSONS = 300
COUNTS = {
    "rows": "SELECT count(*) FROM naturalisation_persons",
    "complete": "SELECT count(*) FROM naturalisation_persons WHERE state = 'complete'",
    "invalid": "SELECT count(*) FROM naturalisation_persons WHERE state = 'invalid'",
    "requests": "SELECT count(*) FROM ecris_outbox WHERE type = 'RequestMessage'",
    "ledger_requests": "SELECT count(*) FROM naturalisation_requests",
    "outgoing_requests": "SELECT count(*) FROM outgoing_requests",
    "decisions": "SELECT count(*) FROM decisions",
    "persons": "SELECT count(*) FROM persons",
}


def counts(db_url: str) -> dict[str, int]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return {name: int(connection.execute(text(sql)).scalar_one()) for name, sql in COUNTS.items()}
    finally:
        engine.dispose()


def rows_done(db_url: str) -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM naturalisation_persons")).scalar_one())
    except Exception:  # the store or the table is not there yet
        return 0
    finally:
        engine.dispose()


def test_an_import_killed_halfway_and_run_again_does_each_persons_work_once(tmp_path: Path) -> None:
    transfer = write_transfer(tmp_path / "transfer.jsonl", PERSONS, bad_every=97)
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    crashed = f"sqlite:///{tmp_path / 'crashed.db'}"
    now = {"ECRIS_GATEWAY_NOW": "2026-11-23T09:00:00Z"}
    cli(["naturalisation", "import", str(transfer)], base_env(clean, **now), timeout=300)
    expected = counts(clean)
    assert expected["rows"] == PERSONS and expected["requests"] == expected["ledger_requests"] > 0

    process = subprocess.Popen([*CLI, "naturalisation", "import", str(transfer)], env=base_env(crashed, **now),
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while rows_done(crashed) < PERSONS // 4 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the import ended before it could be killed"
    halfway = rows_done(crashed)
    assert 0 < halfway < PERSONS

    again = cli(["naturalisation", "import", str(transfer), "--json"], base_env(crashed, **now), timeout=300)
    assert f'"already_done": {halfway}' in again.stdout
    assert counts(crashed) == expected
    status = cli(["naturalisation", "status", "--json"], base_env(crashed, **now)).stdout
    assert f'"rows_done": {PERSONS}' in status and '"rows_left": 0' in status
