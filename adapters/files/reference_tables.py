"""Load the ECRIS reference tables: the project's versioned data, or the official CRT XML file.

- ``load_project_tables(directory=None)`` reads ``schemas/reference-tables/index.json`` and its CSV files
  (columns ``code,key,label_en,status,provisional,source``).
- ``load_crt_file(path, base=...)`` reads an official Common Reference Table instance (root
  ``crt:CommonReferenceTable``, obtained from ECRIS support at the Commission / eu-LISA), optionally validates
  it against the official ``common-reference-tables-v1.0.xsd``, and lays it over ``base``: official rows
  replace the project's rows of the same table, keep the project's ``key`` where the code matches, and
  provisional project rows stay (flagged provisional) until the operator maps them.
- ``load_reference_tables(settings_path)`` picks one of the two from the ``ECRIS_GATEWAY_REFERENCE_TABLES``
  setting (a directory → project-format data; a file → CRT XML).
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

from lxml import etree

from adapters.xml.parsing import parse_untrusted
from gateway.errors import GatewayError
from gateway.model.reference_tables import TABLE_PATTERNS, ReferenceCode, ReferenceTables, Table

PROJECT_TABLES_DIR = Path(__file__).resolve().parents[2] / "schemas" / "reference-tables"
CRT_NS = "http://ec.europa.eu/ECRIS/common-reference-tables-v1.0"
COMMONS_NS = "http://ec.europa.eu/ECRIS/commons-v1.0"
CRT_MAX_BYTES = 64 * 1024 * 1024

# Row element of the CRT instance → (table, element holding the technical identifier).
CRT_ROWS: dict[str, tuple[Table, str]] = {
    "Country": (Table.COUNTRIES, "CountryTechnicalIdentifier"),
    "Currency": (Table.CURRENCIES, "CurrencyTechnicalIdentifier"),
    "CountrySubdivision": (Table.COUNTRY_SUBDIVISIONS, "CountrySubdivisionTechnicalIdentifier"),
    "City": (Table.CITIES, "CityTechnicalIdentifier"),
    "OffenceCategory": (Table.OFFENCE_CATEGORIES, "OffenceTechnicalIdentifier"),
    "OffenceLevelOfCompletion": (Table.LEVELS_OF_COMPLETION, "OffenceLevelOfCompletionTechnicalIdentifier"),
    "OffenceLevelOfParticipation": (
        Table.LEVELS_OF_PARTICIPATION,
        "OffenceLevelOfParticipationTechnicalIdentifier",
    ),
    "SanctionCategory": (Table.SANCTION_CATEGORIES, "SanctionTechnicalIdentifier"),
    "SanctionNature": (Table.SANCTION_NATURES, "SanctionNatureTechnicalIdentifier"),
    "SanctionTypeOfSuspension": (Table.SUSPENSION_TYPES, "SanctionTypeOfSuspensionTechnicalIdentifier"),
    "SanctionAlternativeType": (
        Table.SANCTION_ALTERNATIVE_TYPES,
        "SanctionAlternativeTypeTechnicalIdentifier",
    ),
    "SanctionToSanctionsRelationshipType": (
        Table.SANCTION_RELATIONSHIP_TYPES,
        "SanctionToSanctionsRelationTypeTechnicalIdentifier",
    ),
    "DecisionChangeType": (Table.DECISION_CHANGE_TYPES, "DecisionChangeTypeTechnicalIdentifier"),
    "RequestPurposeCategory": (Table.REQUEST_PURPOSES, "RequestPurposeTechnicalIdentifier"),
    "RequestingAuthorityType": (
        Table.REQUESTING_AUTHORITY_TYPES,
        "RequestingAuthorityTypeTechnicalIdentifier",
    ),
    "IdentificationDocumentCategory": (
        Table.IDENTIFICATION_DOCUMENT_CATEGORIES,
        "IdentificationDocumentCategoryTechnicalIdentifier",
    ),
    "RequestResponse": (Table.REQUEST_RESPONSE_TYPES, "RequestResponseTypeTechnicalIdentifier"),
    "NotificationResponse": (
        Table.NOTIFICATION_RESPONSE_TYPES,
        "NotificationResponseTypeTechnicalIdentifier",
    ),
    "RequestAdditionalInfoResponse": (
        Table.ADDITIONAL_INFO_RESPONSE_TYPES,
        "RequestAdditionalInfoTypeTechnicalIdentifier",
    ),
    "FunctionalError": (Table.FUNCTIONAL_ERRORS, "FunctionalErrorCode"),
}


class ReferenceTablesError(GatewayError):
    """The reference-table data cannot be read."""


def load_project_tables(directory: Path | None = None) -> ReferenceTables:
    """The project-format tables in ``directory`` (default: the project's ``schemas/reference-tables``)."""
    root = Path(directory) if directory is not None else PROJECT_TABLES_DIR
    try:
        index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ReferenceTablesError(f"cannot read {root / 'index.json'}: {error}") from None
    rows: list[ReferenceCode] = []
    for table_name, file_name in index["tables"].items():
        try:
            table = Table(table_name)
        except ValueError:
            raise ReferenceTablesError(f"{file_name}: unknown table {table_name!r}") from None
        with (root / file_name).open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                code = (row.get("code") or "").strip()
                if TABLE_PATTERNS[table].fullmatch(code) is None:
                    raise ReferenceTablesError(
                        f"{file_name} line {line}: {code!r} is not a {table_name} code"
                    )
                rows.append(
                    ReferenceCode(
                        table=table,
                        code=code,
                        label=row.get("label_en") or "",
                        provisional=(row.get("provisional") or "").strip().lower() == "yes",
                        source=row.get("source") or "",
                        key=(row.get("key") or "").strip() or None,
                    )
                )
    return ReferenceTables.of(str(index["version"]), f"project data {root}", rows)


def _label(row: etree._Element) -> str:
    name = row.find(f"{{{CRT_NS}}}Name")
    if name is None:
        return ""
    texts = [rep.text or "" for rep in name]
    english = [
        rep.text or "" for rep in name if rep.get("languageCode") == "en"
    ]  # prefer English when tagged
    return " ".join((english or texts or [""])[0].split())


def load_crt_file(
    path: Path, *, base: ReferenceTables | None = None, schema_dir: Path | None = None
) -> ReferenceTables:
    """The official CRT instance at ``path``, laid over ``base`` (default: the project tables)."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ReferenceTablesError(f"cannot read {path}: {error}") from None
    root = parse_untrusted(data, max_bytes=CRT_MAX_BYTES)
    if root.tag != f"{{{CRT_NS}}}CommonReferenceTable":
        raise ReferenceTablesError(f"{path} is not a CommonReferenceTable document")
    if schema_dir is not None:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        xsd = etree.parse(str(Path(schema_dir) / "common-reference-tables-v1.0.xsd"), parser)
        schema = etree.XMLSchema(xsd)
        if not schema.validate(root):
            first = schema.error_log[0]  # type: ignore[index]
            raise ReferenceTablesError(f"{path} is not a valid CRT document (line {first.line})")
    base = base if base is not None else load_project_tables()
    official: dict[Table, dict[str, ReferenceCode]] = {}
    for table_element in root:
        for row in table_element:
            if not isinstance(row.tag, str):
                continue
            spec = CRT_ROWS.get(etree.QName(row).localname)
            if spec is None:
                continue
            table, id_name = spec
            id_element = row.find(f"{{{CRT_NS}}}{id_name}")
            code = " ".join((id_element.text or "").split()) if id_element is not None else ""
            if TABLE_PATTERNS[table].fullmatch(code) is None:
                continue
            known = base.get(table, code)
            official.setdefault(table, {})[code] = ReferenceCode(
                table=table,
                code=code,
                label=_label(row) or (known.label if known else ""),
                provisional=False,
                source=f"official CRT {Path(path).name}",
                key=known.key if known else None,
            )
    merged: list[ReferenceCode] = []
    for table in Table:
        rows = official.get(table)
        if rows is None:
            merged.extend(base.rows(table))
            continue
        merged.extend(rows.values())
        taken_keys = {row.key for row in rows.values() if row.key}
        merged.extend(
            row
            for row in base.rows(table)
            if row.provisional and row.code not in rows and row.key not in taken_keys
        )
    digest = hashlib.sha256(data).hexdigest()[:12]
    return ReferenceTables.of(f"crt-{digest}", f"official CRT {path} over {base.source}", merged)


def load_reference_tables(location: Path | None) -> ReferenceTables:
    """From the ``reference_tables`` setting: None → project data; a directory → project-format data;
    a file → an official CRT XML laid over the project data."""
    if location is None:
        return load_project_tables()
    location = Path(location)
    if location.is_dir():
        return load_project_tables(location)
    return load_crt_file(location)
