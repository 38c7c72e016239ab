"""ECRIS codec throughput on one core, for the ~9 KB benchmark notification (tests/samples).

    raw lxml parse + validate                        the libxml2 limit the issue's ratios refer to
    encode                                           core message -> lxml element
    encode + validate + check + to_bytes             what the outbox does before its INSERT
    inbound parse + validate + check (+ decode)      the hardened parser, the schema, the one-pass checks
    xmlschema validate, zeep create_message          the obvious way (baseline of the 10x requirement)

Messages differ in message ID and person's name, so nothing is measured on one repeated value. Each figure is
the best of several rounds. ``--quick`` runs fewer rounds.

    python bench/bench_codec.py [--quick]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from adapters.xml import codec  # noqa: E402
from adapters.xml.parsing import parse_untrusted  # noqa: E402
from adapters.xml.schemas import PROJECT_ENTRY, PROJECT_SCHEMA_DIR, EcrisSchemas  # noqa: E402
from gateway.model.exchange import MessageMetadata, NameText, Notification  # noqa: E402
from tests.samples import ecris_messages as samples  # noqa: E402

FORENAMES = ("Ana", "Rui", "Marta", "Paulo", "Inês", "Jorge", "Sofia", "Tiago")


def pin_to_one_core() -> str:
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    except (AttributeError, OSError):
        return "not pinned"
    return f"pinned to CPU {sorted(os.sched_getaffinity(0))[0]}"


def messages(count: int) -> list[Notification]:
    base = samples.notification_8kb()
    out = []
    for serial in range(1, count + 1):
        message_id = dataclasses.replace(base.metadata.message_id, serial=serial)
        name = dataclasses.replace(base.person.name, forename=NameText(FORENAMES[serial % len(FORENAMES)], "pt"))
        out.append(
            dataclasses.replace(
                base,
                metadata=MessageMetadata(message_id, base.metadata.timestamp),
                person=dataclasses.replace(base.person, name=name),
            )
        )
    return out


def rate(work: Callable[[Any], object], items: Sequence[Any], rounds: int) -> float:
    """Items per second: the best of ``rounds`` passes over ``items`` (after one warm-up item)."""
    work(items[0])
    best = 0.0
    for _ in range(rounds):
        started = time.perf_counter()
        for item in items:
            work(item)
        best = max(best, len(items) / (time.perf_counter() - started))
    return best


def zeep_baseline(message: Notification, count: int, rounds: int) -> tuple[float, float] | None:
    """(xmlschema validate/s, zeep create_message + xmlschema validate + tostring/s), or None without zeep."""
    try:
        import xmlschema
        from zeep import Client, Settings
        from zeep.xsd.types import builtins as zeep_builtins
    except ImportError:
        return None

    def two_digit_gmonth(self: object, value: tuple[int, Any]) -> str:
        # python-zeep #1150 (ECRIS-NOTES §7.3): zeep writes gMonth 7 as "--7", which no validator accepts.
        month, zone = value
        return f"--{month:02d}{zeep_builtins._unparse_timezone(zone)}"

    zeep_builtins.gMonth.xmlvalue = two_digit_gmonth  # type: ignore[method-assign]
    schema = xmlschema.XMLSchema(str(PROJECT_SCHEMA_DIR / PROJECT_ENTRY))
    element = codec.encode(message)
    validate_rate = rate(schema.validate, [element] * max(count // 10, 5), rounds)

    client = Client(str(PROJECT_SCHEMA_DIR / "ecris-service.wsdl"), settings=Settings(strict=True, forbid_dtd=True))
    parsed = client.get_element(element.tag).parse(element, client.wsdl.types)
    arguments = {name: parsed[name] for name in parsed}
    body_tag = "{http://www.w3.org/2003/05/soap-envelope}Body"

    def obvious(serial: int) -> bytes:
        arguments["MessageMetaData"]["MessageMetaDataMessageID"] = f"LU-PT-NOT-{serial:015d}"
        envelope = client.create_message(client.service, "deliverNotification", **arguments)
        schema.validate(envelope.find(body_tag)[0])
        return etree.tostring(envelope)

    obvious_rate = rate(obvious, list(range(1, max(count // 20, 5) + 1)), rounds)
    return validate_rate, obvious_rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    count, rounds = (500, 3) if args.quick else (3000, 7)
    pinned = pin_to_one_core()

    schemas = EcrisSchemas.load()
    tables = codec.default_tables()
    outgoing = messages(count)
    data = [codec.to_bytes(codec.encode(message)) for message in outgoing]
    size = len(data[0])

    raw_parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    compiled = schemas._compile_for_thread()

    def raw(blob: bytes) -> None:
        assert compiled.validate(etree.fromstring(blob, raw_parser))

    def outbound(message: Notification) -> bytes:
        element = codec.encode(message)
        if schemas.validate(element) or codec.check_message(element, tables=tables):
            raise AssertionError("the benchmark message does not pass")
        return codec.to_bytes(element)

    def inbound_checked(blob: bytes) -> etree._Element:
        element = parse_untrusted(blob)
        if schemas.validate(element) or not codec.check(element, tables=tables).ok:
            raise AssertionError("the benchmark message does not pass")
        return element

    raw_rate = rate(raw, data, rounds)
    encode_rate = rate(codec.encode, outgoing, rounds)
    outbound_rate = rate(outbound, outgoing, rounds)
    inbound_rate = rate(inbound_checked, data, rounds)
    decoded_rate = rate(lambda blob: codec.decode(inbound_checked(blob)), data, rounds)

    print(f"ECRIS codec, NotificationMessage of {size:,} bytes, {count:,} distinct messages, {pinned}")
    print(f"  raw lxml parse + validate:                 {raw_rate:9,.0f}/s")
    print(f"  encode:                                    {encode_rate:9,.0f}/s")
    print(
        f"  encode + validate + check + to_bytes:      {outbound_rate:9,.0f}/s"
        f"  ({outbound_rate / raw_rate:.2f} x raw lxml)"
    )
    print(f"  inbound parse + validate + check:          {inbound_rate:9,.0f}/s")
    print(f"  inbound parse + validate + check + decode: {decoded_rate:9,.0f}/s")
    baseline = zeep_baseline(outgoing[0], count, rounds)
    if baseline is None:
        print("  obvious way: zeep/xmlschema not installed")
        return
    validate_rate, obvious_rate = baseline
    print(f"  xmlschema validate (obvious way):          {validate_rate:9,.1f}/s")
    print(
        f"  zeep create_message + xmlschema + tostring:{obvious_rate:9,.1f}/s"
        f"  (encode+validate+check+to_bytes is {outbound_rate / obvious_rate:,.0f} x this)"
    )


if __name__ == "__main__":
    main()
