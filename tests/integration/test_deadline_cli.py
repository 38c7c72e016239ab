"""``ecris-gateway deadline``: the due date of an answer (Art 16) for a clerk in French, for a program as
``{"due_date": …}``; bad input is one line; it needs no store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from adapters.cli import main


def deadline(*args: str) -> Result:
    return CliRunner().invoke(main, ["deadline", *args], env={"ECRIS_GATEWAY_DB": "sqlite:///nowhere/at/all.db"})


@pytest.mark.parametrize(("args", "due"), [
    (["--received", "2026-05-22"], "2026-06-08"),  # Friday before Whit Monday
    (["--received", "2026-12-22"], "2027-01-07"),  # Christmas week
    (["--received", "2026-03-26", "--restarted-on", "2026-04-02"], "2026-04-17"),  # additional-info reply
    (["--received", "2026-03-26", "--working-days", "20"], "2026-04-24"),
    (["--received", "2026-03-26T23:30:00Z"], "2026-04-13"),  # Friday 27 March in Luxembourg
    (["--received", "2026-03-26T22:59:59Z"], "2026-04-10"),  # still Thursday 26 in Luxembourg
    (["--received", "2026-03-27T00:30:00+01:00"], "2026-04-13"),
    (["--received", "2026-03-26 23:30:00+00:00"], "2026-04-13"),
    (["--received", "2026-03-26", "--restarted-on", "2026-04-01T22:30:00Z"], "2026-04-17"),
    (["--received", "2026-07-10", "--country", "FR"], "2026-07-27"),  # Bastille Day
    (["--received", "2026-07-10", "--country", "fr"], "2026-07-27"),
    (["--received", "2026-07-10"], "2026-07-24"),
    (["--received", "2026-04-02", "--country", "DE", "--working-days", "20"], "2026-05-05"),  # Good Friday
])
def test_the_due_date_in_json_is_exactly_one_key(args: list[str], due: str) -> None:
    result = deadline(*args, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"due_date": due}


@pytest.mark.parametrize(("args", "line"), [
    (["--received", "2026-03-26"],
     "échéance : vendredi 10/04/2026 (10 jours ouvrables au Luxembourg après le 26/03/2026)"),
    (["--received", "2026-03-26T23:30:00Z"],
     "échéance : lundi 13/04/2026 (10 jours ouvrables au Luxembourg après le 27/03/2026)"),
    (["--received", "2026-03-26", "--working-days", "1"],
     "échéance : vendredi 27/03/2026 (1 jour ouvrable au Luxembourg après le 26/03/2026)"),
    (["--received", "2026-03-26", "--restarted-on", "2026-04-02"],
     "échéance : vendredi 17/04/2026 (10 jours ouvrables au Luxembourg après le 02/04/2026, "
     "jour de réception de la réponse à la demande d'informations complémentaires)"),
    (["--received", "2026-04-02", "--country", "DE", "--working-days", "20"],
     "échéance : mardi 05/05/2026 (20 jours ouvrables selon les jours fériés du pays Allemagne (DE) "
     "après le 02/04/2026)"),
])
def test_a_clerk_reads_the_due_date_in_french(args: list[str], line: str) -> None:
    result = deadline(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout == line + "\n"


@pytest.mark.parametrize(("args", "status", "says"), [
    (["--received", "26/03/2026"], 1, "--received '26/03/2026' : une date s'écrit AAAA-MM-JJ"),
    (["--received", "2026-02-30"], 1, "une date s'écrit AAAA-MM-JJ"),
    (["--received", "2026-03-26T23:30:00"], 1, "un instant s'écrit avec son décalage horaire"),
    (["--received", "2026-03-26T25:00:00Z"], 1, "une date s'écrit AAAA-MM-JJ"),
    (["--received", "2026-03-26", "--restarted-on", "soon"], 1, "--restarted-on 'soon'"),
    (["--received", "2026-03-26", "--restarted-on", "2026-03-25"], 2, "ne peut précéder la réception"),
    (["--received", "2026-03-26", "--working-days", "0"], 1, "de 1 à 250"),
    (["--received", "2026-03-26", "--working-days", "ten"], 1, "--working-days 'ten'"),
    (["--received", "2026-03-26", "--working-days", "100000"], 1, "de 1 à 250"),
    (["--received", "2026-03-26", "--country", "XX"], 1, "aucun calendrier des jours fériés pour le pays 'XX'"),
    (["--received", "9999-12-31"], 1, "ne couvre que 1901 à 2100"),
])
def test_bad_input_is_one_line_without_a_traceback(args: list[str], status: int, says: str) -> None:
    result = deadline(*args)
    assert result.exit_code == status, result.output
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("error: ") and says in result.stderr


def test_the_deadline_needs_no_store_and_creates_none(tmp_path: Path) -> None:
    result = deadline("--received", "2026-05-22", "--json", "--db", f"sqlite:///{tmp_path}/a/b.db")
    assert result.exit_code == 0, result.output
    assert list(tmp_path.iterdir()) == []
