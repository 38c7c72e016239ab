"""Art 12(1): which Member States are notified of a Luxembourg conviction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gateway.law.notification_duty import (
    NotificationAct,
    notifiable_decision,
    notification_owed,
    states_to_notify,
    update_grounds,
)
from gateway.model.conviction import (
    ConditionalRelease,
    Decision,
    DecisionKind,
    Fine,
    FineNature,
    Imprisonment,
    LaterDecision,
    LaterDecisionType,
    PenaltyLevel,
    Sursis,
    SuspensionType,
)
from gateway.model.person import LegalPerson, NaturalPerson

CONVICTION = Decision(
    id="D1", court="TA Luxembourg", court_country="LU", reference=None, decision_date=date(2024, 1, 1),
    final_date=date(2024, 2, 1), kind=DecisionKind.CONVICTION, penalty_level=PenaltyLevel.CORRECTIONAL,
)
ON = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("nationalities", "expected"),
    [
        (("FR",), ("FR",)),
        (("LU", "PT"), ("PT",)),  # FD Art 4(2): even when also a national of the convicting state
        (("IT", "AL"), ("IT",)),  # dual EU / third-country national
        (("EL",), ("GR",)),
        (("MA",), ()),
        (("STATELESS",), ()),
        (("LU",), ()),
    ],
)
def test_art_12_1_notifies_every_other_member_state_of_nationality(
    nationalities: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    assert states_to_notify(NaturalPerson(id="P", surname="X", nationalities=nationalities), CONVICTION, on=ON) == expected


@pytest.mark.parametrize(
    ("person", "decision"),
    [
        (LegalPerson(id="B1", name="ACME", governing_law="LU"), CONVICTION),
        (NaturalPerson(id="P", surname="X", nationalities=("FR",)), replace(CONVICTION, kind=DecisionKind.SUSPENSION_OF_PRONOUNCEMENT)),
        (NaturalPerson(id="P", surname="X", nationalities=("FR",)), replace(CONVICTION, kind=DecisionKind.PLACEMENT)),
        (NaturalPerson(id="P", surname="X", nationalities=("FR",)), replace(CONVICTION, court_country="DE", origin="ecris:DE")),
    ],
    ids=["legal-person", "suspension-amb-13", "placement", "foreign-decision"],
)
def test_art_12_1_does_not_notify_what_is_no_luxembourg_conviction_of_a_natural_person(
    person: NaturalPerson | LegalPerson, decision: Decision
) -> None:
    assert not notifiable_decision(person, decision, on=ON).included
    assert states_to_notify(person, decision, on=ON) == ()


FRENCH = NaturalPerson(id="P", surname="X", nationalities=("FR",))


@pytest.mark.parametrize(
    ("person", "changes", "notified"),
    [
        (FRENCH, {}, True),
        (LegalPerson(id="B1", name="ACME", governing_law="FR"), {}, False),
        (FRENCH, {"court_country": "DE"}, False),
        (FRENCH, {"origin": "ecris:DE"}, False),
        (FRENCH, {"kind": DecisionKind.SUSPENSION_OF_PRONOUNCEMENT}, False),
        (FRENCH, {"kind": DecisionKind.PLACEMENT}, False),
        (FRENCH, {"final_date": None}, False),
        (FRENCH, {"final_date": date(2026, 11, 24)}, False),
        (FRENCH, {"final_date": date(2026, 11, 23)}, True),
    ],
    ids=[
        "luxembourg-conviction", "legal-person", "court-abroad", "notified-from-abroad", "suspension", "placement",
        "not-final", "final-tomorrow", "final-today",
    ],
)
def test_art_12_1_each_condition_alone_decides_the_notification(
    person: NaturalPerson | LegalPerson, changes: dict[str, object], notified: bool
) -> None:
    """Art 12(1): a conviction handed down in Luxembourg (court and origin), of a natural person, final
    on the day (Art 1(1); a final date still to come counts from that day)."""
    decision = replace(CONVICTION, **changes)  # type: ignore[arg-type]
    assert notifiable_decision(person, decision, on=ON).included is notified
    assert states_to_notify(person, decision, on=ON) == (("FR",) if notified else ())


# --- Art 12(1), 12(2): what each state is owed (notification_owed) -------------------------------------

DUAL = NaturalPerson(id="P", surname="X", nationalities=("LU", "PT"))


def test_art_12_1_a_state_of_nationality_not_yet_notified_is_owed_a_first_notification() -> None:
    owed = notification_owed(DUAL, CONVICTION, "PT", on=ON, notified=False, changed=False)
    assert owed.act is NotificationAct.NOTIFICATION and owed.article == "12(1)"


def test_art_12_1_a_state_not_of_nationality_is_owed_nothing() -> None:
    assert notification_owed(DUAL, CONVICTION, "FR", on=ON, notified=False, changed=False).act is None


def test_art_1_1_a_decision_not_yet_final_is_not_notified_until_its_final_date() -> None:
    pending = replace(CONVICTION, final_date=ON.replace(day=24))
    assert notification_owed(DUAL, pending, "PT", on=ON, notified=False, changed=False).act is None
    assert notification_owed(DUAL, pending, "PT", on=ON.replace(day=24), notified=False, changed=False).act is (
        NotificationAct.NOTIFICATION
    )


def test_art_12_1_an_unchanged_conviction_already_notified_is_not_sent_again() -> None:
    assert notification_owed(DUAL, CONVICTION, "PT", on=ON, notified=True, changed=False).act is None


def test_art_12_2_a_change_of_a_notified_conviction_is_an_update() -> None:
    owed = notification_owed(DUAL, CONVICTION, "PT", on=ON, notified=True, changed=True)
    assert owed.act is NotificationAct.UPDATE and "12(2)" in owed.article


def test_art_12_2_a_state_notified_before_the_person_lost_its_nationality_still_gets_the_updates() -> None:
    no_longer_portuguese = replace(DUAL, nationalities=("LU",))
    assert notification_owed(no_longer_portuguese, CONVICTION, "PT", on=ON, notified=True, changed=True).act is (
        NotificationAct.UPDATE
    )
    assert notification_owed(no_longer_portuguese, CONVICTION, "PT", on=ON, notified=True, changed=False).act is None


@pytest.mark.parametrize(
    ("person", "decision", "why"),
    [
        (None, None, "effacées"),  # erasure at death or at 100 years (AMB-14)
        (DUAL, None, "supprimée"),  # annulled on revision, removed by the register
        (DUAL, replace(CONVICTION, kind=DecisionKind.SUSPENSION_OF_PRONOUNCEMENT), "plus notifiable"),
    ],
    ids=["erased-amb-14", "removed", "no-longer-a-conviction"],
)
def test_art_12_2_a_notified_conviction_gone_from_the_register_is_deleted(
    person: NaturalPerson | None, decision: Decision | None, why: str
) -> None:
    owed = notification_owed(person, decision, "PT", on=ON, notified=True, changed=False)
    assert owed.act is NotificationAct.DELETION and owed.article == "12(2)" and why in owed.reason


def test_art_12_2_nothing_is_deleted_where_nothing_was_notified() -> None:
    assert notification_owed(None, None, "PT", on=ON, notified=False, changed=False).act is None


# --- Art 12(1), 12(2): what an update says changed (update_grounds) ------------------------------------

SENTENCED = replace(CONVICTION, penalties=(
    Imprisonment(months=12, conditional_release=ConditionalRelease(released_on=date(2025, 1, 1))),
    Fine(amount_eur=None, nature=FineNature.CORRECTIONNELLE, sursis=Sursis(SuspensionType.SIMPLE)),
))


def _events(*, revoked: date | None = None, release_revoked: date | None = None) -> Decision:
    prison, fine = SENTENCED.penalties
    assert isinstance(prison, Imprisonment) and isinstance(fine, Fine) and fine.sursis is not None
    release = prison.conditional_release
    assert release is not None
    return replace(SENTENCED, penalties=(
        replace(prison, conditional_release=replace(release, revoked_on=release_revoked)),
        replace(fine, sursis=replace(fine.sursis, revoked_on=revoked)),
    ))


def test_art_12_1_a_later_decision_is_named_with_its_date() -> None:
    pardoned = replace(SENTENCED, later_decisions=(LaterDecision(LaterDecisionType.PARDON, date(2026, 10, 1)),))
    assert update_grounds(SENTENCED, pardoned) == ("grâce du 01/10/2026",)


def test_art_12_1_a_sursis_revoked_and_a_conditional_release_revoked_are_named() -> None:
    changed = _events(revoked=date(2026, 9, 1), release_revoked=date(2026, 9, 2))
    assert update_grounds(SENTENCED, changed) == (
        "libération conditionnelle révoquée le 02/09/2026", "sursis révoqué le 01/09/2026",
    )


def test_art_12_2_any_other_change_is_a_correction_also_alongside_a_later_decision() -> None:
    corrected = replace(SENTENCED, reference="2024/99")
    assert update_grounds(SENTENCED, corrected) == ("rectification des données inscrites",)
    both = replace(corrected, later_decisions=(LaterDecision(LaterDecisionType.AMNESTY, date(2026, 3, 1)),))
    assert update_grounds(SENTENCED, both) == ("amnistie du 01/03/2026", "rectification des données inscrites")
    assert update_grounds(SENTENCED, SENTENCED) == ("rectification des données inscrites",)  # the identity changed
    assert update_grounds(None, SENTENCED) == ("modification des données inscrites",)
