"""The encoder copies a cached skeleton per message shape and assigns the values: a copy must never carry a
value of an earlier message, a value XML cannot hold must still be refused, and the caches stay bounded and
per thread."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from lxml import etree

from adapters.xml.codec import EncodeError, decode, encode, to_bytes
from adapters.xml.codec import writer as codec_writer
from adapters.xml.codec.namespaces import D
from adapters.xml.schemas import EcrisSchemas
from gateway.model.exchange import EcrisMessage, MessageId, MessageMetadata, NameText, Notification, Text
from tests.samples import ecris_messages as samples

SCHEMAS = EcrisSchemas.load()


def _with_serial(message: Notification, serial: int) -> Notification:
    metadata = MessageMetadata(dataclasses.replace(message.metadata.message_id, serial=serial), message.metadata.timestamp)
    return dataclasses.replace(message, metadata=metadata)


def _renamed(message: Notification, forename: str, language: str | None = None) -> Notification:
    name = dataclasses.replace(message.person.name, forename=NameText(forename, language))
    return dataclasses.replace(message, person=dataclasses.replace(message.person, name=name))


def test_a_cached_shape_gives_the_same_bytes_as_a_new_one() -> None:
    codec_writer._SKELETONS.by_shape.clear()
    message = samples.notification_8kb()
    first = to_bytes(encode(message))  # built
    second = to_bytes(encode(message))  # copied
    assert first == second


def test_same_shape_different_values_never_leak_between_messages() -> None:
    base = samples.notification_8kb()
    one, two = _renamed(_with_serial(base, 11), "Ana"), _renamed(_with_serial(base, 12), "Rui")
    first, second = encode(one), encode(two)
    assert decode(first) == one
    assert decode(second) == two
    assert b"Ana" not in to_bytes(second)
    assert b"000000000000011" not in to_bytes(second)


def test_the_returned_element_is_independent_of_the_cache() -> None:
    message = samples.notification("full")
    element = encode(message)
    for node in element.iter(D.Forename):
        node.text = "Changed"
    element.append(etree.Element("{urn:x}Extra"))
    assert decode(encode(message)) == message
    assert SCHEMAS.validate(encode(message)) == []


def test_shapes_with_and_without_optional_parts_are_different_skeletons() -> None:
    minimal, full = samples.notification("minimal"), samples.notification("full")
    for message in (minimal, full, minimal, full):
        assert decode(encode(message)) == message


@pytest.mark.parametrize("bad", ["nul\x00", "bell\x07", "\ud800"])
def test_a_value_xml_cannot_hold_is_refused_on_a_new_and_on_a_cached_shape(bad: str) -> None:
    message = samples.notification_8kb()
    codec_writer._SKELETONS.by_shape.clear()
    with pytest.raises(EncodeError):
        encode(_renamed(message, bad))  # new shape
    encode(message)
    with pytest.raises(EncodeError):
        encode(_renamed(message, bad))  # cached shape


def test_a_non_string_value_is_refused() -> None:
    message = samples.notification_8kb()
    with pytest.raises(EncodeError):
        encode(_renamed(message, 42))  # type: ignore[arg-type]
    with pytest.raises(EncodeError):
        encode(_renamed(message, "Ana", language=7))  # type: ignore[arg-type]


def test_language_codes_past_the_limit_are_set_as_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(codec_writer, "MAX_LANGUAGES", 0)
    monkeypatch.setattr(codec_writer, "_LANGUAGES", {})
    message = _renamed(samples.notification("full"), "Ana", language="lb")
    element = encode(message)
    assert SCHEMAS.validate(element) == []
    assert decode(element) == message
    assert not codec_writer._LANGUAGES


def test_multilingual_attributes_round_trip() -> None:
    message = dataclasses.replace(
        samples.notification("full"), remarks=(Text("a", "fr"), Text("b", "en", True), Text("c", None, False))
    )
    assert decode(encode(message)) == message


def test_the_skeleton_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(codec_writer, "MAX_SKELETONS", 3)
    codec_writer._SKELETONS.by_shape.clear()
    corpus = [message for _, message in samples.corpus()]
    for message in corpus:
        assert decode(encode(message)) == message
        assert len(codec_writer._SKELETONS.by_shape) <= 3


def test_threads_encode_with_their_own_skeletons() -> None:
    corpus: list[EcrisMessage] = [message for _, message in samples.corpus()]
    failures: list[str] = []

    def work(offset: int) -> None:
        for round_ in range(3):
            for index in range(len(corpus)):
                message = corpus[(index + offset + round_) % len(corpus)]
                if decode(encode(message)) != message:
                    failures.append(type(message).__name__)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_a_message_id_is_not_part_of_the_shape() -> None:
    codec_writer._SKELETONS.by_shape.clear()
    for serial in range(1, 50):
        encode(_with_serial(samples.notification_8kb(), serial))
    assert len(codec_writer._SKELETONS.by_shape) == 1
    assert MessageId.parse("LU-PT-NOT-000000000000049") == decode(
        encode(_with_serial(samples.notification_8kb(), 49))
    ).metadata.message_id
