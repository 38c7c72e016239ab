"""The reference tables: project data, official CRT files, and the code checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from adapters.files.reference_tables import (
    CRT_NS,
    ReferenceTablesError,
    load_crt_file,
    load_project_tables,
    load_reference_tables,
)
from gateway.model.reference_tables import TABLE_PATTERNS, FunctionalErrorCode, Table


def test_project_tables_load_with_a_version_and_every_table() -> None:
    tables = load_project_tables()
    assert tables.version
    assert set(tables.codes) == set(Table)


def test_every_functional_error_code_is_in_the_data_and_provisional() -> None:
    tables = load_project_tables()
    for code in FunctionalErrorCode:
        row = tables.get(Table.FUNCTIONAL_ERRORS, code.value)
        assert row is not None and row.provisional and row.key == code.key


def test_provisional_codes_use_the_99_segment_and_fit_the_patterns() -> None:
    tables = load_project_tables()
    for table in Table:
        for row in tables.rows(table):
            assert TABLE_PATTERNS[table].fullmatch(row.code)
            if row.provisional and table is not Table.FUNCTIONAL_ERRORS:
                assert "-99-" in row.code, row.code


@pytest.mark.parametrize(
    ("table", "key", "code"),
    [
        (Table.REQUEST_RESPONSE_TYPES, "denial", "RRT-00-01"),
        (Table.NOTIFICATION_RESPONSE_TYPES, "successful", "NRT-00-00"),
        (Table.SANCTION_CATEGORIES, "imprisonment", "S-00-001001"),
        (Table.DECISION_CHANGE_TYPES, "rehabilitation", "DCH-00-R"),
        (Table.COUNTRIES, "LUX", "CO-00-442-LUX"),
        (Table.COUNTRIES, "unknown", "CO-00-999-XXX"),
    ],
)
def test_codes_by_key(table: Table, key: str, code: str) -> None:
    assert load_project_tables().code_for(table, key) == code


def test_check_verdicts() -> None:
    tables = load_project_tables()
    assert tables.check(Table.OFFENCE_CATEGORIES, "O-00-010100").error is None
    assert tables.check(Table.OFFENCE_CATEGORIES, "0101 00").error is not None
    unknown = tables.check(Table.OFFENCE_CATEGORIES, "O-00-999999")
    assert unknown.error is None and unknown.flag is not None
    assert tables.check(Table.OFFENCE_CATEGORIES, "O-00-999999", strict=True).error is not None


def _crt(tmp_path: Path) -> Path:
    crt = f"{{{CRT_NS}}}"
    com = "{http://ec.europa.eu/ECRIS/commons-v1.0}"
    root = etree.Element(crt + "CommonReferenceTable", nsmap={"crt": CRT_NS})
    purposes = etree.SubElement(root, crt + "RequestPurposeCategories")
    row = etree.SubElement(purposes, crt + "RequestPurposeCategory")
    name = etree.SubElement(row, crt + "Name")
    etree.SubElement(
        name, com + "MultilingualTextLinguisticRepresentation", languageCode="en"
    ).text = "Official"
    etree.SubElement(row, crt + "RequestPurposeTechnicalIdentifier").text = "P-00-001001"
    errors = etree.SubElement(root, crt + "FunctionalErrors")
    row = etree.SubElement(errors, crt + "FunctionalError")
    etree.SubElement(row, crt + "FunctionalErrorCode").text = "FE-00001"
    path = tmp_path / "crt.xml"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return path


def test_official_crt_file_replaces_tables_and_keeps_provisional_rows(tmp_path: Path) -> None:
    tables = load_crt_file(_crt(tmp_path))
    assert tables.version.startswith("crt-")
    official = tables.get(Table.REQUEST_PURPOSES, "P-00-001001")
    assert official is not None and official.label == "Official" and not official.provisional
    assert tables.get(Table.REQUEST_PURPOSES, "P-99-001000") is not None  # still there, still provisional
    assert tables.knows(Table.FUNCTIONAL_ERRORS, "FE-00001")
    assert tables.knows(Table.REQUEST_RESPONSE_TYPES, "RRT-00-01")  # untouched table


def test_reference_tables_setting(tmp_path: Path) -> None:
    assert load_reference_tables(None).version == load_project_tables().version
    assert load_reference_tables(_crt(tmp_path)).knows(Table.REQUEST_PURPOSES, "P-00-001001")


def test_a_non_crt_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_bytes(b"<x/>")
    with pytest.raises(ReferenceTablesError):
        load_crt_file(path)
