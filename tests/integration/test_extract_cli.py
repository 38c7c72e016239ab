"""``ecris-gateway extract``: the PDF issued, read back as a reader sees it (text layer, rendered page, QR
code decoded from the image), verified, tampered with, revoked — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from adapters.cli import main
from tests.extract_support import pdf_page_count, pdf_text, pem_key, public_pem_of, qr_texts_of_rendered_pages
from tests.samples.register_documents import DEMO_REGISTER, decision, natural_person, register, write

NOW = "2026-11-23T10:00:00+01:00"
WITH_DECISION = "1990071811111"  # BENALI Youssef: a conviction on N°3
NIL_ON_3 = "1985031512345"  # decisions, none of them on N°3
KEY = pem_key()


class Runner:
    def __init__(self, db: str, key: str = KEY) -> None:
        self.db = db
        self.key = key

    def __call__(self, *args: str, key: str | None = None) -> Result:
        env = {"ECRIS_GATEWAY_NOW": NOW, "ECRIS_GATEWAY_OFFICIAL": "greffier-1",
               "ECRIS_GATEWAY_EXTRACT_SIGNING_KEY": key or self.key,
               "ECRIS_GATEWAY_EXTRACT_VERIFY_BASE_URL": "https://casier.example.lu"}
        return CliRunner().invoke(main, ["--db", self.db, *args], env=env)


@pytest.fixture
def run(store_url: str) -> Runner:
    runner = Runner(store_url)
    assert runner("register", "import", str(DEMO_REGISTER)).exit_code == 0
    return runner


def issue(run: Runner, person: str, out: Path, number: int = 3) -> dict[str, Any]:
    result = run("extract", "issue", person, "--number", str(number), "--out", str(out), "--json")
    assert result.exit_code == 0, result.output
    issued: dict[str, Any] = json.loads(result.output)
    return issued


def verify(run: Runner, *args: str, key: str | None = None) -> tuple[int, dict[str, Any]]:
    result = run("extract", "verify", *args, "--json", key=key)
    return result.exit_code, json.loads(result.output)


def test_an_extract_with_a_decision_reads_as_an_official_document_and_verifies(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "extrait.pdf"
    issued = issue(run, WITH_DECISION, out)
    assert out.read_bytes().startswith(b"%PDF-")
    assert pdf_page_count(out) in (1, 2)
    text = pdf_text(out)
    for expected in ("EXTRAIT DU CASIER JUDICIAIRE", "Parquet général — Service du casier judiciaire",
                     "Bulletin N°3", "BENALI", "Youssef", "trafic de stupéfiants", "emprisonnement de 30 mois",
                     issued["document_number"], "8-1(3) 1)", "8-5(4)", "Fait à Luxembourg, le 23/11/2026", "délivré à la personne concernée"):
        assert expected in text, expected
    assert "NÉANT" not in text
    [url] = qr_texts_of_rendered_pages(out)
    assert url == issued["verify_url"]
    assert url.startswith("https://casier.example.lu/verify/")
    status, answer = verify(run, str(out))
    assert status == 0 and answer["authentic"] is True
    assert answer["document"]["document_number"] == issued["document_number"]
    assert answer["document"]["surname"] == "BENALI" and answer["document"]["nil"] is False
    assert [r["check"] for r in answer["reasons"]] == ["signature", "register", "revocation"]


def test_a_person_without_decisions_on_the_bulletin_gets_neant(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "neant.pdf"
    issued = issue(run, NIL_ON_3, out)
    assert issued["nil"] is True
    text = pdf_text(out)
    assert "NÉANT" in text and "8-4" in text and issued["document_number"] in text
    status, answer = verify(run, str(out))
    assert status == 0 and answer["document"]["nil"] is True


def test_a_person_the_register_does_not_hold_gets_neant_never_an_error(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "inconnu.pdf"
    issued = issue(run, "2001010199999", out, number=5)
    assert issued["nil"] is True and issued["number"] == 5
    assert "NÉANT" in pdf_text(out)
    assert verify(run, str(out))[0] == 0


@pytest.mark.parametrize(("number", "article"), [(1, "art. 6"), (2, "art. 8")])
def test_bulletins_1_and_2_are_refused_naming_the_article(run: Runner, tmp_path: Path, number: int,
                                                          article: str) -> None:
    out = tmp_path / "refus.pdf"
    result = run("extract", "issue", WITH_DECISION, "--number", str(number), "--out", str(out))
    assert result.exit_code == 2
    assert article in result.output
    assert not out.exists()
    assert json.loads(run("extract", "list", "--json").output) == []


def test_one_character_changed_another_key_or_a_revocation_each_fail_with_their_reason(
    run: Runner, tmp_path: Path
) -> None:
    out = tmp_path / "extrait.pdf"
    issued = issue(run, WITH_DECISION, out)
    payload = issued["verify_url"].rsplit("/verify/", 1)[1]
    position = 20
    tampered = payload[:position] + ("A" if payload[position] != "A" else "B") + payload[position + 1:]
    status, answer = verify(run, "--payload", tampered)
    assert status == 1 and answer["authentic"] is False
    assert any(r["check"] in ("signature", "payload") and not r["ok"] for r in answer["reasons"])

    forger = Runner(run.db, key=pem_key())
    forged = issue(forger, WITH_DECISION, tmp_path / "faux.pdf")  # a store's key that is not ours
    status, answer = verify(run, str(tmp_path / "faux.pdf"))
    assert status == 1
    assert [r["check"] for r in answer["reasons"] if not r["ok"]] == ["signature"]
    assert forged["document_number"] == answer["document"]["document_number"]

    assert verify(run, str(out))[0] == 0
    revoked = run("extract", "revoke", issued["document_number"], "--reason", "délivré par erreur")
    assert revoked.exit_code == 0, revoked.output
    status, answer = verify(run, str(out))
    assert status == 1
    assert [r["reason"] for r in answer["reasons"] if not r["ok"]] == ["extrait révoqué le 23/11/2026"]
    assert answer["revocation_reason"] == "délivré par erreur"
    text = run("extract", "verify", str(out))
    assert text.exit_code == 1 and "NON AUTHENTIQUE" in text.output and "révoqué" in text.output
    [row] = [r for r in json.loads(run("extract", "list", "--json").output)
             if r["document_number"] == issued["document_number"]]
    assert row["revoked_by"] == "greffier-1" and row["revocation_reason"] == "délivré par erreur"
    assert run("extract", "revoke", issued["document_number"], "--reason", "encore").exit_code == 2


def test_verification_with_only_the_public_key(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "extrait.pdf"
    issue(run, WITH_DECISION, out)
    env = {"ECRIS_GATEWAY_EXTRACT_PUBLIC_KEY": public_pem_of(KEY), "ECRIS_GATEWAY_NOW": NOW}
    result = CliRunner().invoke(main, ["--db", run.db, "extract", "verify", str(out)], env=env)
    assert result.exit_code == 0, result.output
    assert "AUTHENTIQUE" in result.output


def test_issue_and_revoke_are_journalled_without_the_content(run: Runner, tmp_path: Path) -> None:
    issued = issue(run, WITH_DECISION, tmp_path / "e.pdf")
    run("extract", "revoke", issued["document_number"], "--reason", "perte")
    entries = json.loads(run("journal", "list", "--json").output)
    actions = [e["action"] for e in entries if e["action"].startswith("extract.")]
    assert actions == ["extract.issue", "extract.revoke"]
    assert "stupéfiants" not in json.dumps(entries, ensure_ascii=False)


def test_a_pdf_without_a_qr_code_is_not_authentic(run: Runner, tmp_path: Path) -> None:
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(b"not a pdf")
    result = run("extract", "verify", str(blank))
    assert result.exit_code == 1


def test_a_legal_person_s_extract_cites_the_point_for_legal_persons(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "societe.pdf"
    issued = issue(run, "B123456", out)
    text = pdf_text(out)
    assert "Transports Rapides" in text and "8-1(3) 2)" in text
    assert verify(run, str(out))[0] == 0
    assert issued["number"] == 3
    assert run("extract", "issue", "B123456", "-n", "5", "--out", str(tmp_path / "x.pdf")).exit_code == 2


def test_a_long_record_runs_over_two_pages_and_its_qr_code_still_reads(tmp_path: Path) -> None:
    prison = {"type": "imprisonment", "months": 36}
    decisions = [decision(f"D{n}", decision_date=f"20{10 + n}-01-10", final_date=f"20{10 + n}-02-20",
                          penalties=[prison], offences=[{"date": f"20{10 + n}-01-01", "minor": "none",
                                                         "qualification": "vol qualifié avec violences " * 3}])
                 for n in range(1, 10)]
    runner = Runner(f"sqlite:///{tmp_path / 'long.db'}")
    path = write(tmp_path / "r.json", register(natural_person("P9", *decisions)))
    assert runner("register", "import", str(path)).exit_code == 0
    out = tmp_path / "long.pdf"
    issued = issue(runner, "P9", out)
    assert pdf_page_count(out) == 2
    assert pdf_text(out).count("vol qualifié") >= 9
    assert qr_texts_of_rendered_pages(out) == [issued["verify_url"]]


def test_a_wrong_store_never_issues_neant_for_everyone(tmp_path: Path) -> None:
    absent = f"sqlite:///{tmp_path}/nowhere/x.db"
    result = Runner(absent)("extract", "issue", WITH_DECISION, "-n", "3", "--out", str(tmp_path / "e.pdf"))
    assert result.exit_code == 1 and "there is no store" in result.output
    assert not (tmp_path / "e.pdf").exists() and not (tmp_path / "nowhere").exists()
