"""``ecris-gateway deadline --received WHEN [--working-days N] [--restarted-on WHEN] [--country CC] [--json]``:
when an answer is due (Art 16), a calculation for a clerk.

It needs no store: it neither opens nor creates one, whatever ``--db`` says.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import click
from babel import Locale
from babel.dates import format_date

from gateway.errors import GatewayError
from gateway.law.deadlines import ANSWER_WORKING_DAYS, clock_start, due_date
from gateway.law.wording import day
from gateway.model.member_states import LUXEMBOURG
from gateway.working_days import Moment, calendar_of

MAX_WORKING_DAYS = 250
"""About a year of working days: more is a typing mistake, not a deadline of the law."""
FRENCH = Locale.parse("fr")


def moment(option: str, text: str) -> Moment:
    """``YYYY-MM-DD``, or an ISO 8601 instant with its offset (``2026-03-26T23:30:00Z``)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        raise GatewayError(
            f"{option} {text!r} : une date s'écrit AAAA-MM-JJ, un instant AAAA-MM-JJTHH:MM:SS avec son décalage "
            "(Z ou +01:00)"
        ) from None
    if instant.utcoffset() is None:
        raise GatewayError(
            f"{option} {text!r} : un instant s'écrit avec son décalage horaire, p. ex. 2026-03-26T23:30:00Z "
            "ou 2026-03-27T00:30:00+01:00"
        )
    return instant


def working_days_count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_WORKING_DAYS:
        raise GatewayError(
            f"--working-days {text!r} : un nombre entier de jours ouvrables, de 1 à {MAX_WORKING_DAYS}"
        )
    return int(text)


def explanation(due: date, *, count: int, start: date, country: str, restarted: bool) -> str:
    """« échéance : vendredi 10/04/2026 (10 jours ouvrables au Luxembourg après le 26/03/2026) »."""
    days = f"{count} jour ouvrable" if count == 1 else f"{count} jours ouvrables"
    where = "au Luxembourg" if country == LUXEMBOURG else \
        f"selon les jours fériés du pays {FRENCH.territories.get(country, country)} ({country})"
    since = f"après le {day(start)}"
    if restarted:
        since += ", jour de réception de la réponse à la demande d'informations complémentaires"
    return f"échéance : {format_date(due, 'EEEE', locale=FRENCH)} {day(due)} ({days} {where} {since})"


@click.command()
@click.option("--received", required=True, metavar="WHEN",
              help="When the request was received: YYYY-MM-DD, or an ISO 8601 instant with its offset "
                   "(2026-03-26T23:30:00Z), which counts on its calendar day in Luxembourg.")
@click.option("--working-days", "working_days", default=str(ANSWER_WORKING_DAYS), show_default=True,
              metavar="N", help="Working days to answer: 10 (Art 16(1)), 20 for own-record requests (Art 16(2)).")
@click.option("--restarted-on", metavar="WHEN",
              help="When the reply to a request for additional identification information arrived: "
                   "the clock restarts on that day (Art 16(1)).")
@click.option("--country", default=LUXEMBOURG, show_default=True, metavar="CC",
              help="Whose working days count: LU for Luxembourg's answers, the requested State's code for "
                   "the answers Luxembourg awaits.")
@click.option("--json", "as_json", is_flag=True, help='Print {"due_date": "YYYY-MM-DD"} only.')
def deadline(received: str, working_days: str, restarted_on: str | None, country: str, as_json: bool) -> None:
    """When an answer to a request is due: the Nth working day after the day of receipt, that day not
    counted, weekends and the country's legal holidays skipped (Art 16; Reg 1182/71 Art 3(1)). Needs no store."""
    count = working_days_count(working_days)
    start = moment("--received", received)
    restart = None if restarted_on is None else moment("--restarted-on", restarted_on)
    calendar = calendar_of(country.strip().upper())
    due = due_date(start, working_days=count, restarted_on=restart, calendar=calendar)
    if as_json:
        click.echo(json.dumps({"due_date": due.isoformat()}))
        return
    click.echo(explanation(due, count=count, start=clock_start(start, restarted_on=restart),
                           country=calendar.country, restarted=restart is not None))
