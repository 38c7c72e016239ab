"""``scheduler_runs``: the last run of each job — when (the gateway's clock), its result, ok or failed, how
long it took, and which scheduler ran it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine

from adapters.db.scheduler_tables import scheduler_runs as _R


@dataclass(frozen=True, slots=True)
class JobRun:
    job_id: str
    last_run_at: datetime
    last_result: str
    ok: bool
    duration_seconds: float
    holder: str


def record_run(engine: Engine, run: JobRun) -> None:
    """Write ``run`` as its job's last run (one row per job)."""
    values = {"last_run_at": run.last_run_at, "last_result": run.last_result[:4000], "ok": run.ok,
              "duration_seconds": run.duration_seconds, "holder": run.holder}
    with engine.begin() as connection:
        changed = connection.execute(update(_R).where(_R.c.job_id == run.job_id).values(**values)).rowcount
        if not changed:
            connection.execute(insert(_R).values(job_id=run.job_id, **values))


def last_runs(engine: Engine) -> dict[str, JobRun]:
    """The last run of every job that ran, by job ID."""
    with engine.connect() as connection:
        rows = connection.execute(select(_R)).all()
    return {r.job_id: JobRun(r.job_id, r.last_run_at, r.last_result, r.ok, r.duration_seconds, r.holder)
            for r in rows}
