"""The transfer file (schemas/naturalisation.md): a bad line is reported with its line and field and does not
stop the others; a bad header refuses the file; the digest identifies the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from adapters.naturalisation.transfer_file import read_transfer
from gateway.errors import InvalidInput
from gateway.model.conviction import DecisionKind
from gateway.services.naturalisation.transfer import InvalidRow, NaturalisedPerson
from tests.samples import naturalisation as sample


def _rows(tmp_path: Path, rows: list[object]) -> list[object]:
    data = sample.write(tmp_path / "t.jsonl", rows).read_bytes()  # type: ignore[arg-type]
    return list(read_transfer(data).rows())


def test_bad_lines_are_located_and_the_others_read(tmp_path: Path) -> None:
    missing = {k: v for k, v in sample.MOROCCAN.items() if k != "former_nationalities"}
    bad_date = {**sample.MOROCCAN, "nationality_on": "2026-02-30"}
    bad_penalty = json.loads(json.dumps(sample.FRENCH))
    bad_penalty["extracts"][0]["convictions"][0]["kind"] = "flogging"
    rows = _rows(tmp_path, [sample.FRENCH, missing, "{not json", bad_date, bad_penalty, sample.MOROCCAN])
    assert [type(r).__name__ for r in rows] == ["NaturalisedPerson", "InvalidRow", "InvalidRow", "InvalidRow",
                                                "InvalidRow", "NaturalisedPerson"]
    problems = {r.row_index: [str(p) for p in r.problems] for r in rows if isinstance(r, InvalidRow)}
    assert problems[3] == ["line 3: 'former_nationalities' is missing"]
    assert problems[4][0].startswith("line 4: not JSON")
    assert problems[5] == ["line 5/nationality_on: '2026-02-30' is not a valid date"]
    assert problems[6][0].startswith("line 6/extracts[0].convictions[0].kind:")


def test_a_row_becomes_the_core_person_with_its_extracts(tmp_path: Path) -> None:
    [row] = _rows(tmp_path, [sample.BRAZILIAN_PORTUGUESE])
    assert isinstance(row, NaturalisedPerson)
    assert (row.row_index, row.identity.id, row.former_nationalities) == (2, "2026030200003", ("BR", "PT"))
    brazil = row.extract_of("BR")
    assert brazil is not None and brazil.convictions[0].kind is DecisionKind.CONVICTION
    assert row.extract_of("PT") is not None and row.extract_of("PT").convictions == ()  # type: ignore[union-attr]


def test_a_bad_header_refuses_the_file(tmp_path: Path) -> None:
    path = sample.write(tmp_path / "t.jsonl", [sample.FRENCH], header={"format": "other", "year": 2026})
    with pytest.raises(InvalidInput) as refused:
        read_transfer(path.read_bytes())
    assert "line 1" in str(refused.value)


def test_the_transfer_is_identified_by_its_bytes(tmp_path: Path) -> None:
    one = read_transfer(sample.write(tmp_path / "a.jsonl", [sample.FRENCH]).read_bytes())
    same = read_transfer(sample.write(tmp_path / "b.jsonl", [sample.FRENCH]).read_bytes())
    other = read_transfer(sample.write(tmp_path / "c.jsonl", [sample.MOROCCAN]).read_bytes())
    assert one.digest == same.digest != other.digest and one.total == 1
