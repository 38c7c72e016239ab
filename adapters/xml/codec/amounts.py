"""Amounts (``commons:PositiveDecimalType``: a unit and a fraction), both ways."""

from __future__ import annotations

from gateway.model.exchange import Amount

from .errors import DecodeError
from .namespaces import C, Element
from .reading import as_int, kids, required_text, text_of
from .writer import OPEN, Writer


def put_amount(w: Writer, tag: str, amount: Amount | None) -> None:
    if amount is None:
        return
    w.shape += (OPEN, tag, C.PositiveDecimalUnit)
    w.texts.append(str(amount.unit))
    if amount.fraction is not None:
        w.leaf(C.PositiveDecimalFraction, str(amount.fraction))
    w.close()


def amount_of(element: Element | None) -> Amount | None:
    if element is None:
        return None
    grouped = kids(element)
    try:
        return Amount(
            as_int(required_text(grouped, C.PositiveDecimalUnit), "amount unit") or 0,
            as_int(text_of(grouped, C.PositiveDecimalFraction), "amount fraction"),
        )
    except ValueError:
        raise DecodeError("an amount is out of range") from None
