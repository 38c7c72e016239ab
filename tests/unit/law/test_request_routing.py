"""Incoming requests of Member States (Art 15): the purpose table, the scope, the route through the
recipients table with its consent rules. One condition changed at a time."""

from __future__ import annotations

from dataclasses import replace

import pytest

from adapters.files.reference_tables import load_project_tables
from gateway.law.copies import COPY_REQUEST_PURPOSE
from gateway.law.recipients import ForeignSubject, RecipientKind, recipient
from gateway.law.request_purposes import REQUEST_PURPOSES, purpose_named
from gateway.law.request_routing import GivenConsent, Outcome, route_request, sent_in_answer
from gateway.law.request_scope import (
    RequestSubject,
    foreign_subject,
    request_in_scope,
    subject_of,
    unheld_subject,
)
from gateway.model.conviction import Decision, TransmissionRestriction
from gateway.model.reference_tables import TABLE_PATTERNS, Table

from .factories import decision, legal, natural, prison

REQUIRED_KEYS = {
    "criminal_proceedings",
    "own_record_request_of_person",
    "own_record_request_of_legal_person",
    "employment_contact_with_minors",
    "driving_licence",
    "public_employment_post_linked_to_national_sovereignty",
    "other",
}


# --- the purpose table -------------------------------------------------------------------------------


def test_purpose_table_has_the_required_keys_each_once_with_its_code_and_article() -> None:
    keys = [row.key for row in REQUEST_PURPOSES]
    codes = [row.code for row in REQUEST_PURPOSES]
    assert set(keys) >= REQUIRED_KEYS
    assert len(set(keys)) == len(keys) and len(set(codes)) == len(codes)
    for row in REQUEST_PURPOSES:
        assert TABLE_PATTERNS[Table.REQUEST_PURPOSES].fullmatch(row.code), row
        assert row.code.startswith("P-99-"), "provisional codes until the official tables are loaded"
        # Art 15 purposes, and Art 14(3)'s own request of the naturalisation transfer (R-NAT 2 a.)
        assert row.article.startswith(("15(", "14(3)")), row


def test_purpose_table_agrees_with_the_shipped_reference_table() -> None:
    tables = load_project_tables()
    for row in REQUEST_PURPOSES:
        shipped = tables.get(Table.REQUEST_PURPOSES, row.code)
        assert shipped is not None and shipped.key == row.key and shipped.provisional, row
    # The shipped table holds the Art 15 purposes and the Art 12(3) copy request's code, nothing else.
    assert {c.code for c in tables.rows(Table.REQUEST_PURPOSES)} == (
        {row.code for row in REQUEST_PURPOSES} | {COPY_REQUEST_PURPOSE}
    )
    assert COPY_REQUEST_PURPOSE not in {row.code for row in REQUEST_PURPOSES}


def test_purpose_table_names_national_points_of_the_recipients_table() -> None:
    for row in REQUEST_PURPOSES:
        if row.equivalent_point is not None:
            assert row.bulletin is not None
            national = recipient(row.bulletin, row.equivalent_point)  # raises for a point that does not exist
            assert national.kind is RecipientKind.NATIONAL
            assert national.article in row.article, row


@pytest.mark.parametrize("name", ["driving_licence", "P-99-004000"])
def test_a_purpose_is_found_by_key_or_code(name: str) -> None:
    assert purpose_named(name).key == "driving_licence"


def test_an_unknown_purpose_names_the_keys() -> None:
    with pytest.raises(Exception, match="criminal_proceedings"):
        purpose_named("tourism")


# --- scope (Art 15) ----------------------------------------------------------------------------------

LUXEMBOURGER = RequestSubject(legal_person=False, nationalities=("LU",))
OTHER_EU = RequestSubject(legal_person=False, nationalities=("FR",))
DUAL_LU_TCN = RequestSubject(legal_person=False, nationalities=("MA", "LU"))
TCN_CONVICTED_IN_LU = RequestSubject(legal_person=False, nationalities=("MA",), convicted_in_luxembourg=True)
TCN_NOT_CONVICTED_IN_LU = RequestSubject(legal_person=False, nationalities=("MA",))
STATELESS_CONVICTED = RequestSubject(legal_person=False, nationalities=("STATELESS",), convicted_in_luxembourg=True)
LU_LEGAL_PERSON = RequestSubject(legal_person=True, luxembourg_legal_person=True)
FOREIGN_LEGAL_PERSON = RequestSubject(legal_person=True, luxembourg_legal_person=False)


@pytest.mark.parametrize(
    ("subject", "case"),
    [
        (LUXEMBOURGER, ForeignSubject.MEMBER_STATE_NATIONAL),
        (OTHER_EU, ForeignSubject.MEMBER_STATE_NATIONAL),
        (DUAL_LU_TCN, ForeignSubject.MEMBER_STATE_NATIONAL),
        (TCN_CONVICTED_IN_LU, ForeignSubject.THIRD_COUNTRY_NATIONAL),
        (STATELESS_CONVICTED, ForeignSubject.THIRD_COUNTRY_NATIONAL),
        (TCN_NOT_CONVICTED_IN_LU, None),
        (LU_LEGAL_PERSON, ForeignSubject.LUXEMBOURG_LEGAL_PERSON),
        (FOREIGN_LEGAL_PERSON, None),
    ],
    ids=["luxembourger", "other-eu", "dual-lu-tcn", "tcn-convicted-in-lu", "stateless-convicted-in-lu",
         "tcn-not-convicted-in-lu", "lu-legal-person", "foreign-legal-person"],
)
def test_request_scope_art_15(subject: RequestSubject, case: ForeignSubject | None) -> None:
    assert foreign_subject(subject) is case
    ruling = request_in_scope(subject)
    assert ruling.included is (case is not None)
    assert ruling.article == "15"


def test_scope_reads_the_register_a_tcn_is_in_scope_only_with_a_luxembourg_conviction() -> None:
    convicted = replace(natural(decision(prison(6))), nationalities=("MA",))
    lu_decision = convicted.decisions[0]
    only_german = replace(convicted, decisions=(replace(lu_decision, court_country="DE", origin="ecris:DE"),))
    assert subject_of(convicted).convicted_in_luxembourg
    assert request_in_scope(subject_of(convicted)).included
    assert not request_in_scope(subject_of(only_german)).included
    assert subject_of(legal()).luxembourg_legal_person
    assert not subject_of(replace(legal(), governing_law="BE")).luxembourg_legal_person


def test_a_person_the_register_does_not_hold_has_nothing_inscribed() -> None:
    assert unheld_subject(("LU",)) == LUXEMBOURGER


# --- the route: purpose → bulletin + consent, through the recipients table --------------------------

YES, NO, UNKNOWN = GivenConsent.YES, GivenConsent.NO, GivenConsent.UNKNOWN
A, R, N = Outcome.ANSWER, Outcome.REFUSE, Outcome.NO_INFORMATION

ROUTES = [
    # (subject, purpose, consent) → (outcome, bulletin, article)
    ("criminal-proceedings", LUXEMBOURGER, "criminal_proceedings", NO, A, 1, "6 3)"),
    ("criminal-proceedings-consent-unknown", LUXEMBOURGER, "criminal_proceedings", UNKNOWN, A, 1, "6 3)"),
    ("criminal-proceedings-other-eu", OTHER_EU, "criminal_proceedings", UNKNOWN, A, 1, "6 3)"),
    ("criminal-proceedings-tcn", TCN_CONVICTED_IN_LU, "criminal_proceedings", UNKNOWN, A, 1, "6 3bis)"),
    ("criminal-proceedings-legal", LU_LEGAL_PERSON, "criminal_proceedings", UNKNOWN, A, 1, "6 3)"),
    ("criminal-proceedings-tcn-not-convicted", TCN_NOT_CONVICTED_IN_LU, "criminal_proceedings", UNKNOWN,
     N, None, "15"),
    ("criminal-proceedings-foreign-legal", FOREIGN_LEGAL_PERSON, "criminal_proceedings", UNKNOWN, R, None, "15"),
    ("own-record", LUXEMBOURGER, "own_record_request_of_person", UNKNOWN, A, 3, "8-1(3) 4)"),
    ("own-record-tcn", TCN_CONVICTED_IN_LU, "own_record_request_of_person", UNKNOWN, A, 3, "8-1(3) 4bis)"),
    ("own-record-of-person-for-legal", LU_LEGAL_PERSON, "own_record_request_of_person", UNKNOWN,
     R, None, "8-1(3) 1)"),
    ("own-record-legal", LU_LEGAL_PERSON, "own_record_request_of_legal_person", UNKNOWN, A, 3, "8-1(3) 4)"),
    ("own-record-of-legal-for-natural", LUXEMBOURGER, "own_record_request_of_legal_person", UNKNOWN,
     R, None, "8-1(3) 2)"),
    ("minors-consent", LUXEMBOURGER, "employment_contact_with_minors", YES, A, 5, "8-3(2) 3)"),
    ("minors-no-consent", LUXEMBOURGER, "employment_contact_with_minors", NO, R, None, "8-3(2) 2)"),
    ("minors-consent-unknown", LUXEMBOURGER, "employment_contact_with_minors", UNKNOWN, R, None, "8-3(2) 2)"),
    ("minors-other-eu", OTHER_EU, "employment_contact_with_minors", YES, A, 5, "8-3(2) 3)"),
    ("minors-tcn", TCN_CONVICTED_IN_LU, "employment_contact_with_minors", YES, A, 5, "8-3(2) 3bis)"),
    ("minors-legal", LU_LEGAL_PERSON, "employment_contact_with_minors", YES, R, None, "8-3(2) 2)"),
    ("minors-tcn-not-convicted", TCN_NOT_CONVICTED_IN_LU, "employment_contact_with_minors", YES,
     N, None, "15"),
    ("driving-consent", LUXEMBOURGER, "driving_licence", YES, A, 4, "8-2(2) 3)"),
    ("driving-no-consent", LUXEMBOURGER, "driving_licence", NO, R, None, "8-2(2) 2) a)"),
    ("driving-consent-unknown", LUXEMBOURGER, "driving_licence", UNKNOWN, R, None, "8-2(2) 2) a)"),
    ("driving-tcn", TCN_CONVICTED_IN_LU, "driving_licence", YES, A, 4, "8-2(2) 3bis)"),
    ("driving-legal", LU_LEGAL_PERSON, "driving_licence", YES, R, None, "8-2(2) 2) a)"),
    ("taxi-consent", LUXEMBOURGER, "taxi_licence", YES, A, 4, "8-2(2) 3)"),
    ("sovereignty-consent", LUXEMBOURGER, "public_employment_post_linked_to_national_sovereignty", YES,
     A, 2, "8 4)"),
    ("sovereignty-no-consent", LUXEMBOURGER, "public_employment_post_linked_to_national_sovereignty", NO,
     R, None, "8 1)"),
    ("sovereignty-consent-unknown", LUXEMBOURGER, "public_employment_post_linked_to_national_sovereignty",
     UNKNOWN, R, None, "8 1)"),
    ("sovereignty-tcn", TCN_CONVICTED_IN_LU, "public_employment_post_linked_to_national_sovereignty", YES,
     A, 2, "8 4bis)"),
    ("other", LUXEMBOURGER, "other", YES, R, None, "15(2)"),
    ("other-tcn", TCN_CONVICTED_IN_LU, "other", YES, R, None, "15(2)"),
]


@pytest.mark.parametrize(
    ("subject", "purpose", "consent", "outcome", "bulletin", "article"),
    [row[1:] for row in ROUTES],
    ids=[row[0] for row in ROUTES],
)
def test_route_request_art_15(  # noqa: PLR0917
    subject: RequestSubject,
    purpose: str,
    consent: GivenConsent,
    outcome: Outcome,
    bulletin: int | None,
    article: str,
) -> None:
    route = route_request(subject, purpose_named(purpose), consent)
    assert (route.outcome, route.bulletin, route.ruling.article) == (outcome, bulletin, article)
    assert route.ruling.included is (outcome is Outcome.ANSWER)


@pytest.mark.parametrize(
    ("consent", "words"), [(NO, "refusé"), (UNKNOWN, "non indiqué dans la demande")]
)
def test_a_denial_for_consent_says_why_in_french(consent: GivenConsent, words: str) -> None:
    route = route_request(LUXEMBOURGER, purpose_named("employment_contact_with_minors"), consent)
    assert route.ruling.reason.startswith("consentement écrit ou électronique de la personne requis")
    assert route.ruling.reason.endswith(words)


def test_an_answer_says_what_is_sent_and_to_whom_it_may_be() -> None:
    route = route_request(OTHER_EU, purpose_named("criminal_proceedings"), UNKNOWN)
    assert route.ruling.reason == "procédure pénale : informations du bulletin N°1 ; ressortissant d'un État membre (FR)"


# --- FD 2009/315 Art 7(2): foreign decisions restricted to criminal proceedings -----------------------

RESTRICTED = replace(
    decision(prison(30)), court_country="DE", origin="ecris:DE",
    transmission_restriction=TransmissionRestriction.CRIMINAL_PROCEEDINGS_ONLY,
)


@pytest.mark.parametrize(
    ("conviction", "purpose", "sent"),
    [
        (RESTRICTED, "criminal_proceedings", True),
        (RESTRICTED, "own_record_request_of_person", False),
        (RESTRICTED, "employment_contact_with_minors", False),
        (replace(RESTRICTED, transmission_restriction=None), "own_record_request_of_person", True),
        (decision(prison(30)), "own_record_request_of_person", True),
    ],
    ids=["restricted-criminal-proceedings", "restricted-own-record", "restricted-minors",
         "foreign-unrestricted", "luxembourg"],
)
def test_sent_in_answer_fd_art_7_2(conviction: Decision, purpose: str, sent: bool) -> None:
    ruling = sent_in_answer(conviction, purpose_named(purpose))
    assert ruling.included is sent
    if not sent:
        assert ruling.reason.endswith("s'adresser à DE")
