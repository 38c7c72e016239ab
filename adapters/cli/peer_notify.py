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
from adapters.peer.additional_info import keep_identity_when_asked
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
@click.option("--urgent", is_flag=True, help="Mark the request urgent (MessageDataUrgency Yes).")
@click.option("--when-asked-national-number", "asked_number", metavar="NUMBER",
              help="If the requested State asks for more identification data: the identity number given then.")
@click.option("--when-asked-born", "asked_born", metavar="YYYY-MM-DD",
              help="If asked: the birth date given then.")
@click.option("--when-asked-birth-place", "asked_place", metavar="TOWN", help="If asked: the birth town given then.")
@pass_context
def peer_request(ctx: Context, /, state: str, receiver: str, purpose: str, consent: str, urgent: bool,  # noqa: PLR0917
                 asked_number: str | None, asked_born: str | None, asked_place: str | None, **identity: Any) -> None:
    """Queue the simulated State's request for the criminal record of a (fictitious) person, to --to. If the
    requested State asks for more identification data, the running peer answers with the --when-asked-…
    data given here (the request's identity completed by them), or "not available" without any."""
    state, receiver = state.upper(), receiver.upper()
    app = _peer_app(ctx, state, receiver)
    person = _person(identity, receiver)
    when_asked = None
    if asked_number or asked_born or asked_place:
        when_asked = _person({**identity, "national_number": asked_number or identity["national_number"],
                              "born": asked_born or identity["born"],
                              "birth_place": asked_place or identity["birth_place"]}, receiver)
    with app.uow() as uow:
        message = queue_request(uow, person, state=state, receiver=receiver, now=app.clock.now(), purpose=purpose,
                                consent=_CONSENTS[consent], urgent=urgent)
        if when_asked is not None:
            keep_identity_when_asked(uow, message.metadata.message_id, when_asked, now=app.clock.now())
        uow.commit()
    app.engine.dispose()
    click.echo(f"demande {message.metadata.message_id} ({purpose}) mise en file pour {receiver}")
