"""The ``ecris-gateway`` command line: one click group, global options, readable errors."""

from __future__ import annotations

import click

from adapters.cli.context import share_global_options
from adapters.cli.failures import report


class GatewayGroup(click.Group):
    """The root group: gives every command the global options, and turns any failure into readable
    lines on standard error and an exit status (``failures.py``), never a traceback."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        share_global_options(cmd)
        super().add_command(cmd, name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise  # click's own: usage errors, --help, Ctrl-C
        except Exception as error:
            report(ctx, error)
        return None


@click.group(
    cls=GatewayGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Exit status: 0 done; 1 refused (bad input, setting, store or file); 2 unknown person or message, "
           "a request the law does not allow, or a command line that cannot be parsed; 3 an unexpected "
           "failure (ECRIS_GATEWAY_DEBUG=1 shows where).",
)
@click.version_option(package_name="ecris-gateway")
def main() -> None:
    """ecris-gateway: ECRIS / ECRIS-TCN gateway of Luxembourg's criminal-records central authority.

    The options --db, --official and --config are accepted before or after any command."""


share_global_options(main)

from adapters.cli import register as _register  # noqa: E402  (commands attach themselves to main)

main.add_command(_register.register)

from adapters.cli import journal as _journal  # noqa: E402

main.add_command(_journal.journal)

from adapters.cli import notify as _notify  # noqa: E402

main.add_command(_notify.notify)

from adapters.cli import notifications as _notifications  # noqa: E402

main.add_command(_notifications.notifications)

from adapters.cli import bulletin as _bulletin  # noqa: E402

main.add_command(_bulletin.bulletin)

from adapters.cli import messaging as _messaging  # noqa: E402

main.add_command(_messaging.serve)
main.add_command(_messaging.peer)
main.add_command(_messaging.outbox)
main.add_command(_messaging.inbox)
main.add_command(_messaging.ping)

from adapters.cli import identifications as _identifications  # noqa: E402

main.add_command(_identifications.identifications)

from adapters.cli import peer_notify as _peer_notify  # noqa: E402

main.add_command(_peer_notify.peer_notify)
main.add_command(_peer_notify.peer_request)

from adapters.cli import deadline as _deadline  # noqa: E402  (needs no store)

main.add_command(_deadline.deadline)

from adapters.cli import outgoing_requests as _outgoing_requests  # noqa: E402  (Luxembourg's own requests)
from adapters.cli import requests as _requests  # noqa: E402

_requests.requests.add_command(_outgoing_requests.requests_send)
_requests.requests.add_command(_outgoing_requests.requests_own_record)
_requests.requests.add_command(_outgoing_requests.requests_sent)
main.add_command(_requests.requests)

from adapters.cli import tcn as _tcn  # noqa: E402

main.add_command(_tcn.tcn)

from adapters.cli import tcn_central as _tcn_central  # noqa: E402

main.add_command(_tcn_central.tcn_central)

from adapters.cli import tcn_queries as _tcn_queries  # noqa: E402  (joins the ``tcn`` group)

_tcn_queries.attach(main)

from adapters.cli import naturalisation as _naturalisation  # noqa: E402  (Art 14(3) transfer)

main.add_command(_naturalisation.naturalisation)

from adapters.cli import extract as _extract  # noqa: E402  (the electronic extract)

main.add_command(_extract.extract)

from scheduler import commands as _scheduler  # noqa: E402  (the scheduler and its jobs)

main.add_command(_scheduler.scheduler_group)
main.add_command(_scheduler.jobs_group)
