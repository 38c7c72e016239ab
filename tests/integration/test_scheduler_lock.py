"""The scheduler's lock (one scheduler sweeps a store at a time), the flags in ``requests list`` and the
``jobs list`` command, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from click.testing import CliRunner

from adapters.bootstrap import App
from adapters.cli import main
from adapters.settings import Settings
from scheduler.jobs import JOBS
from scheduler.lock import AdvisoryLock, LeaseLock, lock_for
from scheduler.service import run_once
from tests.scheduler_support import OWN_RECORD, RECEIVED, T1, T2, keyed, seed_due_work


def test_a_second_scheduler_cannot_take_the_lock_until_the_first_lets_it_go(app: App) -> None:
    first = lock_for(app.engine, lease_seconds=60, holder="host:1")
    second = lock_for(app.engine, lease_seconds=60, holder="host:2")
    assert isinstance(first, AdvisoryLock if app.engine.url.get_backend_name() == "postgresql" else LeaseLock)
    assert first.try_acquire()
    assert not second.try_acquire()
    assert first.still_held() and first.try_acquire()  # renewing is not a second lock
    first.release()
    assert second.try_acquire()
    assert not first.try_acquire()
    second.release()


def test_a_lapsed_sqlite_lease_is_taken_over_by_the_next_scheduler(tmp_path: Any) -> None:
    app = App(Settings(db_url=f"sqlite:///{tmp_path / 's.db'}"))
    dead = LeaseLock(app.engine, holder="host:1", lease_seconds=0)  # its holder died: the lease has run out
    assert dead.try_acquire()
    successor = LeaseLock(app.engine, holder="host:2", lease_seconds=60)
    assert successor.try_acquire()
    assert not dead.still_held()
    app.engine.dispose()


def test_run_once_waits_for_the_lock_and_does_nothing_when_stopped_while_waiting(app: App) -> None:
    import threading

    holder = lock_for(app.engine, lease_seconds=60, holder="host:other")
    assert holder.try_acquire()
    stop = threading.Event()
    stop.set()
    assert run_once(app, stop) == []
    holder.release()
    assert len(run_once(app)) == len(JOBS)


def _cli(app: App, *args: str, when: datetime) -> Any:
    result = CliRunner().invoke(main, ["--db", app.settings.db_url, *args],
                                env={"ECRIS_GATEWAY_NOW": when.isoformat()})
    assert result.exit_code == 0, result.output
    return result.output


def test_requests_list_shows_the_flag_in_json_and_in_the_clerks_line(app: App) -> None:
    seed_due_work(keyed(app))
    rows = json.loads(_cli(app, "requests", "list", "--json", when=T1))
    assert {r["message_id"]: r["flag"] for r in rows} == {OWN_RECORD: None, RECEIVED: None}
    _cli(app, "scheduler", "run", "--once", when=T2)
    rows = json.loads(_cli(app, "requests", "list", "--json", when=T2))
    assert {r["message_id"]: r["flag"] for r in rows} == {OWN_RECORD: "late", RECEIVED: "due_soon"}
    lines = _cli(app, "requests", "list", when=T2).splitlines()
    assert any(RECEIVED in line and line.endswith("[ÉCHÉANCE PROCHE]") for line in lines), lines


def test_jobs_list_gives_each_job_its_trigger_last_run_and_result(app: App) -> None:
    app.engine  # noqa: B018  (the store exists)
    before = json.loads(_cli(app, "jobs", "list", "--json", when=T1))
    assert [j["id"] for j in before] == [j.id for j in JOBS]
    assert all(j["last_run_at"] is None and j["ok"] is None for j in before)
    _cli(app, "scheduler", "run", "--once", when=T1)
    after = {j["id"]: j for j in json.loads(_cli(app, "jobs", "list", "--json", when=T1))}
    assert set(after["register_erasure"]) == {"id", "trigger", "last_run_at", "next_run_at", "last_result", "ok"}
    assert after["register_erasure"]["trigger"] == "daily at 02:00 Europe/Luxembourg"
    assert after["deliver_outbox"]["trigger"] == "every 30 s"
    assert after["deadline_watch"]["last_run_at"] == "2026-11-23T10:00:00+01:00"
    assert all(j["ok"] is True for j in after.values())
    assert "effacements du registre (art. 3) [register_erasure] — dernier passage 23/11/2026 10:00 (réussi)" in (
        _cli(app, "jobs", "list", when=T1))


def test_the_scheduler_tables_match_their_migration(app: App) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from adapters.db.tables import metadata

    with app.engine.connect() as db:
        differences = compare_metadata(MigrationContext.configure(db), metadata)
    ours = ("scheduler_runs", "scheduler_lease", "request_flags")
    assert [d for d in differences if any(name in repr(d) for name in ours)] == []
