"""Reading a naturalisation transfer (JSON Lines, ``schemas/naturalisation.md``) into the core's rows.

The header (line 1) must be right, or nothing is read. Each later line is one person, read on its own: a line
that is not JSON, breaks the schema or holds an impossible date becomes an ``InvalidRow`` naming its line and
field, and the other lines are read as usual. Rows are yielded one at a time (a large file is never held
as objects); a row's index is its line number.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from adapters.files.register_format import decisions_from_json, person_from_json
from adapters.naturalisation.transfer_schema import line_problems
from gateway.errors import InvalidInput, Problem
from gateway.model.person import NaturalPerson
from gateway.services.naturalisation.transfer import (
    InvalidRow,
    NationalityEvent,
    NaturalisedPerson,
    SuppliedExtract,
    TransferHeader,
    TransferRow,
)


@dataclass(frozen=True, slots=True)
class TransferFile:
    header: TransferHeader
    digest: str
    total: int
    lines: tuple[bytes, ...]

    def rows(self) -> Iterator[TransferRow]:
        for number, text in enumerate(self.lines, start=2):
            if text.strip():
                yield read_row(text, line=number)


def _day(problems: list[Problem], place: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(Problem(place, f"{text!r} is not a valid date"))
        return date.min


def _row(raw: dict[str, Any], line: int) -> TransferRow:
    problems: list[Problem] = []
    place = f"line {line}"
    person, found = person_from_json(raw["person"])
    problems += [Problem(f"{place}/person/{p.place.partition('/')[2] or 'id'}", p.message) for p in found]
    extracts = []
    for i, extract in enumerate(raw.get("extracts", ())):
        convictions, found = decisions_from_json(f"{place}/extracts[{i}]", extract["convictions"])
        problems += found
        extracts.append(SuppliedExtract(extract["country"], _day(problems, f"{place}/extracts[{i}].issued_on",
                                                                 extract["issued_on"]), convictions))
    on = _day(problems, f"{place}/nationality_on", raw["nationality_on"])
    if problems:
        return InvalidRow(line, tuple(problems))
    assert isinstance(person, NaturalPerson)
    return NaturalisedPerson(row_index=line, identity=replace(person, decisions=()), nationality_on=on,
                             event=NationalityEvent(raw["event"]),
                             former_nationalities=tuple(raw["former_nationalities"]), extracts=tuple(extracts))


def read_row(text: bytes, *, line: int) -> TransferRow:
    try:
        raw = json.loads(text)
    except ValueError as error:
        return InvalidRow(line, (Problem(f"line {line}", f"not JSON ({error.__class__.__name__})"),))
    problems = line_problems(raw, line=line)
    if problems:
        return InvalidRow(line, tuple(problems))
    return _row(raw, line)


def read_transfer(data: bytes) -> TransferFile:
    """The header checked (InvalidInput otherwise), the digest of the whole file, the person lines."""
    first, _, rest = data.partition(b"\n")
    try:
        header = json.loads(first)
    except ValueError:
        raise InvalidInput([Problem("line 1", "the header is not JSON")]) from None
    problems = line_problems(header, line=1, definition="header")
    if problems:
        raise InvalidInput(problems)
    lines = tuple(rest.split(b"\n"))
    total = sum(1 for text in lines if text.strip())
    return TransferFile(TransferHeader(header["year"], header["reference"]), hashlib.sha256(data).hexdigest(),
                        total, lines)
