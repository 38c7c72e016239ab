"""``ecris-gateway peer-notify`` and ``peer-request``: the simulated Member State notifies the gateway of a
conviction of one of its nationals (FD 2009/315 Art 4(2)), or of the pardon or deletion of one notified before
(Art 4(3)); or asks it for a person's criminal record (FD Art 6, Art 15 of the law).

Queued in the simulated State's store (``--db``, the one ``ecris-gateway peer --db`` runs on); the running
peer delivers it. Fictitious data only (a demonstration and test aid).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import click

from adapters.bootstrap import App
from adapters.cli.context import Context, pass_context
from adapters.peer.notifications import Change, NotifiedPerson, queue_notification
from adapters.peer.requests import queue_request
from gateway.errors import GatewayError
from gateway.law.request_purposes import PURPOSE_KEYS
from gateway.model.exchange import YesNoUnknown

STATE = re.compile(r"[A-Z]{2}")

_PERSON_OPTIONS = (
    click.option("--state", required=True, help="The simulated Member State, e.g. PT."),
    click.option("--to", "receiver", default="LU", show_default=True, help="The Member State written to."),
    click.option("--surname", required=True),
    click.option("--forenames", required=True),
    click.option("--born", required=True, metavar="YYYY-MM-DD", help="Birth date."),
    click.option("--birth-place", required=True, metavar="TOWN"),
    click.option("--birth-country", default="LU", show_default=True),
    click.option("--national-number", metavar="NUMBER", help="The person's national identification number, if given."),
    click.option("--also-national-of", "others", multiple=True, metavar="STATE", help="Another nationality (repeatable)."),
)


def person_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The simulated State's sender, receiver and the person's identity, shared by both commands."""
    for option in reversed(_PERSON_OPTIONS):
        command = option(command)
    return command


def _peer_app(ctx: Context, state: str, receiver: str) -> App:
    """The simulated State's own store (it must exist: ``peer --db`` created it)."""
    app = App(dataclasses.replace(ctx.settings, member_state=state), may_create_store=False)
    app.engine  # noqa: B018  (no store: say so first)
    for option, code in (("--state", state), ("--to", receiver)):
        if not STATE.fullmatch(code):
            raise GatewayError(f"{option} {code!r} : un État membre s'écrit en deux lettres, p. ex. PT")
    return app


def _person(fields: dict[str, Any], receiver: str) -> NotifiedPerson:
    try:
        birth = date.fromisoformat(fields["born"])
    except ValueError as error:
        raise GatewayError(f"--born {fields['born']!r} : une date s'écrit AAAA-MM-JJ") from error
    return NotifiedPerson(surname=fields["surname"], forenames=fields["forenames"], born=birth,
                          birth_place=fields["birth_place"], birth_country=fields["birth_country"].upper(),
                          national_number=fields["national_number"],
                          nationalities=(receiver, *(o.upper() for o in fields["others"])))


@click.command("peer-notify")
@person_options
@click.option("--conviction", "conviction_serial", type=int, metavar="N",
              help="The serial of a conviction notified before (its ID is STATE-C-N): to change or delete it.")
@click.option("--change", type=click.Choice([c.value for c in Change]), default=Change.NEW.value, show_default=True)
@pass_context
def peer_notify(ctx: Context, /, state: str, receiver: str, conviction_serial: int | None, change: str,
                **identity: Any) -> None:
    """Queue the simulated State's notification of a (fictitious) conviction of a national of --to."""
    state, receiver = state.upper(), receiver.upper()
    app = _peer_app(ctx, state, receiver)
    if change != Change.NEW.value and conviction_serial is None:
        raise GatewayError("--change pardon|delete demande --conviction N (la condamnation notifiée avant)")
    person = _person(identity, receiver)
    with app.uow() as uow:
        message = queue_notification(uow, person, state=state, receiver=receiver, now=app.clock.now(),
                                     conviction_serial=conviction_serial, change=Change(change))
        uow.commit()
    app.engine.dispose()
    click.echo(f"notification {message.metadata.message_id} de la condamnation {message.conviction.id} "
               f"mise en file pour {receiver}")


_CONSENTS = {"yes": YesNoUnknown.YES, "no": YesNoUnknown.NO, "unknown": YesNoUnknown.UNKNOWN}


@click.command("peer-request")
@person_options
@click.option("--purpose", required=True, type=click.Choice(PURPOSE_KEYS), help="The purpose of the request.")
@click.option("--consent", type=click.Choice(["yes", "no", "unknown"]), default="unknown", show_default=True,
              help="The person's consent, as the request states it.")
@pass_context
def peer_request(ctx: Context, /, state: str, receiver: str, purpose: str, consent: str, **identity: Any) -> None:
    """Queue the simulated State's request for the criminal record of a (fictitious) person, to --to."""
    state, receiver = state.upper(), receiver.upper()
    app = _peer_app(ctx, state, receiver)
    person = _person(identity, receiver)
    with app.uow() as uow:
        message = queue_request(uow, person, state=state, receiver=receiver, now=app.clock.now(), purpose=purpose,
                                consent=_CONSENTS[consent])
        uow.commit()
    app.engine.dispose()
    click.echo(f"demande {message.metadata.message_id} ({purpose}) mise en file pour {receiver}")
