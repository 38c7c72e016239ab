"""Luxembourg's own requests over real SOAP on 127.0.0.1 with simulated Member States: a request answered
(after a RequestDeadline) and shown; a State asking additional information about our request, answered
from the register before it answers; an own-record request forwarded to two States, one answering, the
other silent, on the bulletin with the answer and, once 20 working days have run, the mention (AMB-22)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tests.messaging_support import (
    base_env,
    cli,
    cli_json,
    free_port,
    gateway_and_peer,
    running,
    wait_until,
    write_config,
)

PERSON_ID = "1985031512345"
REGISTER = {
    "format": "ecris-gateway/register@1",
    "persons": [{
        "id": PERSON_ID, "kind": "natural", "surname": "Dupont", "forenames": ["Marie", "Claire"], "sex": "F",
        "birth": {"date": "1985-03-15", "city": "Metz", "country": "FR"}, "nationalities": ["FR"],
        "father": {"surname": "Dupont", "forenames": ["Jean"]},
        "residence": {"address": "12 rue de la Gare", "city": "Esch-sur-Alzette", "country": "LU"},
        "previous_residences": [{"address": None, "city": "Bruxelles", "country": "BE"}],
        "decisions": [],
    }],
}


def _import(env: dict[str, str], folder: Path) -> None:
    path = folder / "register.json"
    path.write_text(json.dumps(REGISTER), encoding="utf-8")
    cli(["register", "import", str(path)], env)


def _sent(env: dict[str, str], message_id: str) -> dict[str, Any]:
    return {r["message_id"]: r for r in cli_json(["requests", "sent", "--json"], env)}[message_id]


def _answered(env: dict[str, str], message_id: str) -> dict[str, Any]:
    def done() -> dict[str, Any] | None:
        row = _sent(env, message_id)
        return row if row["state"] == "answered" else None

    return wait_until(done, timeout=40, interval=0.5, what=f"{message_id} to be answered")  # type: ignore[no-any-return]


def test_a_request_is_answered_after_a_deadline_and_shown(tmp_path: Path) -> None:
    with gateway_and_peer(tmp_path, "FR", "--convictions", "2", "--deadline") as pair:
        _import(pair.env, tmp_path)
        [sent] = cli_json(["requests", "send", "--to", "FR", "--person", PERSON_ID, "--purpose", "criminal_proceedings",
                           "--urgent", "--json"], pair.env)
        assert sent["to"] == "FR" and sent["message_id"].startswith("LU-FR-REQ-")
        row = _answered(pair.env, sent["message_id"])
        assert (row["kind"], row["urgent"], row["response_type"]) == ("request", True, "RRT-00-00")
        assert row["due_date"] == sent["expected_by"] and row["answered_on"] is not None
        shown = cli_json(["requests", "sent", sent["message_id"], "--json"], pair.env)
        assert shown["announced_deadline"] is not None  # the RequestDeadline came first
        assert [c["source"] for c in shown["convictions"]] == ["FR", "FR"]
        assert shown["convictions"][1]["offences"] == ["Driving under the influence (simulated)"]
        words = cli(["requests", "sent", "--id", sent["message_id"]], pair.env).stdout
        assert "réponse (avec ou sans condamnation)" in words and "emprisonnement de 6 mois" in words


def test_the_peer_asks_additional_information_and_the_gateway_answers_from_the_register(tmp_path: Path) -> None:
    with gateway_and_peer(tmp_path, "FR", "--ask-additional-info", "BirthPlace,FatherName,Fingerprints") as pair:
        _import(pair.env, tmp_path)
        [sent] = cli_json(["requests", "send", "--to", "FR", "--person", PERSON_ID, "--purpose",
                           "employment_contact_with_minors", "--consent", "yes", "--json"], pair.env)
        row = _answered(pair.env, sent["message_id"])  # FR answers only once it has our identification data
        outbox = cli_json(["outbox", "list", "--json"], pair.env)
        [rar] = [r for r in outbox if "-RAR-" in r["message_id"]]
        assert rar["counterpart"] == "FR" and rar["state"] in ("sent", "acknowledged")
        xml = cli(["outbox", "show", rar["message_id"]], pair.env).stdout
        assert "Jean" in xml and "Metz" in xml and "empreintes digitales" in xml  # asked, not held: said
        journal = cli_json(["journal", "list", "--action", "ecris.additional_info_answered", "--json"], pair.env)
        assert journal and journal[-1]["subject"] == PERSON_ID
        assert row["due_date"] >= sent["expected_by"]  # the clock restarted when we answered


@dataclass
class Exchange:
    env: dict[str, str]


@contextmanager
def gateway_with_peers(tmp_path: Path, peers: dict[str, list[str]]) -> Iterator[Exchange]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/ecris"
    peer_urls = {state: (free_port(), tmp_path / f"{state.lower()}.db") for state in peers}
    config = write_config(tmp_path / "gateway.toml", public_url=url,
                          peers={s: f"http://127.0.0.1:{p}/ecris" for s, (p, _db) in peer_urls.items()})
    env = base_env(f"sqlite:///{tmp_path / 'gateway.db'}", ECRIS_GATEWAY_CONFIG=str(config))
    with ExitStack() as stack:
        stack.enter_context(running(["serve", "--port", str(port), "--threads", "4", "--no-scheduler"], env, tmp_path / "gateway.log",
                                    url=url))
        for state, (peer_port, db) in peer_urls.items():
            stack.enter_context(running(["peer", "--state", state, "--port", str(peer_port), "--gateway", url,
                                         "--db", f"sqlite:///{db}", *peers[state]], base_env(f"sqlite:///{db}"),
                                        tmp_path / f"{state.lower()}.log", url=f"http://127.0.0.1:{peer_port}/ecris"))
        yield Exchange(env)


def test_own_record_request_forwarded_to_two_states_one_silent_then_mentioned(tmp_path: Path) -> None:
    with gateway_with_peers(tmp_path, {"FR": ["--convictions", "1"], "BE": ["--answer", "silent"]}) as exchange:
        env = exchange.env
        _import(env, tmp_path)
        sent = cli_json(["requests", "own-record", PERSON_ID, "--number", "3", "--json"], env)
        assert [s["to"] for s in sent] == ["FR", "BE"]  # nationality, then former residence (Art 14(1))
        by_state = {s["to"]: s for s in sent}
        _answered(env, by_state["FR"]["message_id"])
        bulletin = cli_json(["bulletin", PERSON_ID, "--number", "3", "--format", "json"], env)
        answers = {a["state"]: a for a in bulletin["foreign_answers"]}
        assert answers["FR"]["received"] is True and len(answers["FR"]["convictions"]) == 1
        assert answers["FR"]["convictions"][0]["source"] == "FR" and answers["FR"]["mention"] is None
        assert answers["BE"]["received"] is False and answers["BE"]["mention"] is None
        assert answers["BE"]["expected_by"] == by_state["BE"]["expected_by"]
        later = (datetime.fromisoformat(by_state["BE"]["expected_by"]) + timedelta(days=1)).strftime("%Y-%m-%dT12:00:00Z")
        moved = {**env, "ECRIS_GATEWAY_NOW": later}
        after = cli_json(["bulletin", PERSON_ID, "--number", "3", "--format", "json"], moved)
        answers = {a["state"]: a for a in after["foreign_answers"]}
        assert answers["BE"]["mention"] == "réponse de la Belgique non parvenue"
        assert answers["FR"]["received"] is True and answers["FR"]["mention"] is None
        text = cli(["bulletin", PERSON_ID, "--number", "3"], moved).stdout
        assert "réponse de la Belgique non parvenue" in text and "Theft (simulated)" in text
        rows = {r["to"]: r for r in cli_json(["requests", "sent", "--json"], moved)}
        assert rows["BE"]["state"] == "late" and rows["BE"]["working_days_left"] < 0
        assert rows["FR"]["kind"] == "own_record" and rows["FR"]["state"] == "answered"
