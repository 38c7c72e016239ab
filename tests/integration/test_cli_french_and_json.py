"""What a clerk reads is French (register show, erase-due, bulletins, « néant » with its reasons); what a
program reads is JSON with stable English keys; a register file may come from standard input or carry
a UTF-8 byte-order mark; command-line runs print no Alembic progress lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from adapters.cli import main
from tests.samples.register_documents import DEMO_REGISTER, ROOT, decision, natural_person, register, write

ENV = {"ECRIS_GATEWAY_NOW": "2026-11-23T10:00:00+01:00", "ECRIS_GATEWAY_OFFICIAL": "clerk"}


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'x.db'}"


@pytest.fixture
def run(db: str) -> Any:
    def invoke(*args: str, stdin: bytes | None = None) -> Result:
        return CliRunner().invoke(main, ["--db", db, *args], env=ENV, input=stdin)

    return invoke


@pytest.fixture
def imported(run: Any) -> Any:
    assert run("register", "import", str(DEMO_REGISTER)).exit_code == 0
    return run


def test_erase_due_tells_the_clerk_in_french_what_it_erased_and_what_a_clerk_must_review(
    run: Any, tmp_path: Path
) -> None:
    dead = natural_person("DEAD", death_date="2026-08-14")
    unknown_birth = natural_person("NOBIRTH", birth={"date": None, "city": "Wiltz", "country": "LU"})
    assert run("register", "import", str(write(tmp_path / "r.json", register(dead, unknown_birth)))).exit_code == 0
    dry = run("register", "erase-due", "--dry-run").stdout.splitlines()
    assert any(line.startswith("DEAD : serait effacé — ") and line.endswith("(art. 3 al.3)") for line in dry), dry
    done = run("register", "erase-due").stdout.splitlines()
    assert any(line.startswith("DEAD : effacé — ") for line in done), done
    assert "NOBIRTH : à examiner par un agent — date de naissance inconnue : pas d'effacement automatique " \
           "à 100 ans (AMB-2)" in done
    as_json = json.loads(run("register", "erase-due", "--json", "--dry-run").stdout)
    assert as_json["to_review"] == [{"person": "NOBIRTH", "reason": "date de naissance inconnue : pas d'effacement "
                                     "automatique à 100 ans (AMB-2)"}]
    assert run("register", "show", "DEAD").stdout.startswith("DEAD : inscriptions effacées le 23/11/2026")


def test_erase_due_with_nothing_to_do_says_so_in_french(run: Any, tmp_path: Path) -> None:
    run("register", "import", str(write(tmp_path / "one.json", register(natural_person("P1")))))
    assert run("register", "erase-due").stdout.strip() == "rien à effacer le 23/11/2026"


def test_register_show_json_is_the_person_with_the_register_format_s_english_keys(imported: Any) -> None:
    shown = imported("register", "show", "1979110254321", "--json")
    assert shown.exit_code == 0, shown.output
    person = json.loads(shown.stdout)
    exported = json.loads(imported("register", "export", "--person", "1979110254321").stdout)
    assert person == exported["persons"][0]
    assert {"id", "kind", "decisions"} <= person.keys()


def test_register_show_json_of_an_erased_person_gives_when_and_why(imported: Any) -> None:
    imported("register", "erase-due")
    tombstone = json.loads(imported("register", "show", "1950010144444", "--json").stdout)
    assert tombstone["id"] == "1950010144444" and tombstone["erased_on"] == "2026-11-23" and tombstone["reason"]


def test_bulletin_json_flag_is_the_same_as_format_json(imported: Any) -> None:
    by_flag = imported("bulletin", "1985031512345", "--number", "3", "--json")
    assert by_flag.exit_code == 0, by_flag.output
    assert json.loads(by_flag.stdout) == json.loads(
        imported("bulletin", "1985031512345", "--number", "3", "--format", "json").stdout
    )


def test_under_neant_the_text_bulletin_gives_each_decision_s_reason_for_not_appearing(imported: Any) -> None:
    data = json.loads(imported("bulletin", "1985031512345", "--number", "3", "--json").stdout)
    assert data["nil"] and data["explanations"]
    text = imported("bulletin", "1985031512345", "--number", "3").stdout
    after_neant = text.split("\nnéant\n", 1)[1]
    for explanation in data["explanations"]:
        line = f"  {explanation['decision']} (art. {explanation['article']}) : {explanation['reason']}"
        assert line in after_neant.splitlines(), text
    assert "pour l'agent" in after_neant


def test_register_import_dash_reads_standard_input(run: Any) -> None:
    result = run("register", "import", "-", stdin=DEMO_REGISTER.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("standard input: 9 person(s) read")
    assert "SCHMIT Paul" in run("register", "show", "1979110254321").stdout


def test_register_import_from_standard_input_refuses_bad_json_with_its_line(run: Any) -> None:
    result = run("register", "import", "-", stdin=b'{"persons": [\n')
    assert result.exit_code == 1
    assert result.stderr.startswith("standard input:2:") and "not valid JSON" in result.stderr


def test_a_register_file_with_a_utf8_byte_order_mark_is_accepted(run: Any, tmp_path: Path) -> None:
    plain = write(tmp_path / "plain.json", register(natural_person("P1", decision("D1"))))
    with_bom = tmp_path / "bom.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    result = run("register", "import", str(with_bom))
    assert result.exit_code == 0, result.output
    assert "1 new" in result.stdout


def test_command_line_runs_print_no_alembic_progress_lines(db: str) -> None:
    """``inbox process`` configures logging before opening the store: Alembic's INFO lines would show."""
    env = {**ENV, "PATH": "/usr/bin:/bin"}
    for args in (["register", "import", str(DEMO_REGISTER)], ["inbox", "process"]):
        done = subprocess.run([sys.executable, "-m", "adapters.cli", *args, "--db", db], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=False, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "alembic" not in done.stderr.lower() and "Context impl" not in done.stderr, done.stderr
