"""Art 12-1(3), Art 14(2), R-TCN-4, R-OWN-2 end to end: before Luxembourg asks about a third-country national
or an assimilated person, ``requests send`` and ``requests own-record`` query a running ``tcn-central`` (seeded
with France's and Germany's records of the Moroccan Benali) over real HTTP, and send ECRIS requests only to
the States returned, over real SOAP to the simulated Member State FR, which answers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.messaging_support import (
    ROOT,
    GatewayAndPeer,
    base_env,
    cli,
    cli_json,
    free_port,
    gateway_and_peer,
    running,
    wait_until,
)

BENALI = "1990071811111"  # MA
ROSSI = "1988020222222"  # IT and AL: assimilated (Art 12-1(4))
NOWAK = "1995050533333"  # stateless: assimilated (Art 12-1(4)), no record anywhere
DUPONT = "1985031512345"  # FR only
SEED = [
    {"convicting_state": "FR", "reference": "FR-77", "surname": "BENALI", "forenames": ["Youssef"],
     "birth_date": "1990-07-18", "nationalities": ["MA"]},
    {"convicting_state": "DE", "reference": "DE-12", "surname": "Benali", "forenames": ["Youssef"],
     "birth_date": "1990-07-18", "nationalities": ["MA"]},
    {"convicting_state": "LU", "reference": BENALI, "surname": "Benali", "forenames": ["Youssef"],
     "birth_date": "1990-07-18", "nationalities": ["MA"]},
]


@pytest.fixture
def exchange(tmp_path: Path) -> Iterator[GatewayAndPeer]:
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(SEED), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/tcn"
    with running(["tcn-central", "--port", str(port), "--seed", str(seed)], base_env(f"sqlite:///{tmp_path / 'unused.db'}"), tmp_path / "central.log",
                 url=url), gateway_and_peer(tmp_path, "FR", "--convictions", "1") as pair:
        pair.env.update(ECRIS_GATEWAY_TCN_CENTRAL_URL=url, ECRIS_GATEWAY_OFFICIAL="clerk-5")
        cli(["register", "import", str(ROOT / "demo" / "register-sample.json")], pair.env)
        yield pair


def _sent(env: dict[str, str]) -> list[dict[str, Any]]:
    return cli_json(["requests", "sent", "--json"], env)  # type: ignore[no-any-return]


def _queries(env: dict[str, str]) -> list[dict[str, Any]]:
    return [e for e in cli_json(["tcn", "log", "list", "--json"], env) if e.get("operation") == "query"]


def test_a_request_about_a_third_country_national_goes_only_to_the_states_ecris_tcn_returns(
        exchange: GatewayAndPeer) -> None:
    env = exchange.env
    refused = cli(["requests", "send", "--to", "BE", "--person", BENALI, "--purpose", "criminal_proceedings"], env,
                  check=False)
    assert refused.returncode == 2 and "BE" in refused.stderr and "12-1(3)" in refused.stderr
    assert "Traceback" not in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert _sent(env) == []  # nothing sent; the query itself is logged

    narrowed = cli_json(["requests", "send", "--to", "FR", "--person", BENALI, "--purpose", "criminal_proceedings",
                         "--json"], env)
    assert [s["to"] for s in narrowed] == ["FR"]

    def answered() -> dict[str, Any] | None:
        rows = {r["message_id"]: r for r in _sent(env)}
        row = rows[narrowed[0]["message_id"]]
        return row if row["state"] == "answered" else None

    assert wait_until(answered, timeout=40, interval=0.5, what="FR's answer")["response_type"] == "RRT-00-00"

    everyone = cli_json(["requests", "send", "--person", BENALI, "--purpose", "criminal_proceedings", "--json"], env)
    assert sorted(s["to"] for s in everyone) == ["DE", "FR"]  # Luxembourg's own record left out

    queries = _queries(env)
    assert [(q["reference"], q["purpose"], q["official"]) for q in queries] == [(BENALI, "criminal_proceedings",
                                                                                 "clerk-5")] * 3
    assert all(q["outcome"].startswith("hit: ") and "DE" in q["outcome"] for q in queries)
    journal = cli_json(["journal", "list", "--action", "ecris.request_sent", "--json"], env)
    assert journal and all(j["details"]["ecris_tcn"] for j in journal)


def test_own_record_of_a_third_country_national_is_forwarded_to_the_states_that_hit(
        exchange: GatewayAndPeer) -> None:
    env = exchange.env
    sent = cli_json(["requests", "own-record", BENALI, "--number", "3", "--json"], env)
    assert sorted(s["to"] for s in sent) == ["DE", "FR"]
    assert len({s["expected_by"] for s in sent}) == 1  # 20 working days (Art 16(2)), same calendar here
    assert [q["purpose"] for q in _queries(env)] == ["own_record_request_of_person"]
    assert {a["state"] for a in cli_json(["bulletin", BENALI, "--number", "3", "--format", "json"],
                                         env)["foreign_answers"]} == {"DE", "FR"}


def test_a_no_hit_sends_nothing_and_says_so(exchange: GatewayAndPeer) -> None:
    env = exchange.env
    said = cli(["requests", "send", "--person", NOWAK, "--purpose", "criminal_proceedings"], env).stdout
    assert "aucune demande envoyée" in said and "12-1(3)" in said
    assert cli_json(["requests", "own-record", NOWAK, "--number", "3", "--json"], env) == []
    assert _sent(env) == []
    assert [(q["reference"], q["outcome"]) for q in _queries(env)] == [(NOWAK, "no hit"), (NOWAK, "no hit")]


def test_a_dual_eu_and_third_country_national_is_queried_and_asked_in_the_member_state_of_nationality(
        exchange: GatewayAndPeer) -> None:
    env = exchange.env
    sent = cli_json(["requests", "send", "--person", ROSSI, "--purpose", "criminal_proceedings", "--json"], env)
    assert [s["to"] for s in sent] == ["IT"]  # no hit in ECRIS-TCN; Italy keeps its nationals' convictions
    assert [q["reference"] for q in _queries(env)] == [ROSSI]
    # A Member-State national only: no query, the clerk names the States (Art 13).
    assert cli(["requests", "send", "--person", DUPONT, "--purpose", "other"], env, check=False).returncode == 2
    assert [s["to"] for s in cli_json(["requests", "send", "--to", "FR", "--person", DUPONT, "--purpose", "other",
                                       "--json"], env)] == ["FR"]
    assert [q["reference"] for q in _queries(env)] == [ROSSI]
