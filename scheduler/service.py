"""APScheduler 3 wiring: a ``BackgroundScheduler`` in Europe/Luxembourg with a persistent job store in the
gateway's database, whose jobs only *trigger* the sweeps of ``scheduler.jobs``.

- Every job is the module-level ``run_job`` with the job's ID as its only argument (what the job store
  pickles is a reference and a string), under a deterministic ID, replaced at each start.
- Job defaults: ``misfire_grace_time=None`` (a late run is never dropped), ``coalesce=True`` (runs missed
  are done once), ``max_instances=1``.
- Before sweeping, a scheduler takes the store's lock (``scheduler.lock``) and keeps it; a second one waits,
  retrying every ``scheduler_retry_seconds``.
- Once it holds the lock, a scheduler first runs every job once (a restart after a crash catches up at
  once: the sweeps are idempotent and compare the rows with the gateway's clock), then follows the triggers.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from adapters.bootstrap import App
from adapters.settings import Settings
from gateway.clock import LUXEMBOURG_TZ
from gateway.errors import GatewayError
from scheduler.jobs import JOBS, JOBS_BY_ID, Job
from scheduler.lock import LeaseLock, SchedulerLock, lock_for
from scheduler.runs import JobRun, record_run

log = logging.getLogger("ecris.scheduler")

JOBSTORE_TABLE = "apscheduler_jobs"
JOB_DEFAULTS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}


def daily_at(settings: Settings) -> tuple[int, int]:
    """``scheduler_daily_at`` (HH:MM) as hour and minute."""
    try:
        hour, minute = (int(part) for part in settings.scheduler_daily_at.split(":"))
    except ValueError:
        hour = minute = -1
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise GatewayError(f"scheduler_daily_at: {settings.scheduler_daily_at!r} is not a time HH:MM")
    return hour, minute


def trigger_of(job: Job, settings: Settings) -> BaseTrigger:
    hour, minute = daily_at(settings)
    if job.trigger == "daily":
        return CronTrigger(hour=hour, minute=minute, timezone=LUXEMBOURG_TZ)
    if job.trigger == "hourly":
        return CronTrigger(minute=minute, timezone=LUXEMBOURG_TZ)
    return IntervalTrigger(seconds=settings.scheduler_sender_seconds, timezone=LUXEMBOURG_TZ)


def trigger_text(job: Job, settings: Settings) -> str:
    """The trigger in words (English, as in the JSON): ``daily at 02:00 Europe/Luxembourg`` …"""
    hour, minute = daily_at(settings)
    if job.trigger == "daily":
        return f"daily at {hour:02d}:{minute:02d} Europe/Luxembourg"
    if job.trigger == "hourly":
        return f"hourly at minute {minute:02d}"
    return f"every {settings.scheduler_sender_seconds:g} s"


class SchedulerRuntime:
    """The sweeps of one scheduler holding the lock: one at a time, each recorded in ``scheduler_runs``."""

    def __init__(self, app: App, lock: SchedulerLock) -> None:
        self.app = app
        self.lock = lock
        self._one_at_a_time = threading.Lock()

    def sweep(self, job_id: str) -> JobRun | None:
        job = JOBS_BY_ID[job_id]
        with self._one_at_a_time:
            if not self.lock.still_held():
                log.error("job %s not run: this scheduler no longer holds the lock", job_id)
                return None
            at = self.app.clock.now()
            started = time.monotonic()
            try:
                result, ok = job.sweep(self.app), True
            except Exception as error:  # recorded as failed and logged; the next trigger tries again
                log.exception("job %s failed", job_id)
                lines = str(error).strip().splitlines()
                result, ok = f"échec : {type(error).__name__}: {lines[0][:300] if lines else ''}", False
            run = JobRun(job_id, at, result, ok, time.monotonic() - started, self.lock.holder)
            record_run(self.app.engine, run)
            log.info("job %s %s: %s", job_id, "done" if ok else "FAILED", result)
            return run

    def sweep_all(self) -> list[JobRun]:
        return [run for job in JOBS if (run := self.sweep(job.id)) is not None]


class _Current:
    """The scheduler running in this process (one at most), for ``run_job``."""

    runtime: SchedulerRuntime | None = None


def run_job(job_id: str) -> None:
    """What APScheduler runs: the sweep of ``job_id`` by this process's scheduler."""
    runtime = _Current.runtime
    if runtime is None:
        log.warning("job %s triggered with no scheduler running in this process", job_id)
        return
    runtime.sweep(job_id)


def build_scheduler(app: App) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=app.engine, tablename=JOBSTORE_TABLE)},
        job_defaults=JOB_DEFAULTS, timezone=LUXEMBOURG_TZ)
    for job in JOBS:
        scheduler.add_job(run_job, trigger=trigger_of(job, app.settings), args=[job.id], id=job.id,
                          name=job.title, replace_existing=True)
    return scheduler


def acquire(lock: SchedulerLock, stop: threading.Event, *, retry_seconds: float) -> bool:
    """Wait until ``lock`` is ours (True) or ``stop`` is set (False), saying once that another holds it."""
    said = False
    while not stop.is_set():
        if lock.try_acquire():
            log.info("scheduler %s holds the lock and sweeps", lock.holder)
            return True
        if not said:
            log.warning("another scheduler holds the lock: %s waits, retrying every %g s", lock.holder,
                        retry_seconds)
            said = True
        stop.wait(retry_seconds)
    return False


def new_lock(app: App) -> SchedulerLock:
    return lock_for(app.engine, lease_seconds=app.settings.scheduler_lease_seconds)


def run_once(app: App, stop: threading.Event | None = None) -> list[JobRun]:
    """``scheduler run --once``: wait for the lock, run every job once in order, let the lock go."""
    lock = new_lock(app)
    if not acquire(lock, stop or threading.Event(), retry_seconds=app.settings.scheduler_retry_seconds):
        return []
    try:
        return SchedulerRuntime(app, lock).sweep_all()
    finally:
        lock.release()


def run_scheduler(app: App, stop: threading.Event) -> None:
    """``scheduler run`` (and ``serve``): until ``stop``, hold the lock, catch up, follow the triggers; a
    scheduler that loses its lock stops sweeping and waits for it again."""
    lock = new_lock(app)
    check_every = lock.renew_every if isinstance(lock, LeaseLock) else app.settings.scheduler_retry_seconds
    while acquire(lock, stop, retry_seconds=app.settings.scheduler_retry_seconds):
        runtime = _Current.runtime = SchedulerRuntime(app, lock)
        scheduler = build_scheduler(app)
        try:
            runtime.sweep_all()
            scheduler.start()
            log.info("scheduler started: %s", ", ".join(f"{j.id} ({trigger_text(j, app.settings)})" for j in JOBS))
            while not stop.wait(check_every):
                if not lock.still_held():
                    log.error("scheduler %s lost the lock: it stops sweeping", lock.holder)
                    break
        finally:
            if scheduler.running:
                scheduler.shutdown(wait=True)
            _Current.runtime = None
            lock.release()


def next_runs(app: App) -> dict[str, datetime]:
    """The next run of each job as the job store holds it (none before a scheduler has run)."""
    from sqlalchemy import inspect, text

    with app.engine.connect() as connection:
        if not inspect(connection).has_table(JOBSTORE_TABLE):
            return {}
        rows = connection.execute(text(f"SELECT id, next_run_time FROM {JOBSTORE_TABLE}")).all()
    return {row.id: datetime.fromtimestamp(row.next_run_time, LUXEMBOURG_TZ) for row in rows
            if row.next_run_time is not None}
