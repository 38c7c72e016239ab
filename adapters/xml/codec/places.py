"""Places (``dm:PlaceType``: country, subdivision, town), both ways."""

from __future__ import annotations

from gateway.model.exchange import UNKNOWN_COUNTRY, Place

from .namespaces import D, Element
from .reading import kids, need, text_of
from .texts import collapsed_ml_of, put_ml
from .writer import OPEN, Writer, put


def put_place(w: Writer, tag: str, place: Place | None) -> None:
    if place is None:
        return
    w.shape += (OPEN, tag, D.PlaceCountryReference)
    w.texts.append(place.country)
    put(w, D.PlaceCountrySubdivisionReference, place.subdivision)
    put(w, D.PlaceTownReference, place.town)
    put_ml(w, D.PlaceTownName, place.town_name)
    w.close()


def place_of(element: Element | None) -> Place | None:
    if element is None:
        return None
    grouped = kids(element)
    return Place(
        town_name=collapsed_ml_of(need(grouped, D.PlaceTownName)),
        country=text_of(grouped, D.PlaceCountryReference, UNKNOWN_COUNTRY) or UNKNOWN_COUNTRY,
        subdivision=text_of(grouped, D.PlaceCountrySubdivisionReference),
        town=text_of(grouped, D.PlaceTownReference),
    )
