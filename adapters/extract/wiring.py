"""The extract's use cases wired to the app: the register on the store, the keys from the settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from adapters.bootstrap import App
from adapters.extract.signing import signature_checker, signer
from adapters.text.extract_fr import compose_extract
from gateway.services.bulletin import Bulletin
from gateway.services.extract.issue import Extract, issue_extract
from gateway.services.extract.verify import Verification, verify_payload
from gateway.services.outgoing_request_view import attach_foreign_answers


def issue(app: App, *, person_id: str, number: int, on: date) -> Extract:
    def foreign(bulletin: Bulletin) -> Bulletin:
        return attach_foreign_answers(app.uow(), bulletin)

    settings = app.settings
    sign = signer(settings) if number in (3, 4, 5) else (lambda body: b"")  # N°1/N°2 are refused unsigned
    return issue_extract(app.uow, person_id=person_id, number=number, on=on, clock=app.clock,
                         official=app.official, sign=sign, compose=compose_extract,
                         verify_base_url=settings.extract_verify_base_url, place=settings.extract_place,
                         with_foreign_answers=foreign)


def verifier(app: App) -> Callable[[str], Verification]:
    """Verification on the app's store with the configured public key (read once, on first use)."""
    checkers: list[Callable[[bytes, bytes], bool]] = []

    def verify(payload: str) -> Verification:
        if not checkers:
            checkers.append(signature_checker(app.settings))
        with app.uow() as uow:
            return verify_payload(payload, check_signature=checkers[0], register=uow.extracts)

    return verify
