"""``ecris-gateway bulletin --identity FILE``: a bulletin for a person object of the register format, looked up
as a Member State's requested person is (issue 9 point 3): one certain match is that person's bulletin; no match
a « néant » bulletin (Art 8-4), never an error; several or uncertain matches an error naming the candidates;
a bad file one line. Every consultation is journalled."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from adapters.cli import main
from tests.samples.register_documents import decision, legal_person, natural_person, register, write

NOW = "2026-11-23T10:00:00+01:00"
BIRTH = {"date": "1980-05-17", "city": "Luxembourg", "country": "LU"}


@pytest.fixture
def run(store_url: str, tmp_path: Path) -> Any:
    def invoke(*args: str, stdin: str | None = None) -> Result:
        env = {"ECRIS_GATEWAY_NOW": NOW, "ECRIS_GATEWAY_OFFICIAL": "clerk"}
        return CliRunner().invoke(main, ["--db", store_url, *args], env=env, input=stdin)

    document = register(
        natural_person("1980051712345", decision("D1", reference="REF-HELD"), surname="Muller", forenames=["Jean"],
                       birth=BIRTH),
        natural_person("1975010100001", surname="Weber", forenames=["Paul"],
                       birth={"date": "1975-01-01", "city": "Esch-sur-Alzette", "country": "LU"}),
        natural_person("1975010100002", surname="Weber", forenames=["Paul"],
                       birth={"date": "1975-01-01", "city": "Esch-sur-Alzette", "country": "LU"}),
        legal_person("B1"),
    )
    assert invoke("register", "import", str(write(tmp_path / "register.json", document))).exit_code == 0
    return invoke


def identity(tmp_path: Path, **fields: Any) -> str:
    """A person object (no decisions) written to a file; its path."""
    person = natural_person(**fields)
    person.pop("decisions")
    path = tmp_path / "identity.json"
    path.write_text(json.dumps(person), encoding="utf-8")
    return str(path)


def journal(run: Any) -> list[dict[str, Any]]:
    result = run("journal", "list", "--json")
    assert result.exit_code == 0, result.output
    entries: list[dict[str, Any]] = json.loads(result.stdout)
    return entries


def test_an_identity_with_the_national_number_gets_that_persons_bulletin(run: Any, tmp_path: Path) -> None:
    path = identity(tmp_path, person_id="1980051712345", surname="Muller", birth=BIRTH)
    result = run("bulletin", "--identity", path, "-n", "1", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["person"] == "1980051712345" and data["nil"] is False and data["decisions"] == ["D1"]
    assert data["identification"] == {"outcome": "identified", "reason": "numéro d'identification national",
                                      "article": "3"}
    [entry] = [e for e in journal(run) if e["action"] == "bulletin.issue"]
    assert entry["subject"] == "1980051712345" and entry["details"]["identity"] == "identified"


def test_an_identity_found_by_names_birth_date_and_place_gets_that_persons_bulletin_in_french(
        run: Any, tmp_path: Path) -> None:
    path = identity(tmp_path, person_id="UNKNOWN-NUMBER", surname="Müller", forenames=["Jean"], birth=BIRTH)
    result = run("bulletin", "--identity", path, "-n", "1")
    assert result.exit_code == 0, result.output
    assert "1980051712345" in result.stdout and "REF-HELD" in result.stdout
    assert "nom, prénoms, date et lieu de naissance" in result.stdout


def test_an_identity_the_register_does_not_hold_gets_a_nil_bulletin_not_an_error(run: Any, tmp_path: Path) -> None:
    path = identity(tmp_path, person_id="1990020200007", surname="Hoffmann", forenames=["Lea"],
                    birth={"date": "1990-02-02", "city": "Wiltz", "country": "LU"})
    result = run("bulletin", "--identity", path, "-n", "3", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["person"], data["nil"], data["decisions"]) == ("1990020200007", True, [])
    assert data["identification"]["outcome"] == "unknown"
    text = run("bulletin", "--identity", path, "-n", "3")
    assert text.exit_code == 0 and "néant" in text.stdout.lower() and "HOFFMANN" in text.stdout
    issued = [e for e in journal(run) if e["action"] == "bulletin.issue"]
    assert [(e["subject"], e["details"]["nil"], e["details"]["identity"]) for e in issued] == [
        ("1990020200007", "true", "unknown")] * 2


def test_several_persons_matching_exit_2_with_one_french_line_naming_the_candidates(
        run: Any, tmp_path: Path) -> None:
    path = identity(tmp_path, person_id="NOT-HELD", surname="Weber", forenames=["Paul"],
                    birth={"date": "1975-01-01", "city": "Esch-sur-Alzette", "country": "LU"})
    result = run("bulletin", "--identity", path, "-n", "1")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert "identité incertaine" in line and "1975010100001" in line and "1975010100002" in line
    [entry] = [e for e in journal(run) if e["action"] == "bulletin.identity_uncertain"]
    assert entry["details"]["candidates"] == "1975010100001, 1975010100002"
    assert not [e for e in journal(run) if e["action"] == "bulletin.issue"]


def test_an_uncertain_match_exit_2_naming_the_candidate(run: Any, tmp_path: Path) -> None:
    """Only the birth year is known: the one namesake may be someone else (Art 3), a clerk decides."""
    path = identity(tmp_path, person_id="NOT-HELD", surname="Muller", forenames=["Jean"],
                    birth={"date": "1980", "city": "Luxembourg", "country": "LU"})
    result = run("bulletin", "--identity", path, "-n", "1")
    assert result.exit_code == 2, result.output
    [line] = result.stderr.strip().splitlines()
    assert "identité incertaine" in line and "1980051712345" in line


def test_the_identity_may_come_on_standard_input_and_a_legal_person_by_its_key(run: Any) -> None:
    company = legal_person("B1")
    company.pop("decisions", None)
    result = run("bulletin", "--identity", "-", "-n", "1", "--json", stdin=json.dumps(company))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["person"] == "B1" and data["identification"]["outcome"] == "identified"


def test_the_recipient_check_applies_to_an_identity_too(run: Any, tmp_path: Path) -> None:
    path = identity(tmp_path, person_id="1980051712345", surname="Muller", birth=BIRTH)
    refused = run("bulletin", "--identity", path, "-n", "5", "--for", "8-3(2) 2)")
    assert refused.exit_code == 2 and "art. 8-3(2) 2)" in refused.stderr
    allowed = run("bulletin", "--identity", path, "-n", "5", "--for", "8-3(2) 2)", "--consent", "--json")
    assert allowed.exit_code == 0, allowed.output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON"),
        ('["a", "list"]', "one person object"),
        ('{"id": "X1", "kind": "natural"}', "surname"),
        ('{"format": "ecris-gateway/register@1", "persons": []}', "exactly one person"),
    ],
    ids=["not-json", "not-an-object", "not-a-person", "empty-register"],
)
def test_a_bad_identity_file_is_one_clear_line_and_exit_1(run: Any, tmp_path: Path, content: str,
                                                          expected: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = run("bulletin", "--identity", str(path), "-n", "1")
    assert result.exit_code == 1, result.output
    [line] = result.stderr.strip().splitlines()
    assert expected in line and "bad.json" in line and "Traceback" not in result.output


def test_a_missing_identity_file_is_one_line_and_exit_1(run: Any, tmp_path: Path) -> None:
    result = run("bulletin", "--identity", str(tmp_path / "absent.json"), "-n", "1")
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert "absent.json" in line and "cannot be read" in line


@pytest.mark.parametrize("args", [["-n", "1"], ["1980051712345", "--identity", "x.json", "-n", "1"]],
                         ids=["neither", "both"])
def test_person_id_or_identity_exactly_one(run: Any, args: list[str]) -> None:
    result = run("bulletin", *args)
    assert result.exit_code == 2 and "PERSON_ID or --identity" in result.stderr
