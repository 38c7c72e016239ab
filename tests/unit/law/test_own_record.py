"""Art 14(1), Art 16(2), AMB-22: to whom a person's own-record request is forwarded, and the mention of an
answer still missing after the 20 working days."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.law.deadlines import awaited_answer_due_date
from gateway.law.own_record import (
    is_national_of_another_member_state,
    missing_answer_mention,
    of_state,
    own_record_states,
)
from gateway.model.person import Address, LegalPerson, NaturalPerson


def person(**fields: object) -> NaturalPerson:
    return NaturalPerson(id="1985031512345", surname="Dupont", **fields)  # type: ignore[arg-type]


def test_own_record_request_goes_to_every_state_of_nationality_and_residence_past_and_present() -> None:
    who = person(nationalities=("FR", "LU"), previous_nationalities=("PT",),
                 residence=Address("1 rue X", "Luxembourg", "LU"),
                 previous_residences=(Address(None, "Bruxelles", "BE"), Address(None, "Lisboa", "PT"),
                                      Address(None, "Genève", "CH")))
    assert own_record_states(who) == ("FR", "PT", "BE")  # LU excluded, each State once, CH not a Member State


def test_greece_under_its_eu_code_is_asked_as_gr() -> None:
    assert own_record_states(person(nationalities=("EL",))) == ("GR",)


def test_a_legal_person_is_forwarded_nowhere() -> None:
    assert own_record_states(LegalPerson(id="B1", name="SA")) == ()


@pytest.mark.parametrize(("nationalities", "expected"), [(("FR",), True), (("LU", "DE"), True), (("MA",), False),
                                                         (("STATELESS",), False), (("LU",), False)])
def test_art_14_1_covers_nationals_of_another_member_state_only(nationalities: tuple[str, ...], expected: bool) -> None:
    assert is_national_of_another_member_state(person(nationalities=nationalities)) is expected


def test_the_answer_is_awaited_twenty_working_days_of_the_requested_state() -> None:
    # Sent Friday 2026-04-24. France keeps 8 May (Victoire 1945), Luxembourg does not: one day later there.
    assert awaited_answer_due_date(date(2026, 4, 24), requested_state="FR", own_record=True) == date(2026, 5, 28)
    assert awaited_answer_due_date(date(2026, 4, 24), requested_state="LU", own_record=True) == date(2026, 5, 27)


def test_an_answer_missing_after_the_due_day_is_mentioned_on_the_bulletin() -> None:
    due = date(2026, 5, 26)
    on_due = missing_answer_mention("FR", expected_by=due, answered=False, on=due)
    after = missing_answer_mention("FR", expected_by=due, answered=False, on=date(2026, 5, 27))
    received = missing_answer_mention("FR", expected_by=due, answered=True, on=date(2026, 6, 30))
    assert not on_due.included and "26/05/2026" in on_due.reason
    assert after.included and after.reason == "réponse de la France non parvenue" and "AMB-22" in after.article
    assert not received.included


@pytest.mark.parametrize(("state", "words"), [("FR", "de la France"), ("PT", "du Portugal"), ("NL", "des Pays-Bas"),
                                              ("DE", "de l'Allemagne"), ("XX", "de l'État XX")])
def test_states_are_named_with_their_french_article(state: str, words: str) -> None:
    assert of_state(state) == words
