"""``ecris-gateway notify PERSON_ID DECISION_ID``: notify a conviction to the states of nationality."""

from __future__ import annotations

import click

from adapters.cli.context import Context, pass_context
from gateway.services.outgoing_notification import notify_decision


@click.command()
@click.argument("person_id", metavar="PERSON_ID")
@click.argument("decision_id", metavar="DECISION_ID")
@click.option("--to", "receivers", multiple=True, metavar="STATE",
              help="Only this Member State of the person's nationality (repeatable); default: all of them.")
@pass_context
def notify(ctx: Context, person_id: str, decision_id: str, receivers: tuple[str, ...]) -> None:
    """Queue the ECRIS notification of a Luxembourg conviction to each other Member State of the
    person's nationality (Art 12(1)); the outbox sender delivers it (`outbox run`, or `serve`)."""
    app = ctx.app
    queued = notify_decision(
        app.uow(), person_id=person_id, decision_id=decision_id, clock=app.clock, official=app.official,
        member_state=app.settings.member_state, receivers=receivers,
    )
    for q in queued:
        click.echo(f"notification {q.message_id} of conviction {q.conviction_id} queued for {q.receiver}")
