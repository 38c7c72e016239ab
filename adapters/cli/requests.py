"""``ecris-gateway requests``: requests of other Member States' central authorities (Arts 15 and 16).

``requests route`` says what the gateway would answer a request, sending nothing."""

from __future__ import annotations

import json
from datetime import date

import click

from adapters.cli.context import Context, pass_context
from adapters.cli.register import ISO_DATE
from gateway.clock import today
from gateway.law.request_purposes import PURPOSE_KEYS, purpose_named
from gateway.law.request_routing import GivenConsent, Outcome
from gateway.law.wording import day
from gateway.model.member_states import EU_MEMBER_STATES, LUXEMBOURG
from gateway.services.request_routing import RoutingDecision, decide_request_route

REQUESTING_STATES = sorted(EU_MEMBER_STATES - {LUXEMBOURG})
ACTIONS_FR = {
    Outcome.ANSWER: "répondre",
    Outcome.NO_INFORMATION: "répondre sans information",
    Outcome.REFUSE: "refuser",
}


def routing_to_json(decision: RoutingDecision) -> dict[str, object]:
    """The public JSON shape: action, bulletin, article, reason, due_date."""
    return {
        "action": decision.action.value,
        "bulletin": decision.bulletin,
        "article": decision.article,
        "reason": decision.reason,
        "due_date": decision.due_date.isoformat(),
    }


def routing_line(decision: RoutingDecision) -> str:
    """One line for a clerk, in French."""
    bulletin = "" if decision.bulletin is None else f" (bulletin N°{decision.bulletin})"
    return (
        f"{ACTIONS_FR[decision.action]}{bulletin} — {decision.reason} (art. {decision.article}) ; "
        f"réponse due le {day(decision.due_date)}"
    )


def _nationalities(_ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    codes = tuple(v.strip().upper() for v in value)
    for code in codes:
        if len(code) != 2 or not code.isascii() or not code.isalpha():
            raise click.BadParameter(f"{code!r} is not a two-letter country code (e.g. LU, FR, MA)", param=param)
    return codes


@click.group()
def requests() -> None:
    """Requests of other Member States' central authorities about persons of the register (Arts 15, 16)."""


@requests.command("route")
@click.option(
    "--from", "requester", required=True, metavar="STATE",
    type=click.Choice(REQUESTING_STATES, case_sensitive=False),
    help="The requesting Member State (two letters, e.g. FR).",
)
@click.option(
    "--purpose", required=True, type=click.Choice(PURPOSE_KEYS),
    help="The request's purpose, a key of the purpose table.",
)
@click.option("--person", "person_id", required=True, metavar="ID", help="The register person asked about.")
@click.option(
    "--consent", type=click.Choice([c.value for c in GivenConsent]), default=GivenConsent.UNKNOWN.value,
    show_default=True, help="The person's consent as the request states it.",
)
@click.option(
    "--nationality", "nationalities", multiple=True, metavar="CC", callback=_nationalities,
    help="For a person the register does not hold: a nationality the request gives (repeatable; default LU).",
)
@click.option("--on", "on", type=ISO_DATE, help="The day the request is received (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object (stable English keys).")
@pass_context
def requests_route(  # noqa: PLR0917
    ctx: Context,
    requester: str,
    purpose: str,
    person_id: str,
    consent: str,
    nationalities: tuple[str, ...],
    on: date | None,
    as_json: bool,
) -> None:
    """What the gateway would answer STATE's request about ID for PURPOSE, sending nothing (Art 15):
    answer with a bulletin, answer without information (« néant », Art 8-4), or refuse, with the
    article, the reason and the day the answer is due (Art 16(1))."""
    app = ctx.app
    received = on or today(app.clock)
    with app.uow() as uow:
        decision = decide_request_route(
            uow.persons,
            person_id=person_id,
            purpose=purpose_named(purpose),
            consent=GivenConsent(consent),
            on=received,
            nationalities=nationalities or (LUXEMBOURG,),
        )
    del requester  # any Member State's central authority is served alike (Art 15)
    if as_json:
        click.echo(json.dumps(routing_to_json(decision), ensure_ascii=False))
    else:
        click.echo(routing_line(decision))
