"""``requests send``, ``requests own-record`` and ``requests sent`` on the command line: what a clerk reads,
the JSON shapes, and the refusals (exit status 2, one line, no traceback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.messaging_support import base_env, cli, cli_json, free_port
from tests.samples.register_documents import DEMO_REGISTER


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    environment = base_env(f"sqlite:///{tmp_path / 'store.db'}", ECRIS_GATEWAY_NOW="2026-11-23T10:00:00+01:00")
    cli(["register", "import", str(DEMO_REGISTER)], environment)
    return environment


def test_send_says_when_the_answer_is_expected_and_sent_lists_it(env: dict[str, str]) -> None:
    said = cli(["requests", "send", "--to", "fr", "--person", "1985031512345", "--purpose", "P-99-001000"], env).stdout
    assert said.startswith("LU-FR-REQ-") and "réponse attendue le 07/12/2026" in said
    [row] = cli_json(["requests", "sent", "--json"], env)
    assert (row["direction"], row["purpose"], row["state"], row["working_days_left"]) == (
        "outgoing", "criminal_proceedings", "sent", 10)
    assert cli_json(["requests", "sent", "--open", "--json"], env) == [row]
    shown = cli(["requests", "sent", "--id", row["message_id"]], env).stdout
    assert "procédure pénale" in shown and "réponse attendue le 07/12/2026" in shown


def test_an_unknown_person_or_request_is_exit_status_2(env: dict[str, str]) -> None:
    unknown = cli(["requests", "send", "--to", "FR", "--person", "nobody", "--purpose", "other"], env, check=False)
    assert unknown.returncode == 2 and "nobody" in unknown.stderr and "Traceback" not in unknown.stderr
    missing = cli(["requests", "sent", "LU-FR-REQ-000000000000999"], env, check=False)
    assert missing.returncode == 2


def test_a_third_country_national_is_not_asked_about_without_ecris_tcn(env: dict[str, str]) -> None:
    """Art 12-1(3), Reg Art 7(1): the query comes first; unconfigured or unreachable, nothing is sent."""
    benali = "1990071811111"  # Moroccan: Art 14(2)
    unset = cli(["requests", "own-record", benali, "--number", "3", "--to", "BE"], env, check=False)
    assert unset.returncode == 1 and "tcn_central_url" in unset.stderr and "12-1(3)" in unset.stderr
    down_env = {**env, "ECRIS_GATEWAY_TCN_CENTRAL_URL": f"http://127.0.0.1:{free_port()}/tcn"}
    down = cli(["requests", "send", "--person", benali, "--purpose", "criminal_proceedings"], down_env, check=False)
    assert down.returncode == 1 and "ECRIS-TCN n'a pas répondu" in down.stderr and "aucune demande envoyée" in down.stderr
    assert "Traceback" not in down.stderr and len(down.stderr.strip().splitlines()) == 1
    assert cli_json(["requests", "sent", "--json"], env) == []
    assert not [m for m in cli_json(["outbox", "list", "--json"], env) if "-REQ-" in m["message_id"]]


def test_own_record_is_for_bulletins_3_to_5(env: dict[str, str]) -> None:
    assert cli(["requests", "own-record", "1985031512345", "--number", "2"], env, check=False).returncode == 2
    empty = cli_json(["bulletin", "1985031512345", "--number", "4", "--format", "json"], env)
    assert empty["foreign_answers"] == []
