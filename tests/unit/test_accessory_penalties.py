"""Accessory and other penalties (Art 2 3), AMB-30): inscribable, shown, exported, mapped to ECRIS."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from adapters.files.reference_tables import load_project_tables
from adapters.files.register_format import person_to_json, read_document
from adapters.text.french import describe_decision
from gateway.model.conviction import Confiscation, OtherPenalty, ProfessionalBan, Publication
from gateway.services import ecris_mapping as mapping
from tests.samples.register_documents import decision, natural_person, register

ACCESSORY = [
    {"type": "imprisonment", "months": 18},
    {"type": "confiscation", "description": "véhicule BMW 320d", "value_eur": "12000"},
    {"type": "publication", "label": "affichage au Luxemburger Wort"},
    {"type": "professional_ban", "label": "gérant de société", "end_date": "2031-03-01"},
    {"type": "professional_ban", "label": "notaire", "perpetual": True, "sursis": {"type": "simple"}},
    {"type": "other", "label": "fermeture du site internet", "end_date": "2027-06-30"},
]


def _read(*penalties: dict[str, Any]) -> Any:
    persons, problems = read_document(register(natural_person("P1", decision("D1", penalties=list(penalties)))))
    assert problems == []
    return persons[0]


def test_art_2_3_accessory_penalties_are_inscribable_and_read_as_their_types() -> None:
    person = _read(*ACCESSORY)
    _, confiscation, publication, ban, perpetual_ban, other = person.decisions[0].penalties
    assert confiscation == Confiscation("véhicule BMW 320d", Decimal("12000"))
    assert publication == Publication("affichage au Luxemburger Wort")
    assert isinstance(ban, ProfessionalBan) and ban.end_date is not None and ban.end_date.year == 2031
    assert isinstance(perpetual_ban, ProfessionalBan) and perpetual_ban.perpetual and perpetual_ban.sursis
    assert isinstance(other, OtherPenalty) and other.label == "fermeture du site internet"


def test_accessory_penalties_survive_export_and_reimport_unchanged() -> None:
    person = _read(*ACCESSORY)
    again, problems = read_document(register(person_to_json(person)))
    assert problems == [] and again == [person]


def test_an_other_penalty_needs_its_label() -> None:
    _, problems = read_document(register(natural_person("P1", decision("D1", penalties=[{"type": "other"}]))))
    assert [str(p) for p in problems] == ["P1/D1/penalties[0]: 'label' is missing"]


def test_register_show_describes_accessory_penalties_in_french() -> None:
    lines = describe_decision(_read(*ACCESSORY).decisions[0])
    assert "  peine : confiscation : véhicule BMW 320d (valeur 12\u202f000 EUR)" in lines
    assert "  peine : publication de la décision (affichage au Luxemburger Wort)" in lines
    assert "  peine : interdiction d'exercer une profession ou une activité (gérant de société) jusqu'au 01/03/2031" in lines
    assert "  peine : interdiction d'exercer une profession ou une activité (notaire) à vie, avec sursis simple" in lines
    assert "  peine : autre peine : fermeture du site internet jusqu'au 30/06/2027" in lines


def test_accessory_penalties_map_to_ecris_sanction_categories() -> None:
    person = _read(*ACCESSORY)
    conviction = mapping.conviction_of(
        person, person.decisions[0], conviction_id="LU-C-000000000000001", tables=load_project_tables()
    )
    categories = [s.common_category for s in conviction.sanctions]
    assert categories == ["S-00-001001", "S-99-009001", "S-99-010001", "S-99-003004", "S-99-003004", "S-99-012001"]
    other = conviction.sanctions[-1]
    assert other.national_title[0].value == "fermeture du site internet"
    assert other.execution_period is not None and str(other.execution_period.end) == "2027-06-30"
