"""``ecris-gateway scheduler run`` as a real process: killed (SIGKILL) while work is due, restarted with the
gateway's clock moved past several due dates, it does every due thing exactly once; and two schedulers on one
PostgreSQL database never both sweep. Nothing waits for a trigger: a scheduler sweeps once when it takes the
lock, and the tests move ``ECRIS_GATEWAY_NOW``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from adapters.bootstrap import App
from adapters.settings import Settings
from scheduler.jobs import JOBS
from scheduler.runs import last_runs
from tests.messaging_support import Process, base_env, cli, running, wait_until
from tests.scheduler_support import (
    KEY,
    OWN_RECORD,
    RECEIVED,
    T1,
    T2,
    biometric_purges,
    etias_updates,
    journal_actions,
    seed_due_work,
    stored_flags,
)

QUICK = {"ECRIS_GATEWAY_SCHEDULER_LEASE_SECONDS": "2", "ECRIS_GATEWAY_SCHEDULER_RETRY_SECONDS": "0.2",
         "ECRIS_GATEWAY_TCN_BIOMETRICS_KEY": KEY}


def _all_ran_at(app: App, instant: object, holder_pid: int | None = None) -> bool:
    runs = last_runs(app.engine)
    return set(runs) == {j.id for j in JOBS} and all(
        r.last_run_at == instant and (holder_pid is None or r.holder.endswith(f":{holder_pid}"))
        for r in runs.values())


def test_a_scheduler_killed_while_work_is_due_and_restarted_later_does_everything_due_exactly_once(
        tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    app = App(Settings(db_url=url, now=T1, official="scheduler", tcn_biometrics_key=KEY))
    seed_due_work(app)
    first = Process(["scheduler", "run"], base_env(url, ECRIS_GATEWAY_NOW=T1.isoformat(), **QUICK),
                    tmp_path / "first.log")
    try:
        wait_until(lambda: last_runs(app.engine), timeout=30, what="a first job to run")
    finally:
        first.kill()  # SIGKILL, in the middle of its first sweeps: no polite shutdown, its lease left behind
    later = base_env(url, ECRIS_GATEWAY_NOW=T2.isoformat(), **QUICK)
    with running(["scheduler", "run"], later, tmp_path / "second.log") as second:
        wait_until(lambda: _all_ran_at(app, T2, second.pid), timeout=60, what="every job to run at T2")
        assert "holds the lock and sweeps" in second.log_text()
    cli(["scheduler", "run", "--once"], later)  # the same day again: nothing more to do

    assert sorted(s for s, _ in journal_actions(app, "register.erase")) == ["P-DEAD", "P-OLD"]
    assert biometric_purges(app) == ["P-ETIAS"]
    assert etias_updates(app) == [False]
    assert [s for s, _ in journal_actions(app, "own_record.answer_missing")] == [OWN_RECORD]
    flags = journal_actions(app, "request.deadline_flag")
    assert max(Counter(flags).values()) == 1, flags  # no change logged twice
    assert Counter(reason.rsplit(" ", 1)[-1] for s, reason in flags if s == OWN_RECORD)["late"] == 1
    assert [reason for s, reason in flags if s == RECEIVED] == ["Art 16: none -> due_soon"]
    assert {k: v[0] for k, v in stored_flags(app).items()} == {OWN_RECORD: "late", RECEIVED: "due_soon"}
    app.engine.dispose()


def test_two_schedulers_on_one_postgresql_database_never_both_sweep(postgres_url: str, tmp_path: Path) -> None:
    app = App(Settings(db_url=postgres_url, now=T1))
    app.engine  # noqa: B018  (migrated once, before either starts)
    env = base_env(postgres_url, ECRIS_GATEWAY_NOW=T1.isoformat(), **QUICK)
    with running(["scheduler", "run"], env, tmp_path / "a.log") as a:
        wait_until(lambda: _all_ran_at(app, T1, a.pid), timeout=60, what="the first scheduler to sweep")
        with running(["scheduler", "run"], env, tmp_path / "b.log") as b:
            wait_until(lambda: "another scheduler holds the lock" in b.log_text(), timeout=30,
                       what="the second scheduler to wait")
            a_runs = {r.job_id: r.duration_seconds for r in last_runs(app.engine).values()}
            assert all(r.holder.endswith(f":{a.pid}") for r in last_runs(app.engine).values())
            assert "holds the lock and sweeps" not in b.log_text()
            a.kill()  # SIGKILL: its session ends, and PostgreSQL frees the advisory lock with it
            wait_until(lambda: _all_ran_at(app, T1, b.pid), timeout=60, what="the second scheduler to take over")
            assert "holds the lock and sweeps" in b.log_text()
            assert set(a_runs) == {j.id for j in JOBS}
    app.engine.dispose()
