"""Art 1(2) 2): a conviction of a Luxembourg national notified by another Member State is identified,
inscribed and answered in one transaction; updates and deletions apply to the same conviction."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from adapters.bootstrap import App
from adapters.soap.messages import MessageReader
from gateway.errors import InvalidRequest
from gateway.model.conviction import (
    Fine,
    Imprisonment,
    LaterDecisionType,
    OtherPenalty,
    PenaltyLevel,
    SuspensionType,
    TransmissionRestriction,
)
from gateway.model.exchange import (
    Amount,
    ConvictionDecision,
    EcrisConviction,
    MessageId,
    MessageMetadata,
    MessageType,
    NameText,
    Notification,
    NotificationResponse,
    PersonName,
    YesNoUnknown,
    ml,
)
from gateway.model.partial_date import PartialDate
from gateway.model.person import Birth, NaturalPerson
from gateway.ports import RegisterEventKind
from gateway.services.bulletin import compute_bulletin
from gateway.services.inbound import is_national_of
from gateway.services.incoming_notification import (
    NotificationRefused,
    Receipt,
    receive_notification,
    resolve_identification,
)
from tests.conftest import NOW
from tests.samples import ecris_messages as samples

NATIONAL_NUMBER = "1990071400000"  # the sample person's identity number (tests/samples)


def _conviction(serial: int = 7) -> EcrisConviction:
    return samples.conviction("PRT", "PT", serial=serial)


def from_portugal(serial: int = 1, *, conviction: EcrisConviction | None = None, **person: object) -> Notification:
    """A notification from PT (the convicting State) to LU about the sample Luxembourger (also Portuguese)."""
    base = samples.notification("full")
    ecris_person = dataclasses.replace(base.person, **person)  # type: ignore[arg-type]
    return dataclasses.replace(
        base, metadata=MessageMetadata(MessageId("PT", "LU", MessageType.NOTIFICATION, serial), NOW),
        person=ecris_person, conviction=conviction or _conviction(),
    )


def receive(app: App, message: Notification) -> Receipt:
    with app.uow() as uow:
        receipt = receive_notification(uow, message, national=is_national_of(message.person.nationalities, "LU"),
                                       member_state="LU", clock=app.clock, official="test-clerk")
        uow.commit()
    return receipt


def hold(app: App, *persons: NaturalPerson) -> None:
    with app.uow() as uow:
        uow.persons.save_many(list(persons))
        uow.commit()


SAMPLE_BIRTH = PartialDate(1990, 7, 14)


def twin(person_id: str, *, born: PartialDate = SAMPLE_BIRTH, town: str = "Braga") -> NaturalPerson:
    return NaturalPerson(id=person_id, surname="Ficticio Modelo", forenames=("Tiago",),
                         birth=Birth(born, town, "PT"), nationalities=("LU",))


def answer_of(app: App, reply_id: MessageId | None) -> NotificationResponse:
    assert reply_id is not None
    with app.uow() as uow:
        record = uow.outbox.get(str(reply_id))
        envelope = uow.outbox.envelope(str(reply_id))
    assert record is not None and record.type == "NotificationResponseMessage" and record.counterpart == "PT"
    assert envelope is not None
    read = MessageReader(max_bytes=10**7, member_state="PT").read(envelope)
    assert isinstance(read.message, NotificationResponse)
    return read.message


def test_an_unknown_luxembourger_is_created_under_the_national_number_with_the_foreign_decision(app: App) -> None:
    receipt = receive(app, from_portugal())
    assert (receipt.change, receipt.person_id) == ("added", NATIONAL_NUMBER)
    with app.uow() as uow:
        person = uow.persons.get(NATIONAL_NUMBER)
        kinds = [e.kind for e in uow.events.list(person_id=NATIONAL_NUMBER)]
        journal = [e for e in uow.journal.entries() if e.action == "register.notified_conviction"]
    assert isinstance(person, NaturalPerson)
    assert person.surname == "Ficticio Modelo" and person.forenames == ("Tiago",)
    assert set(person.nationalities) == {"PT", "LU"} and person.birth.city == "Braga"
    [decision] = person.decisions
    assert decision.origin == "ecris:PT" and decision.court_country == "PT"
    assert decision.ecris_conviction_id == "PT-C-000000000000007"
    assert decision.court == "Tribunal d'arrondissement de Luxembourg" and decision.reference == "2024/12345"
    assert (decision.decision_date, decision.final_date) == (date(2024, 11, 5), date(2024, 12, 20))
    assert decision.penalty_level is PenaltyLevel.CORRECTIONAL
    assert [o.ecris_category for o in decision.offences] == ["0201 00", "0201 00"]
    imprisonment, fine = decision.penalties
    assert isinstance(imprisonment, Imprisonment) and imprisonment.months == 30
    assert imprisonment.sursis is not None and imprisonment.sursis.type is SuspensionType.PROBATOIRE
    assert imprisonment.sursis.suspended_months == 18
    assert isinstance(fine, Fine) and fine.amount_eur == Decimal("1250.05") and fine.currency == "EUR"
    assert decision.transmission_restriction is None
    assert kinds == [RegisterEventKind.PERSON_CREATED, RegisterEventKind.DECISION_ADDED]
    assert journal and journal[-1].subject == NATIONAL_NUMBER and journal[-1].details["change"] == "added"
    assert answer_of(app, receipt.reply_id).response_type == "NRT-00-00"


def test_the_foreign_decision_appears_on_bulletin_1(app: App) -> None:
    receipt = receive(app, from_portugal())
    with app.uow() as uow:
        person = uow.persons.get(NATIONAL_NUMBER)
    assert person is not None
    bulletin = compute_bulletin(person, 1, NOW.date())
    assert bulletin.decisions == ("PT-C-000000000000007",) and receipt.person_id == person.id


def test_the_national_number_identifies_a_person_already_held(app: App) -> None:
    hold(app, dataclasses.replace(twin(NATIONAL_NUMBER), surname="Autre nom"))
    receipt = receive(app, from_portugal())
    assert (receipt.change, receipt.person_id) == ("added", NATIONAL_NUMBER)
    with app.uow() as uow:
        assert uow.persons.count() == 1


def test_names_birth_date_and_place_identify_a_person_held_under_another_key(app: App) -> None:
    hold(app, twin("1990071499999"), twin("1990071488888", born=PartialDate(1991, 7, 14)))
    receipt = receive(app, from_portugal(identity_number=None))
    assert (receipt.change, receipt.person_id) == ("added", "1990071499999")


def test_two_matching_persons_wait_for_a_clerk_and_nothing_is_inscribed_or_answered(app: App) -> None:
    hold(app, twin("1990071499999"), twin("1990071488888"))
    message = from_portugal(identity_number=None)
    receipt = receive(app, message)
    assert receipt.reply_id is None and receipt.change == "queued" and receipt.identification_id is not None
    with app.uow() as uow:
        [pending] = uow.identifications.list()
        assert uow.outbox.list() == []
        assert all(not p.decisions for p in uow.persons.iterate())
    assert set(pending.candidates) == {"1990071499999", "1990071488888"}
    with app.uow() as uow:
        [queued] = [e for e in uow.journal.entries() if e.action == "ecris.identification_queued"]
    assert queued.subject == "PT-LU-NOT-000000000000001" and queued.details["identification"] == str(pending.id)
    assert pending.message_id == "PT-LU-NOT-000000000000001" and pending.conviction_id == "PT-C-000000000000007"

    with app.uow() as uow:
        resolved = resolve_identification(uow, pending.id, message, person_id="1990071488888", member_state="LU",
                                          clock=app.clock, official="clerk-b")
        uow.commit()
    assert (resolved.change, resolved.person_id) == ("added", "1990071488888")
    with app.uow() as uow:
        person = uow.persons.get("1990071488888")
        assert uow.identifications.list() == []
        [done] = uow.identifications.list(open_only=False)
    assert person is not None and [d.ecris_conviction_id for d in person.decisions] == ["PT-C-000000000000007"]
    assert done.person_id == "1990071488888" and done.resolved_by == "clerk-b" and done.reply_id
    assert answer_of(app, resolved.reply_id).response_type == "NRT-00-00"
    with app.uow() as uow, pytest.raises(InvalidRequest):
        resolve_identification(uow, pending.id, message, person_id=None, member_state="LU", clock=app.clock,
                               official="clerk-b")


def test_a_partial_birth_date_is_uncertain_never_a_guess(app: App) -> None:
    hold(app, twin("1990071499999", born=PartialDate(1990)))
    receipt = receive(app, from_portugal(identity_number=None))
    assert receipt.change == "queued"


def test_an_update_applies_to_the_same_conviction_and_a_deletion_removes_it(app: App) -> None:
    receive(app, from_portugal(1))
    pardon = ConvictionDecision(id="D-00090", change_types=("DCH-00-O",), decision_date=date(2026, 3, 1),
                                remarks=ml("Grâce présidentielle."))
    base = _conviction()
    updated = receive(app, from_portugal(2, conviction=dataclasses.replace(base, decisions=(*base.decisions, pardon)),
                                         identity_number=None, name=PersonName(NameText("T."), NameText("Autre"))))
    assert (updated.change, updated.person_id) == ("updated", NATIONAL_NUMBER)
    with app.uow() as uow:
        person = uow.persons.get(NATIONAL_NUMBER)
    assert person is not None and len(person.decisions) == 1
    [later] = person.decisions[0].later_decisions
    assert later.type is LaterDecisionType.PARDON and later.date == date(2026, 3, 1)
    again = receive(app, from_portugal(3, conviction=dataclasses.replace(base, decisions=(*base.decisions, pardon))))
    assert again.change == "unchanged"

    deletion = ConvictionDecision(id="D-00091", delete_from_register=YesNoUnknown.YES, decision_date=date(2026, 4, 1))
    removed = receive(app, from_portugal(4, conviction=dataclasses.replace(base, decisions=(*base.decisions, deletion))))
    assert (removed.change, removed.person_id) == ("removed", NATIONAL_NUMBER)
    with app.uow() as uow:
        person = uow.persons.get(NATIONAL_NUMBER)
        kinds = [e.kind for e in uow.events.list(person_id=NATIONAL_NUMBER)]
    assert person is not None and person.decisions == ()
    assert kinds[-2:] == [RegisterEventKind.DECISION_UPDATED, RegisterEventKind.DECISION_REMOVED]
    assert answer_of(app, removed.reply_id).response_type == "NRT-00-00"


def test_a_notification_about_a_non_national_is_answered_not_a_national_and_not_inscribed(app: App) -> None:
    receipt = receive(app, from_portugal(nationalities=("CO-00-620-PRT",)))
    assert receipt.change == "not_national"
    with app.uow() as uow:
        assert uow.persons.count() == 0
    assert answer_of(app, receipt.reply_id).response_type == "NRT-00-01"


def test_a_refused_notification_leaves_nothing_behind(app: App) -> None:
    """Whole or nothing: a conviction naming another convicting State than the sender is refused (a functional
    error follows), and neither the person, nor an event, nor an answer is kept."""
    with app.uow() as uow, pytest.raises(NotificationRefused, match="not a conviction of the sender PT"):
        receive_notification(uow, from_portugal(conviction=samples.conviction("FRA", "FR")), national=True,
                             member_state="LU", clock=app.clock, official="test-clerk")
    with app.uow() as uow:
        assert uow.persons.count() == 0 and uow.outbox.list() == [] and uow.events.list() == []


def test_an_unmapped_sanction_becomes_other_penalty_and_not_transmittable_restricts_it(app: App) -> None:
    base = _conviction()
    odd = dataclasses.replace(base.sanctions[1], common_category="S-00-004001", national_title=ml("Expulsão", "pt"),
                              fine_amount=None, fine_currency=None, number_of_fines=None, suspension=None)
    conviction = dataclasses.replace(base, sanctions=(base.sanctions[0], odd), is_transmittable=YesNoUnknown.NO)
    receive(app, from_portugal(conviction=conviction))
    with app.uow() as uow:
        person = uow.persons.get(NATIONAL_NUMBER)
    assert person is not None
    [decision] = person.decisions
    assert decision.penalties[1] == OtherPenalty(label="Expulsão")
    assert decision.transmission_restriction is TransmissionRestriction.CRIMINAL_PROCEEDINGS_ONLY


def test_a_conviction_of_a_person_the_register_knows_dead_is_answered_deceased_and_not_inscribed(app: App) -> None:
    hold(app, dataclasses.replace(twin(NATIONAL_NUMBER), death_date=date(2026, 1, 2)))
    receipt = receive(app, from_portugal())
    assert (receipt.change, receipt.person_id) == ("deceased", NATIONAL_NUMBER)
    with app.uow() as uow:
        person = uow.persons.get(NATIONAL_NUMBER)
    assert person is not None and person.decisions == ()
    assert answer_of(app, receipt.reply_id).response_type == "NRT-00-02"


def test_a_national_whom_the_register_holds_as_a_foreigner_goes_to_a_clerk(app: App) -> None:
    """Art 1(2) 2) is decided on the register's data: the notification's claim of Luxembourg nationality does
    not inscribe a decision on a person the register holds as French only; a clerk looks."""
    hold(app, dataclasses.replace(twin(NATIONAL_NUMBER), nationalities=("FR",)))
    receipt = receive(app, from_portugal())
    assert receipt.change == "queued" and receipt.reply_id is None
    with app.uow() as uow:
        [pending] = uow.identifications.list()
    assert pending.candidates == (NATIONAL_NUMBER,) and "1(2) 2)" in pending.reason


def test_an_update_of_a_conviction_waiting_for_a_clerk_waits_behind_it_and_applies_to_the_same_person(
        app: App) -> None:
    hold(app, twin("1990071499999"), twin("1990071488888"))
    base = _conviction()
    first = from_portugal(1, identity_number=None)
    pardon = ConvictionDecision(id="D-00090", change_types=("DCH-00-O",), decision_date=date(2026, 3, 1))
    update = from_portugal(2, identity_number=None,
                           conviction=dataclasses.replace(base, decisions=(*base.decisions, pardon)))
    assert receive(app, first).change == "queued"
    assert receive(app, update).change == "queued"
    with app.uow() as uow:
        older, newer = uow.identifications.list()
    assert "attend l'identification n° " + str(older.id) in newer.reason
    with app.uow() as uow, pytest.raises(InvalidRequest, match=f"d'abord l'identification n° {older.id}"):
        resolve_identification(uow, newer.id, update, person_id="1990071499999", member_state="LU",
                               clock=app.clock, official="clerk")
    for pending, message in ((older, first), (newer, update)):
        with app.uow() as uow:
            resolve_identification(uow, pending.id, message, person_id="1990071488888" if message is first else None,
                                   member_state="LU", clock=app.clock, official="clerk")
            uow.commit()
    with app.uow() as uow:
        person = uow.persons.get("1990071488888")
        assert uow.identifications.list() == [] and uow.persons.count() == 2
    assert person is not None
    [decision] = person.decisions
    assert [later.type for later in decision.later_decisions] == [LaterDecisionType.PARDON]


def test_amb_29_a_notified_fine_in_another_currency_is_converted_at_the_ecb_rate_of_the_decision_date(
    app: App,
) -> None:
    """As at import (issue 7 point 4): the rate and its date are kept; the inbound path passes the gateway's rates."""
    base = _conviction()
    swiss = dataclasses.replace(base.sanctions[1], fine_amount=Amount.of(Decimal("50000")),
                                fine_currency="CX-00-756-CHF")
    message = from_portugal(conviction=dataclasses.replace(base, sanctions=(base.sanctions[0], swiss)))
    with app.uow() as uow:
        receive_notification(uow, message, national=True, member_state="LU", clock=app.clock,
                             official="test-clerk", rates=app.euro_rates)
        uow.commit()
    with app.uow() as uow:
        person = uow.persons.get(NATIONAL_NUMBER)
    assert person is not None
    [decision] = person.decisions
    fine = decision.penalties[1]
    assert isinstance(fine, Fine) and (fine.amount, fine.currency) == (Decimal("50000"), "CHF")
    assert fine.eur_rate is not None and fine.eur_rate_date is not None
    assert fine.eur_rate_date <= decision.decision_date and (decision.decision_date - fine.eur_rate_date).days <= 7
    assert fine.amount_eur == (Decimal("50000") / fine.eur_rate).quantize(Decimal("0.01"))
