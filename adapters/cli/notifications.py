"""``ecris-gateway notifications``: follow the notifications sent to other Member States (Art 12)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import click

from adapters.cli.context import Context, pass_context
from gateway.clock import today
from gateway.services.notification_tracking import TrackedNotification, tracked_notifications
from gateway.services.outgoing_notification import QueuedNotification, notify_due

_STATES_FR = {
    "queued": "en file",
    "sent": "envoyée",
    "failed": "échec d'envoi",
    "acknowledged": "accusée",
    "rejected": "refusée",
    "unanswered": "sans réponse",
}
_ACTS_FR = {"notification": "notification", "update": "mise à jour", "deletion": "suppression"}


def queued_summary(queued: list[QueuedNotification]) -> str | None:
    """One French line saying what a register change sent to other Member States (Art 12), or None."""
    if not queued:
        return None
    counts = {act: sum(q.act.value == act for q in queued) for act in _ACTS_FR}
    return (f"Art 12 : {len(queued)} message(s) mis en file pour d'autres États membres — "
            f"{counts['notification']} notification(s), {counts['update']} mise(s) à jour, "
            f"{counts['deletion']} suppression(s) (`notifications list`).")


@click.group()
def notifications() -> None:
    """Notifications of Luxembourg convictions to the Member States of nationality (Art 12)."""


def _json(t: TrackedNotification) -> dict[str, Any]:
    n = t.notification
    return {
        "message_id": n.message_id,
        "person_id": n.person_id,
        "decision_id": n.decision_id,
        "receiver": n.receiver,
        "conviction_id": n.conviction_id,
        "act": n.act,
        "state": t.state.value,
        "reason": t.reason,
        "for_a_clerk": t.for_a_clerk,
        "queued_at": n.queued_at.isoformat(),
        "sent_at": None if n.sent_at is None else n.sent_at.isoformat(),
        "answer_due": None if t.answer_due is None else t.answer_due.isoformat(),
        "response_id": n.response_id,
        "response_type": n.response_type,
    }


@notifications.command("list")
@click.option("--open", "open_only", is_flag=True, help="Only those not acknowledged by the receiving state.")
@click.option("--person", "person_id", metavar="ID", help="Only the notifications about this person.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (stable English keys).")
@pass_context
def notifications_list(ctx: Context, open_only: bool, person_id: str | None, as_json: bool) -> None:
    """Each notification sent, oldest first, with its state: queued, sent, acknowledged, rejected
    (with the reason), unanswered (no answer within the working days set), failed. Those a clerk
    must look at are marked with `!`."""
    app = ctx.app
    tracked = tracked_notifications(
        app.uow(), on=today(app.clock), working_days=app.settings.notification_response_working_days,
        person_id=person_id, open_only=open_only,
    )
    if as_json:
        click.echo(json.dumps([_json(t) for t in tracked], indent=2, ensure_ascii=False))
        return
    for t in tracked:
        n = t.notification
        mark = "!" if t.for_a_clerk else " "
        line = (f"{mark} {n.message_id}  {n.receiver}  {_ACTS_FR[n.act]:<13} {n.conviction_id}  "
                f"personne {n.person_id} décision {n.decision_id}  {_STATES_FR[t.state.value]}")
        if t.reason:
            line += f" — {t.reason}"
        click.echo(line)
    if not tracked:
        click.echo("aucune notification", err=True)


@notifications.command("sweep")
@click.option("--on", "day", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="The day (YYYY-MM-DD); default: today.")
@pass_context
def notifications_sweep(ctx: Context, day: Any) -> None:
    """Queue every notification owed on DATE: the decisions whose final date has come (Art 1(1),
    12(1)) and any update or deletion still owed. The scheduler runs it daily."""
    app = ctx.app
    on: date = today(app.clock) if day is None else day.date()
    report = notify_due(app.uow(), on=on, clock=app.clock, official=app.official,
                        member_state=app.settings.member_state)
    for q in report.queued:
        click.echo(f"{_ACTS_FR[q.act.value]} {q.message_id} de la condamnation {q.conviction_id} "
                   f"(personne {q.person_id}, décision {q.decision_id}) mise en file pour {q.receiver}")
    if not report.queued:
        click.echo(f"rien à notifier le {on:%d/%m/%Y}")
