"""Art 12-1(3)-(4), R-TCN-4: who ECRIS-TCN is asked about, what the query carries, what is logged, which
States are returned (Luxembourg excluded)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from gateway.clock import FixedClock
from gateway.errors import InvalidRequest
from gateway.law.tcn_queries import tcn_query_applies
from gateway.model.partial_date import PartialDate
from gateway.model.person import (
    STATELESS,
    UNKNOWN_NATIONALITY,
    Address,
    Birth,
    IdentityDocument,
    LegalPerson,
    Name,
    NaturalPerson,
    Sex,
)
from gateway.model.tcn import BiometricReference, NationalityStatus, TcnOperation, TcnQuery, TcnQueryResult
from gateway.ports import TcnCentralUnavailable
from gateway.services.tcn.queries import states_to_ask_about
from gateway.services.tcn.record import tcn_identity_of
from tests.tcn_support import ListTcnLog

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
PERSON = NaturalPerson(
    id="1990071412345", surname="Souza", forenames=("Ana",), aliases=(Name("Lima"),),
    father=Name("Souza", ("Jorge",)), spouse=Name("Weber", ("Tom",)), sex=Sex.FEMALE,
    birth=Birth(PartialDate(1990, 7, 14), "Recife", "BR"), nationalities=("BR",),
    residence=Address("1 rue du Marché", "Luxembourg", "LU"),
    identity_documents=(IdentityDocument("passport", "FZ1"),),
)


class FakeCentral:
    def __init__(self, states: tuple[str, ...] = (), *, down: bool = False) -> None:
        self.states = states
        self.down = down
        self.queries: list[TcnQuery] = []

    def create(self, record: object) -> None: ...

    def update(self, record: object) -> None: ...

    def delete(self, reference: str) -> None: ...

    def query(self, query: TcnQuery) -> TcnQueryResult:
        if self.down:
            raise TcnCentralUnavailable("down")
        self.queries.append(query)
        return TcnQueryResult(self.states, NOW)


@pytest.mark.parametrize(
    ("nationalities", "applies", "article"),
    [
        (("BR",), True, "12-1(3)"),
        ((STATELESS,), True, "12-1(4)"),
        ((UNKNOWN_NATIONALITY,), True, "12-1(4)"),
        ((), True, "12-1(4)"),
        (("LU", "MA"), True, "12-1(4)"),  # EU national who is also a third-country national
        (("FR", "US"), True, "12-1(4)"),
        (("FR",), False, "12-1(3)"),
        (("LU", "GR"), False, "12-1(3)"),
        (("EL",), False, "12-1(3)"),
    ],
)
def test_ecris_tcn_is_asked_about_third_country_nationals_and_the_assimilated(
        nationalities: tuple[str, ...], applies: bool, article: str) -> None:
    ruling = tcn_query_applies(replace(PERSON, nationalities=nationalities))
    assert (ruling.included, ruling.article) == (applies, article)


def test_legal_persons_are_outside_ecris_tcn() -> None:
    assert not tcn_query_applies(LegalPerson(id="B1", name="ACME")).included


def test_the_query_carries_article_5_data_only() -> None:
    """AMB-16: the spouse and residence of Art 3 are not sent."""
    identity = tcn_identity_of(PERSON)
    assert (identity.surname, identity.forenames, identity.birth_date) == ("Souza", ("Ana",), PartialDate(1990, 7, 14))
    assert identity.aliases == (Name("Lima"),) and identity.father == Name("Souza", ("Jorge",))
    assert identity.identity_documents == (IdentityDocument("passport", "FZ1"),)
    assert "Weber" not in repr(identity) and "Marché" not in repr(identity)


@pytest.mark.parametrize(
    ("nationalities", "status", "codes"),
    [((STATELESS,), NationalityStatus.STATELESS, ()), ((UNKNOWN_NATIONALITY,), NationalityStatus.UNKNOWN, ()),
     (("LU", "MA"), NationalityStatus.KNOWN, ("LU", "MA"))],
)
def test_stateless_unknown_and_dual_nationals_are_queried_as_such(
        nationalities: tuple[str, ...], status: NationalityStatus, codes: tuple[str, ...]) -> None:
    identity = tcn_identity_of(replace(PERSON, nationalities=nationalities))
    assert (identity.nationality_status, identity.nationalities) == (status, codes)


def test_a_hit_returns_the_other_states_and_is_logged() -> None:
    central, log = FakeCentral(("FR", "LU", "DE")), ListTcnLog()
    prints = BiometricReference("FP-1", date(2026, 1, 2))
    states = states_to_ask_about(PERSON, "criminal_proceedings", "clerk-7", central, log, clock=FixedClock(NOW),
                                 fingerprints=prints)
    assert states == ("FR", "DE")
    assert central.queries[0].purpose == "criminal_proceedings" and central.queries[0].fingerprints == prints
    [entry] = log.entries
    assert (entry.operation, entry.reference, entry.official, entry.purpose, entry.at) == (
        TcnOperation.QUERY, PERSON.id, "clerk-7", "criminal_proceedings", NOW)
    assert entry.query_data is not None and entry.query_data["surname"] == "Souza"
    assert entry.query_data["fingerprints"] == "FP-1"
    assert entry.outcome == "hit: FR, LU, DE"


def test_only_luxembourg_holding_information_leaves_no_state_to_ask() -> None:
    log = ListTcnLog()
    assert states_to_ask_about(PERSON, "p", "c", FakeCentral(("LU",)), log, clock=FixedClock(NOW)) == ()
    assert log.entries[0].outcome == "hit: LU"


def test_no_hit_is_logged_too() -> None:
    log = ListTcnLog()
    assert states_to_ask_about(PERSON, "p", "c", FakeCentral(), log, clock=FixedClock(NOW)) == ()
    assert [e.outcome for e in log.entries] == ["no hit"]


def test_a_member_state_national_is_not_queried() -> None:
    central, log = FakeCentral(("FR",)), ListTcnLog()
    with pytest.raises(InvalidRequest, match="12-1"):
        states_to_ask_about(replace(PERSON, nationalities=("FR",)), "p", "c", central, log, clock=FixedClock(NOW))
    assert central.queries == [] and log.entries == []


def test_an_unavailable_central_system_is_not_logged_as_a_query() -> None:
    log = ListTcnLog()
    with pytest.raises(TcnCentralUnavailable):
        states_to_ask_about(PERSON, "p", "c", FakeCentral(down=True), log, clock=FixedClock(NOW))
    assert log.entries == []
