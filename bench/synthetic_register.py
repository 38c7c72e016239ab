"""A seeded synthetic register in the interchange format, for benchmarks and the demo."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

SURNAMES = ["Muller", "Schmit", "Weber", "Wagner", "Hoffmann", "Dupont", "Rossi", "Silva", "Nowak", "Benali"]
FORENAMES = ["Jean", "Marie", "Paul", "Anne", "Luca", "Sofia", "Jos", "Lea", "Tom", "Nina"]
NATIONALITIES = ["LU"] * 5 + ["FR", "DE", "BE", "PT", "IT", "MA", "AL", "BR", "STATELESS"]


def _day(rng: random.Random, start: date, span_days: int) -> date:
    return start + timedelta(days=rng.randrange(span_days))


def _penalty(rng: random.Random, final: date) -> dict[str, Any]:
    roll = rng.random()
    if roll < 0.35:
        return {"type": "fine", "amount_eur": str(rng.choice([250, 800, 1000, 1500, 2500, 4000, 30000])), "nature": "correctionnelle"}
    if roll < 0.6:
        months = rng.choice([3, 6, 12, 18, 24, 36])
        penalty: dict[str, Any] = {"type": "imprisonment", "months": months}
        if rng.random() < 0.5:
            penalty["sursis"] = {"type": rng.choice(["simple", "probatoire"]), "scope": "full", "suspended_months": months}
        elif rng.random() < 0.5:
            penalty["executed_on"] = (final + timedelta(days=30 * months)).isoformat()
        return penalty
    if roll < 0.75:
        return {"type": "driving_ban", "months": 12, "execution_end_date": (final + timedelta(days=365)).isoformat()}
    if roll < 0.85:
        return {"type": "community_service", "hours": rng.choice([40, 120, 240])}
    if roll < 0.95:
        return {"type": "deprivation_of_rights", "subtype": "interdiction", "label": "droit de vote",
                "end_date": (final + timedelta(days=365 * 5)).isoformat()}
    return {"type": "minors_activity_ban", "perpetual": True}


def synthetic_person(rng: random.Random, index: int) -> dict[str, Any]:
    decisions = []
    for n in range(rng.choice([1, 1, 1, 2, 3])):
        decided = _day(rng, date(2005, 1, 1), 365 * 20)
        final = decided + timedelta(days=rng.randrange(20, 90))
        decisions.append(
            {
                "id": f"D{index:06d}-{n}",
                "court": "Tribunal d'arrondissement de Luxembourg",
                "court_country": "LU",
                "reference": f"{decided.year}/{index}/{n}",
                "decision_date": decided.isoformat(),
                "final_date": final.isoformat(),
                "kind": "conviction",
                "penalty_level": "correctional",
                "offences": [{"date": (decided - timedelta(days=90)).isoformat(), "qualification": "vol",
                              "ecris_category": "0301 00",
                              "minor": "constitutive" if rng.random() < 0.05 else "none"}],
                "penalties": [_penalty(rng, final) for _ in range(rng.choice([1, 1, 2]))],
            }
        )
    born = _day(rng, date(1940, 1, 1), 365 * 65)
    return {
        "id": f"{born:%Y%m%d}{index:05d}",
        "kind": "natural",
        "surname": rng.choice(SURNAMES),
        "forenames": [rng.choice(FORENAMES)],
        "sex": rng.choice("MF"),
        "birth": {"date": born.isoformat(), "city": "Luxembourg", "country": "LU"},
        "nationalities": [rng.choice(NATIONALITIES)],
        "residence": {"address": f"{index % 200} rue Principale", "city": "Luxembourg", "country": "LU"},
        "decisions": decisions,
    }


def synthetic_register(count: int, *, seed: int = 2013) -> dict[str, Any]:
    rng = random.Random(seed)
    return {"format": "ecris-gateway/register@1", "persons": [synthetic_person(rng, i) for i in range(count)]}
