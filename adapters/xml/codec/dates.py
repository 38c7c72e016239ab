"""Dates (``xsd:date``), partial dates (``commons:DateType``, 1800 for unknown) and timestamps, both ways."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from gateway.model.exchange import UNKNOWN_YEAR
from gateway.model.partial_date import PartialDate

from .errors import DecodeError, EncodeError
from .namespaces import C, Element
from .reading import kids, one, required_text, text_of
from .writer import END, OPEN, Writer


def put_date(w: Writer, tag: str, value: date | None) -> None:
    if value is not None:
        w.shape.append(tag)
        w.texts.append(value.isoformat())


def put_partial_date(w: Writer, tag: str, value: PartialDate | None, *, required: bool = False) -> None:
    """``commons:DateType``; a required unknown date is the year 1800."""
    if value is None:
        if required:
            w.shape += (OPEN, tag, C.DateYear, END)
            w.texts.append(str(UNKNOWN_YEAR))
        return
    shape = w.shape
    texts = w.texts
    shape += (OPEN, tag, C.DateYear)
    texts.append(f"{value.year:04d}")
    if value.month is not None:
        shape += (OPEN, C.DateMonthDay, C.DateMonth)
        texts.append(f"--{value.month:02d}")
        if value.day is not None:
            shape.append(C.DateDay)
            texts.append(f"---{value.day:02d}")
        shape.append(END)
    shape.append(END)


def put_timestamp(w: Writer, tag: str, value: datetime) -> None:
    if value.tzinfo is None:
        raise EncodeError("message timestamps must be timezone-aware")
    w.leaf(tag, value.isoformat())


_DATE = re.compile(r"(-?[0-9]{4,}-[0-9]{2}-[0-9]{2})(?:Z|[+-][0-9]{2}:[0-9]{2})?")


def as_date(value: str | None, what: str) -> date | None:
    """An ``xsd:date`` (a time zone, allowed by the contract, is dropped)."""
    if value is None:
        return None
    match = _DATE.fullmatch(value)
    try:
        if match is None:
            raise ValueError
        return date.fromisoformat(match.group(1))
    except ValueError:
        raise DecodeError(f"{what} is not a date the gateway can represent") from None


def as_datetime(value: str, what: str) -> datetime:
    """An ``xsd:dateTime``; without a time zone it is read as UTC (``check_message`` flags it)."""
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        raise DecodeError(f"{what} is not a date-time the gateway can represent") from None
    return instant if instant.tzinfo is not None else instant.replace(tzinfo=UTC)


_TZ = re.compile(r"(?:Z|[+-][0-9]{2}:[0-9]{2})$")


def partial_date_of(element: Element | None, *, unknown_as_none: bool) -> PartialDate | None:
    """``commons:DateType``; the bare year 1800 is "unknown" (None) where ``unknown_as_none``."""
    if element is None:
        return None
    grouped = kids(element)
    year_text = text_of(grouped, C.DateYear, str(UNKNOWN_YEAR)) or str(UNKNOWN_YEAR)
    month_day = one(grouped, C.DateMonthDay)
    month = day = None
    try:
        year = int(_TZ.sub("", year_text))
        if month_day is not None:
            md = kids(month_day)
            month_text = required_text(md, C.DateMonth)
            month = int(_TZ.sub("", month_text).removeprefix("--"))
            day_text = text_of(md, C.DateDay)
            if day_text is not None:
                day = int(_TZ.sub("", day_text).removeprefix("---"))
        if unknown_as_none and year == UNKNOWN_YEAR and month is None:
            return None
        return PartialDate(year, month, day)
    except ValueError:
        raise DecodeError("a partial date is not a date the gateway can represent") from None
