"""The e-mail telling the person an extract is ready, delivered to a real SMTP server on 127.0.0.1
(aiosmtpd): it says where to fetch the document and carries nothing of the criminal record."""

from __future__ import annotations

import json
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner

from adapters.cli import main
from tests.extract_support import pem_key
from tests.messaging_support import free_port
from tests.samples.register_documents import DEMO_REGISTER


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


def test_the_person_is_told_the_extract_is_ready_without_any_criminal_data(
    smtp: tuple[Mailbox, int], tmp_path: Path
) -> None:
    mailbox, port = smtp
    env = {"ECRIS_GATEWAY_NOW": "2026-11-23T10:00:00+01:00", "ECRIS_GATEWAY_EXTRACT_SIGNING_KEY": pem_key(),
           "ECRIS_GATEWAY_SMTP_HOST": "127.0.0.1", "ECRIS_GATEWAY_SMTP_PORT": str(port),
           "ECRIS_GATEWAY_SMTP_FROM": "casier@justice.example.lu"}
    db = f"sqlite:///{tmp_path / 's.db'}"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "register", "import", str(DEMO_REGISTER)], env=env).exit_code == 0
    result = runner.invoke(main, ["--db", db, "extract", "issue", "1990071811111", "-n", "3", "--out",
                                  str(tmp_path / "e.pdf"), "--email", "youssef@example.org", "--json"], env=env)
    assert result.exit_code == 0, result.output
    issued = json.loads(result.output)
    assert issued["emailed_to"] == "youssef@example.org"
    [(sender, recipients, message)] = mailbox.messages
    assert sender == "casier@justice.example.lu" and recipients == ["youssef@example.org"]
    body = message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")  # type: ignore[union-attr]
    whole = f"{message['Subject']}\n{body}"
    assert "myguichet.lu" in body.lower() and issued["document_number"] in body
    for secret in ("stupéfiants", "emprisonnement", "Tribunal", "2025/D-2025-0042", "néant", "N°3", "8-1",
                   "BENALI", "1990071811111", "verify"):
        assert secret.lower() not in whole.lower(), secret
    assert not message.is_multipart()  # no attachment: the PDF is fetched from MyGuichet


def test_an_smtp_server_that_does_not_answer_is_a_readable_error(tmp_path: Path) -> None:
    env = {"ECRIS_GATEWAY_NOW": "2026-11-23T10:00:00+01:00", "ECRIS_GATEWAY_EXTRACT_SIGNING_KEY": pem_key(),
           "ECRIS_GATEWAY_SMTP_HOST": "127.0.0.1", "ECRIS_GATEWAY_SMTP_PORT": str(free_port())}
    db = f"sqlite:///{tmp_path / 's.db'}"
    assert CliRunner().invoke(main, ["--db", db, "register", "import", str(DEMO_REGISTER)], env=env).exit_code == 0
    result = CliRunner().invoke(main, ["--db", db, "extract", "issue", "42", "-n", "3", "--out",
                                       str(tmp_path / "e.pdf"), "--email", "a@example.org"], env=env)
    assert result.exit_code == 1
    assert "courriel" in result.output
