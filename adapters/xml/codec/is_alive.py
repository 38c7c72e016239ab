"""IsAliveMessage (``isAlive``, the only two-way operation): the probe and its answer share the element."""

from __future__ import annotations

from gateway.model.exchange import IsAlive

from .errors import DecodeError
from .metadata import message_data, metadata_of, start_message
from .namespaces import Element, M
from .reading import as_bool, required_text


def encode_is_alive(message: IsAlive) -> Element:
    w = start_message(message.element_name, message.metadata)
    w.leaf(M.IsAlive, "true" if message.is_alive else "false")
    return w.finish()


def decode_is_alive(element: Element) -> IsAlive:
    data = message_data(element)
    alive = as_bool(required_text(data, M.IsAlive), "IsAlive")
    if alive is None:  # pragma: no cover - required_text raised
        raise DecodeError("IsAlive is missing")
    return IsAlive(metadata=metadata_of(element), is_alive=alive)


ENCODERS = {IsAlive: encode_is_alive}
DECODERS = {IsAlive.element_name: decode_is_alive}
