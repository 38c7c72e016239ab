"""The ``reference_tables`` setting reaches the inbox processor: a served gateway checks inbound codes
against the configured official CRT file, refusing an unknown code in strict mode and flagging it otherwise."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import requests
from lxml import etree

from adapters.files.reference_tables import CRT_NS
from adapters.soap.envelope import envelope_bytes, request_headers
from adapters.xml import codec
from gateway.model.exchange import MessageId, MessageMetadata, Notification
from tests.messaging_support import base_env, cli, cli_json, free_port, running, wait_until, write_config
from tests.samples import ecris_messages as samples

KNOWN = "O-00-010100"
"""The one offence category of the CRT file below."""
UNKNOWN = "O-00-020100"
"""Well-formed and in the project's tables, but not in the CRT file: unknown once the file is in force."""
MESSAGE_ID = "FR-LU-NOT-000000000000042"


def _crt_file(path: Path) -> Path:
    crt = f"{{{CRT_NS}}}"
    root = etree.Element(crt + "CommonReferenceTable", nsmap={"crt": CRT_NS})
    categories = etree.SubElement(root, crt + "OffenceCategories")
    row = etree.SubElement(categories, crt + "OffenceCategory")
    etree.SubElement(row, crt + "OffenceTechnicalIdentifier").text = KNOWN
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return path


def _notification() -> bytes:
    """A notification from FR about a Luxembourg national whose offences all carry ``UNKNOWN``."""
    base = samples.notification_8kb(1)
    offences = tuple(dataclasses.replace(o, common_category=UNKNOWN) for o in base.conviction.offences)
    message: Notification = dataclasses.replace(
        base,
        metadata=MessageMetadata(MessageId.parse(MESSAGE_ID), base.metadata.timestamp),
        conviction=dataclasses.replace(base.conviction, offences=offences, id="FR-C-000000000000042",
                                       convicting_country="CO-00-250-FRA"),
    )
    assert "CO-00-442-LUX" in message.person.nationalities
    return envelope_bytes(codec.encode(message))


def _served(tmp_path: Path, *, strict: bool) -> tuple[dict[str, Any], str, list[dict[str, Any]]]:
    """Serve a gateway with the CRT file and ``strict_codes``, post the notification, wait until it is
    processed; its inbox row, the same as ``inbox list`` prints it, and the outbox."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/ecris"
    db = f"sqlite:///{tmp_path / 'gateway.db'}"
    config = write_config(tmp_path / "gateway.toml", peers={"FR": f"http://127.0.0.1:{free_port()}/ecris"},
                          public_url=url, reference_tables=str(_crt_file(tmp_path / "crt.xml")),
                          strict_codes=strict)
    env = base_env(db, ECRIS_GATEWAY_CONFIG=str(config))
    with running(["serve", "--port", str(port), "--no-sender", "--no-scheduler", "--threads", "4"], env, tmp_path / "serve.log",
                 url=url):
        answer = requests.post(url, data=_notification(), headers=dict(request_headers("deliverNotification")),
                               timeout=10)
        assert answer.status_code == 202, answer.text

        def handled() -> dict[str, Any] | None:
            rows = [r for r in cli_json(["inbox", "list", "--json"], env) if r["message_id"] == MESSAGE_ID]
            return rows[0] if rows and rows[0]["handled_at"] else None

        row: dict[str, Any] = wait_until(handled, timeout=30, interval=0.5, what="the notification to be processed")
        listed = cli(["inbox", "list"], env).stdout
    outbox = cli_json(["outbox", "list", "--json"], env)
    return row, listed, outbox


def test_in_strict_mode_a_code_missing_from_the_crt_file_gets_a_functional_error(tmp_path: Path) -> None:
    row, _, outbox = _served(tmp_path, strict=True)
    assert row["state"] == "rejected"
    assert UNKNOWN in row["error"]
    [reply] = [m for m in outbox if m["message_id"] == row["reply_id"]]
    assert reply["type"] == "FunctionalErrorMessage" and reply["counterpart"] == "FR"
    assert reply["response_to"] == MESSAGE_ID


def test_by_default_a_code_missing_from_the_crt_file_is_accepted_and_flagged_for_a_clerk(tmp_path: Path) -> None:
    row, listed, outbox = _served(tmp_path, strict=False)
    assert row["state"] == "processed"
    assert row["error"].startswith("flagged for a clerk:") and UNKNOWN in row["error"]
    [reply] = [m for m in outbox if m["message_id"] == row["reply_id"]]
    assert reply["type"] == "NotificationResponseMessage" and reply["response_to"] == MESSAGE_ID
    [line] = [line for line in listed.splitlines() if line.startswith(MESSAGE_ID)]
    assert "processed" in line and "flagged for a clerk" in line and UNKNOWN in line
