"""Register interchange documents for tests: small builders with sensible defaults."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEMO_REGISTER = ROOT / "demo" / "register-sample.json"


def decision(decision_id: str = "D1", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": decision_id,
        "court": "Tribunal d'arrondissement de Luxembourg",
        "court_country": "LU",
        "reference": f"REF-{decision_id}",
        "decision_date": "2020-01-10",
        "final_date": "2020-02-20",
        "kind": "conviction",
        "penalty_level": "correctional",
        "offences": [{"date": "2019-12-01", "qualification": "vol", "minor": "none"}],
        "penalties": [{"type": "fine", "amount_eur": "1500", "nature": "correctionnelle"}],
    }
    base.update(fields)
    return base


def natural_person(person_id: str = "P1", *decisions: dict[str, Any], **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": person_id,
        "kind": "natural",
        "surname": "Muller",
        "forenames": ["Jean"],
        "sex": "M",
        "birth": {"date": "1980-05-17", "city": "Luxembourg", "country": "LU"},
        "nationalities": ["LU"],
        "decisions": list(decisions) if decisions else [decision()],
    }
    base.update(fields)
    return base


def legal_person(person_id: str = "B1", *decisions: dict[str, Any], **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": person_id,
        "kind": "legal",
        "name": "ACME S.A.",
        "seat": {"city": "Luxembourg", "country": "LU"},
        "rcs_number": person_id,
        "governing_law": "LU",
        "decisions": list(decisions) if decisions else [decision()],
    }
    base.update(fields)
    return base


def register(*persons: dict[str, Any]) -> dict[str, Any]:
    return {"format": "ecris-gateway/register@1", "persons": [copy.deepcopy(p) for p in persons]}


def write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def demo_register() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(DEMO_REGISTER.read_text(encoding="utf-8"))
    return document
