"""A seeded synthetic naturalisation transfer (``schemas/naturalisation.md``), for the bench and the tests.

A realistic mix: former nationals of Member States (asked through ECRIS) and of third countries (their extract
inscribed), some with two former nationalities, extracts with and without convictions, and a few bad rows
(a missing field, an impossible date, a line that is not JSON).

    python bench/synthetic_naturalisation.py COUNT OUT.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

SURNAMES = ["Almeida", "Benali", "Costa", "Dubois", "Eriksen", "Fontaine", "Gashi", "Haddad", "Ivanova", "Jovic"]
FORENAMES = ["Ana", "Karim", "Lucas", "Mira", "Nuno", "Olga", "Pierre", "Rania", "Sami", "Tereza"]
MEMBER_STATES = ["FR", "PT", "IT", "BE", "DE"]
THIRD_COUNTRIES = ["MA", "BR", "AL", "CV", "RS", "TR"]


def _conviction(rng: random.Random, country: str, n: int) -> dict[str, Any]:
    decided = date(2012, 1, 1) + timedelta(days=rng.randrange(3000))
    return {
        "id": f"{country}-{n}", "court": f"Tribunal de {country}", "court_country": country,
        "reference": f"{decided.year}/{n}", "decision_date": decided.isoformat(),
        "final_date": (decided + timedelta(days=40)).isoformat(), "kind": "conviction",
        "penalty_level": "correctional",
        "offences": [{"date": (decided - timedelta(days=90)).isoformat(), "qualification": "vol simple"}],
        "penalties": [rng.choice([
            {"type": "imprisonment", "months": rng.choice([2, 6, 12])},
            {"type": "fine", "amount_eur": str(rng.choice([300, 900, 2000])), "nature": "correctionnelle"},
        ])],
    }


def _extract(rng: random.Random, country: str, row: int) -> dict[str, Any]:
    count = rng.choice([0, 0, 0, 1, 1, 2])
    return {"country": country, "issued_on": (date(2025, 1, 1) + timedelta(days=rng.randrange(300))).isoformat(),
            "convictions": [_conviction(rng, country, row * 10 + k) for k in range(count)]}


def transfer_row(rng: random.Random, row: int, *, id_prefix: str = "NAT") -> dict[str, Any]:
    roll = rng.random()
    if roll < 0.45:
        former = [rng.choice(MEMBER_STATES)]
    elif roll < 0.9:
        former = [rng.choice(THIRD_COUNTRIES)]
    else:
        former = [rng.choice(MEMBER_STATES), rng.choice(THIRD_COUNTRIES)]
    born = date(1960, 1, 1) + timedelta(days=rng.randrange(15000))
    return {
        "person": {
            "id": f"{id_prefix}{row:08d}", "kind": "natural", "surname": f"{rng.choice(SURNAMES)}{row}",
            "forenames": [rng.choice(FORENAMES)], "sex": rng.choice(["M", "F"]),
            "birth": {"date": born.isoformat(), "city": "Ville", "country": former[0]},
            "nationalities": ["LU"], "previous_nationalities": former,
        },
        "nationality_on": (date(2026, 1, 5) + timedelta(days=rng.randrange(300))).isoformat(),
        "event": "acquisition" if rng.random() < 0.95 else "recovery",
        "former_nationalities": former,
        "extracts": [_extract(rng, country, row) for country in former],
    }


def transfer_lines(count: int, *, seed: int = 14, year: int = 2026, bad_every: int = 997,
                   id_prefix: str = "NAT") -> list[str]:
    """The header and ``count`` person lines; every ``bad_every``-th line is bad in one of three ways."""
    rng = random.Random(seed)
    lines = [json.dumps({"format": "ecris-gateway/naturalisation@1", "year": year,
                         "reference": f"MJ/NAT/{year}", "persons": count})]
    for row in range(1, count + 1):
        raw = transfer_row(rng, row, id_prefix=id_prefix)
        if bad_every and row % bad_every == 0:
            kind = (row // bad_every) % 3
            if kind == 0:
                lines.append('{"person": {"id": "broken"')
                continue
            if kind == 1:
                del raw["former_nationalities"]
            else:
                raw["nationality_on"] = f"{year}-02-30"
        lines.append(json.dumps(raw, ensure_ascii=False))
    return lines


def write_transfer(path: Path, count: int, **options: Any) -> Path:
    path.write_text("\n".join(transfer_lines(count, **options)) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    write_transfer(Path(sys.argv[2]), int(sys.argv[1]))
