"""Arts 12-1(3)-(4), 13, 14; R-OUT-1, R-OWN-1, R-OWN-2: to which States a Luxembourg request goes, once
ECRIS-TCN has answered (or was not asked), and how the clerk's --to is checked against them."""

from __future__ import annotations

import pytest

from gateway.errors import InvalidRequest
from gateway.law.requested_states import StatesByLaw, chosen_states, states_by_law
from gateway.model.person import Address, NaturalPerson


def _person(*nationalities: str, residence: str | None = None) -> NaturalPerson:
    home = None if residence is None else Address(None, "x", residence)
    return NaturalPerson(id="P", surname="S", nationalities=nationalities, residence=home)


@pytest.mark.parametrize(
    ("person", "own_record", "hits", "expected"),
    [
        (_person("MA"), False, ("FR", "LU", "DE"), StatesByLaw(("FR", "DE"), "12-1(3)")),  # LU never asked
        (_person("MA"), False, (), StatesByLaw((), "12-1(3)")),  # no hit: nobody
        (_person("IT", "AL"), False, ("DE",), StatesByLaw(("DE", "IT"), "12-1(3)")),  # dual: + State of nationality
        (_person("LU", "MA"), False, (), StatesByLaw((), "12-1(3)")),
        (_person("FR"), False, None, StatesByLaw(None, "13")),  # the clerk names them
        (_person("MA"), True, ("FR",), StatesByLaw(("FR",), "14(2)")),
        (_person("STATELESS"), True, (), StatesByLaw((), "14(2)")),
        (_person("FR", residence="BE"), True, None, StatesByLaw(("FR", "BE"), "14(1)")),
        (_person("PT", "BR"), True, ("ES",), StatesByLaw(("PT", "ES"), "14(1)")),
    ],
)
def test_the_law_names_the_states_ecris_tcn_returned_and_the_states_of_art_14(
        person: NaturalPerson, own_record: bool, hits: tuple[str, ...] | None, expected: StatesByLaw) -> None:
    assert states_by_law(person, own_record=own_record, tcn_hits=hits) == expected


def test_to_narrows_the_states_returned_for_a_request() -> None:
    by_law = StatesByLaw(("FR", "DE"), "12-1(3)")
    assert chosen_states(by_law, named=["de"], own_record=False) == ("DE",)
    assert chosen_states(by_law, named=[], own_record=False) == ("FR", "DE")


def test_a_state_ecris_tcn_did_not_return_is_refused_citing_article_12_1_3() -> None:
    with pytest.raises(InvalidRequest, match=r"BE.*art\. 12-1\(3\).*FR, DE"):
        chosen_states(StatesByLaw(("FR", "DE"), "12-1(3)"), named=["FR", "BE"], own_record=False)
    with pytest.raises(InvalidRequest, match=r"art\. 14\(2\), 12-1\(3\).*aucun"):
        chosen_states(StatesByLaw((), "14(2)"), named=["FR"], own_record=True)


def test_an_own_record_request_goes_to_every_state_the_law_names() -> None:
    assert chosen_states(StatesByLaw(("FR", "BE"), "14(1)"), named=["BE"], own_record=True) == ("FR", "BE")


def test_for_a_member_state_national_the_clerk_names_other_member_states() -> None:
    by_law = StatesByLaw(None, "13")
    assert chosen_states(by_law, named=["fr", "FR"], own_record=False) == ("FR",)
    with pytest.raises(InvalidRequest, match="--to"):
        chosen_states(by_law, named=[], own_record=False)
    with pytest.raises(InvalidRequest, match="LU"):
        chosen_states(by_law, named=["LU"], own_record=False)
