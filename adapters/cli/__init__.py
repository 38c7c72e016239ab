"""The ``ecris-gateway`` command line: one click group, global options, readable errors."""

from __future__ import annotations

from pathlib import Path

import click

from adapters.cli.context import Context
from gateway.errors import GatewayError, InvalidInput


class GatewayGroup(click.Group):
    """Turns the gateway's own errors into readable lines on standard error and an exit status."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except InvalidInput as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            ctx.exit(error.exit_status)
        except GatewayError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(error.exit_status)
        return None


@click.group(cls=GatewayGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", metavar="URL", help="Database URL (env ECRIS_GATEWAY_DB); default: SQLite under var/.")
@click.option("--official", metavar="NAME", help="The official acting, recorded in the journal (env ECRIS_GATEWAY_OFFICIAL).")
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TOML settings file (env ECRIS_GATEWAY_CONFIG; default ./ecris-gateway.toml if present).",
)
@click.version_option(package_name="ecris-gateway")
@click.pass_context
def main(ctx: click.Context, db: str | None, official: str | None, config: Path | None) -> None:
    """ecris-gateway: ECRIS / ECRIS-TCN gateway of Luxembourg's criminal-records central authority."""
    ctx.obj = Context(db=db, official=official, config=config)


from adapters.cli import register as _register  # noqa: E402  (commands attach themselves to main)

main.add_command(_register.register)

from adapters.cli import journal as _journal  # noqa: E402

main.add_command(_journal.journal)

from adapters.cli import notify as _notify  # noqa: E402

main.add_command(_notify.notify)

from adapters.cli import bulletin as _bulletin  # noqa: E402

main.add_command(_bulletin.bulletin)

from adapters.cli import messaging as _messaging  # noqa: E402

main.add_command(_messaging.serve)
main.add_command(_messaging.peer)
main.add_command(_messaging.outbox)
main.add_command(_messaging.inbox)
main.add_command(_messaging.ping)
