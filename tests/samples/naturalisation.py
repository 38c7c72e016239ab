"""A small naturalisation transfer (schemas/naturalisation.md) for the tests: a former French national (asked
through ECRIS, her French extract supplied), a former Moroccan national (his Moroccan extract inscribed) and a
former Brazilian and Portuguese national (both handled)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HEADER = {"format": "ecris-gateway/naturalisation@1", "year": 2026, "reference": "MJ/NAT/2026/TEST"}


def conviction(country: str, n: int, **changes: Any) -> dict[str, Any]:
    return {
        "id": f"{country}-{n}", "court": f"Tribunal de {country}", "court_country": country, "reference": f"R{n}",
        "decision_date": "2019-03-04", "final_date": "2019-04-20", "kind": "conviction",
        "penalty_level": "correctional", "offences": [{"date": "2018-11-02", "qualification": "vol"}],
        "penalties": [{"type": "imprisonment", "months": 6}], **changes,
    }


def person_row(person_id: str, surname: str, former: list[str], extracts: list[dict[str, Any]],
               born: str = "1980-05-06") -> dict[str, Any]:
    return {
        "person": {"id": person_id, "kind": "natural", "surname": surname, "forenames": ["Alex"], "sex": "F",
                   "birth": {"date": born, "city": "Ville", "country": former[0]}, "nationalities": ["LU"]},
        "nationality_on": "2026-03-02", "event": "acquisition", "former_nationalities": former, "extracts": extracts,
    }


FRENCH = person_row("2026030200001", "Martin", ["FR"], [
    {"country": "FR", "issued_on": "2025-09-01", "convictions": [conviction("FR", 1)]}])
MOROCCAN = person_row("2026030200002", "Benali", ["MA"], [
    {"country": "MA", "issued_on": "2025-08-15", "convictions": [conviction("MA", 1), conviction("MA", 2)]}],
    born="1975-01-02")
BRAZILIAN_PORTUGUESE = person_row("2026030200003", "Souza", ["BR", "PT"], [
    {"country": "BR", "issued_on": "2025-07-01", "convictions": [conviction("BR", 1)]},
    {"country": "PT", "issued_on": "2025-07-02", "convictions": []}], born="1990-12-12")


def write(path: Path, rows: list[dict[str, Any] | str], header: dict[str, Any] | None = None) -> Path:
    lines = [json.dumps(header or HEADER)] + [r if isinstance(r, str) else json.dumps(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
