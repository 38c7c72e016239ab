"""``ecris-gateway register …`` as a clerk runs it: readable lines, exit statuses, nothing half-done."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from adapters.cli import main
from tests.samples.register_documents import DEMO_REGISTER, decision, natural_person, register, write


@pytest.fixture
def run(tmp_path: Path) -> Any:
    db = f"sqlite:///{tmp_path / 'cli.db'}"

    def invoke(*args: str) -> Result:
        env = {"ECRIS_GATEWAY_NOW": "2026-11-23T10:00:00+01:00", "ECRIS_GATEWAY_OFFICIAL": "clerk"}
        return CliRunner().invoke(main, ["--db", db, *args], env=env)

    return invoke


def test_import_prints_a_summary_and_show_describes_the_person_in_french(run: Any) -> None:
    result = run("register", "import", str(DEMO_REGISTER))
    assert result.exit_code == 0, result.output
    assert "9 new" in result.output
    shown = run("register", "show", "1979110254321")
    assert shown.exit_code == 0
    assert "SCHMIT Paul" in shown.output
    assert "interdiction de conduire de 1 an" in shown.output
    assert "décision étrangère notifiée par DE" in shown.output


@pytest.mark.parametrize(
    ("change", "expected_line"),
    [
        (lambda d: d["persons"][0]["decisions"][0].update(final_date="2020-02-30"), "P1/D1/final_date: '2020-02-30' is not a valid date"),
        (lambda d: d["persons"][0]["decisions"][0]["penalties"][0].update(type="flogging"), "P1/D1/penalties[0].type: 'flogging' is not one of"),
        (lambda d: d["persons"][0]["decisions"].append(decision("D1")), "P1/D1: duplicate decision id"),
        (lambda d: d["persons"][0]["decisions"][0].pop("court"), "P1/D1: 'court' is missing"),
        (lambda d: d["persons"][0]["decisions"][0].update(penalty_level="police", police_contravention_class=3),
         "P1/D1: may not be inscribed: contravention de police de 3e classe (Art 1(1) 2))"),
        (lambda d: d["persons"][0]["decisions"][0].update(court_country="FR") or d["persons"][0].update(nationalities=["BE"]),
         "P1/D1: may not be inscribed: décision d'une juridiction de FR concernant une personne qui n'est pas un ressortissant luxembourgeois (Art 1(2) 2))"),
    ],
    ids=["bad-date", "unknown-penalty", "duplicate-decision", "missing-field", "class-3-contravention", "foreign-court"],
)
def test_a_malformed_import_is_refused_with_located_lines_and_the_store_is_unchanged(
    run: Any, tmp_path: Path, change: Any, expected_line: str
) -> None:
    assert run("register", "import", str(write(tmp_path / "ok.json", register(natural_person("P0"))))).exit_code == 0
    before = run("register", "export").output
    document = register(natural_person("P1"), natural_person("P2"))
    change(document)
    result = run("register", "import", str(write(tmp_path / "bad.json", document)))
    assert result.exit_code == 1
    assert any(line.startswith(expected_line) for line in result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.output
    assert run("register", "export").output == before


def test_import_refuses_with_the_problems_of_the_file_and_of_the_register_in_one_pass(run: Any, tmp_path: Path) -> None:
    parking = decision("D9", penalty_level="police", traffic_offence=True, parking_contravention=True)
    document = register(
        natural_person("P1", decision("D1", penalties=[{"type": "flogging"}])),
        natural_person("P2", birth={"date": "1980-13-45"}),
        natural_person("P3", parking),
    )
    result = run("register", "import", str(write(tmp_path / "bad.json", document)))
    assert result.exit_code == 1
    places = [line.split(":")[0] for line in result.stderr.splitlines() if line.startswith("P")]
    assert places == ["P1/D1/penalties[0].type", "P2/birth.date", "P3/D9"], result.stderr
    assert run("register", "export").output.count('"id"') == 0


def test_amb_29_import_converts_a_foreign_fine_at_the_ecb_rate_and_lists_the_one_it_cannot(
    run: Any, tmp_path: Path
) -> None:
    swiss = decision("D1", court_country="CH", notified_under_convention=True, act_is_offence_in_lu=True,
                     decision_date="2020-01-12", final_date="2020-03-01",
                     offences=[{"date": "2019-11-02", "qualification": "escroquerie"}],
                     penalties=[{"type": "fine", "amount": "50000", "currency": "CHF", "nature": "correctionnelle"}])
    unknown = decision("D2", penalties=[{"type": "fine", "amount": "900", "currency": "XAF", "nature": "correctionnelle"}])
    path = write(tmp_path / "foreign.json", register(natural_person("P1", swiss, unknown)))
    imported = run("register", "import", str(path))
    assert imported.exit_code == 0, imported.output
    assert "1 decision(s) with a fine no ECB rate converts" in imported.output and "P1/D2" in imported.output
    shown = run("register", "show", "P1").output
    assert "46\u202f202,18 EUR (50\u202f000 CHF converti au cours BCE du 10/01/2020 (1,0822 CHF pour 1 EUR))" in shown
    assert "900 XAF, sans cours BCE pour le convertir" in shown and shown.count("À EXAMINER par un greffier") == 1
    fine = json.loads(run("register", "export").output)["persons"][0]["decisions"][0]["penalties"][0]
    assert (fine["amount_eur"], fine["eur_rate"], fine["eur_rate_date"]) == ("46202.18", "1.0822", "2020-01-10")
    again = run("register", "import", str(path))
    assert "0 changed, 1 unchanged" in again.output


def test_a_file_that_is_not_json_is_refused_with_its_line(run: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "ecris-gateway/register@1", "persons": [\n', encoding="utf-8")
    result = run("register", "import", str(bad))
    assert result.exit_code == 1
    assert "bad.json:2:" in result.stderr and "not valid JSON" in result.stderr


def test_show_of_an_unknown_person_is_an_error_with_status_2(run: Any) -> None:
    run("register", "import", str(DEMO_REGISTER))
    result = run("register", "show", "NOBODY")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: no person NOBODY in the register"


def test_export_of_one_person_to_a_file(run: Any, tmp_path: Path) -> None:
    run("register", "import", str(DEMO_REGISTER))
    out = tmp_path / "one.json"
    assert run("register", "export", "--person", "B123456", "--out", str(out)).exit_code == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [p["id"] for p in document["persons"]] == ["B123456"]


def test_erase_due_erases_the_dead_and_the_centenarians_partial_births_included(run: Any) -> None:
    run("register", "import", str(DEMO_REGISTER))
    result = run("register", "erase-due", "--json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["on"] == "2026-11-23"
    assert {e["person"]: e["ground"] for e in report["erased"]} == {
        "1950010144444": "death",
        "1926081555555": "hundredth_birthday",
        "1926000066666": "hundredth_birthday",  # born "1926": 100 years on 1 January 2026 (AMB-2)
    }
    assert report["to_review"] == []
    assert run("register", "show", "1950010144444").output.startswith("1950010144444 : inscriptions effacées")
    again = run("register", "erase-due", "--on", "2026-11-23")
    assert again.exit_code == 0 and "1926000066666" not in again.output


def test_a_bad_setting_is_a_readable_error(run: Any, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["register", "show", "X"], env={"ECRIS_GATEWAY_NOW": "yesterday"})
    assert result.exit_code == 1
    assert "ECRIS_GATEWAY_NOW" in result.stderr and "Traceback" not in result.output


def test_the_commands_work_on_postgresql_given_by_db(postgres_url: str) -> None:
    env = {"ECRIS_GATEWAY_NOW": "2026-11-23T10:00:00+01:00"}
    imported = CliRunner().invoke(main, ["--db", postgres_url, "register", "import", str(DEMO_REGISTER)], env=env)
    assert imported.exit_code == 0, imported.output
    shown = CliRunner().invoke(main, ["--db", postgres_url, "register", "show", "B123456"], env=env)
    assert "Transports Rapides" in shown.output


def test_show_and_export_are_journalled_as_consultation_and_disclosure(run: Any, tmp_path: Path) -> None:
    from adapters.bootstrap import App
    from adapters.settings import Settings

    run("register", "import", str(DEMO_REGISTER))
    run("register", "show", "1979110254321")
    run("register", "export", "--out", str(tmp_path / "all.json"))
    app = App(Settings(db_url=f"sqlite:///{tmp_path / 'cli.db'}"))
    with app.uow() as uow:
        entries = [(e.action, e.subject, e.official) for e in uow.journal.entries()
                   if e.action != "register.import" and not e.action.startswith(("ecris.", "tcn."))]
        assert uow.journal.first_broken_link() is None
    assert entries == [("register.consult", "1979110254321", "clerk"), ("register.export", "*", "clerk")]


def test_journal_lists_entries_and_verify_detects_tampering(run: Any, tmp_path: Path) -> None:
    from sqlalchemy import create_engine, update

    from adapters.db.tables import journal

    run("register", "import", str(DEMO_REGISTER))
    run("register", "erase-due")
    listed = json.loads(run("journal", "list", "--action", "register.erase", "--json").output)
    assert [(e["subject"], e["reason"]) for e in listed] == [
        ("1926000066666", "Art 3 al.3: hundredth_birthday"),
        ("1926081555555", "Art 3 al.3: hundredth_birthday"),
        ("1950010144444", "Art 3 al.3: death"),
    ]
    assert run("journal", "verify").output.startswith("journal intact")
    engine = create_engine(f"sqlite:///{tmp_path / 'cli.db'}")
    with engine.begin() as connection:
        connection.execute(update(journal).where(journal.c.subject == "1950010144444").values(reason="nothing"))
    engine.dispose()
    tampered = run("journal", "verify")
    assert tampered.exit_code == 1 and "chain breaks at entry" in tampered.stderr


def test_show_writes_dates_as_a_clerk_does_partial_ones_included(run: Any) -> None:
    run("register", "import", str(DEMO_REGISTER))
    shown = run("register", "show", "1979110254321").output
    assert "né(e) le 02/11/1979" in shown and "(faits du 20/02/2021)" in shown
    assert "né(e) le 1926 à Wiltz" in run("register", "show", "1926000066666").output
