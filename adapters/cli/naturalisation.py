"""``ecris-gateway naturalisation import | sweep | status``: the Minister of Justice's annual transfer of the
persons who acquired or recovered Luxembourg nationality (Art 14(3); schemas/naturalisation.md)."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from adapters.cli.context import Context, pass_context
from adapters.cli.progress import ProgressBar
from adapters.cli.register import ISO_DATE
from adapters.naturalisation.transfer_file import read_transfer
from gateway.clock import today
from gateway.ports import NaturalisationPersonRecord
from gateway.services.naturalisation.settlement import naturalisation_fallbacks
from gateway.services.naturalisation.status import transfer_status
from gateway.services.naturalisation.transfer_import import import_transfer

REPORT_COLUMNS = ("line", "person", "state", "actions", "requests_sent", "convictions_inscribed", "problems")


@click.group()
def naturalisation() -> None:
    """The annual naturalisation transfer (Art 14(3)): import, sweep, status."""


def _write_report(path: Path, records: list[NaturalisationPersonRecord]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(REPORT_COLUMNS)
        for r in sorted(records, key=lambda r: r.row_index):
            writer.writerow([r.row_index, r.person_id or "", r.state.value, " | ".join(r.actions), r.requests_sent,
                             r.convictions_inscribed, " | ".join(r.problems)])


@naturalisation.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write one CSV line per person done by this run: line, person, state, actions, requests "
                   "sent, convictions inscribed, problems.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@pass_context
def import_(ctx: Context, file: Path, report_path: Path | None, as_json: bool) -> None:
    """Import FILE (JSON Lines, schemas/naturalisation.md): each person matched to or created in the register
    and made Luxembourgish; each former Member State of nationality asked through ECRIS; each third country's
    extract inscribed (Art 14(3)). A bad line is reported and the others go on. Running it again, or after a
    crash, does only the lines not done (each exactly once)."""
    transfer = read_transfer(file.read_bytes())
    app = ctx.app_creating_store
    with ProgressBar() as bar:
        summary = import_transfer(transfer.rows(), header=transfer.header, digest=transfer.digest, source=file.name,
                                  total=transfer.total, uow=app.uow, clock=app.clock, official=app.official,
                                  member_state=app.settings.member_state, progress=bar.stage("naturalisations"))
    if report_path is not None:
        _write_report(report_path, summary.records)
    figures = {"transfer": summary.transfer_id, "rows": summary.rows, "already_done": summary.already_done,
               "persons_done": summary.persons_done, "invalid_rows": summary.invalid_rows,
               "requests_sent": summary.requests_sent, "convictions_inscribed": summary.convictions_inscribed}
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False))
        return
    click.echo(f"transfert {summary.transfer_id} : {summary.rows} ligne(s), {summary.already_done} déjà traitée(s), "
               f"{summary.persons_done} personne(s) traitée(s), {summary.invalid_rows} ligne(s) refusée(s), "
               f"{summary.requests_sent} demande(s) ECRIS, {summary.convictions_inscribed} condamnation(s) inscrite(s)")
    for record in summary.records:
        for problem in record.problems:
            click.echo(f"ligne {record.row_index} : {problem}", err=True)


@naturalisation.command("sweep")
@click.option("--on", "on", type=ISO_DATE, help="The day of the sweep (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def sweep(ctx: Context, on: date | None, as_json: bool) -> None:
    """Settle the transfers' requests: answers received inscribed; past the requested State's 10 working days,
    or after an incomplete answer, the supplied extract inscribed instead (Art 14(3)). The scheduler runs it
    daily."""
    app = ctx.app
    report = naturalisation_fallbacks(app.uow(), on or today(app.clock), clock=app.clock, official=app.official,
                                      member_state=app.settings.member_state)
    if as_json:
        click.echo(json.dumps({"answers_inscribed": report.answers_inscribed, "fallbacks": report.fallbacks,
                               "convictions_inscribed": report.convictions_inscribed,
                               "problems": report.problems}, ensure_ascii=False))
        return
    click.echo(f"{report.answers_inscribed} réponse(s) inscrite(s), {report.fallbacks} extrait(s) fourni(s) "
               f"inscrit(s) à défaut de réponse complète, {report.convictions_inscribed} condamnation(s)")
    for problem in report.problems:
        click.echo(problem, err=True)


def _status_line(row: dict[str, Any]) -> str:
    return (f"{row['transfer']} ({row['reference']}, {row['year']}) : {row['rows_done']}/{row['rows']} ligne(s) "
            f"traitée(s) dont {row['invalid_rows']} refusée(s) ; {row['persons_complete']} personne(s) complète(s), "
            f"{row['persons_awaiting_answers']} en attente ; demandes : {row['requests_sent']} envoyée(s), "
            f"{row['requests_awaiting']} en attente, {row['answers_inscribed']} réponse(s) inscrite(s), "
            f"{row['fallbacks_applied']} repli(s) sur l'extrait ; {row['convictions_inscribed']} condamnation(s) "
            f"inscrite(s) ; {row['rows_with_problems']} ligne(s) avec problème")


@naturalisation.command("status")
@click.option("--year", type=int, help="Only the transfers of that year.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (stable English keys).")
@pass_context
def status(ctx: Context, year: int | None, as_json: bool) -> None:
    """Where each transfer stands: lines done, persons complete or awaiting answers, requests, fallbacks."""
    rows = transfer_status(ctx.app.uow(), year=year)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        click.echo("aucun transfert de naturalisations")
    else:
        click.echo("\n".join(_status_line(r) for r in rows))
