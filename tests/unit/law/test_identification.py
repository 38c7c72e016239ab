"""Art 1(2) 2), Art 3: which register person a notified conviction concerns, and when a clerk decides."""

from __future__ import annotations

import pytest

from gateway.law.identification import (
    IdentityClaim,
    Outcome,
    identify,
    is_luxembourg_national_number,
    name_key,
)
from gateway.model.partial_date import PartialDate
from gateway.model.person import Birth, LegalPerson, Name, NaturalPerson

BORN = PartialDate(1980, 5, 1)


def person(pid: str, surname: str = "Muller", forenames: tuple[str, ...] = ("Anne",), born: PartialDate | None = BORN,
           town: str | None = "Esch-sur-Alzette", **more: object) -> NaturalPerson:
    return NaturalPerson(id=pid, surname=surname, forenames=forenames, birth=Birth(born, town, "LU"),
                         nationalities=("LU",), **more)  # type: ignore[arg-type]


def claim(**changes: object) -> IdentityClaim:
    values: dict[str, object] = {"surnames": ("Müller",), "forenames": ("Anne",), "birth_date": BORN,
                                 "birth_town": "Esch sur Alzette", "birth_country": "LU"}
    values.update(changes)
    return IdentityClaim(**values)  # type: ignore[arg-type]


def test_names_compare_without_accents_case_spaces_or_hyphens() -> None:
    assert name_key("Müller-Weber") == name_key("MULLER weber") == "mullerweber"


def test_the_national_identification_number_identifies_first_even_under_another_name() -> None:
    found = identify(claim(identity_number="1980050112345", surnames=("Schmit",)),
                     [person("1980050112345", surname="Weber"), person("1980050199999")])
    assert (found.outcome, found.person_id) == (Outcome.IDENTIFIED, "1980050112345")


def test_a_national_number_held_by_someone_born_another_day_goes_to_a_clerk() -> None:
    found = identify(claim(identity_number="1980050112345"), [person("1980050112345", born=PartialDate(1979, 1, 2))])
    assert found.outcome is Outcome.UNCERTAIN and found.candidates == ("1980050112345",)


def test_surname_forenames_birth_date_and_place_together_identify_one_person() -> None:
    found = identify(claim(), [person("A"), person("B", born=PartialDate(1981, 5, 1))])
    assert (found.outcome, found.person_id) == (Outcome.IDENTIFIED, "A")


def test_a_former_surname_counts_as_a_surname() -> None:
    found = identify(claim(), [person("A", surname="Weber", previous_names=(Name("Muller"),))])
    assert (found.outcome, found.person_id) == (Outcome.IDENTIFIED, "A")


@pytest.mark.parametrize(("why", "claimed", "held"), [
    ("two persons agree", claim(), [person("A"), person("B")]),
    ("the birth date is partial", claim(birth_date=PartialDate(1980, 5)), [person("A")]),
    ("no birth place to compare", claim(birth_town=None), [person("A")]),
    ("same birth, surname only", claim(forenames=("Paul",)), [person("A")]),
    ("same birth, forenames only (a new surname)", claim(surnames=("Schmit",)), [person("A")]),
])
def test_uncertain_candidates_go_to_a_clerk_never_to_a_guess(why: str, claimed: IdentityClaim,
                                                             held: list[NaturalPerson]) -> None:
    found = identify(claimed, held)
    assert found.outcome is Outcome.UNCERTAIN and found.person_id is None and found.candidates, why


@pytest.mark.parametrize(("why", "held"), [
    ("nobody", []),
    ("born another day", [person("A", born=PartialDate(1980, 5, 2))]),
    ("born in another town", [person("A", town="Wiltz")]),
    ("a legal person", [LegalPerson(id="B1", name="Muller")]),
])
def test_no_candidate_means_a_person_new_to_the_register(why: str, held: list[NaturalPerson]) -> None:
    assert identify(claim(), held).outcome is Outcome.UNKNOWN, why


def test_a_luxembourg_national_number_has_13_digits() -> None:
    assert is_luxembourg_national_number("1980050112345")
    assert not is_luxembourg_national_number("198005011234") and not is_luxembourg_national_number("PX0000000")
