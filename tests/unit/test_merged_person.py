"""Art 15, Art 16(1): the identity data a requesting State gives when asked complete or replace the request's;
what it leaves unknown keeps the request's value."""

from __future__ import annotations

from dataclasses import replace

from gateway.model.exchange import UNKNOWN_COUNTRY, EcrisPerson, EcrisSex, NameText, PersonName, Place, ml
from gateway.model.partial_date import PartialDate
from gateway.services.additional_identification import merged_person

ASKED = EcrisPerson(name=PersonName(NameText("Max"), NameText("Zwilling")), birth_place=Place(ml("UNKNOWN")),
                    birth_date=PartialDate(1980), sex=EcrisSex.MALE, nationalities=("CO-00-442-LUX",))


def test_what_the_reply_gives_replaces_what_the_request_said() -> None:
    given = EcrisPerson(name=PersonName(NameText("UNKNOWN"), NameText("Zwilling-Weber")),
                        birth_place=Place(ml("Esch-sur-Alzette"), country="CO-00-442-LUX"),
                        birth_date=PartialDate(1980, 5, 17), identity_number="1980051700002",
                        former_surnames=(NameText("Zwilling"),), nationalities=("CO-00-620-PRT",))
    merged = merged_person(ASKED, given)
    assert merged.name.forename.value == "Max" and merged.name.surname.value == "Zwilling-Weber"
    assert merged.birth_date == PartialDate(1980, 5, 17) and merged.birth_place.town_name[0].value == "Esch-sur-Alzette"
    assert merged.identity_number == "1980051700002" and merged.former_surnames == (NameText("Zwilling"),)
    assert merged.nationalities == ("CO-00-442-LUX", "CO-00-620-PRT") and merged.sex is EcrisSex.MALE


def test_what_the_reply_leaves_unknown_keeps_the_requests_value() -> None:
    given = EcrisPerson(name=PersonName(NameText("UNKNOWN"), NameText("UNKNOWN")), birth_place=Place(ml("UNKNOWN")),
                        nationalities=(UNKNOWN_COUNTRY,))
    assert merged_person(ASKED, given) == ASKED
    assert merged_person(ASKED, None) == ASKED
    assert merged_person(replace(ASKED, identity_number="X1"), given).identity_number == "X1"
