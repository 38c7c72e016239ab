"""Who may receive a bulletin issued by a clerk (Arts 6, 8, 8-1(3), 8-2(2), 8-3(2), R-CONSENT): the row
of the recipients table named, the kind of person and the consent. One condition changed at a time."""

from __future__ import annotations

import pytest

from gateway.errors import InvalidRequest
from gateway.law.recipients import delivery_allowed, recipient_at

CASES = [
    # (point, bulletin, legal person, consent) → (allowed, article)
    ("judicial-authority", "6 1)", 1, False, False, True),
    ("judicial-authority-legal", "6 1)", 1, True, False, True),
    ("own-n3", "8-1(3) 1)", 3, False, False, True),
    ("own-n3-of-a-legal-person", "8-1(3) 1)", 3, True, False, False),
    ("legal-person-n3", "8-1(3) 2)", 3, True, False, True),
    ("legal-person-point-for-a-natural-person", "8-1(3) 2)", 3, False, False, False),
    ("administration-n3-consent", "8-1(3) 3)", 3, False, True, True),
    ("administration-n3-no-consent", "8-1(3) 3)", 3, False, False, False),
    ("administration-n2-consent", "8 1)", 2, False, True, True),
    ("administration-n2-no-consent", "8 1)", 2, False, False, False),
    ("intelligence-n2-no-consent-needed", "8 2)", 2, False, False, True),
    ("etias-n2-natural", "8 3bis)", 2, False, False, True),
    ("etias-n2-legal", "8 3bis)", 2, True, False, False),
    ("driving-consent", "8-2(2) 2) a)", 4, False, True, True),
    ("driving-no-consent", "8-2(2) 2) a)", 4, False, False, False),
    ("communal-teaching-consent", "8-3(2) 2)", 5, False, True, True),
    ("communal-teaching-no-consent", "8-3(2) 2)", 5, False, False, False),
    ("own-n5", "8-3(2) 1)", 5, False, False, True),
    ("point-of-another-bulletin", "8-3(2) 1)", 3, False, True, False),
    ("foreign-central-authority", "8-3(2) 3)", 5, False, True, False),
]


@pytest.mark.parametrize(
    ("point", "bulletin", "legal", "consent", "allowed"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_delivery_allowed_to_the_point_named(point: str, bulletin: int, legal: bool, consent: bool, allowed: bool) -> None:
    row = recipient_at(point)
    ruling = delivery_allowed(row, bulletin=bulletin, legal_person=legal, consent=consent)
    assert ruling.included is allowed
    assert ruling.article == point


def test_a_consent_refusal_says_so_in_french() -> None:
    ruling = delivery_allowed(recipient_at("8-2(2) 2) a)"), bulletin=4, legal_person=False, consent=False)
    assert ruling.reason == "consentement écrit ou électronique de la personne requis et non recueilli"


@pytest.mark.parametrize("spelled", ["8-2(2) 2) a)", "8-2(2)2)a)", " 8-2(2)  2) a) "])
def test_a_point_is_found_whatever_its_spaces(spelled: str) -> None:
    assert recipient_at(spelled).point == "2) a)"


@pytest.mark.parametrize("unknown", ["9 1)", "8-3(2) 7)", ""])
def test_an_unknown_point_is_an_invalid_request(unknown: str) -> None:
    with pytest.raises(InvalidRequest, match="no recipient point"):
        recipient_at(unknown)
