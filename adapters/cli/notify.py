"""``ecris-gateway notify PERSON_ID DECISION_ID``: send a conviction to the states of nationality (again)."""

from __future__ import annotations

import click

from adapters.cli.context import Context, pass_context
from gateway.services.outgoing_notification import notify_decision


@click.command()
@click.argument("person_id", metavar="PERSON_ID")
@click.argument("decision_id", metavar="DECISION_ID")
@click.option("--to", "receivers", multiple=True, metavar="STATE",
              help="Only this Member State of the person's nationality (repeatable); default: all of them.")
@click.option("--again", is_flag=True,
              help="Send it once more to a state that already holds it (same conviction ID, as an update).")
@pass_context
def notify(ctx: Context, person_id: str, decision_id: str, receivers: tuple[str, ...], again: bool) -> None:
    """Queue the ECRIS notification of a Luxembourg conviction to each other Member State of the
    person's nationality not yet holding it (Art 12(1)). Convictions are notified by themselves when
    the register changes; this is the clerk's way to send one again. The outbox sender delivers it
    (`outbox run`, or `serve`)."""
    app = ctx.app
    outcome = notify_decision(
        app.uow(), person_id=person_id, decision_id=decision_id, clock=app.clock, official=app.official,
        member_state=app.settings.member_state, receivers=receivers, again=again,
    )
    for q in outcome.queued:
        click.echo(f"notification {q.message_id} de la condamnation {q.conviction_id} mise en file pour {q.receiver}")
    for last in outcome.already:
        click.echo(
            f"déjà notifiée à {last.receiver} (message {last.message_id} du {last.queued_at:%d/%m/%Y}) : "
            "rien n'est envoyé ; --again pour l'envoyer de nouveau"
        )
