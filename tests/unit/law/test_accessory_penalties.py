"""Accessory penalties (Art 2 3), AMB-30): inscribed and shown with their decision, never by themselves
keeping a decision on N°2 to N°5; a decision shown for another penalty is shown with all of them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gateway.model.conviction import (
    Confiscation,
    MinorInvolvement,
    OtherPenalty,
    Penalty,
    ProfessionalBan,
    Publication,
)
from gateway.model.person import Person

from .factories import (
    bulletin,
    decision,
    driving_ban,
    explain,
    fine,
    legal,
    minors_ban,
    natural,
    offence,
    prison,
)

ON = date(2026, 6, 1)
RUNNING = date(2027, 1, 1)

ACCESSORIES = [
    Confiscation("véhicule", Decimal(12000)),
    Publication("affichage du jugement"),
    ProfessionalBan("gérant de société", end_date=RUNNING),
    ProfessionalBan("médecin", perpetual=True),
    OtherPenalty("fermeture du site internet", end_date=RUNNING),
]
ACCESSORY_IDS = ["confiscation", "publication", "professional-ban", "perpetual-professional-ban", "other"]

# what, besides the accessory, keeps the decision on each bulletin by itself
QUALIFYING: dict[int, Penalty] = {
    2: prison(36),
    3: prison(36),
    4: driving_ban(RUNNING),
    5: minors_ban(RUNNING),
}


@pytest.mark.parametrize("accessory", ACCESSORIES, ids=ACCESSORY_IDS)
@pytest.mark.parametrize("number", [2, 3, 4, 5])
def test_an_accessory_penalty_alone_never_keeps_a_decision_on_bulletins_2_to_5_amb_30(
    number: int, accessory: Penalty
) -> None:
    explanation = explain(natural(decision(accessory)), number, ON)
    assert not explanation.included


@pytest.mark.parametrize("accessory", ACCESSORIES, ids=ACCESSORY_IDS)
@pytest.mark.parametrize("number", [2, 3, 4, 5])
def test_a_decision_shown_for_another_penalty_keeps_its_accessory_penalties_amb_30(
    number: int, accessory: Penalty
) -> None:
    shown = decision(QUALIFYING[number], accessory)
    assert shown.penalties[1] is accessory
    explanation = explain(natural(shown), number, ON)
    assert explanation.included


@pytest.mark.parametrize("accessory", ACCESSORIES, ids=ACCESSORY_IDS)
@pytest.mark.parametrize("number", [2, 3])
def test_legal_person_accessory_penalty_alone_never_keeps_a_decision_amb_30(
    number: int, accessory: Penalty
) -> None:
    assert not explain(legal(decision(accessory)), number, ON).included
    assert explain(legal(decision(fine(30_000), accessory)), number, ON).included


@pytest.mark.parametrize("accessory", ACCESSORIES, ids=ACCESSORY_IDS)
def test_bulletin_5_shows_a_decision_for_acts_against_a_minor_with_its_accessory_penalties_amb_30(
    accessory: Penalty,
) -> None:
    person: Person = natural(decision(accessory, offences=(offence(MinorInvolvement.CONSTITUTIVE),)))
    assert bulletin(person, 5, ON).decisions == ("D1",)


@pytest.mark.parametrize("accessory", ACCESSORIES, ids=ACCESSORY_IDS)
@pytest.mark.parametrize("number", [2, 3])
def test_accessory_penalty_alone_is_explained_by_art_2_3_amb_30(number: int, accessory: Penalty) -> None:
    assert explain(natural(decision(accessory)), number, ON).article == "2 3)"
