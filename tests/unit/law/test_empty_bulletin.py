"""« Néant » (Art 8-4), erasure (Art 3) and the bulletin's shape, for every bulletin number."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from gateway.errors import InvalidRequest
from gateway.model.conviction import FineNature, MinorInvolvement, PenaltyLevel
from gateway.model.partial_date import PartialDate
from gateway.model.person import Birth
from gateway.ports import Tombstone
from gateway.services.bulletin import compute_bulletin, compute_bulletins, erased_bulletin

from .factories import bulletin, decision, fine, legal, natural, offence, prison

ON = date(2026, 6, 1)


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_bulletin_bears_neant_when_the_person_has_no_inscription_art_8_4(number: int) -> None:
    result = bulletin(natural(), number, ON)
    assert (result.nil, result.decisions, result.explanations) == (True, (), ())


def test_each_bulletin_number_decides_neant_on_its_own_art_8_4() -> None:
    person = natural(decision(fine(100), level=PenaltyLevel.POLICE))
    nil = {n: b.nil for n, b in compute_bulletins(person, ON).items()}
    assert nil == {1: False, 2: True, 3: True, 4: True, 5: True}


def test_bulletin_explains_every_decision_of_the_person_in_register_order() -> None:
    person = natural(
        decision(prison(30), id="A"),
        decision(fine(100), id="B", level=PenaltyLevel.POLICE),
        decision(fine(9000, FineNature.CRIMINELLE), id="C", level=PenaltyLevel.CRIMINAL),
    )
    result = bulletin(person, 3, ON)
    assert [e.decision for e in result.explanations] == ["A", "B", "C"]
    assert result.decisions == ("A", "C")
    assert not result.nil


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
@pytest.mark.parametrize(("died", "nil"), [(ON, True), (ON + timedelta(days=1), False)])
def test_bulletin_of_a_dead_person_bears_neant_from_the_day_of_death_art_3(
    number: int, died: date, nil: bool
) -> None:
    person = natural(decision(prison(36), offences=(offence(MinorInvolvement.CONSTITUTIVE),)), died=died)
    result = bulletin(person, number, ON)
    assert result.nil is nil
    if nil:
        assert [e.article for e in result.explanations] == ["3 al.3"]
        assert result.erasure is not None


@pytest.mark.parametrize(
    ("on", "nil"),
    [(date(2080, 5, 16), False), (date(2080, 5, 17), True)],
    ids=["day-before", "100th-birthday"],
)
def test_bulletin_bears_neant_from_the_hundredth_birthday_art_3(on: date, nil: bool) -> None:
    person = natural(decision(prison(36)), born=date(1980, 5, 17))
    assert bulletin(person, 1, on).nil is nil


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
@pytest.mark.parametrize(
    ("born", "on", "nil"),
    [
        (PartialDate(1926), date(2025, 12, 31), False),
        (PartialDate(1926), date(2026, 1, 1), True),
        (PartialDate(1926, 8), date(2026, 7, 31), False),
        (PartialDate(1926, 8), date(2026, 8, 1), True),
    ],
    ids=["year-day-before", "year-1-january", "month-day-before", "month-1st"],
)
def test_bulletin_bears_neant_from_the_centenary_of_a_partial_birth_date_art_3_amb_2(
    number: int, born: PartialDate, on: date, nil: bool
) -> None:
    person = replace(
        natural(decision(prison(36), offences=(offence(MinorInvolvement.CONSTITUTIVE),))), birth=Birth(born)
    )
    result = bulletin(person, number, on)
    assert result.nil is nil
    assert (result.erasure is not None) is nil


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_bulletin_of_an_erased_person_bears_neant_art_3(number: int) -> None:
    result = erased_bulletin(Tombstone("P9", date(2026, 1, 2), "death on 2026-01-01"), number, ON)
    assert (result.person_id, result.nil, result.decisions, result.explanations) == ("P9", True, (), ())
    assert result.erasure is not None
    assert result.erasure.article == "3 al.3"


@pytest.mark.parametrize("number", [4, 5])
def test_bulletins_4_and_5_do_not_exist_for_legal_persons(number: int) -> None:
    with pytest.raises(InvalidRequest) as raised:
        compute_bulletin(legal(decision(fine(30_000))), number, ON)
    assert raised.value.exit_status == 2
    assert set(compute_bulletins(legal(), ON)) == {1, 2, 3}


@pytest.mark.parametrize("number", [0, 6])
def test_there_is_no_bulletin_outside_1_to_5(number: int) -> None:
    with pytest.raises(InvalidRequest):
        compute_bulletin(natural(), number, ON)
