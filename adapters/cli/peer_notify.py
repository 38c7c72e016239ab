"""``ecris-gateway peer-notify``: the simulated Member State notifies the gateway of a conviction of one of its
nationals (FD 2009/315 Art 4(2)), or of the pardon or deletion of one notified before (Art 4(3)).

Queued in the simulated State's store (``--db``, the one ``ecris-gateway peer --db`` runs on); the running
peer delivers it. Fictitious data only (a demonstration and test aid).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import click

from adapters.bootstrap import App
from adapters.cli.context import Context, pass_context
from adapters.peer.notifications import Change, NotifiedPerson, queue_notification
from gateway.errors import GatewayError

STATE = re.compile(r"[A-Z]{2}")


@click.command("peer-notify")
@click.option("--state", required=True, help="The simulated (convicting) Member State, e.g. PT.")
@click.option("--to", "receiver", default="LU", show_default=True, help="The State of nationality notified.")
@click.option("--surname", required=True)
@click.option("--forenames", required=True)
@click.option("--born", required=True, metavar="YYYY-MM-DD", help="Birth date.")
@click.option("--birth-place", required=True, metavar="TOWN")
@click.option("--birth-country", default="LU", show_default=True)
@click.option("--national-number", metavar="NUMBER", help="The person's national identification number, if given.")
@click.option("--also-national-of", "others", multiple=True, metavar="STATE", help="Another nationality (repeatable).")
@click.option("--conviction", "conviction_serial", type=int, metavar="N",
              help="The serial of a conviction notified before (its ID is STATE-C-N): to change or delete it.")
@click.option("--change", type=click.Choice([c.value for c in Change]), default=Change.NEW.value, show_default=True)
@pass_context
def peer_notify(ctx: Context, state: str, receiver: str, surname: str, forenames: str, born: str,  # noqa: PLR0917
                birth_place: str, birth_country: str, national_number: str | None, others: tuple[str, ...],
                conviction_serial: int | None, change: str) -> None:
    """Queue the simulated State's notification of a (fictitious) conviction of a national of --to."""
    state, receiver = state.upper(), receiver.upper()
    app = App(dataclasses.replace(ctx.settings, member_state=state), may_create_store=False)  # the peer's store
    app.engine  # noqa: B018  (no store: say so first)
    for option, code in (("--state", state), ("--to", receiver)):
        if not STATE.fullmatch(code):
            raise GatewayError(f"{option} {code!r} : un État membre s'écrit en deux lettres, p. ex. PT")
    if change != Change.NEW.value and conviction_serial is None:
        raise GatewayError("--change pardon|delete demande --conviction N (la condamnation notifiée avant)")
    try:
        birth = date.fromisoformat(born)
    except ValueError as error:
        raise GatewayError(f"--born {born!r} : une date s'écrit AAAA-MM-JJ") from error
    person = NotifiedPerson(surname=surname, forenames=forenames, born=birth, birth_place=birth_place,
                            birth_country=birth_country.upper(), national_number=national_number,
                            nationalities=(receiver, *(o.upper() for o in others)))
    with app.uow() as uow:
        message = queue_notification(uow, person, state=state, receiver=receiver, now=app.clock.now(),
                                     conviction_serial=conviction_serial, change=Change(change))
        uow.commit()
    app.engine.dispose()
    click.echo(f"notification {message.metadata.message_id} de la condamnation {message.conviction.id} "
               f"mise en file pour {receiver}")
