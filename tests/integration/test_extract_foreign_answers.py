"""Own-record requests (Art 14(1)): the answers of other Member States are printed on the extract as
received (AMB-21), and a Luxembourg « néant » with a foreign conviction is not « néant » in the QR code."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from adapters.bootstrap import App
from adapters.extract.pdf import render_extract_pdf
from adapters.extract.signing import signer
from adapters.files.register_format import person_from_json
from adapters.settings import Settings
from adapters.text.extract_fr import compose_extract
from gateway.services.bulletin import Bulletin, ForeignAnswer
from gateway.services.extract.issue import issue_extract
from gateway.services.extract.payload import read_payload
from tests.conftest import NOW
from tests.extract_support import pdf_text, pem_key
from tests.samples.register_documents import DEMO_REGISTER


def test_foreign_answers_are_printed_as_received_and_lift_the_neant_of_the_qr_code(
    store_url: str, tmp_path: Path
) -> None:
    app = App(Settings(db_url=store_url, official="clerk", now=NOW, extract_signing_key=pem_key()))
    persons = [person_from_json(raw)[0] for raw in json.loads(DEMO_REGISTER.read_text(encoding="utf-8"))["persons"]]
    with app.uow() as uow:
        uow.persons.save_many(persons)
        uow.commit()
    benali = next(p for p in persons if p.id == "1990071811111")
    conviction = dataclasses.replace(benali.decisions[0], court="Tribunal correctionnel de Metz")
    answer = ForeignAnswer("FR", "LU-FR-RQ-000000000000007", date(2026, 11, 2), date(2026, 11, 30), True,
                           date(2026, 11, 16), "RRT-00-00", (conviction,), None)

    def with_answer(bulletin: Bulletin) -> Bulletin:
        return dataclasses.replace(bulletin, foreign_answers=(answer,))

    issued = issue_extract(app.uow, person_id="1985031512345", number=3, on=date(2026, 11, 23), clock=app.clock,
                           official="clerk", sign=signer(app.settings), compose=compose_extract,
                           verify_base_url="https://casier.example.lu", with_foreign_answers=with_answer)
    assert issued.content.nil  # nothing of the Luxembourg register on N°3
    fields, _, _ = read_payload(issued.verify_url.rsplit("/verify/", 1)[1])
    assert fields.nil is False and issued.record.nil is False
    out = tmp_path / "e.pdf"
    out.write_bytes(render_extract_pdf(issued.content, verify_url=issued.verify_url,
                                       verify_base_url="https://casier.example.lu"))
    text = pdf_text(out)
    assert "NÉANT" in text and "Réponses des autres États membres" in text
    assert "Tribunal correctionnel de Metz" in text and "reçue le 16/11/2026" in text
    app.engine.dispose()
