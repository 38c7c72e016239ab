"""Reading the register format: every problem of every person in one pass, precisely located."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from adapters.files.register_format import read_document
from adapters.files.register_schema import person_is_valid, person_problems
from tests.samples.register_documents import decision, demo_register, legal_person, natural_person, register


def _lines(document: dict[str, Any]) -> list[str]:
    return [str(p) for p in read_document(document)[1]]


def test_import_reports_the_schema_problem_of_one_person_and_the_date_problem_of_another() -> None:
    bad_penalty = decision("D1", penalties=[{"type": "flogging"}])
    document = register(
        natural_person("P1", bad_penalty),
        natural_person("P2", birth={"date": "1980-13-45", "city": "Luxembourg", "country": "LU"}),
    )
    lines = _lines(document)
    assert any(line.startswith("P1/D1/penalties[0].type: 'flogging' is not one of") for line in lines), lines
    assert "P2/birth.date: '1980-13-45' is not a valid date" in lines


def test_import_reports_every_problem_of_one_person_schema_and_dates_alike() -> None:
    offence = {"date": "2019-02-30", "qualification": "vol"}
    document = register(
        natural_person(
            "P1",
            decision("D1", court_country="Luxembourg"),
            decision("D2", offences=[offence]),
            sex="male",
            birth={"date": "1980-13-45"},
        )
    )
    assert _lines(document) == [
        "P1/D1/court_country: 'Luxembourg' is not in the expected form",
        "P1/D2/offences[0].date: '2019-02-30' is not a valid date",
        "P1/birth.date: '1980-13-45' is not a valid date",
        "P1/sex: 'male' is not one of ['M', 'F', 'X', 'U']",
    ]


def test_a_schema_invalid_person_leaves_the_other_persons_read() -> None:
    persons, problems = read_document(register(natural_person("P1", surname=""), natural_person("P2")))
    assert [p.id for p in persons] == ["P2"]
    assert [p.place for p in problems] == ["P1/surname"]


def test_problems_of_the_file_itself_are_located_at_file() -> None:
    assert _lines({"format": "ecris-gateway/register@2", "persons": []}) == [
        "file/format: 'ecris-gateway/register@2' is not one of 'ecris-gateway/register@1'"
    ]
    assert _lines({"format": "ecris-gateway/register@1", "persons": {}}) == ["file/persons: {} is not of type 'array'"]


def test_a_duplicate_person_id_is_a_problem_line() -> None:
    assert _lines(register(natural_person("P1"), natural_person("P1"))) == ["P1: duplicate person id"]


def _mutations() -> list[tuple[str, Any]]:
    def at(path: str, value: Any) -> Any:
        def change(person: dict[str, Any]) -> None:
            *parents, last = path.split(".")
            node: Any = person
            for step in parents:
                node = node[int(step)] if step.isdigit() else node[step]
            if value is KeyError:
                del node[last]
            else:
                node[int(last) if last.isdigit() else last] = value

        return change

    return [
        ("valid", lambda person: None),
        ("unknown-field", at("nickname", "Jos")),
        ("missing-kind", at("kind", KeyError)),
        ("bad-penalty-type", at("decisions.0.penalties.0.type", "flogging")),
        ("fine-without-nature", at("decisions.0.penalties.0.nature", KeyError)),
        ("fine-amount-not-decimal", at("decisions.0.penalties.0.amount_eur", "1,500")),
        ("imprisonment-field-on-fine", at("decisions.0.penalties.0.months", 3)),
        ("bad-sursis", at("decisions.0.penalties.0.sursis", {"type": "maybe"})),
        ("null-sursis", at("decisions.0.penalties.0.sursis", None)),
        ("bad-offence-date", at("decisions.0.offences.0.date", "01/12/2019")),
        ("negative-class", at("decisions.0.police_contravention_class", 0)),
        ("father-null", at("father", None)),
        ("father-wrong", at("father", {"forenames": []})),
    ]


@pytest.mark.parametrize(("name", "change"), _mutations(), ids=[name for name, _ in _mutations()])
def test_the_fast_validator_agrees_with_the_published_schema(name: str, change: Any) -> None:
    for person in [natural_person("P1"), legal_person("B1"), *demo_register()["persons"]]:
        mutated = copy.deepcopy(person)
        try:
            change(mutated)
        except (KeyError, IndexError):
            continue  # the mutation does not apply to this person
        assert person_is_valid(mutated) == (person_problems(mutated, 0) == []), (name, mutated["id"])


def test_the_compiled_validator_never_fetches_a_remote_reference() -> None:
    import fastjsonschema

    from adapters.files.register_schema import compile_fast

    with pytest.raises(fastjsonschema.JsonSchemaDefinitionException, match="refers to nothing outside"):
        compile_fast({"$id": "https://example.org/a.json", "$ref": "https://example.org/other.json"})
