"""``ecris-gateway requests``: requests of other Member States' central authorities (Arts 15 and 16).

``requests route`` says what the gateway would answer a request, sending nothing; ``requests list`` is the clerks'
work queue, ``requests show`` one request received with its history, ``requests answer`` a clerk's answer."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import click

from adapters.cli.context import Context, pass_context
from adapters.cli.register import ISO_DATE
from adapters.text.request_queue_fr import history_json, history_lines, row_json, row_line
from gateway.clock import today
from gateway.errors import InvalidRequest, NotFound
from gateway.law.request_purposes import PURPOSE_KEYS, purpose_named
from gateway.law.request_routing import GivenConsent, Outcome
from gateway.law.wording import day
from gateway.model.member_states import EU_MEMBER_STATES, LUXEMBOURG
from gateway.services.incoming_copy_request import answer_copy_request_by_clerk
from gateway.services.incoming_request import answer_by_clerk
from gateway.services.request_queue import request_queue, row_of_incoming
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


@requests.command("list")
@click.option("--open", "open_only", is_flag=True, help="Only the requests not yet answered.")
@click.option("--due-before", "due_before", type=ISO_DATE, metavar="DATE",
              help="Only the requests due strictly before DATE (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (stable English keys).")
@pass_context
def requests_list(ctx: Context, open_only: bool, due_before: date | None, as_json: bool) -> None:
    """The work queue: every request received (Art 15) and copy request (Art 12(3)) with its state — to be
    handled by a clerk, awaiting identification, answered, late — its due date and the Luxembourg working
    days left (0 on the due date, negative when late); urgent ones first, then by due date."""
    app = ctx.app
    with app.uow() as uow:
        rows = request_queue(uow, on=today(app.clock), open_only=open_only, due_before=due_before)
        flags = uow.request_flags.flags()
    rows = [replace(r, flag=flags[(r.direction, r.message_id)].flag) if (r.direction, r.message_id) in flags else r
            for r in rows]
    if as_json:
        click.echo(json.dumps([row_json(r) for r in rows], indent=2, ensure_ascii=False))
        return
    for row in rows:
        click.echo(row_line(row))
    if not rows:
        click.echo("aucune demande" + (" en attente" if open_only else ""), err=True)


@requests.command("show")
@click.argument("message_id", metavar="MESSAGE_ID")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object (stable English keys).")
@pass_context
def requests_show(ctx: Context, message_id: str, as_json: bool) -> None:
    """One request received and its history: the deadline sent, the additional information asked and
    received, the answer."""
    app = ctx.app
    with app.uow() as uow:
        request = uow.incoming_requests.get(message_id.strip())
        if request is None:
            raise NotFound(f"aucune demande {message_id} au registre des demandes reçues")
        exchanges = uow.incoming_requests.exchanges(request)
        stored = uow.request_flags.flags().get(("incoming", request.message_id))
    row = replace(row_of_incoming(request, on=today(app.clock)), flag=None if stored is None else stored.flag)
    if as_json:
        click.echo(json.dumps(history_json(request, row, exchanges), indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(history_lines(request, row, exchanges)))


@requests.command("answer")
@click.argument("message_id", metavar="MESSAGE_ID")
@click.option("--person", "person_id", metavar="ID", help="The register person the request is about.")
@click.option("--not-held", "not_held", is_flag=True, help="The register does not hold the person (Art 8-4).")
@click.option("--purpose", type=click.Choice(PURPOSE_KEYS),
              help="The request's purpose, when its code is not in the purpose table.")
@pass_context
def requests_answer(ctx: Context, message_id: str, person_id: str | None, not_held: bool,
                    purpose: str | None) -> None:
    """Answer a request waiting for a clerk (unknown purpose code, uncertain identity): the person is ID, or
    one the register does not hold; the answer goes through the same routing (Art 15) and is queued for the
    requesting State; journalled with the official. An Art 12(3) copy request waiting in the queue is
    answered by the Art 12(3) rule: the copy when the State asking is one of the person's nationality, a
    reasoned denial otherwise, an answer without convictions for a person the register does not hold."""
    app = ctx.app
    app.engine  # noqa: B018  (no store: say so first)
    if (person_id is None) == (not not_held):
        raise InvalidRequest("indiquez soit --person ID, soit --not-held")
    wanted = message_id.strip()
    with app.uow() as uow:
        if uow.incoming_requests.get(wanted) is None and uow.copy_requests.get(wanted) is not None:
            if purpose is not None:
                raise InvalidRequest("--purpose est sans objet pour une demande de copie (art. 12(3))")
            answered = answer_copy_request_by_clerk(uow, wanted, person_id=person_id,
                                                    member_state=app.settings.member_state, clock=app.clock,
                                                    official=app.official)
        else:
            answered = answer_by_clerk(uow, wanted, person_id=person_id, purpose_key=purpose,
                                       member_state=app.settings.member_state, clock=app.clock,
                                       official=app.official)
        uow.commit()
    whom = f"la personne {answered.person_id}" if answered.person_id else "une personne que le registre ne détient pas"
    click.echo(f"demande {message_id} : réponse {answered.reply_id} ({answered.response_type}) sur {whom}, "
               f"mise en file pour {answered.reply_id.receiver}")
