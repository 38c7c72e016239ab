"""``ecris-gateway register …``: import, export, show, erase-due."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from adapters.cli.context import Context, pass_context
from adapters.cli.notifications import queued_summary
from adapters.cli.progress import ProgressBar
from adapters.files.register_format import envelope, load_bytes, load_file, person_to_json
from adapters.files.register_import import import_register_document
from adapters.text.erasure_fr import (
    REVIEW_REASON,
    erasure_line,
    nothing_to_erase,
    review_line,
    tombstone_line,
)
from adapters.text.french import describe_decision, describe_person
from adapters.text.tcn_fr import queued_tcn_summary
from gateway.clock import today
from gateway.errors import InvalidInput
from gateway.model.person import Person
from gateway.ports import Tombstone
from gateway.services.consultation import consult_person, export_persons
from gateway.services.erasure import erase_due_persons


class IsoDate(click.ParamType):  # type: ignore[type-arg]
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date (YYYY-MM-DD)", param, ctx)


ISO_DATE = IsoDate()


@click.group()
def register() -> None:
    """The national register: import, export, show a person, erase what is due (Arts 1–3)."""


STANDARD_INPUT = Path("-")


@register.command("import")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@pass_context
def import_(ctx: Context, file: Path) -> None:
    """Import FILE (register interchange format v1; - reads standard input). All or nothing: a file
    with any problem is refused whole, every problem of every person on standard error, one per line,
    and nothing is stored. A progress bar is drawn when standard error is a terminal."""
    if file == STANDARD_INPUT:
        source = "standard input"
        document, problems = load_bytes(sys.stdin.buffer.read(), source=source)
    else:
        source = file.name
        document, problems = load_file(file)
    if problems:
        raise InvalidInput(problems)
    app = ctx.app_creating_store
    with ProgressBar() as bar:
        imported = import_register_document(
            document, source=source, uow=app.uow, clock=app.clock, official=app.official, rates=app.euro_rates,
            stage=bar.stage, member_state=app.settings.member_state,
        )
    report = imported.report
    click.echo(
        f"{source}: {imported.persons_in_file} person(s) read — {report.persons_created} new, "
        f"{report.persons_updated} changed, {report.persons_unchanged} unchanged; decisions: "
        f"{report.decisions_added} added, {report.decisions_updated} changed, {report.decisions_removed} removed."
    )
    if report.unconverted_fines:
        click.echo(
            f"{len(report.unconverted_fines)} decision(s) with a fine no ECB rate converts to euros, counted above"
            f" every threshold until a clerk reviews them (AMB-29): {', '.join(report.unconverted_fines)}"
        )
    if (sent := queued_summary(report.notifications)) is not None:
        click.echo(sent)
    if (tcn := queued_tcn_summary(report.tcn_operations)) is not None:
        click.echo(tcn)


@register.command()
@click.option("--person", "person_id", metavar="ID", help="Export only this person.")
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of standard output."
)
@pass_context
def export(ctx: Context, person_id: str | None, out: Path | None) -> None:
    """Export the register (erased persons excluded) in the interchange format."""
    app = ctx.app

    def deliver(chosen: list[Person]) -> None:
        text = json.dumps(envelope([person_to_json(p) for p in chosen]), ensure_ascii=False, indent=2) + "\n"
        if out is None:
            click.echo(text, nl=False)
        else:
            out.write_text(text, encoding="utf-8")

    chosen = export_persons(app.uow(), person_id=person_id, clock=app.clock, official=app.official,
                            destination=str(out) if out else "standard output", deliver=deliver)
    if out is not None:
        click.echo(f"{len(chosen)} person(s) written to {out}", err=True)


def _shown_as_json(found: Person | Tombstone) -> dict[str, Any]:
    """A person in the interchange format's shape (stable English keys), or what erasure left."""
    if isinstance(found, Tombstone):
        return {"id": found.person_id, "erased_on": found.erased_on.isoformat(), "reason": found.reason}
    return person_to_json(found)


@register.command()
@click.argument("person_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True,
              help="Print the person as JSON, in the register format's shape, instead of French text.")
@pass_context
def show(ctx: Context, person_id: str, as_json: bool) -> None:
    """Show a person and every inscription, as a clerk reads them (in French)."""
    app = ctx.app
    person = consult_person(app.uow(), person_id=person_id, clock=app.clock, official=app.official)
    if as_json:
        click.echo(json.dumps(_shown_as_json(person), ensure_ascii=False, indent=2))
        return
    if isinstance(person, Tombstone):
        click.echo(tombstone_line(person))
        return
    lines = describe_person(person)
    lines.append(f"  {len(person.decisions)} décision(s) inscrite(s)")
    for decision in person.decisions:
        lines.append("")
        lines.extend(f"  {line}" for line in describe_decision(decision))
    click.echo("\n".join(lines))


@register.command("erase-due")
@click.option("--on", "on", type=ISO_DATE, help="The day to erase for (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of lines.")
@click.option("--dry-run", is_flag=True, help="Say what would be erased, erase nothing.")
@pass_context
def erase_due(ctx: Context, on: date | None, as_json: bool, dry_run: bool) -> None:
    """Erase the inscriptions of persons dead or 100 years old (Art 3, last paragraph; a partial birth
    date counts from its earliest possible day, AMB-2); list persons whose birth date is unknown, for a
    clerk to decide (they are never erased automatically)."""
    app = ctx.app
    day = on or today(app.clock)
    report = erase_due_persons(uow=app.uow(), clock=app.clock, official=app.official, on=day, dry_run=dry_run,
                               member_state=app.settings.member_state)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "on": day.isoformat(),
                    "dry_run": dry_run,
                    "erased": [
                        {
                            "person": e.person_id,
                            "reason": e.reason,
                            "ground": e.due.ground.value,
                            "article": e.article,
                        }
                        for e in report.erased
                    ],
                    "to_review": [
                        {"person": p, "reason": REVIEW_REASON}
                        for p in report.to_review
                    ],
                    "deletions_queued": [
                        {"person": q.person_id, "decision": q.decision_id, "receiver": q.receiver,
                         "message_id": q.message_id, "conviction_id": q.conviction_id}
                        for q in report.notifications
                    ],
                },
                indent=2,
            )
        )
        return
    for erasure in report.erased:
        click.echo(erasure_line(erasure, dry_run=dry_run))
    for person_id in report.to_review:
        click.echo(review_line(person_id))
    if not report.erased and not report.to_review:
        click.echo(nothing_to_erase(day))
    if (sent := queued_summary(report.notifications)) is not None:
        click.echo(sent)
    if (tcn := queued_tcn_summary(report.tcn_operations)) is not None:
        click.echo(tcn)
