"""IsAliveMessage (``isAlive``, the only two-way operation): the probe and its answer share the element."""

from __future__ import annotations

from gateway.model.exchange import IsAlive

from .common import (
    DecodeError,
    Element,
    as_bool,
    message_data,
    metadata_of,
    required_text,
    start_message,
    sub,
)


def encode_is_alive(message: IsAlive) -> Element:
    root, data = start_message(message.element_name, message.metadata)
    sub(data, "{http://ec.europa.eu/ECRIS/messages-v1.0}IsAlive").text = (
        "true" if message.is_alive else "false"
    )
    return root


def decode_is_alive(element: Element) -> IsAlive:
    data = message_data(element)
    alive = as_bool(required_text(data, "{http://ec.europa.eu/ECRIS/messages-v1.0}IsAlive"), "IsAlive")
    if alive is None:  # pragma: no cover - required_text raised
        raise DecodeError("IsAlive is missing")
    return IsAlive(metadata=metadata_of(element), is_alive=alive)


ENCODERS = {IsAlive: encode_is_alive}
DECODERS = {IsAlive.element_name: decode_is_alive}
