"""Who may receive which bulletin (Arts 6, 8, 8-1(3), 8-2(2), 8-3(2)), with consent and foreign cases."""

from __future__ import annotations

import pytest

from gateway.errors import InvalidRequest
from gateway.law.recipients import (
    RECIPIENTS,
    Consent,
    ForeignSubject,
    Purpose,
    Recipient,
    RecipientKind,
    foreign_central_authority_case,
    foreign_consent_required,
    may_receive,
    recipient,
    recipients_of,
)


def test_recipients_list_every_point_of_the_law_in_order() -> None:
    points = {n: [r.point for r in recipients_of(n)] for n in (1, 2, 3, 4, 5)}
    assert points == {
        1: ["1)", "2)", "3)", "3bis)", "4)", "5)"],
        2: ["1)", "2)", "3)", "3bis)", "3ter)", "3quater)", "4)", "4bis)", "5)"],
        3: ["1)", "2)", "3)", "4)", "4bis)", "5)"],
        4: ["1)", "2) a)", "2) b)", "2) c)", "2) d)", "3)", "3bis)", "4)"],
        5: ["1)", "2)", "3)", "3bis)", "4)"],
    }
    assert len({(r.bulletin, r.point) for r in RECIPIENTS}) == len(RECIPIENTS)


@pytest.mark.parametrize(
    ("bulletin", "point", "article"),
    [
        (1, "3bis)", "6 3bis)"),
        (2, "3quater)", "8 3quater)"),
        (3, "4bis)", "8-1(3) 4bis)"),
        (4, "2) c)", "8-2(2) 2) c)"),
        (5, "2)", "8-3(2) 2)"),
    ],
)
def test_recipient_cites_its_article_and_point(bulletin: int, point: str, article: str) -> None:
    assert recipient(bulletin, point).article == article


@pytest.mark.parametrize(
    ("bulletin", "point"),
    [(2, "1)"), (3, "3)"), (4, "2) a)"), (4, "2) b)"), (4, "2) c)"), (4, "2) d)"), (5, "2)")],
)
def test_direct_delivery_to_an_administration_needs_the_persons_consent(bulletin: int, point: str) -> None:
    assert recipient(bulletin, point).consent is Consent.REQUIRED


@pytest.mark.parametrize(
    ("bulletin", "point"),
    [
        (1, "1)"),
        (1, "5)"),
        (2, "2)"),
        (2, "3)"),
        (2, "3bis)"),
        (2, "3ter)"),
        (2, "3quater)"),
        (3, "1)"),
        (4, "1)"),
        (5, "1)"),
    ],
)
def test_no_consent_is_needed_for_the_other_national_recipients(bulletin: int, point: str) -> None:
    assert recipient(bulletin, point).consent is Consent.NOT_REQUIRED


def test_only_administrations_and_transport_and_communal_points_need_consent() -> None:
    needing = {(r.bulletin, r.point) for r in RECIPIENTS if r.consent is Consent.REQUIRED}
    assert needing == {
        (2, "1)"),
        (3, "3)"),
        (4, "2) a)"),
        (4, "2) b)"),
        (4, "2) c)"),
        (4, "2) d)"),
        (5, "2)"),
    }


@pytest.mark.parametrize(
    ("bulletin", "subject", "point"),
    [
        (1, ForeignSubject.MEMBER_STATE_NATIONAL, "3)"),
        (1, ForeignSubject.LUXEMBOURG_LEGAL_PERSON, "3)"),
        (1, ForeignSubject.THIRD_COUNTRY_NATIONAL, "3bis)"),
        (2, ForeignSubject.MEMBER_STATE_NATIONAL, "4)"),
        (2, ForeignSubject.LUXEMBOURG_LEGAL_PERSON, "4)"),
        (2, ForeignSubject.THIRD_COUNTRY_NATIONAL, "4bis)"),
        (3, ForeignSubject.MEMBER_STATE_NATIONAL, "4)"),
        (3, ForeignSubject.LUXEMBOURG_LEGAL_PERSON, "4)"),
        (3, ForeignSubject.THIRD_COUNTRY_NATIONAL, "4bis)"),
        (4, ForeignSubject.MEMBER_STATE_NATIONAL, "3)"),
        (4, ForeignSubject.LUXEMBOURG_LEGAL_PERSON, None),
        (4, ForeignSubject.THIRD_COUNTRY_NATIONAL, "3bis)"),
        (5, ForeignSubject.MEMBER_STATE_NATIONAL, "3)"),
        (5, ForeignSubject.LUXEMBOURG_LEGAL_PERSON, None),
        (5, ForeignSubject.THIRD_COUNTRY_NATIONAL, "3bis)"),
    ],
)
def test_foreign_central_authority_case_by_bulletin_and_subject(
    bulletin: int, subject: ForeignSubject, point: str | None
) -> None:
    case = foreign_central_authority_case(bulletin, subject)
    assert (case.point if case else None) == point
    if case:
        assert case.foreign_central_authority
        assert case.ten_working_days


def test_bulletin_1_goes_abroad_for_criminal_proceedings_only() -> None:
    for point in ("3)", "3bis)"):
        row = recipient(1, point)
        assert (row.purpose, row.consent) == (Purpose.CRIMINAL_PROCEEDINGS, Consent.NOT_REQUIRED)


@pytest.mark.parametrize(
    ("bulletin", "foreign_point", "equivalent", "needed"),
    [
        (2, "4)", "1)", True),
        (2, "4)", "2)", False),
        (2, "4bis)", "1)", True),
        (3, "4)", "1)", False),
        (3, "4)", "3)", True),
        (4, "3)", "2) d)", True),
        (4, "3bis)", "1)", False),
        (5, "3)", "2)", True),
        (5, "3bis)", "1)", False),
        (1, "3)", "1)", False),
    ],
)
def test_foreign_request_needs_consent_when_its_luxembourg_equivalent_does(
    bulletin: int, foreign_point: str, equivalent: str, needed: bool
) -> None:
    assert foreign_consent_required(bulletin, foreign_point, equivalent) is needed


def test_foreign_request_must_name_a_point_it_is_equivalent_to() -> None:
    with pytest.raises(InvalidRequest):
        foreign_consent_required(2, "4)", "3bis)")
    with pytest.raises(InvalidRequest):
        foreign_consent_required(2, "1)", "1)")
    with pytest.raises(InvalidRequest):
        recipient(2, "9)")


@pytest.mark.parametrize("bulletin", [4, 5])
def test_bulletins_4_and_5_are_delivered_for_natural_persons_only(bulletin: int) -> None:
    assert not any(may_receive(r, legal_person=True) for r in recipients_of(bulletin))
    assert all(may_receive(r, legal_person=False) for r in recipients_of(bulletin))


def test_bulletin_3_own_request_points_split_natural_and_legal_persons() -> None:
    assert (recipient(3, "1)").natural_persons, recipient(3, "1)").legal_persons) == (True, False)
    assert (recipient(3, "2)").natural_persons, recipient(3, "2)").legal_persons) == (False, True)


def test_third_countries_receive_under_conventions_on_every_bulletin() -> None:
    third = {r.bulletin: r.point for r in RECIPIENTS if r.kind is RecipientKind.THIRD_COUNTRY}
    assert third == {1: "4)", 2: "5)", 3: "5)", 4: "4)", 5: "4)"}


NATURAL_PERSONS_ONLY = {
    (1, "3bis)"),  # a third-country national is a natural person
    (2, "3bis)"),  # ETIAS national unit: travellers
    (2, "3ter)"),  # visa authority
    (2, "3quater)"),  # immigration and asylum
    (2, "4bis)"),
    (3, "1)"),  # the person itself; a legal person asks under 2)
    (3, "4bis)"),
    *((4, p) for p in ("1)", "2) a)", "2) b)", "2) c)", "2) d)", "3)", "3bis)", "4)")),
    *((5, p) for p in ("1)", "2)", "3)", "3bis)", "4)")),
}
LEGAL_PERSONS_ONLY = {(3, "2)")}


@pytest.mark.parametrize("row", RECIPIENTS, ids=[f"N{r.bulletin}-{r.point}" for r in RECIPIENTS])
def test_each_point_concerns_the_persons_its_text_names(row: Recipient) -> None:
    key = (row.bulletin, row.point)
    assert (may_receive(row, legal_person=False), may_receive(row, legal_person=True)) == (
        key not in LEGAL_PERSONS_ONLY,
        key not in NATURAL_PERSONS_ONLY,
    )


@pytest.mark.parametrize(
    ("bulletin", "point", "purpose"),
    [
        (1, "1)", Purpose.CRIMINAL_PROCEEDINGS),
        (1, "2)", Purpose.CRIMINAL_PROCEEDINGS),
        (1, "5)", Purpose.DEFENCE),
        (2, "1)", Purpose.ADMINISTRATIVE_APPLICATION),
        (2, "2)", Purpose.INTELLIGENCE),
        (2, "3)", Purpose.ERRU),
        (2, "3bis)", Purpose.ETIAS),
        (2, "3ter)", Purpose.VISA),
        (2, "3quater)", Purpose.IMMIGRATION_PUBLIC_ORDER),
        (3, "1)", Purpose.OWN_REQUEST),
        (3, "2)", Purpose.OWN_REQUEST),
        (3, "3)", Purpose.ADMINISTRATIVE_APPLICATION),
        (4, "1)", Purpose.OWN_REQUEST),
        (4, "2) a)", Purpose.DRIVING_LICENCE),
        (4, "2) b)", Purpose.AVIATION_LICENCE),
        (4, "2) c)", Purpose.RAIL_LICENCE),
        (4, "2) d)", Purpose.TAXI_LICENCE),
        (5, "1)", Purpose.OWN_REQUEST),
        (5, "2)", Purpose.COMMUNAL_TEACHING_EMPLOYMENT),
    ],
)
def test_each_national_point_serves_its_own_purpose(bulletin: int, point: str, purpose: Purpose) -> None:
    row = recipient(bulletin, point)
    assert (row.purpose, row.kind) == (purpose, RecipientKind.NATIONAL)
    assert not row.ten_working_days
