"""The naturalisation transfer over real SOAP on 127.0.0.1 with simulated France: the former French national's
request is delivered, France answers, and the answer completes her (its conviction inscribed under Art 14(3));
the former Moroccan's extract is inscribed at import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.messaging_support import cli, cli_json, gateway_and_peer, wait_until
from tests.samples import naturalisation as sample


def test_france_answers_and_the_answer_completes_the_person(tmp_path: Path) -> None:
    transfer = sample.write(tmp_path / "transfer.jsonl", [sample.FRENCH, sample.MOROCCAN])
    with gateway_and_peer(tmp_path, "FR", "--convictions", "1") as pair:
        summary = cli_json(["naturalisation", "import", str(transfer), "--json"], pair.env)
        assert (summary["requests_sent"], summary["convictions_inscribed"]) == (1, 2)

        def settled() -> dict[str, Any] | None:
            [row] = cli_json(["naturalisation", "status", "--json"], pair.env)
            return row if row["answers_inscribed"] == 1 else None

        row = wait_until(settled, timeout=40, interval=0.5, what="France's answer to be inscribed")
        assert (row["persons_complete"], row["requests_awaiting"], row["convictions_inscribed"]) == (2, 0, 3)
        shown = cli(["register", "show", sample.FRENCH["person"]["id"], "--json"], pair.env).stdout
        assert '"origin": "ecris:FR"' in shown and '"source": "ecris answer"' in shown
