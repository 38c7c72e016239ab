"""``ecris-gateway bulletin (PERSON_ID | --identity FILE) --number N [--on YYYY-MM-DD] [--format text|json]
[--for RECIPIENT_POINT [--consent]]``."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from adapters.cli.context import Context, pass_context
from adapters.cli.register import ISO_DATE, STANDARD_INPUT
from adapters.files.identity_file import IdentityFileError, read_identity
from adapters.text.bulletin_fr import render_bulletin
from adapters.text.foreign_answers_fr import foreign_answer_to_json
from gateway.clock import today
from gateway.errors import InvalidRequest
from gateway.law.bulletin_1 import Mentions
from gateway.law.own_record import OWN_RECORD_BULLETINS
from gateway.law.recipients import Recipient, recipient_at
from gateway.model.person import Person
from gateway.services.bulletin import Bulletin, deliver_bulletin
from gateway.services.identity_bulletin import deliver_identity_bulletin
from gateway.services.outgoing_request_view import attach_foreign_answers


def bulletin_to_json(bulletin: Bulletin) -> dict[str, Any]:
    """The public JSON shape: person, number, on, nil, decisions, explanations; N°1 adds
    ``details``, what Art 1(3)-(4) inscribe with each decision shown; N°3 to N°5 add ``foreign_answers``,
    the answers to the own-record requests forwarded (Art 14), one per State asked."""
    shape = {
        "person": bulletin.person_id,
        "number": bulletin.number,
        "on": bulletin.on.isoformat(),
        "nil": bulletin.nil,
        "decisions": list(bulletin.decisions),
        "explanations": [
            {"decision": e.decision, "included": e.included, "article": e.article, "reason": e.reason}
            for e in bulletin.explanations
        ],
    }
    if bulletin.number == 1:
        shape["details"] = [mentions_to_json(m) for m in bulletin.details]
    if bulletin.number in OWN_RECORD_BULLETINS:
        shape["foreign_answers"] = [foreign_answer_to_json(a) for a in bulletin.foreign_answers]
    return shape


def mentions_to_json(mentions: Mentions) -> dict[str, Any]:
    """Art 1(3)-(4) for one decision: default judgment and opposition, obligations and durations."""
    suspension = mentions.suspension
    return {
        "decision": mentions.decision,
        "by_default_not_notified": mentions.by_default_not_notified,
        "opposition_decision": mentions.opposition_decision,
        "suspension": None
        if suspension is None
        else {
            "type": suspension.type.value,
            "duration_years": suspension.duration_years,
            "obligations": list(suspension.obligations),
        },
        "sursis": [
            {
                "penalty_index": s.penalty_index,
                "penalty": s.penalty,
                "type": s.type.value,
                "probation_years": s.probation_years,
                "obligations": list(s.obligations),
            }
            for s in mentions.sursis
        ],
    }


def _recipient_point(_ctx: click.Context, param: click.Parameter, value: str | None) -> Recipient | None:
    if value is None:
        return None
    try:
        return recipient_at(value)
    except InvalidRequest as error:
        raise click.BadParameter(str(error), param=param) from None


def _identity(file: Path) -> Person:
    """The person object of FILE (``-``: standard input), or a one-line error (exit status 1)."""
    if file == STANDARD_INPUT:
        return read_identity(sys.stdin.buffer.read(), source="standard input")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise IdentityFileError(f"{file}: cannot be read ({error.strerror})") from None
    return read_identity(data, source=str(file))


@click.command()
@click.argument("person_id", metavar="[PERSON_ID]", required=False)
@click.option(
    "--identity", "identity_file", metavar="FILE",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Instead of PERSON_ID: a person object of the register format (- reads standard input), looked up "
         "as a requested person is; unknown to the register: « néant ».",
)
@click.option("--number", "-n", required=True, type=click.IntRange(1, 5), help="Bulletin number, 1 to 5.")
@click.option("--on", "on", type=ISO_DATE, help="The day of issue (default: today).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: the bulletin as a clerk reads it; json: the decisions with their explanations.",
)
@click.option("--json", "as_json", is_flag=True, help="The same as --format json.")
@click.option(
    "--for", "for_point", metavar="RECIPIENT_POINT", callback=_recipient_point,
    help="The recipient, as the article and point of the law that names it (e.g. '8-3(2) 2)', "
         "'8-2(2) 2) a)'): the bulletin is issued only if that point may receive it.",
)
@click.option(
    "--consent", is_flag=True,
    help="The person's written or electronic consent to direct delivery was collected (Art 8 last al.).",
)
@pass_context
def bulletin(  # noqa: PLR0917
    ctx: Context,
    person_id: str | None,
    identity_file: Path | None,
    number: int,
    on: date | None,
    output_format: str,
    as_json: bool,
    for_point: Recipient | None,
    consent: bool,
) -> None:
    """Bulletin N°1 to N°5 of PERSON_ID, or of the person --identity FILE describes (Arts 5, 7, 8-1 to
    8-4): the decisions it shows and why.

    N°4 and N°5 do not exist for legal persons; asking them, or any bulletin of an unknown PERSON_ID, is an
    error (exit status 2). An erased person's bulletin bears « néant » (Art 3). With --identity the person
    is identified as a Member State's requested person is (national number, then names, birth date and
    place): no match gives a « néant » bulletin (Art 8-4); several or uncertain matches are an error naming
    the candidates (exit status 2). With --for, a recipient the law does not let receive it is refused,
    naming the article (exit status 2)."""
    if (person_id is None) == (identity_file is None):
        raise click.UsageError("give either PERSON_ID or --identity FILE")
    app = ctx.app
    day = on or today(app.clock)
    identification = None
    if identity_file is not None:
        identity = _identity(identity_file)
        issued = deliver_identity_bulletin(app.uow(), identity=identity, number=number, on=day, clock=app.clock,
                                           official=app.official, recipient=for_point, consent=consent)
        result, person, identification = issued.bulletin, issued.person, issued.identification
    else:
        assert person_id is not None
        result, person = deliver_bulletin(
            app.uow(),
            person_id=person_id,
            number=number,
            on=day,
            clock=app.clock,
            official=app.official,
            recipient=for_point,
            consent=consent,
        )
    result = attach_foreign_answers(app.uow(), result)
    if as_json or output_format == "json":
        shape = bulletin_to_json(result)
        if identification is not None:
            shape["identification"] = {"outcome": identification.outcome.value, "reason": identification.reason,
                                       "article": identification.article}
        click.echo(json.dumps(shape, ensure_ascii=False, indent=2))
    else:
        text = render_bulletin(result, person)
        if identification is not None:
            text += f"\n\nIdentification (art. {identification.article}) : {identification.reason}"
        click.echo(text)
