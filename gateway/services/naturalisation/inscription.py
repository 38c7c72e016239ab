"""Decisions inscribed under Art 14(3): from the supplied extract (origin ``extract:XX``) or from the former
Member State's answer (origin ``ecris:XX``), each marked with its basis, country and day (R-NAT step 3)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from gateway.law.register import may_be_inscribed
from gateway.model.conviction import EXTRACT_ORIGIN_PREFIX, Decision, InscriptionBasis, InscriptionSource
from gateway.model.person import Person

DECISION_PREFIX = "A14-"


@dataclass
class Inscribed:
    person: Person
    added: list[Decision] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    """In French, for the clerk: each decision Art 1 refused and why."""


def from_extract(decision: Decision, *, country: str, extract_date: date, transfer: str, on: date) -> Decision:
    """A conviction of the supplied extract as the register inscribes it."""
    return replace(
        decision, id=f"{DECISION_PREFIX}{country}-{decision.id}"[:64], origin=f"{EXTRACT_ORIGIN_PREFIX}{country}",
        inscription_basis=InscriptionBasis(InscriptionSource.EXTRACT, country, transfer, on, extract_date))


def from_answer(decision: Decision, *, country: str, transfer: str, on: date) -> Decision:
    """A conviction of the former Member State's answer (origin ``ecris:XX`` as mapped) as the register
    inscribes it: its ECRIS conviction ID is kept, so later notifications of that State update it."""
    return replace(decision, id=f"{DECISION_PREFIX}{decision.id}"[:64],
                   inscription_basis=InscriptionBasis(InscriptionSource.ECRIS_ANSWER, country, transfer, on))


def inscribe(person: Person, decisions: Sequence[Decision]) -> Inscribed:
    """``decisions`` added to ``person`` when Art 1 allows (the Art 14(3) basis waives the convention
    condition, AMB-23), each once: one already held (same id or ECRIS conviction ID) is not added again."""
    held_ids = {d.id for d in person.decisions}
    held_conviction_ids = {d.ecris_conviction_id for d in person.decisions if d.ecris_conviction_id}
    result = Inscribed(person)
    kept = list(person.decisions)
    for decision in decisions:
        if decision.id in held_ids or (decision.ecris_conviction_id and
                                       decision.ecris_conviction_id in held_conviction_ids):
            continue
        ruling = may_be_inscribed(decision, person)
        if not ruling.included:
            result.refused.append(f"{decision.id} non inscrite : {ruling.reason} (art. {ruling.article})")
            continue
        kept.append(decision)
        result.added.append(decision)
        held_ids.add(decision.id)
    result.person = replace(person, decisions=tuple(kept))
    return result
