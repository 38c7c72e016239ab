"""``ecris-gateway bulletin`` on an imported register, in both formats, with its error statuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from adapters.cli import main
from tests.samples.register_documents import (
    DEMO_REGISTER,
    decision,
    demo_register,
    legal_person,
    natural_person,
    register,
    write,
)

NOW = "2026-11-23T10:00:00+01:00"


@pytest.fixture
def run(tmp_path: Path) -> Any:
    db = f"sqlite:///{tmp_path / 'x.db'}"

    def invoke(*args: str) -> Result:
        env = {"ECRIS_GATEWAY_NOW": NOW, "ECRIS_GATEWAY_OFFICIAL": "clerk"}
        return CliRunner().invoke(main, ["--db", db, *args], env=env)

    return invoke


@pytest.fixture
def imported(run: Any, tmp_path: Path) -> Any:
    document = register(
        natural_person(
            "P1",
            decision(
                "D1",
                final_date="2020-02-20",
                penalties=[{"type": "fine", "amount_eur": "1000", "nature": "correctionnelle"}],
            ),
            decision(
                "D2",
                decision_date="2020-11-20",
                final_date="2021-01-10",
                offences=[
                    {"date": "2020-06-01", "qualification": "attentat à la pudeur", "minor": "constitutive"}
                ],
                penalties=[{"type": "imprisonment", "months": 30}],
            ),
        ),
        natural_person(
            "P2",
            decision(
                "D1",
                penalty_level="police",
                penalties=[{"type": "fine", "amount_eur": "150", "nature": "police"}],
            ),
        ),
        legal_person(
            "B1",
            decision("D1", penalties=[{"type": "fine", "amount_eur": "30000", "nature": "correctionnelle"}]),
        ),
    )
    result = run("register", "import", str(write(tmp_path / "register.json", document)))
    assert result.exit_code == 0, result.output
    return run


def bulletin_json(run: Any, *args: str) -> dict[str, Any]:
    result = run("bulletin", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize(
    ("on", "decisions"),
    [("2025-02-20", ["D1", "D2"]), ("2025-02-21", ["D2"])],
    ids=["fifth-anniversary", "day-after"],
)
def test_bulletin_json_has_the_public_shape_and_explains_every_decision(
    imported: Any, on: str, decisions: list[str]
) -> None:
    data = bulletin_json(imported, "P1", "--number", "2", "--on", on)
    assert list(data) == ["person", "number", "on", "nil", "decisions", "explanations"]
    assert (data["person"], data["number"], data["on"], data["nil"]) == ("P1", 2, on, False)
    assert data["decisions"] == decisions
    assert [e["decision"] for e in data["explanations"]] == ["D1", "D2"]
    for explanation in data["explanations"]:
        assert set(explanation) == {"decision", "included", "article", "reason"}
        assert explanation["included"] is (explanation["decision"] in decisions)
    assert data["explanations"][0]["article"] == "7(1) al.2"


def test_bulletin_on_defaults_to_today(imported: Any) -> None:
    data = bulletin_json(imported, "P1", "--number", "3")
    assert data["on"] == "2026-11-23"
    assert data["decisions"] == ["D2"]
    assert data["explanations"][0] == {
        "decision": "D1",
        "included": False,
        "article": "8-1(1) 5)",
        "reason": "amendes totalisant 1\u202f000 EUR (au plus 2\u202f500 EUR)",
    }


def test_bulletin_bears_neant_in_both_formats(imported: Any) -> None:
    data = bulletin_json(imported, "P2", "--number", "2")
    assert (data["nil"], data["decisions"], len(data["explanations"])) == (True, [], 1)
    text = imported("bulletin", "P2", "--number", "2")
    assert text.exit_code == 0
    assert "BULLETIN N° 2" in text.stdout
    assert "néant" in text.stdout


def test_bulletin_text_shows_decisions_with_their_penalties_in_french(imported: Any) -> None:
    result = imported("bulletin", "P1", "--number", "5", "--on", "2026-01-01", "--format", "text")
    assert result.exit_code == 0, result.output
    assert "BULLETIN N° 5" in result.stdout
    assert "MULLER Jean" in result.stdout
    assert "emprisonnement de 30 mois" in result.stdout
    assert "attentat à la pudeur" in result.stdout
    assert "amende" not in result.stdout  # D1 is not on N°5
    assert "néant" not in result.stdout


@pytest.mark.parametrize("number", ["4", "5"])
def test_bulletins_4_and_5_of_a_legal_person_are_an_error(imported: Any, number: str) -> None:
    result = imported("bulletin", "B1", "--number", number)
    assert result.exit_code == 2
    assert "legal person" in result.stderr
    assert result.stdout == ""


def test_bulletin_of_an_unknown_person_is_an_error(imported: Any) -> None:
    result = imported("bulletin", "NOBODY", "--number", "1", "--format", "json")
    assert result.exit_code == 2
    assert "NOBODY" in result.stderr
    assert result.stdout == ""


def test_bulletin_number_outside_1_to_5_is_refused(imported: Any) -> None:
    assert imported("bulletin", "P1", "--number", "6").exit_code == 2


def test_bulletin_of_a_legal_person(imported: Any) -> None:
    data = bulletin_json(imported, "B1", "--number", "3")
    assert data["decisions"] == ["D1"]
    assert data["explanations"][0]["article"] == "8-1(2)"


def test_bulletin_of_an_erased_person_bears_neant(run: Any) -> None:
    assert run("register", "import", str(DEMO_REGISTER)).exit_code == 0
    assert run("register", "erase-due").exit_code == 0
    data = bulletin_json(run, "1950010144444", "--number", "1")
    assert (data["nil"], data["decisions"], data["explanations"]) == (True, [], [])
    text = run("bulletin", "1950010144444", "--number", "1")
    assert "néant" in text.stdout
    assert "art. 3" in text.stdout


def test_bulletin_works_on_every_person_of_the_demo_register_in_both_formats(run: Any) -> None:
    assert run("register", "import", str(DEMO_REGISTER)).exit_code == 0
    for person in demo_register()["persons"]:
        numbers = (1, 2, 3) if person["kind"] == "legal" else (1, 2, 3, 4, 5)
        for number in numbers:
            data = bulletin_json(run, person["id"], "--number", str(number))
            assert len(data["explanations"]) == len(person["decisions"])
            text = run("bulletin", person["id"], "--number", str(number))
            assert text.exit_code == 0, text.output
            assert ("néant" in text.stdout) is data["nil"]


def test_issuing_a_bulletin_is_journalled_without_its_content(tmp_path: Path) -> None:
    from adapters.bootstrap import App
    from adapters.settings import Settings

    db = f"sqlite:///{tmp_path / 'journal.db'}"
    env = {"ECRIS_GATEWAY_NOW": "2026-11-23T10:00:00+01:00", "ECRIS_GATEWAY_OFFICIAL": "clerk-3"}
    CliRunner().invoke(main, ["--db", db, "register", "import", str(DEMO_REGISTER)], env=env)
    assert CliRunner().invoke(main, ["--db", db, "bulletin", "1990071811111", "-n", "3"], env=env).exit_code == 0
    app = App(Settings(db_url=db))
    with app.uow() as uow:
        entries = [e for e in uow.journal.entries() if e.action == "bulletin.issue"]
    assert [(e.official, e.subject, e.reason) for e in entries] == [("clerk-3", "1990071811111", "bulletin N°3 as of 2026-11-23")]
    assert "Benali" not in str(entries)


def test_bulletin_1_json_adds_the_art_1_3_4_details_of_each_decision_shown(run: Any, tmp_path: Path) -> None:
    suspended = {"type": "probatoire", "scope": "full", "probation_years": 3, "obligations": ["soins"]}
    document = register(
        natural_person(
            "P1",
            decision(
                "D1",
                by_default_not_notified=True,
                opposition_decision="jugement sur opposition du 12/03/2021",
                penalties=[{"type": "imprisonment", "months": 12, "sursis": suspended}],
            ),
        )
    )
    assert run("register", "import", str(write(tmp_path / "r.json", document))).exit_code == 0
    data = bulletin_json(run, "P1", "--number", "1")
    assert list(data) == ["person", "number", "on", "nil", "decisions", "explanations", "details"]
    assert data["details"] == [
        {
            "decision": "D1",
            "by_default_not_notified": True,
            "opposition_decision": "jugement sur opposition du 12/03/2021",
            "suspension": None,
            "sursis": [
                {
                    "penalty_index": 0,
                    "penalty": "imprisonment",
                    "type": "probatoire",
                    "probation_years": 3,
                    "obligations": ["soins"],
                }
            ],
        }
    ]
    assert list(bulletin_json(run, "P1", "--number", "2")) == [
        "person",
        "number",
        "on",
        "nil",
        "decisions",
        "explanations",
    ]
    text = run("bulletin", "P1", "--number", "1").stdout
    assert "décision rendue sur opposition : jugement sur opposition du 12/03/2021" in text
    assert "avec sursis probatoire, pendant 3 ans, obligations imposées : soins" in text
