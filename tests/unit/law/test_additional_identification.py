"""Art 15, Art 3: what Luxembourg asks a requesting State when the person is uncertain — only the data
identification decides on and the request did not give."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gateway.law.additional_identification import information_to_ask
from gateway.law.identification import IdentityClaim
from gateway.model.exchange import AdditionalInformation as Item
from gateway.model.partial_date import PartialDate
from gateway.model.person import Birth, NaturalPerson

FULL = IdentityClaim(surnames=("Zwilling",), forenames=("Max",), birth_date=PartialDate(1980, 5, 17),
                     birth_town="Luxembourg", birth_country="LU")
TWIN = NaturalPerson(id="T1", surname="Zwilling", forenames=("Max",), birth=Birth(PartialDate(1980, 5, 17), "Luxembourg"))
MARRIED = replace(TWIN, id="T2", surname="Weber")


@pytest.mark.parametrize(("claim", "candidates", "asked"), [
    (FULL, [TWIN, replace(TWIN, id="T3")], (Item.IDENTITY_NUMBER,)),
    (replace(FULL, birth_date=PartialDate(1980)), [TWIN], (Item.BIRTH_DATE, Item.IDENTITY_NUMBER)),
    (replace(FULL, birth_town=None), [TWIN], (Item.BIRTH_PLACE, Item.IDENTITY_NUMBER)),
    (replace(FULL, birth_town="UNKNOWN"), [TWIN], (Item.BIRTH_PLACE, Item.IDENTITY_NUMBER)),
    (FULL, [TWIN, MARRIED], (Item.FORMER_NAME, Item.IDENTITY_NUMBER)),
    (replace(FULL, forenames=()), [TWIN], (Item.FORENAME, Item.IDENTITY_NUMBER)),
    (replace(FULL, identity_number="1980051700001"), [TWIN], (Item.BIRTH_DATE,)),
], ids=["twins", "partial-birth-date", "no-birth-town", "unknown-birth-town", "another-surname", "no-forename",
        "number-given"])
def test_only_what_identification_uses_and_the_request_lacks_is_asked(
        claim: IdentityClaim, candidates: list[NaturalPerson], asked: tuple[Item, ...]) -> None:
    assert set(information_to_ask(claim, candidates)) == set(asked)


def test_the_items_come_in_the_contracts_order() -> None:
    asked = information_to_ask(replace(FULL, forenames=(), birth_town=None, birth_date=None), [TWIN, MARRIED])
    assert asked == tuple(i for i in Item if i in asked) and len(asked) == 5
