"""``ecris-gateway journal …``: read and verify the processing journal (who did what, when, why)."""

from __future__ import annotations

import json

import click

from adapters.cli.context import Context, pass_context
from gateway.clock import LUXEMBOURG_TZ
from gateway.errors import GatewayError


class JournalBroken(GatewayError):
    """The journal's hash chain does not hold: an entry was altered or removed."""


@click.group()
def journal() -> None:
    """The processing journal: append-only, each entry hashing its predecessor (Art 3-1)."""


@journal.command("list")
@click.option("--subject", metavar="ID", help="Only the entries about this person or message.")
@click.option("--action", metavar="ACTION", help="Only this action, e.g. register.erase or bulletin.issue.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_context
def list_(ctx: Context, subject: str | None, action: str | None, as_json: bool) -> None:
    """List journal entries, oldest first."""
    with ctx.app.uow() as uow:
        entries = [
            e
            for e in uow.journal.entries()
            if (subject is None or e.subject == subject) and (action is None or e.action == action)
        ]
    if as_json:
        rows = [
            {"at": e.at.isoformat(), "official": e.official, "action": e.action, "subject": e.subject,
             "reason": e.reason, "details": e.details}
            for e in entries
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for e in entries:
        local = e.at.astimezone(LUXEMBOURG_TZ)
        click.echo(f"{local:%d/%m/%Y %H:%M:%S}  {e.official:<14} {e.action:<18} {e.subject:<16} {e.reason}")


@journal.command()
@pass_context
def verify(ctx: Context) -> None:
    """Check the hash chain from the first entry to the last; exit 1 naming the first broken entry."""
    with ctx.app.uow() as uow:
        broken = uow.journal.first_broken_link()
        count = len(uow.journal.entries())
    if broken is not None:
        raise JournalBroken(f"the journal's chain breaks at entry {broken}: it was altered or an entry removed")
    click.echo(f"journal intact: {count} entries, each hashing its predecessor")
