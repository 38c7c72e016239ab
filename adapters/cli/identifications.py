"""``ecris-gateway identifications``: the clerk's queue of notified convictions whose person is uncertain
(Art 1(2) 2), Art 3) — list them, and resolve one by naming the person (or a new one)."""

from __future__ import annotations

import json
from typing import Any

import click

from adapters.cli.context import Context, pass_context
from gateway.clock import LUXEMBOURG_TZ
from gateway.errors import GatewayError, InvalidRequest, NotFound
from gateway.model.exchange import Notification, NotificationPush
from gateway.ports import PendingIdentification
from gateway.services.incoming_notification import NotificationRefused, resolve_identification


def _json(item: PendingIdentification) -> dict[str, Any]:
    return {
        "id": item.id,
        "state": item.state.value,
        "message_id": item.message_id,
        "sender": item.sender,
        "conviction_id": item.conviction_id,
        "reason": item.reason,
        "candidates": list(item.candidates),
        "created_at": item.created_at.isoformat(),
        "person_id": item.person_id,
        "reply_id": item.reply_id,
        "resolved_at": None if item.resolved_at is None else item.resolved_at.isoformat(),
        "resolved_by": item.resolved_by,
    }


@click.group()
def identifications() -> None:
    """Notifications from other Member States whose person a clerk must identify (Art 1(2) 2))."""


@identifications.command("list")
@click.option("--all", "everything", is_flag=True, help="Also the identifications already resolved.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (stable English keys).")
@pass_context
def identifications_list(ctx: Context, everything: bool, as_json: bool) -> None:
    """List the notifications waiting for a clerk to name the person, oldest first."""
    with ctx.app.uow() as uow:
        items = uow.identifications.list(open_only=not everything)
    if as_json:
        click.echo(json.dumps([_json(i) for i in items], indent=2, ensure_ascii=False))
        return
    for i in items:
        received = i.created_at.astimezone(LUXEMBOURG_TZ)
        candidates = ", ".join(i.candidates) or "aucun"
        line = (f"n° {i.id}  {i.message_id}  {i.sender}  condamnation {i.conviction_id}  "
                f"reçue le {received:%d/%m/%Y %H:%M}  — {i.reason} ; personnes possibles : {candidates}")
        if i.person_id is not None:
            line += f"  → inscrite sur {i.person_id} par {i.resolved_by}"
        click.echo(line)
    if not items:
        click.echo("aucune identification en attente", err=True)


@identifications.command("resolve")
@click.argument("identification_id", type=int, metavar="ID")
@click.option("--person", "person_id", metavar="PID", help="The register person the notification concerns.")
@click.option("--new", "new", is_flag=True, help="The person is not in the register: create it from the notification.")
@pass_context
def identifications_resolve(ctx: Context, identification_id: int, person_id: str | None, new: bool) -> None:
    """Inscribe the waiting notification ID on person PID (or on a new person) and queue its answer."""
    app = ctx.app
    app.engine  # noqa: B018  (no store: say so first)
    if (person_id is None) == (not new):
        raise InvalidRequest("indiquez soit --person PID, soit --new")
    with app.uow() as uow:
        pending = uow.identifications.get(identification_id)
        if pending is None:
            raise NotFound(f"aucune identification n° {identification_id}")
        record = uow.inbox.get(pending.message_id)
        if record is None:
            raise NotFound(f"le message {pending.message_id} n'est pas au journal des messages reçus")
        message = app.messaging.reader.read(uow.inbox.body(record.id)).message
        if not isinstance(message, Notification | NotificationPush):
            raise GatewayError(f"le message {pending.message_id} ne se lit plus comme une notification")
        try:
            receipt = resolve_identification(uow, identification_id, message, person_id=person_id,
                                             member_state=app.settings.member_state, clock=app.clock,
                                             official=app.official, rates=app.euro_rates)
        except NotificationRefused as refused:
            raise InvalidRequest(f"la notification ne peut pas être inscrite : {refused}") from refused
        uow.commit()
    click.echo(f"notification {pending.message_id} inscrite sur la personne {receipt.person_id} ; "
               f"réponse {receipt.reply_id} mise en file pour {pending.sender}")
