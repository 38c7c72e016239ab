"""The hardened parser refuses DTDs, entities, oversize and deep input, and strips comments."""

from __future__ import annotations

import pytest

from adapters.xml.parsing import (
    MAX_DEPTH,
    HostileXml,
    MalformedXml,
    XmlRejected,
    XmlTooLarge,
    parse_untrusted,
)

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<r>&x;</r>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol3;</lolz>"""


def test_parses_plain_xml_and_returns_the_root() -> None:
    root = parse_untrusted(b"<a xmlns='urn:x'><b>1</b></a>")
    assert root.tag == "{urn:x}a"
    assert root[0].text == "1"


@pytest.mark.parametrize(
    "data", [XXE, BILLION_LAUGHS, b"<!DOCTYPE r><r/>", b'<!DOCTYPE r SYSTEM "http://x/y.dtd"><r/>']
)
def test_refuses_any_doctype_or_entity_declaration(data: bytes) -> None:
    with pytest.raises(HostileXml):
        parse_untrusted(data)


def test_refuses_a_doctype_hidden_in_utf16() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>'.encode("utf-16")
    with pytest.raises(XmlRejected):
        parse_untrusted(data)


def test_undeclared_entity_is_malformed_not_expanded() -> None:
    with pytest.raises(MalformedXml):
        parse_untrusted(b"<r>&x;</r>")


def test_refuses_oversize_input_before_parsing() -> None:
    with pytest.raises(XmlTooLarge):
        parse_untrusted(b"<r>" + b"x" * 100 + b"</r>", max_bytes=50)


def test_size_limit_is_inclusive() -> None:
    data = b"<r>" + b"x" * 40 + b"</r>"
    assert parse_untrusted(data, max_bytes=len(data)).text == "x" * 40


def test_refuses_nesting_deeper_than_the_limit() -> None:
    depth = MAX_DEPTH + 1
    data = b"<a>" * depth + b"</a>" * depth
    with pytest.raises(HostileXml):
        parse_untrusted(data)


def test_accepts_nesting_at_the_limit() -> None:
    data = b"<a>" * MAX_DEPTH + b"</a>" * MAX_DEPTH
    assert parse_untrusted(data).tag == "a"


def test_very_deep_input_is_refused_without_crashing() -> None:
    data = b"<a>" * 100_000 + b"</a>" * 100_000
    with pytest.raises(XmlRejected):
        parse_untrusted(data)


def test_comments_and_processing_instructions_are_stripped() -> None:
    root = parse_untrusted(b"<r><!-- secret --><?pi x?><a>1<!-- c -->2</a></r>")
    assert len(root) == 1
    assert root[0].text == "12"


@pytest.mark.parametrize("data", [b"", b"<r>", b"not xml", b"<r></s>"])
def test_malformed_input(data: bytes) -> None:
    with pytest.raises(MalformedXml):
        parse_untrusted(data)


def test_error_messages_do_not_repeat_the_content() -> None:
    with pytest.raises(MalformedXml) as caught:
        parse_untrusted(b"<r><name>Jean Exemple</name><oops></r>")
    assert "Jean" not in str(caught.value)


def test_str_input_is_refused() -> None:
    with pytest.raises(MalformedXml):
        parse_untrusted("<r/>")  # type: ignore[arg-type]


def test_large_base64_text_node_is_accepted_within_the_limit() -> None:
    payload = b"QUJD" * 2_600_000  # 10.4 MB: over libxml2's default text-node limit
    root = parse_untrusted(b"<r>" + payload + b"</r>", max_bytes=20 * 1024 * 1024)
    assert len(root.text or "") == len(payload)


def test_network_is_never_used_for_external_references() -> None:
    data = b'<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="http://127.0.0.1:9/x"/></r>'
    root = parse_untrusted(data)  # XInclude is not processed: the element stays as it is
    assert root[0].tag == "{http://www.w3.org/2001/XInclude}include"
