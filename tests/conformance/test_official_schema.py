"""Conformance with the official ECRIS v1.0 package (read from ../shared, never copied into the project).

1. Every message variant the codecs produce validates against the official XSDs with lxml AND xmlschema
   (xmlschema also enforces xsd:ID/IDREF).
2. On a corpus of valid and deliberately invalid variants, the project accepts nothing the official package
   rejects: "the project accepts" = the project schema (lxml, the hot path) and ``check`` both pass;
   "the official package accepts" = lxml and xmlschema both pass against the official XSDs.
3. The project schema and the official one give the same verdict on every mutant, with lxml and with
   xmlschema alike (the project schema is neither looser nor, by accident, stricter).
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from lxml import etree

from adapters.xml.codec import check, encode, to_bytes
from adapters.xml.codec.namespaces import XSI_TYPE, C, D, M
from adapters.xml.schemas import PROJECT_SCHEMA_DIR, EcrisSchemas, _official_wrapper
from gateway.model.exchange import EcrisMessage
from tests.conformance.official import OFFICIAL_DIR, official_lxml, official_xmlschema
from tests.samples import ecris_messages as samples

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.shared  # skipped without ../shared, failed when CI is set (tests/conftest.py)

CORPUS = samples.corpus()
Element = etree._Element


@functools.cache
def project_xmlschema() -> object:
    import xmlschema

    return xmlschema.XMLSchema(str(PROJECT_SCHEMA_DIR / "ecris-service.xsd"))


def _xmlschema_valid(schema: object, element: Element) -> bool:
    return bool(schema.is_valid(to_bytes(element)))  # type: ignore[attr-defined]


def official_accepts(element: Element) -> bool:
    return official_lxml().validate(element) == [] and _xmlschema_valid(official_xmlschema(), element)


def project_accepts(element: Element) -> bool:
    return EcrisSchemas.load().validate(element) == [] and check(element).ok


# --------------------------------------------------------------------------------------------- 1


@pytest.mark.parametrize(("name", "message"), CORPUS, ids=[name for name, _ in CORPUS])
def test_every_emitted_variant_validates_against_the_official_xsds(name: str, message: EcrisMessage) -> None:
    element = encode(message)
    assert official_lxml().validate(element) == []
    errors = list(official_xmlschema().iter_errors(to_bytes(element)))
    assert errors == [], [str(e.reason) for e in errors]
    assert _xmlschema_valid(project_xmlschema(), element)


def test_the_official_wrapper_declares_the_15_elements_of_the_wsdl() -> None:
    wsdl = etree.parse(str(OFFICIAL_DIR / "ecris-service-v1.0.wsdl"))
    xsd = "{http://www.w3.org/2001/XMLSchema}"
    in_wsdl = {
        e.get("name")
        for schema in wsdl.iter(xsd + "schema")
        if schema.get("targetNamespace") == "http://ec.europa.eu/ECRIS/service-v1.0"
        for e in schema.findall(xsd + "element")
    }
    wrapper = _official_wrapper(OFFICIAL_DIR)
    assert {e.get("name") for e in wrapper.findall(xsd + "element")} == in_wsdl
    assert {(e.get("name"), e.get("type")) for e in wrapper.findall(xsd + "element")} == {
        (e.get("name"), e.get("type"))
        for schema in wsdl.iter(xsd + "schema")
        for e in schema.findall(xsd + "element")
    }


def test_no_official_file_is_copied_into_the_project() -> None:
    official = {p.read_bytes() for p in OFFICIAL_DIR.iterdir() if p.is_file()}
    for path in ROOT.rglob("*"):
        if ".venv" in path.parts or ".git" in path.parts or not path.is_file():
            continue
        if path.suffix in {".xsd", ".wsdl", ".xml"}:
            assert path.read_bytes() not in official, path


# --------------------------------------------------------------------------------------------- 2


def _set(tag: str, value: str, nth: int = 0) -> Callable[[Element], None]:
    def mutate(element: Element) -> None:
        list(element.iter(tag))[nth].text = value

    return mutate


def _remove(tag: str) -> Callable[[Element], None]:
    def mutate(element: Element) -> None:
        node = next(element.iter(tag))
        parent = node.getparent()
        assert parent is not None
        parent.remove(node)

    return mutate


def _duplicate(tag: str) -> Callable[[Element], None]:
    def mutate(element: Element) -> None:
        node = next(element.iter(tag))
        node.addnext(copy.deepcopy(node))

    return mutate


def _swap_first_two(tag: str) -> Callable[[Element], None]:
    def mutate(element: Element) -> None:
        node = next(element.iter(tag))
        node.addprevious(node[1])

    return mutate


def _relationship_type(value: str) -> Callable[[Element], None]:
    def mutate(element: Element) -> None:
        next(element.iter(D.ConvictionRelationship)).set(XSI_TYPE, value)

    return mutate


def _conviction_to_convictions(element: Element) -> None:
    """A ConvictionRelationship typed msg:ConvictionToConvictionsRelationshipType (schema-valid, yet not
    one of the four types the contract's documentation allows)."""
    node = next(element.iter(D.ConvictionRelationship))
    for child in list(node):
        node.remove(child)
    node.set(XSI_TYPE, "msg:ConvictionToConvictionsRelationshipType")
    conviction_id = next(element.iter(D.ConvictionID)).text
    etree.SubElement(node, M.SourceConviction).text = conviction_id
    destination = etree.SubElement(node, M.DestinationConviction)
    etree.SubElement(destination, M.ECRISConvictionReference).text = "PT-C-000000000000077"


def _same_decision_ids(element: Element) -> None:
    for node in element.iter(D.DecisionID):
        node.text = "D-00001"


# (name, base message factory, mutation, whether the official package accepts the result)
HANDMADE: list[tuple[str, Callable[[], EcrisMessage], Callable[[Element], None], bool]] = [
    (
        "table code instead of technical id",
        samples.notification,
        _set(D.OffenceCommonCategoryReference, "0202 00"),
        False,
    ),
    (
        "escaped < in a remark",
        samples.notification,
        _set(C.MultilingualTextLinguisticRepresentation, "fine < 100"),
        False,
    ),
    ("blank name", samples.notification, _set(D.Forename, "   "), False),
    (
        "remark of 4000 characters",
        samples.request_deadline,
        _set(C.MultilingualTextLinguisticRepresentation, "r" * 4000),
        True,
    ),
    (
        "remark of 4001 characters",
        samples.request_deadline,
        _set(C.MultilingualTextLinguisticRepresentation, "r" * 4001),
        False,
    ),
    (
        "remark keeps line breaks",
        samples.request_deadline,
        _set(C.MultilingualTextLinguisticRepresentation, "a\n\nb"),
        True,
    ),
    ("email of 320 characters", samples.notification, _set(M.ContactPersonEmail, "e" * 320), True),
    ("email of 321 characters", samples.notification, _set(M.ContactPersonEmail, "e" * 321), False),
    (
        "email of 321 characters wrapped in spaces",
        samples.notification,
        _set(M.ContactPersonEmail, " " + "e" * 319 + " "),
        True,
    ),
    ("fraction 0", samples.notification, _set(C.PositiveDecimalFraction, "0"), False),
    ("fraction 100", samples.notification, _set(C.PositiveDecimalFraction, "100"), False),
    ("fraction 05", samples.notification, _set(C.PositiveDecimalFraction, "05"), True),
    ("gMonth without its zero", samples.notification, _set(C.DateMonth, "--7"), False),
    ("sex 3", samples.notification, _set(D.PersonSex, "3"), False),
    ("upper-case language code", samples.notification, _set(D.Forename, "Tiago"), True),
    (
        "Arabic-Indic digits in a code",
        samples.notification,
        _set(D.OffenceCommonCategoryReference, "O-00-٠١٠١٠٠"),
        False,
    ),
    ("empty file number means UNKNOWN", samples.notification, _set(D.ConvictionFileNumber, ""), True),
    ("empty nationality means unknown", samples.notification, _set(D.PersonNationalityReference, ""), True),
    ("no nationality", lambda: samples.notification("minimal"), _remove(D.PersonNationalityReference), False),
    ("no person", samples.notification, _remove(M.MessageDataPerson), False),
    ("two persons", samples.notification, _duplicate(M.MessageDataPerson), False),
    ("two convictions in a notification", samples.notification, _duplicate(M.MessageDataConviction), False),
    ("metadata out of order", samples.notification, _swap_first_two(M.MessageMetaData), False),
    (
        "ResponseTo in a notification",
        samples.notification,
        lambda e: etree.SubElement(e[0], M.MessageMetaDataResponseTo).__setattr__(
            "text", "PT-LU-REQ-000000000000001"
        ),
        False,
    ),
    (
        "wrong type code in the message ID",
        samples.notification,
        _set(M.MessageMetaDataMessageID, "LU-PT-REQ-000000000000001"),
        True,
    ),
    (
        "message ID of 26 characters",
        samples.notification,
        _set(M.MessageMetaDataMessageID, "LU-PT-NOT-0000000000000001"),
        False,
    ),
    (
        "timestamp without time zone",
        samples.cancellation,
        _set(M.MessageMetaDataTimestamp, "2026-03-14T10:15:30"),
        True,
    ),
    ("duplicate decision IDs across convictions", samples.request_response, _same_decision_ids, False),
    ("dangling offence reference", samples.notification, _set(D.Offence, "O-09999"), False),
    ("relationship type from the messages namespace", samples.notification, _conviction_to_convictions, True),
    (
        "abstract relationship type",
        samples.notification,
        _relationship_type("commons:AbstractRelationshipType"),
        False,
    ),
    (
        "relationship without xsi:type",
        samples.notification,
        lambda e: next(e.iter(D.ConvictionRelationship)).attrib.pop(XSI_TYPE),
        False,
    ),
    (
        "duplicate functional error code",
        lambda: samples.functional_error("several"),
        _set(M.FunctionalErrorCode, "FE-90001", 1),
        False,
    ),
    (
        "functional error code in spaces",
        samples.functional_error,
        _set(M.FunctionalErrorCode, "  FE-90004  "),
        True,
    ),
    ("IsAlive yes", samples.is_alive, _set(M.IsAlive, "yes"), False),
    ("Push without content", samples.notification_push, _remove(M.BinaryAttachmentContent), False),
    (
        "Push content not base64",
        samples.notification_push,
        _set(M.BinaryAttachmentContent, "<<not base64>>"),
        False,
    ),
    (
        "NJR reference of 21 characters",
        lambda: samples.notification("external-reference"),
        _set(M.NJRConvictionReference, "N" * 21),
        False,
    ),
    (
        "attachment ID pattern",
        lambda: samples.notification("fingerprints"),
        _set(M.BinaryAttachmentID, "LU-XX-000000001"),
        False,
    ),
    ("deadline with time zone", samples.request_deadline, _set(M.MessageDataDeadline, "2026-03-28Z"), True),
    (
        "cancellation of a deadline",
        samples.cancellation,
        _set(M.MessageMetaDataResponseTo, "LU-FR-RDL-000000000000301"),
        False,
    ),
    (
        "unknown element in MessageData",
        samples.cancellation,
        lambda e: etree.SubElement(e[1], M.Unexpected),
        False,
    ),
    ("unknown attribute", samples.cancellation, lambda e: e[1].set("extra", "1"), False),
]


@pytest.mark.parametrize(
    ("name", "factory", "mutate", "official_verdict"), HANDMADE, ids=[case[0] for case in HANDMADE]
)
def test_handmade_variant(
    name: str,
    factory: Callable[[], EcrisMessage],
    mutate: Callable[[Element], None],
    official_verdict: bool,
) -> None:
    built = encode(factory())
    mutate(built)
    element = etree.fromstring(to_bytes(built))  # as received: an empty element has no text node
    assert official_accepts(element) is official_verdict
    if project_accepts(element):
        assert official_verdict, "the project accepts what the official package rejects"


# --------------------------------------------------------------------------------------------- 2 + 3


_VALUES = ("", " ", "<", "x" * 4001, "x" * 201, "١", "UNKNOWN", "-1", "0", "1800", "true", "A", "99", "100")


_CODE_LIKE = re.compile(r"(?=.*[A-Z])[A-Z0-9]+(-[A-Za-z0-9]+)+")
"""Message IDs, table codes, element IDs: capitals and digits in hyphenated parts."""


def _near_misses(value: str) -> list[str]:
    """Values one step from a valid one, which only the exact pattern refuses: lower case (``lu-pt-not-…``,
    ``lU-PT-…``, ``CO-00-442-lux``), a three-letter country code (``LUU-PT-…``, ``COO-00-…``), a letter short
    (``CO-00-442-LU``), a digit too many. A pattern loosened in the project schema lets one through."""
    valid = value.strip()
    if not _CODE_LIKE.fullmatch(valid):
        return []  # names, dates, free text: no pattern to loosen
    candidates = [
        valid.lower(),
        re.sub(r"[A-Z]", lambda letter: letter.group().lower(), valid, count=1),
        re.sub(r"[A-Z]+(?=[^A-Z]*$)", lambda run: run.group().lower(), valid),
        re.sub(r"[A-Z]+", lambda run: run.group() + run.group()[-1], valid, count=1),
        re.sub(r"[A-Z]([^A-Z]*)$", r"\1", valid),
        re.sub(r"([0-9])$", r"\1\1", valid),
    ]
    return [candidate for candidate in dict.fromkeys(candidates) if candidate and candidate != valid]
_BASES: tuple[Callable[[], EcrisMessage], ...] = (
    lambda: samples.notification("update"),
    lambda: samples.request("full"),
    samples.notification_push,
    lambda: samples.functional_error("several"),
    lambda: samples.request_additional_info("request"),
    samples.is_alive,
)


def _index_path(node: Element) -> tuple[int, ...]:
    path = []
    parent = node.getparent()
    while parent is not None:
        path.append(parent.index(node))
        node, parent = parent, parent.getparent()
    return tuple(reversed(path))


def _mutants() -> Iterator[tuple[str, Element]]:
    """Each distinct element of the bases: every leaf given each tricky value, every element removed and
    every element doubled."""
    seen: set[tuple[str, str, int, str, str]] = set()
    for factory in _BASES:
        root = encode(factory())
        for node in root.iter(etree.Element):
            if node is root:
                continue
            path = _index_path(node)
            mutations: list[tuple[str, str]] = [("remove", ""), ("duplicate", "")]
            if len(node) == 0:
                mutations += [("text", value) for value in (*_VALUES, *_near_misses(node.text or ""))]
            for kind, value in mutations:
                key = (root.tag, node.tag, len(node), kind, value)
                if key in seen:
                    continue
                seen.add(key)
                mutant = copy.deepcopy(root)
                target = mutant
                for index in path:
                    target = target[index]
                if kind == "text":
                    target.text = value
                elif kind == "remove":
                    parent = target.getparent()
                    assert parent is not None
                    parent.remove(target)
                else:
                    target.addnext(copy.deepcopy(target))
                mutant = etree.fromstring(to_bytes(mutant))  # as received
                yield (
                    f"{etree.QName(root).localname}:{etree.QName(node).localname}:{kind}:{value[:8]}",
                    mutant,
                )


def test_systematic_mutants_project_accepts_nothing_the_official_package_rejects() -> None:
    count = accepted = 0
    loose = []
    for name, mutant in _mutants():
        count += 1
        if project_accepts(mutant):
            accepted += 1
            if not official_accepts(mutant):
                loose.append(name)
    assert count > 1000
    assert 0 < accepted < count
    assert loose == []


def test_systematic_mutants_project_and_official_schemas_give_the_same_lxml_verdict() -> None:
    differ = [
        name
        for name, mutant in _mutants()
        if (EcrisSchemas.load().validate(mutant) == []) != (official_lxml().validate(mutant) == [])
    ]
    assert differ == []


@pytest.mark.parametrize("index", range(len(_BASES)))
def test_mutants_project_and_official_schemas_give_the_same_xmlschema_verdict(index: int) -> None:
    """xmlschema is slow (~2 ms a message): every 4th mutant of each base, a fixed sample."""
    base_tag = encode(_BASES[index]()).tag
    differ = []
    mutants = [(name, mutant) for name, mutant in _mutants() if mutant.tag == base_tag]
    for name, mutant in mutants[index % 4 :: 4]:
        if _xmlschema_valid(project_xmlschema(), mutant) != _xmlschema_valid(official_xmlschema(), mutant):
            differ.append(name)
    assert differ == []
