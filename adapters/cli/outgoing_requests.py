"""``ecris-gateway requests send | own-record | sent``: Luxembourg's own requests to other Member States
(Art 13), the own-record requests it forwards (Art 14), and their answers (Art 16)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import click

from adapters.cli.context import Context, pass_context
from adapters.text.foreign_answers_fr import conviction_to_json, request_detail, request_line
from gateway.clock import today
from gateway.errors import InvalidRequest
from gateway.law.request_purposes import REQUEST_PURPOSES, purpose_named
from gateway.law.wording import day
from gateway.model.member_states import EU_MEMBER_STATES, LUXEMBOURG
from gateway.ports import MessagingUnitOfWork, TcnCentralSystem
from gateway.services.outgoing_request import SentRequest, forward_own_record_request, send_request
from gateway.services.outgoing_request_view import outgoing_request, outgoing_request_rows, request_row

REQUESTED_STATES = sorted(EU_MEMBER_STATES - {LUXEMBOURG})
PURPOSE_NAMES = [name for row in REQUEST_PURPOSES for name in (row.key, row.code)]


def _sent_to_json(sent: list[SentRequest]) -> list[dict[str, str]]:
    return [{"message_id": s.message_id, "to": s.to, "expected_by": s.expected_by.isoformat()} for s in sent]


def _central(ctx: Context) -> TcnCentralSystem | None:
    """The ECRIS-TCN central system when configured (``tcn_central_url``); the core says when it is needed."""
    from adapters.tcn.client import HttpTcnCentralSystem  # the HTTP client only when configured

    settings = ctx.app.settings
    return HttpTcnCentralSystem.from_settings(settings) if settings.tcn_central_url else None


@contextmanager
def _query_logged_even_if_refused(uow: MessagingUnitOfWork) -> Iterator[None]:
    """An ECRIS-TCN query is a processing operation logged whatever follows (Reg Art 31): when the request
    is then refused (a State ECRIS-TCN did not return), the log entry, the only thing written before the
    States are chosen, is committed and the refusal raised."""
    try:
        yield
    except InvalidRequest:
        uow.commit()
        raise


def _echo_sent(sent: list[SentRequest], as_json: bool, person_id: str) -> None:
    if as_json:
        click.echo(json.dumps(_sent_to_json(sent), ensure_ascii=False))
        return
    if not sent:
        click.echo(f"ECRIS-TCN : aucun autre État membre ne détient d'informations sur {person_id} ; "
                   "aucune demande envoyée (art. 12-1(3))")
    for s in sent:
        click.echo(f"{s.message_id} : demande à {s.to}, réponse attendue le {day(s.expected_by)}")


@click.command("send")
@click.option("--to", "to", multiple=True, metavar="STATE",
              type=click.Choice(REQUESTED_STATES, case_sensitive=False),
              help="The Member State asked (repeatable). For a third-country national or an assimilated person "
                   "ECRIS-TCN is queried first and names them: --to may only narrow its States (Art 12-1(3)).")
@click.option("--person", "person_id", required=True, metavar="ID", help="The register person asked about.")
@click.option("--purpose", required=True, type=click.Choice(PURPOSE_NAMES), metavar="P",
              help="A key or code of the purpose table (e.g. criminal_proceedings).")
@click.option("--authority", metavar="A", help="The requesting authority's name (default: the central authority).")
@click.option("--consent", type=click.Choice(["yes", "no"]), help="The person's consent, when it was asked.")
@click.option("--urgent", is_flag=True, help="An urgent request (MessageDataUrgency Yes).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: [{message_id, to, expected_by}].")
@pass_context
def requests_send(ctx: Context, to: tuple[str, ...], person_id: str, purpose: str, authority: str | None,  # noqa: PLR0917
                  consent: str | None, urgent: bool, as_json: bool) -> None:
    """Ask other Member States about a person of the register (Art 13): one ECRIS request per State,
    queued for sending; prints its message ID and the day the answer is expected (10 working days of the
    requested State, Art 16(1)). About a third-country national or an assimilated person, ECRIS-TCN
    (tcn_central_url) is queried first and only the States it returns are asked (Art 12-1(3)); after a
    no-hit, nothing is sent (JSON: [])."""
    app = ctx.app
    app.engine  # noqa: B018  (no store: say so first)
    central = _central(ctx)
    with app.uow() as uow, _query_logged_even_if_refused(uow):
        sent = send_request(uow, person_id=person_id, to=[s.upper() for s in to], purpose=purpose_named(purpose).key,
                            member_state=app.settings.member_state, clock=app.clock, official=app.official,
                            authority=authority, consent=None if consent is None else consent == "yes",
                            urgent=urgent, central=central)
        uow.commit()
    _echo_sent(sent, as_json, person_id)


@click.command("own-record")
@click.argument("person_id", metavar="PERSON_ID")
@click.option("--number", "-n", required=True, type=click.Choice(["3", "4", "5"]),
              help="The bulletin asked: N°3, 4 or 5 (Art 14).")
@click.option("--to", "to", multiple=True, metavar="STATE", type=click.Choice(REQUESTED_STATES, case_sensitive=False),
              help="Optional check: each must be among the States the law names (Art 14(1), or ECRIS-TCN for a "
                   "third-country national, Art 14(2)); the request goes to them all.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: [{message_id, to, expected_by}].")
@pass_context
def requests_own_record(ctx: Context, person_id: str, number: str, to: tuple[str, ...], as_json: bool) -> None:
    """Forward a person's request for their own bulletin N°3, 4 or 5 to every Member State of which they
    are or were a national or resident (Art 14(1)); the answers, due in 20 working days (Art 16(2)), are
    attached to the bulletin (`bulletin PERSON_ID -n N`). For a third-country national (Art 14(2)) the
    ECRIS-TCN query is compulsory (Reg 2019/816 Art 7(1)): the request goes to the States that hit."""
    app = ctx.app
    app.engine  # noqa: B018  (no store: say so first)
    central = _central(ctx)
    with app.uow() as uow, _query_logged_even_if_refused(uow):
        sent = forward_own_record_request(uow, person_id=person_id, number=int(number),
                                          member_state=app.settings.member_state, clock=app.clock,
                                          official=app.official, named=[s.upper() for s in to], central=central)
        uow.commit()
    _echo_sent(sent, as_json, person_id)


@click.command("sent")
@click.argument("message_id", required=False, metavar="[MESSAGE_ID]")
@click.option("--id", "by_id", metavar="MESSAGE_ID", help="Show one request with its answer (same as the argument).")
@click.option("--open", "open_only", is_flag=True, help="Only the requests not yet answered.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (stable English keys).")
@pass_context
def requests_sent(ctx: Context, message_id: str | None, by_id: str | None, open_only: bool, as_json: bool) -> None:
    """The requests Luxembourg sent and the own-record requests it forwarded, with their state (sent,
    deadline_announced, additional_info_asked, answered, late, error), due date and working days left in
    the requested State's calendar; with MESSAGE_ID, one request and its answer."""
    app = ctx.app
    on = today(app.clock)
    wanted = message_id or by_id
    if wanted is not None:
        request = outgoing_request(app.uow(), wanted)
        row = request_row(request, on)
        if as_json:
            row = {**row, "announced_deadline": None if request.announced_deadline is None
                   else request.announced_deadline.isoformat(), "note": request.note,
                   "convictions": [conviction_to_json(d, source=request.to) for d in request.convictions]}
            click.echo(json.dumps(row, ensure_ascii=False, indent=2))
        else:
            click.echo("\n".join(request_detail(request, row)))
        return
    rows = outgoing_request_rows(app.uow(), on=on, open_only=open_only)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        click.echo("aucune demande envoyée" + (" en attente de réponse" if open_only else ""))
    else:
        click.echo("\n".join(request_line(r) for r in rows))
