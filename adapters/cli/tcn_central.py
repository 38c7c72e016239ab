"""``ecris-gateway tcn-central``: the simulated ECRIS-TCN central system on 127.0.0.1."""

from __future__ import annotations

import logging
import sys
import tempfile
import threading
from pathlib import Path

import click

from adapters.bootstrap import clock_for
from adapters.cli.context import Context, pass_context
from adapters.soap.serve import Runtime
from adapters.soap.serve import serve as run_server
from adapters.tcn.central_app import PATH, CentralSystemApp
from adapters.tcn.central_store import CentralStore, central_engine
from adapters.tcn.seed import read_seed
from gateway.clock import today


def _default_db() -> str:
    folder = Path(tempfile.mkdtemp(prefix="ecris-tcn-central-"))
    return f"sqlite:///{folder / 'central.db'}"


@click.command("tcn-central")
@click.option("--port", type=int, required=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--db", "db_url", metavar="URL",
              help="The central system's own database (default: a temporary SQLite file).")
@click.option("--seed", "seed", type=click.Path(dir_okay=False, path_type=Path),
              help="A JSON list of other Member States' records to hold (see adapters/tcn/seed.py).")
@click.option("--threads", type=int, default=8, show_default=True)
@click.option("--log-level", default="info", show_default=True)
@pass_context
def tcn_central(  # noqa: PLR0917
    ctx: Context, port: int, host: str, db_url: str | None, seed: Path | None, threads: int,
                log_level: str) -> None:
    """Run a simulated ECRIS-TCN central system: POST /tcn (the project's format, schemas/ecris-tcn)."""
    logging.basicConfig(level=getattr(logging, log_level.upper(), logging.INFO), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    url = db_url or _default_db()
    clock = clock_for(ctx.settings)
    engine = central_engine(url)
    if seed is not None:
        count = CentralStore(engine).seed(read_seed(seed, collected_on=today(clock)), at=clock.now())
        click.echo(f"{count} record(s) seeded from {seed}", err=True)
    in_memory = engine.url.get_backend_name() == "sqlite" and engine.url.database in (None, "", ":memory:")
    if not in_memory:
        engine.dispose()  # each worker opens its own after the fork
    click.echo(f"simulated ECRIS-TCN central system on http://{host}:{port}{PATH}", err=True)

    def build() -> Runtime:
        store = CentralStore(engine if in_memory else central_engine(url))
        app = CentralSystemApp(store, clock, max_bytes=ctx.settings.max_message_bytes)

        def start(_stop: threading.Event) -> None:
            return None

        return Runtime(app, start)

    run_server(build, host=host, port=port, workers=1, threads=threads, log_level=log_level)
