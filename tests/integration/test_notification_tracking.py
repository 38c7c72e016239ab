"""Issue 8 point 4: each notification is followed until its NotificationResponse; a problem reported,
or no answer within the working days set, lists it for a clerk (``notifications list``)."""

from __future__ import annotations

import json
from datetime import date
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from adapters.bootstrap import App
from adapters.cli import main
from adapters.db.messaging import InboundEntry
from adapters.files.register_format import read_document
from gateway.model.exchange import (
    EcrisMessage,
    FunctionalError,
    FunctionalErrorEntry,
    MessageId,
    MessageMetadata,
    MessageType,
    NotificationResponse,
    Text,
)
from gateway.ports import InboxState
from gateway.services.notification_tracking import NotificationState, tracked_notifications
from gateway.services.register_import import import_persons
from tests.conftest import NOW
from tests.integration.soap.inbound_samples import envelope_of
from tests.samples.register_documents import decision, natural_person, register, write

SERIALS = count(500)


def _notified(app: App) -> str:
    read, _ = read_document(register(natural_person("P-FR", decision("D1"), nationalities=["FR"])))
    report = import_persons(read, uow=app.uow(), clock=app.clock, official="clerk", source="test")
    [queued] = report.notifications
    return queued.message_id


def _receive(app: App, message: EcrisMessage) -> InboxState:
    entry = InboundEntry(body=envelope_of(message), headers={}, received_at=NOW,
                         message_id=str(message.metadata.message_id), type=message.element_name,
                         counterpart=message.metadata.sender)
    with app.uow() as uow:
        uow.inbox.record([entry])
        uow.commit()
    assert app.messaging.processor(app.uow).process_pending() == 1
    with app.uow() as uow:
        return uow.inbox.list()[-1].state


def _answer(answering: str, message_type: MessageType) -> MessageMetadata:
    return MessageMetadata(MessageId("FR", "LU", message_type, next(SERIALS)), NOW,
                           response_to=MessageId.parse(answering))


TODAY = NOW.date()


def _states(app: App, on: date = TODAY) -> list[tuple[NotificationState, str | None]]:
    return [(t.state, t.reason) for t in tracked_notifications(app.uow(), on=on)]


def test_a_notification_response_of_receipt_closes_the_notification(app: App) -> None:
    sent = _notified(app)
    assert _states(app) == [(NotificationState.QUEUED, None)]
    assert _receive(app, NotificationResponse(
        metadata=_answer(sent, MessageType.NOTIFICATION_RESPONSE), response_type="NRT-00-00")) is InboxState.PROCESSED
    assert _states(app) == [(NotificationState.ACKNOWLEDGED, None)]
    assert tracked_notifications(app.uow(), on=NOW.date(), open_only=True) == []


def test_a_notification_problem_reported_lists_it_for_a_clerk_with_the_reason(app: App) -> None:
    sent = _notified(app)
    _receive(app, NotificationResponse(metadata=_answer(sent, MessageType.NOTIFICATION_RESPONSE),
                                       response_type="NRT-00-03", remarks=(Text("person unknown", "en"),)))
    [(state, reason)] = _states(app)
    assert state is NotificationState.REJECTED and reason == "problème de notification NRT-00-03 : person unknown"


def test_a_functional_error_answering_a_notification_lists_it_for_a_clerk(app: App) -> None:
    sent = _notified(app)
    _receive(app, FunctionalError(metadata=_answer(sent, MessageType.FUNCTIONAL_ERROR),
                                  errors=(FunctionalErrorEntry("FE-90004", (Text("bad code", "en"),)),)))
    [(state, reason)] = _states(app)
    assert state is NotificationState.REJECTED and reason == "erreur fonctionnelle FE-90004 bad code"


def test_no_answer_within_the_working_days_set_leaves_it_unanswered(app: App) -> None:
    sent = _notified(app)
    with app.uow() as uow:
        uow.outbox.mark_sent(sent)  # Monday 23 November 2026
        uow.commit()
    # five Luxembourg working days: due Monday 30 November; unanswered from Tuesday 1 December
    assert [t.state for t in tracked_notifications(app.uow(), on=date(2026, 11, 30))] == [NotificationState.SENT]
    [late] = tracked_notifications(app.uow(), on=date(2026, 12, 1))
    assert late.state is NotificationState.UNANSWERED and late.for_a_clerk and late.answer_due == date(2026, 11, 30)
    assert late.reason == "pas de réponse en 5 jours ouvrables (attendue le 30/11/2026)"
    [patient] = tracked_notifications(app.uow(), on=date(2026, 12, 1), working_days=10)
    assert patient.state is NotificationState.SENT


@pytest.fixture
def run(tmp_path: Path) -> Any:
    db = f"sqlite:///{tmp_path / 'cli.db'}"

    def invoke(*args: str, now: str = "2026-11-23T10:00:00+01:00") -> Any:
        env = {"ECRIS_GATEWAY_NOW": now, "ECRIS_GATEWAY_OFFICIAL": "clerk"}
        return CliRunner().invoke(main, ["--db", db, *args], env=env)

    return invoke


def test_notifications_list_shows_each_notification_with_its_state_in_french_and_json(
    run: Any, tmp_path: Path
) -> None:
    document = register(natural_person("P-FR", decision("D1"), nationalities=["FR"]),
                        natural_person("P-PT", decision("D2"), nationalities=["LU", "PT"]))
    assert run("register", "import", str(write(tmp_path / "r.json", document))).exit_code == 0
    shown = run("notifications", "list")
    assert shown.exit_code == 0, shown.output
    assert "FR  notification" in shown.output and "en file" in shown.output
    listed = json.loads(run("notifications", "list", "--json", "--person", "P-PT").output)
    assert [(n["person_id"], n["receiver"], n["act"], n["state"]) for n in listed] == [
        ("P-PT", "PT", "notification", "queued")
    ]
    assert json.loads(run("notifications", "list", "--open", "--json").output)[0]["for_a_clerk"] is False


def test_notify_without_again_says_the_conviction_is_already_notified(run: Any, tmp_path: Path) -> None:
    document = register(natural_person("P-FR", decision("D1"), nationalities=["FR"]))
    run("register", "import", str(write(tmp_path / "r.json", document)))
    said = run("notify", "P-FR", "D1")
    assert said.exit_code == 0 and "déjà notifiée à FR" in said.output and "--again" in said.output
    again = run("notify", "P-FR", "D1", "--again")
    assert again.exit_code == 0 and "mise en file pour FR" in again.output
    assert [n["act"] for n in json.loads(run("notifications", "list", "--json").output)] == ["notification", "update"]


def test_notifications_sweep_queues_a_decision_on_its_final_date(run: Any, tmp_path: Path) -> None:
    document = register(natural_person("P-FR", decision("D1", final_date="2026-11-25"), nationalities=["FR"]))
    run("register", "import", str(write(tmp_path / "r.json", document)))
    assert "rien à notifier le 23/11/2026" in run("notifications", "sweep").output
    early = run("notifications", "sweep", "--on", "2026-11-25")
    assert early.exit_code == 2 and "still to come" in early.output
    swept = run("notifications", "sweep", now="2026-11-25T08:00:00+01:00")
    assert swept.exit_code == 0 and "mise en file pour FR" in swept.output
    assert "rien à notifier" in run("notifications", "sweep", now="2026-11-25T09:00:00+01:00").output


def test_import_and_erase_due_say_what_they_sent_to_other_member_states(run: Any, tmp_path: Path) -> None:
    two = natural_person("P-2EU", decision("D1"), nationalities=["DE", "IT"])
    imported = run("register", "import", str(write(tmp_path / "r.json", register(two))))
    assert "Art 12 : 2 message(s) mis en file" in imported.output and "2 notification(s)" in imported.output
    dead = dict(two, death_date="2026-11-01")
    assert "Art 12" not in run("register", "import", str(write(tmp_path / "d.json", register(dead)))).output
    erased = json.loads(run("register", "erase-due", "--json").output)
    assert sorted(d["receiver"] for d in erased["deletions_queued"]) == ["DE", "IT"]
    assert {n["act"] for n in json.loads(run("notifications", "list", "--json").output)} == {"notification",
                                                                                              "deletion"}


def test_r_not_1_a_notification_still_unsent_after_one_working_day_is_shown_to_a_clerk(app: App) -> None:
    _notified(app)  # queued Monday 23 November 2026, never sent
    [today] = tracked_notifications(app.uow(), on=date(2026, 11, 24))
    assert today.state is NotificationState.QUEUED and not today.for_a_clerk
    [late] = tracked_notifications(app.uow(), on=date(2026, 11, 25))
    assert late.state is NotificationState.QUEUED and late.for_a_clerk and late.reason == "toujours pas envoyée le 24/11/2026"
