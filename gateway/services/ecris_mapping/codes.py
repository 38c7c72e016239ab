"""Reference-table codes: countries, currencies, sanction categories, suspension types, decision changes,
identity documents, offence categories (the project tables' codes unless the tables passed in know the key)."""

from __future__ import annotations

from gateway.model.conviction import LaterDecisionType
from gateway.model.exchange import DEFAULT_OFFENCE_CATEGORY, UNKNOWN_COUNTRY
from gateway.model.reference_tables import ReferenceTables, Table
from gateway.services.ecris_mapping.errors import EcrisMappingError

_COUNTRIES: dict[str, tuple[str, str]] = {
    # ISO 3166-1 alpha-2 → (numeric, alpha-3), for the countries of the project's country table.
    "AT": ("040", "AUT"), "BE": ("056", "BEL"), "BG": ("100", "BGR"), "CY": ("196", "CYP"),
    "CZ": ("203", "CZE"), "DE": ("276", "DEU"), "DK": ("208", "DNK"), "EE": ("233", "EST"),
    "ES": ("724", "ESP"), "FI": ("246", "FIN"), "FR": ("250", "FRA"), "GR": ("300", "GRC"),
    "EL": ("300", "GRC"), "HR": ("191", "HRV"), "HU": ("348", "HUN"), "IE": ("372", "IRL"),
    "IT": ("380", "ITA"), "LT": ("440", "LTU"), "LU": ("442", "LUX"), "LV": ("428", "LVA"),
    "MT": ("470", "MLT"), "NL": ("528", "NLD"), "PL": ("616", "POL"), "PT": ("620", "PRT"),
    "RO": ("642", "ROU"), "SE": ("752", "SWE"), "SI": ("705", "SVN"), "SK": ("703", "SVK"),
    "GB": ("826", "GBR"), "CH": ("756", "CHE"), "NO": ("578", "NOR"), "IS": ("352", "ISL"),
    "LI": ("438", "LIE"), "US": ("840", "USA"), "TR": ("792", "TUR"), "UA": ("804", "UKR"),
    "MA": ("504", "MAR"), "CV": ("132", "CPV"), "BR": ("076", "BRA"), "AL": ("008", "ALB"),
    "RS": ("688", "SRB"), "ME": ("499", "MNE"), "BA": ("070", "BIH"), "MK": ("807", "MKD"),
    "DZ": ("012", "DZA"), "TN": ("788", "TUN"), "RU": ("643", "RUS"), "CN": ("156", "CHN"),
    "IN": ("356", "IND"), "NG": ("566", "NGA"), "SY": ("760", "SYR"), "AF": ("004", "AFG"),
    "ER": ("232", "ERI"), "IQ": ("368", "IRQ"),
}  # fmt: skip

_CURRENCIES: dict[str, str] = {
    # ISO 4217 alphabetic → numeric, for the currencies of the project's currency table.
    "EUR": "978", "PLN": "985", "BGN": "975", "CZK": "203", "DKK": "208", "HUF": "348", "RON": "946",
    "SEK": "752", "GBP": "826", "CHF": "756", "NOK": "578", "ISK": "352", "USD": "840",
}  # fmt: skip

SANCTION_CATEGORY_CODES: dict[str, str] = {
    "imprisonment": "S-00-001001",
    "fine": "S-00-008001",
    "community_service": "S-99-002001",  # PROVISIONAL
    "driving_ban": "S-99-002002",  # PROVISIONAL
    "deprivation_of_rights": "S-99-003001",  # PROVISIONAL
    "minors_activity_ban": "S-99-003002",  # PROVISIONAL
    "public_procurement_exclusion": "S-99-003003",  # PROVISIONAL
    "closure": "S-99-006001",  # PROVISIONAL
    "dissolution": "S-99-006002",  # PROVISIONAL
    "placement": "S-99-007001",  # PROVISIONAL
    "suspended_pronouncement": "S-99-011001",  # PROVISIONAL
    "professional_ban": "S-99-003004",  # PROVISIONAL
    "confiscation": "S-99-009001",  # PROVISIONAL
    "publication": "S-99-010001",  # PROVISIONAL
    "other": "S-99-012001",  # PROVISIONAL
}
"""The project tables' Annex B codes by the gateway's key (the penalty ``type`` of the register format)."""

SUSPENSION_TYPE_CODES: dict[str, str] = {"simple": "S-99-A", "probation": "S-99-B"}  # both PROVISIONAL
DECISION_CHANGE_CODES: dict[str, str] = {
    "pardon": "DCH-00-O",
    "amnesty": "DCH-00-P",
    "rehabilitation": "DCH-00-R",
    "conditional_release": "DCH-00-Q",
    "release_revoked": "DCH-00-S",
    "sentence_end": "DCH-00-N",
    "other": "DCH-00-X",
}
NOTIFICATION_RESPONSE_CODES: dict[str, str] = {
    "successful": "NRT-00-00",
    "not_a_national": "NRT-00-01",  # inferred pairing (schemas/reference-tables/notification-response-types.csv)
    "deceased": "NRT-00-02",
    "several_persons": "NRT-00-04",
}
"""NotificationResponse types by the gateway's key (the project table)."""
REQUEST_RESPONSE_CODES: dict[str, str] = {
    "successful": "RRT-00-00",  # identified, with or without convictions (a Luxembourger with none included)
    "denied": "RRT-00-01",
    "not_in_scope": "RRT-00-02",  # "person is not a national of the requested Member State" (Art 15 scope)
    "deceased": "RRT-00-03",
    "several_persons": "RRT-00-05",
}
"""RequestResponse types by the gateway's key (``../shared/ecris-reference-tables/request-response-types.csv``)."""
IDENTIFICATION_DOCUMENT_CODES: dict[str, str] = {
    "identity_card": "ID-00-001",
    "civil_register_certificate": "ID-00-002",
    "passport": "ID-00-003",
    "driving_licence": "ID-00-004",
    "social_security_card": "ID-00-005",
    "temporary_identity_card": "ID-00-006",
    "residence_permit": "ID-00-007",
    "other": "ID-00-999",
}

_CHANGE_KEYS: dict[LaterDecisionType, str] = {
    LaterDecisionType.PARDON: "pardon",
    LaterDecisionType.AMNESTY: "amnesty",
    LaterDecisionType.REHABILITATION: "rehabilitation",
    LaterDecisionType.CONDITIONAL_RELEASE: "conditional_release",
    LaterDecisionType.RELEASE_REVOKED: "release_revoked",
    LaterDecisionType.SENTENCE_END: "sentence_end",
    LaterDecisionType.REVISION: "other",  # no DCH value for a Luxembourg revision; its title says which
}
_LATER_TITLES: dict[LaterDecisionType, str] = {
    LaterDecisionType.PARDON: "Grâce",
    LaterDecisionType.REVISION: "Révision",
    LaterDecisionType.AMNESTY: "Amnistie",
    LaterDecisionType.REHABILITATION: "Réhabilitation",
    LaterDecisionType.CONDITIONAL_RELEASE: "Libération conditionnelle",
    LaterDecisionType.RELEASE_REVOKED: "Révocation de la libération conditionnelle",
    LaterDecisionType.SENTENCE_END: "Fin de l'exécution de la peine",
}


def _code(tables: ReferenceTables | None, table: Table, key: str, default: str) -> str:
    if tables is not None:
        try:
            return tables.code_for(table, key)
        except KeyError:
            pass
    return default


def country_code(country: str | None, tables: ReferenceTables | None = None) -> str:
    """``CO-00-<ISO numeric>-<alpha-3>`` for an ISO alpha-2 code; ``CO-00-999-XXX`` when unknown."""
    known = _COUNTRIES.get(country or "")
    if known is None:
        return UNKNOWN_COUNTRY
    numeric, alpha3 = known
    return _code(tables, Table.COUNTRIES, alpha3, f"CO-00-{numeric}-{alpha3}")


def currency_code(currency: str, tables: ReferenceTables | None = None) -> str | None:
    """``CX-00-<ISO numeric>-<alpha>`` for an ISO 4217 code; None when unknown."""
    numeric = _CURRENCIES.get(currency.upper())
    if numeric is None:
        return None
    return _code(tables, Table.CURRENCIES, currency.upper(), f"CX-00-{numeric}-{currency.upper()}")


def offence_category(annex_a: str | None) -> str:
    """The Annex A code of the register ("0301 00") as the contract writes it (``O-00-030100``)."""
    if annex_a is None:
        return DEFAULT_OFFENCE_CATEGORY
    digits = annex_a.replace(" ", "")
    if len(digits) != 6 or not digits.isascii() or not digits.isdigit():
        raise EcrisMappingError("an offence's Annex A code is not of the form NNNN NN")
    return f"O-00-{digits}"
