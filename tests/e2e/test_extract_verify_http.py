"""``GET /verify/<payload>`` on the server ``ecris-gateway serve`` runs, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import requests

from tests.extract_support import pem_key, public_pem_of
from tests.messaging_support import base_env, cli, free_port, running
from tests.samples.register_documents import DEMO_REGISTER

NOW = "2026-11-23T10:00:00+01:00"


def test_the_server_verifies_an_extract_as_json_and_as_a_page(tmp_path: Path) -> None:
    key = pem_key()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = base_env(f"sqlite:///{tmp_path / 'g.db'}", ECRIS_GATEWAY_NOW=NOW, ECRIS_GATEWAY_EXTRACT_SIGNING_KEY=key,
                   ECRIS_GATEWAY_EXTRACT_VERIFY_BASE_URL=base)
    cli(["register", "import", str(DEMO_REGISTER)], env)
    issued = json.loads(cli(["extract", "issue", "1990071811111", "-n", "3", "--out", str(tmp_path / "e.pdf"),
                             "--json"], env).stdout)
    url = issued["verify_url"]
    assert url.startswith(f"{base}/verify/")
    server_env = {**env, "ECRIS_GATEWAY_EXTRACT_PUBLIC_KEY": public_pem_of(key)}
    server_env.pop("ECRIS_GATEWAY_EXTRACT_SIGNING_KEY")  # the server holds the public key only
    with running(["serve", "--port", str(port), "--no-sender", "--no-processor", "--no-scheduler", "--threads", "2"], server_env,
                 tmp_path / "serve.log", url=f"{base}/ecris"):
        answer = requests.get(url, headers={"Accept": "application/json"}, timeout=10)
        assert answer.status_code == 200 and answer.headers["Content-Type"] == "application/json"
        shape = answer.json()
        assert shape["authentic"] is True
        assert set(shape) == {"authentic", "reasons", "document"}
        assert shape["document"]["surname"] == "BENALI"
        page = requests.get(url, timeout=10)
        assert page.headers["Content-Type"].startswith("text/html")
        assert "Document authentique" in page.text and "width=device-width" in page.text
        assert "stupéfiants" not in page.text and "1990071811111" not in page.text  # only what the payload holds

        tampered = url[:-5] + ("A" if url[-5] != "A" else "B") + url[-4:]
        bad = requests.get(tampered, headers={"Accept": "application/json"}, timeout=10).json()
        assert bad["authentic"] is False
        assert [r["check"] for r in bad["reasons"] if not r["ok"]] == ["signature", "register"]

        cli(["extract", "revoke", issued["document_number"], "--reason", "demande de la personne"], env)
        revoked = requests.get(url, headers={"Accept": "application/json"}, timeout=10).json()
        assert revoked["authentic"] is False
        assert [r["reason"] for r in revoked["reasons"] if not r["ok"]] == ["extrait révoqué le 23/11/2026"]
        assert "demande de la personne" not in json.dumps(revoked, ensure_ascii=False)
        assert "NON authentique" in requests.get(url, timeout=10).text
        assert requests.get(f"{base}/ecris?wsdl", timeout=10).status_code == 200  # the ECRIS endpoint still there
