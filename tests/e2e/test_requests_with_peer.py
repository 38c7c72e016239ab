"""Art 15 end to end over real SOAP on 127.0.0.1: the simulated Portugal (``peer-request``) asks the gateway for
a person's record. The gateway runs without its own processor: each step is processed by ``inbox process`` on
a clock set by ``ECRIS_GATEWAY_NOW``, so that Portugal's reply to a request for additional information
arrives on a later day than its request (Art 16(1): the clock restarts on that day)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from adapters.bootstrap import App
from adapters.settings import Settings
from gateway.model.partial_date import PartialDate
from gateway.model.person import Birth, NaturalPerson
from tests.messaging_support import GatewayAndPeer, cli, cli_json, gateway_and_peer, wait_until
from tests.samples.register_documents import decision, natural_person, register, write

Pair = GatewayAndPeer
RECEIVED = "2026-11-23T10:00:00+01:00"  # a Monday
REPLIED = "2026-11-26T15:00:00+01:00"  # the Thursday after: due 10 working days later, 10/12/2026
TWINS = ("1980051700001", "1980051700002")
ZWILLING = ["--surname", "Zwilling", "--forenames", "Max", "--born", "1980-05-17", "--birth-place", "Luxembourg"]


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with gateway_and_peer(tmp_path, "PT", serve_args=["--no-processor"]) as running_pair:
        yield running_pair


def _inbox(pair: Pair, env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    return cli_json(["inbox", "list", "--json"], env or pair.env)  # type: ignore[no-any-return]


def _process_when_received(pair: Pair, message_type: str, *, on: str) -> dict[str, Any]:
    """Wait for the gateway to journal a ``message_type``, then process it with the clock at ``on``."""
    def journalled() -> dict[str, Any] | None:
        return next((r for r in _inbox(pair) if r["type"] == message_type and r["state"] == "received"), None)

    row: dict[str, Any] = wait_until(journalled, timeout=40, interval=0.3, what=f"a {message_type}")
    cli(["inbox", "process"], dict(pair.env, ECRIS_GATEWAY_NOW=on))
    return row


def _answer_reaching_portugal(pair: Pair, request_id: str) -> str:
    """The gateway's RequestResponse as Portugal received it (indented XML)."""
    def answered() -> dict[str, Any] | None:
        return next((r for r in _inbox(pair, pair.peer_env)
                     if r["type"] == "RequestResponseMessage" and r["response_to"] == request_id), None)

    row: dict[str, Any] = wait_until(answered, timeout=40, interval=0.3, what=f"the answer to {request_id}")
    return cli(["inbox", "show", row["message_id"]], pair.peer_env).stdout


def _ask(pair: Pair, *args: str) -> str:
    out = cli(["peer-request", "--state", "PT", *args], pair.peer_env).stdout
    return out.split()[1]


def _twins(pair: Pair) -> None:
    app = App(Settings(db_url=pair.gateway_db))
    with app.uow() as uow:
        uow.persons.save_many([NaturalPerson(id=pid, surname="Zwilling", forenames=("Max",),
                                             birth=Birth(PartialDate(1980, 5, 17), "Luxembourg", "LU"),
                                             nationalities=("LU",)) for pid in TWINS])
        uow.commit()
    app.engine.dispose()


def test_employment_with_minors_with_consent_gets_the_bulletin_5_decisions_art_15_2_and_8_3(
        pair: Pair, tmp_path: Path) -> None:
    minor = [{"date": "2019-06-01", "qualification": "attentat à la pudeur", "minor": "constitutive"}]
    person = natural_person("1980051712345", decision("D1", offences=minor, penalties=[{"type": "imprisonment",
                                                                                         "months": 30}]),
                            decision("D2", reference="REF-FINE"))
    cli(["register", "import", str(write(tmp_path / "register.json", register(person)))], pair.env)
    asked = _ask(pair, "--surname", "Muller", "--forenames", "Jean", "--born", "1980-05-17", "--birth-place",
                 "Luxembourg", "--national-number", "1980051712345", "--purpose", "employment_contact_with_minors",
                 "--consent", "yes")
    _process_when_received(pair, "RequestMessage", on=RECEIVED)
    shown = _answer_reaching_portugal(pair, asked)
    assert "RRT-00-00" in shown and "REF-D1" in shown
    assert "REF-FINE" not in shown  # a fine is on N°1, not on N°5 (Art 8-3)
    [row] = cli_json(["requests", "list", "--json"], pair.env)
    assert (row["message_id"], row["state"], row["purpose"], row["person"]) == (
        asked, "answered", "employment_contact_with_minors", "1980051712345")


def test_an_ambiguous_identity_is_resolved_by_portugals_reply_and_the_due_date_moves_to_its_day_art_16_1(
        pair: Pair) -> None:
    _twins(pair)
    asked = _ask(pair, *ZWILLING, "--purpose", "criminal_proceedings", "--when-asked-national-number", TWINS[1])
    _process_when_received(pair, "RequestMessage", on=RECEIVED)
    [waiting] = cli_json(["requests", "list", "--open", "--json"], dict(pair.env, ECRIS_GATEWAY_NOW=RECEIVED))
    assert (waiting["state"], waiting["due_date"], waiting["working_days_left"]) == (
        "awaiting_identification", "2026-12-07", 10)
    reply = _process_when_received(pair, "RequestAdditionalInfoResponseMessage", on=REPLIED)
    assert reply["counterpart"] == "PT"
    shown = _answer_reaching_portugal(pair, asked)
    assert "RRT-00-00" in shown and TWINS[1] in shown
    request = cli_json(["requests", "show", asked, "--json"], pair.env)
    assert (request["state"], request["person"], request["received_on"], request["clock_started_on"]) == (
        "answered", TWINS[1], "2026-11-23", "2026-11-26")
    assert request["due_date"] == "2026-12-10"  # 10 Luxembourg working days after the reply's day
    assert [h["type"] for h in request["history"]] == [
        "RequestDeadlineMessage", "RequestAdditionalInfoMessage", "RequestAdditionalInfoResponseMessage",
        "RequestResponseMessage"]
    peer_received = {r["type"] for r in _inbox(pair, pair.peer_env)}
    assert {"RequestDeadlineMessage", "RequestAdditionalInfoMessage"} <= peer_received


def test_still_several_persons_after_portugals_reply_is_answered_rrt_00_05(pair: Pair) -> None:
    _twins(pair)
    asked = _ask(pair, *ZWILLING, "--purpose", "criminal_proceedings")  # Portugal knows nothing more
    _process_when_received(pair, "RequestMessage", on=RECEIVED)
    _process_when_received(pair, "RequestAdditionalInfoResponseMessage", on=REPLIED)
    shown = _answer_reaching_portugal(pair, asked)
    assert "RRT-00-05" in shown and "ConvictionID" not in shown
    assert cli_json(["requests", "show", asked, "--json"], pair.env)["response_type"] == "RRT-00-05"
