"""The schema loader: the project's own schema by default, cached; errors locate without repeating data."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from adapters.xml.codec import encode
from adapters.xml.codec.namespaces import D
from adapters.xml.schemas import (
    PROJECT_SCHEMA_DIR,
    EcrisSchemas,
    SchemaUnavailable,
    _safe_reason,
    official_type_name,
)
from gateway.model.exchange import MESSAGE_CLASSES
from tests.samples import ecris_messages as samples


def test_project_schema_declares_the_15_message_elements() -> None:
    schemas = EcrisSchemas.load()
    assert len(schemas.message_names) == 15
    assert set(schemas.message_names) == {cls.element_name for cls in MESSAGE_CLASSES}
    service = etree.parse(str(PROJECT_SCHEMA_DIR / "ecris-service.xsd")).getroot()
    declared = {e.get("name") for e in service.iter("{http://www.w3.org/2001/XMLSchema}element")}
    assert declared == set(schemas.message_names)


def test_schemas_are_compiled_once_per_directory() -> None:
    assert EcrisSchemas.load() is EcrisSchemas.load()
    assert EcrisSchemas.load(None) is EcrisSchemas.load()


def test_the_project_schema_stands_alone(tmp_path: Path) -> None:
    # Nothing outside schemas/ecris is needed: copy the directory elsewhere and it still compiles.
    for file in PROJECT_SCHEMA_DIR.iterdir():
        (tmp_path / file.name).write_bytes(file.read_bytes())
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "ecris-service.xsd")))
    assert schema.validate(encode(samples.notification("full")))


def test_a_directory_without_the_official_package_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SchemaUnavailable):
        EcrisSchemas.load(tmp_path)


def test_official_type_names() -> None:
    assert official_type_name("RequestPushMessage") == "RequestMessagePushType"
    assert official_type_name("RequestAdditionalInfoResponsePushMessage") == (
        "RequestAdditionalInfoResponseMessagePushType"
    )
    assert official_type_name("IsAliveMessage") == "IsAliveMessageType"


def test_validation_errors_give_line_and_path_but_not_the_value() -> None:
    element = encode(samples.notification("full"))
    surname = next(element.iter(D.Surname))
    surname.text = "Ficticio <script>"
    offence = next(element.iter(D.OffenceCommonCategoryReference))
    offence.text = "Ficticio 0202 00"
    errors = EcrisSchemas.load().validate(element)
    assert errors
    assert all(error.startswith("line ") for error in errors)
    assert any("/dm:Surname" in error for error in errors)
    assert not any("Ficticio" in error for error in errors)


@pytest.mark.parametrize(
    "message",
    [
        "Element '{urn:x}A': [facet 'pattern'] The value 'O'Brien <x>' is not accepted by the pattern 'p'.",
        "Element '{urn:x}A': 'O'Brien' is not a valid value of the atomic type 'xs:int'.",
        "Element '{urn:x}A': [facet 'maxLength'] The value 'Jean Exemple' has a length of '12'; this exceeds",
        "Element '{urn:x}A': [facet 'enumeration'] The value 'Jean' is not an element of the set {'Yes'}.",
    ],
)
def test_safe_reason_drops_values(message: str) -> None:
    reason = _safe_reason(message)
    assert "Brien" not in reason and "Jean" not in reason
    assert reason.startswith("Element '{urn:x}A'")


def test_a_non_message_root_is_refused() -> None:
    assert EcrisSchemas.load().validate(etree.Element("{urn:x}Other"))


def test_validates_an_element_inside_a_soap_envelope() -> None:
    envelope = etree.Element("{http://www.w3.org/2003/05/soap-envelope}Envelope")
    body = etree.SubElement(envelope, "{http://www.w3.org/2003/05/soap-envelope}Body")
    body.append(encode(samples.request_deadline()))
    assert EcrisSchemas.load().validate(body[0]) == []
