"""``ecris-gateway scheduler run [--once]`` and ``ecris-gateway jobs list [--json]``."""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
from datetime import datetime
from typing import Any

import click

from adapters.cli.context import Context, pass_context
from gateway.clock import LUXEMBOURG_TZ
from scheduler.jobs import JOBS
from scheduler.runs import last_runs
from scheduler.service import next_runs, run_once, run_scheduler, trigger_text


def _logging(level: int) -> None:
    logging.basicConfig(level=level, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


@click.group("scheduler")
def scheduler_group() -> None:
    """The scheduler: deadlines watched, purges and erasures on time, deliveries retried."""


@scheduler_group.command("run")
@click.option("--once", is_flag=True, help="Run every job once now, in order, and exit (cron, tests, demo).")
@pass_context
def scheduler_run(ctx: Context, once: bool) -> None:
    """Run the scheduler alone (for deployments whose `serve` runs with --no-scheduler). One scheduler sweeps
    a store at a time: a second one waits for the lock, retrying."""
    _logging(logging.WARNING if once else logging.INFO)  # --once prints its own lines
    app = ctx.app  # a scheduler works on an existing store, never on a new, empty one
    app.engine  # noqa: B018  (no store: say so before anything else)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        if once:
            for run in run_once(app, stop):
                click.echo(f"{'ok    ' if run.ok else 'ÉCHEC '} {run.job_id:<24} {run.last_result}")
            return
        run_scheduler(app, stop)
    except KeyboardInterrupt:
        stop.set()


@click.group("jobs")
def jobs_group() -> None:
    """The scheduler's jobs."""


def _iso(instant: datetime | None) -> str | None:
    return None if instant is None else instant.astimezone(LUXEMBOURG_TZ).isoformat()


def _local(instant: datetime | None) -> str:
    return "jamais" if instant is None else f"{instant.astimezone(LUXEMBOURG_TZ):%d/%m/%Y %H:%M}"


def _next(instant: datetime | None) -> str:
    return "non planifié (aucun planificateur en marche)" if instant is None else _local(instant)


@jobs_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (stable English keys).")
@pass_context
def jobs_list(ctx: Context, as_json: bool) -> None:
    """Each job: its trigger, its last run (the gateway's clock) and result, its next run (none until a
    scheduler runs)."""
    app = ctx.app
    runs = last_runs(app.engine)
    upcoming = next_runs(app)
    rows: list[dict[str, Any]] = []
    for job in JOBS:
        run = runs.get(job.id)
        rows.append({
            "id": job.id,
            "trigger": trigger_text(job, app.settings),
            "last_run_at": _iso(None if run is None else run.last_run_at),
            "next_run_at": _iso(upcoming.get(job.id)),
            "last_result": None if run is None else run.last_result,
            "ok": None if run is None else run.ok,
        })
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for job in JOBS:
        run = runs.get(job.id)
        state = "jamais lancé" if run is None else ("réussi" if run.ok else "ÉCHEC")
        click.echo(f"{job.title} [{job.id}] — dernier passage {_local(None if run is None else run.last_run_at)} "
                   f"({state}) ; prochain {_next(upcoming.get(job.id))}"
                   + ("" if run is None else f" — {run.last_result}"))
