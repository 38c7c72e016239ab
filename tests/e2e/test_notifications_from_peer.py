"""Art 1(2) 2) end to end: a simulated Portugal notifies the gateway over real SOAP on 127.0.0.1 of
convictions of Luxembourg nationals; the gateway inscribes them and its NotificationResponse closes each."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from adapters.bootstrap import App
from adapters.settings import Settings
from gateway.model.partial_date import PartialDate
from gateway.model.person import Birth, NaturalPerson
from tests.messaging_support import GatewayAndPeer, cli, cli_json, gateway_and_peer, wait_until

NUMBER = "1980050112345"
PERSON = ["--surname", "Weber", "--forenames", "Anne", "--born", "1980-05-01", "--birth-place", "Esch-sur-Alzette"]


Pair = GatewayAndPeer


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with gateway_and_peer(tmp_path, "PT") as running_pair:
        yield running_pair


def _notify(pair: Pair, *args: str) -> str:
    """Queue the simulated Portugal's notification; wait until the gateway's NotificationResponse closes it."""
    out = cli(["peer-notify", "--state", "PT", *args], pair.peer_env).stdout
    message_id = out.split()[1]

    def answered() -> dict[str, Any] | None:
        rows = [r for r in cli_json(["outbox", "list", "--json"], pair.peer_env) if r["message_id"] == message_id]
        return rows[0] if rows and rows[0]["state"] == "acknowledged" else None

    row: dict[str, Any] = wait_until(answered, timeout=40, interval=0.3, what=f"{message_id} to be answered")
    assert row["acknowledged_by"].startswith("LU-PT-NRS-")
    shown = cli(["inbox", "show", row["acknowledged_by"]], pair.peer_env).stdout
    assert "NRT-00-00" in shown
    return message_id


def _person(pair: Pair, person_id: str) -> dict[str, Any]:
    exported = json.loads(cli(["register", "export", "--person", person_id], pair.env).stdout)
    [person] = exported["persons"]
    return person  # type: ignore[no-any-return]


def test_a_conviction_notified_by_portugal_reaches_n1_then_its_pardon_and_deletion_follow(pair: Pair) -> None:
    first = _notify(pair, *PERSON, "--national-number", NUMBER)
    serial = str(int(first.rsplit("-", 1)[1]))
    [decision] = _person(pair, NUMBER)["decisions"]
    assert decision["origin"] == "ecris:PT" and decision["ecris_conviction_id"] == f"PT-C-{int(serial):015d}"
    bulletin = cli(["bulletin", NUMBER, "-n", "1"], pair.env).stdout
    assert "Tribunal (simulated Member State)" in bulletin

    _notify(pair, *PERSON, "--conviction", serial, "--change", "pardon")
    [decision] = _person(pair, NUMBER)["decisions"]
    assert [later["type"] for later in decision["later_decisions"]] == ["pardon"]

    _notify(pair, *PERSON, "--conviction", serial, "--change", "delete")
    assert _person(pair, NUMBER)["decisions"] == []


def test_a_notification_matching_two_persons_waits_for_the_clerk_who_resolves_it(pair: Pair) -> None:
    app = App(Settings(db_url=pair.gateway_db))
    twins = [NaturalPerson(id=pid, surname="Weber", forenames=("Anne",),
                           birth=Birth(PartialDate(1980, 5, 1), "Esch-sur-Alzette", "LU"), nationalities=("LU",))
             for pid in ("1980050100001", "1980050100002")]
    with app.uow() as uow:
        uow.persons.save_many(twins)
        uow.commit()
    app.engine.dispose()
    out = cli(["peer-notify", "--state", "PT", *PERSON], pair.peer_env).stdout
    message_id = out.split()[1]

    def waiting() -> list[dict[str, Any]] | None:
        return cli_json(["identifications", "list", "--json"], pair.env) or None

    [pending] = wait_until(waiting, timeout=40, interval=0.3, what="the clerk's queue")
    assert pending["message_id"] == message_id and sorted(pending["candidates"]) == ["1980050100001", "1980050100002"]
    listed = cli(["identifications", "list"], pair.env).stdout
    assert "personnes possibles" in listed and message_id in listed

    resolved = cli(["identifications", "resolve", str(pending["id"]), "--person", "1980050100002"], pair.env).stdout
    assert "inscrite sur la personne 1980050100002" in resolved
    assert [d["origin"] for d in _person(pair, "1980050100002")["decisions"]] == ["ecris:PT"]
    assert _person(pair, "1980050100001")["decisions"] == []

    def answered() -> bool:
        rows = [r for r in cli_json(["outbox", "list", "--json"], pair.peer_env) if r["message_id"] == message_id]
        return bool(rows) and rows[0]["state"] == "acknowledged"

    wait_until(answered, timeout=40, interval=0.3, what="the answer to reach Portugal")
    again = cli(["identifications", "resolve", str(pending["id"]), "--new"], pair.env, check=False)
    assert again.returncode == 2 and "déjà résolue" in again.stderr
    assert cli_json(["identifications", "list", "--json"], pair.env) == []


def test_an_unknown_luxembourger_is_created(pair: Pair) -> None:
    _notify(pair, "--surname", "Nouveau", "--forenames", "Luc", "--born", "1975-02-03", "--birth-place", "Wiltz")
    exported = json.loads(cli(["register", "export"], pair.env).stdout)
    [person] = exported["persons"]
    assert person["surname"] == "Nouveau" and person["id"].startswith("ECRIS-PT-C-")
    assert "LU" in person["nationalities"]


def test_portugal_asks_for_criminal_proceedings_and_gets_the_bulletin_1_content_over_soap_art_15_1(
        pair: Pair) -> None:
    """Art 15(1) end to end: the simulated Portugal's request (``peer-request``), queued in its store and delivered
    by the running peer, is answered by the gateway with a RequestResponse carrying the conviction Portugal
    notified."""
    _notify(pair, *PERSON, "--national-number", NUMBER)
    asked = cli(["peer-request", "--state", "PT", *PERSON, "--national-number", NUMBER,
                 "--purpose", "criminal_proceedings"], pair.peer_env).stdout
    message_id = asked.split()[1]
    assert message_id.startswith("PT-LU-REQ-") and "criminal_proceedings" in asked

    def answered() -> dict[str, Any] | None:
        rows = [r for r in cli_json(["outbox", "list", "--json"], pair.peer_env)
                if r["message_id"] == str(message_id)]
        return rows[0] if rows and rows[0]["state"] == "acknowledged" else None

    row: dict[str, Any] = wait_until(answered, timeout=40, interval=0.3, what=f"{message_id} to be answered")
    assert row["acknowledged_by"].startswith("LU-PT-RRS-")
    shown = cli(["inbox", "show", row["acknowledged_by"]], pair.peer_env).stdout
    assert "RequestResponseMessage" in shown and "RRT-00-00" in shown and "PT-C-" in shown
