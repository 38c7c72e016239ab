"""Who may receive which bulletin (Loi du 29 mars 2013, Arts 6, 8, 8-1(3), 8-2(2), 8-3(2)).

One row per point of the law, in the law's order, with its purpose, whether the concerned person's
written or electronic consent is needed (Art 8 last al., repeated in 8-1(3), 8-2(2), 8-3(2)), whether
it is a foreign central authority's case (points 3)/3bis) of Arts 6, 8-2(2), 8-3(2) and 4)/4bis) of
Arts 8, 8-1(3)) and which persons it may concern. RULES.md §A.3 and R-CONSENT.

A foreign central authority's request is served "à des fins et dans des conditions équivalentes" to
the national points it names: it needs consent exactly when its Luxembourg equivalent does
(``foreign_consent_required``); ECRIS then requires ``ConcernedPersonConsent = Yes``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from gateway.errors import InvalidRequest
from gateway.law.ruling import Ruling


class Purpose(enum.StrEnum):
    CRIMINAL_PROCEEDINGS = "criminal_proceedings"
    DEFENCE = "defence"
    CONVENTION = "convention"
    ADMINISTRATIVE_APPLICATION = "administrative_application"
    INTELLIGENCE = "intelligence"
    ERRU = "erru"
    ETIAS = "etias"
    VISA = "visa"
    IMMIGRATION_PUBLIC_ORDER = "immigration_public_order"
    OWN_REQUEST = "own_request"
    DRIVING_LICENCE = "driving_licence"
    AVIATION_LICENCE = "aviation_licence"
    RAIL_LICENCE = "rail_licence"
    TAXI_LICENCE = "taxi_licence"
    COMMUNAL_TEACHING_EMPLOYMENT = "communal_teaching_employment"
    EQUIVALENT = "equivalent"
    """A foreign central authority: purposes and conditions equivalent to the points named."""


class RecipientKind(enum.StrEnum):
    NATIONAL = "national"
    FOREIGN_CENTRAL_AUTHORITY = "foreign_central_authority"
    THIRD_COUNTRY = "third_country"


class Consent(enum.StrEnum):
    NOT_REQUIRED = "not_required"
    REQUIRED = "required"
    AS_EQUIVALENT = "as_equivalent"
    """A foreign request: required when the national point it is equivalent to requires it."""


class ForeignSubject(enum.StrEnum):
    """Whom a Member State's central authority asks about, which decides the point that applies."""

    MEMBER_STATE_NATIONAL = "member_state_national"
    LUXEMBOURG_LEGAL_PERSON = "luxembourg_legal_person"
    THIRD_COUNTRY_NATIONAL = "third_country_national"
    """A third-country national convicted by Luxembourg courts, or whose third-country conviction
    was transmitted to the procureur général d'État (points 3bis) and 4bis))."""


_EU = frozenset({ForeignSubject.MEMBER_STATE_NATIONAL, ForeignSubject.LUXEMBOURG_LEGAL_PERSON})
_EU_NATURAL = frozenset({ForeignSubject.MEMBER_STATE_NATIONAL})
_TCN = frozenset({ForeignSubject.THIRD_COUNTRY_NATIONAL})


@dataclass(frozen=True, slots=True)
class Recipient:
    """One point of the law: who receives bulletin N°``bulletin``, for what, on which conditions."""

    bulletin: int
    article: str
    point: str
    recipient: str
    purpose: Purpose
    consent: Consent
    kind: RecipientKind
    natural_persons: bool
    legal_persons: bool
    subjects: frozenset[ForeignSubject] = frozenset()
    equivalent_to: tuple[str, ...] = ()
    conditions: str = ""

    @property
    def foreign_central_authority(self) -> bool:
        return self.kind is RecipientKind.FOREIGN_CENTRAL_AUTHORITY

    @property
    def ten_working_days(self) -> bool:
        """Art 16(1) — replies to foreign central authorities and third countries are due at once
        and at the latest within ten working days."""
        return self.kind is not RecipientKind.NATIONAL


def _national(
    bulletin: int,
    article: str,
    point: str,
    recipient: str,
    purpose: Purpose,
    *,
    consent: bool = False,
    natural: bool = True,
    legal: bool = True,
    conditions: str = "",
) -> Recipient:
    return Recipient(
        bulletin,
        f"{article} {point}",
        point,
        recipient,
        purpose,
        Consent.REQUIRED if consent else Consent.NOT_REQUIRED,
        RecipientKind.NATIONAL,
        natural,
        legal,
        conditions=conditions,
    )


def _foreign(
    bulletin: int,
    article: str,
    point: str,
    subjects: frozenset[ForeignSubject],
    equivalent_to: tuple[str, ...],
) -> Recipient:
    purpose, consent = (
        (Purpose.CRIMINAL_PROCEEDINGS, Consent.NOT_REQUIRED)
        if not equivalent_to
        else (Purpose.EQUIVALENT, Consent.AS_EQUIVALENT)
    )
    return Recipient(
        bulletin,
        f"{article} {point}",
        point,
        "central authority of a Member State of the European Union",
        purpose,
        consent,
        RecipientKind.FOREIGN_CENTRAL_AUTHORITY,
        ForeignSubject.MEMBER_STATE_NATIONAL in subjects or ForeignSubject.THIRD_COUNTRY_NATIONAL in subjects,
        ForeignSubject.LUXEMBOURG_LEGAL_PERSON in subjects,
        subjects,
        equivalent_to,
    )


def _third_country(bulletin: int, article: str, point: str, *, legal: bool = True) -> Recipient:
    return Recipient(
        bulletin,
        f"{article} {point}",
        point,
        "competent authority of a third country",
        Purpose.CONVENTION,
        Consent.NOT_REQUIRED,
        RecipientKind.THIRD_COUNTRY,
        True,
        legal,
        conditions="under the international conventions in force",
    )


_ADMINISTRATIONS = (
    "State and communal administrations and public-law legal persons handling an application by the "
    "person, within their legal missions (list and motives fixed by grand-ducal regulation)"
)

RECIPIENTS: tuple[Recipient, ...] = (
    # Art 6 — bulletin N°1
    _national(1, "6", "1)", "Luxembourg judicial authorities", Purpose.CRIMINAL_PROCEEDINGS),
    _national(
        1,
        "6",
        "2)",
        "Luxembourg members of Eurojust, Europol and the European Public Prosecutor's Office",
        Purpose.CRIMINAL_PROCEEDINGS,
    ),
    _foreign(1, "6", "3)", _EU, ()),
    _foreign(1, "6", "3bis)", _TCN, ()),
    _third_country(1, "6", "4)"),
    _national(
        1,
        "6",
        "5)",
        "the lawyer of the person as defendant before a trial court, failing a lawyer the defendant",
        Purpose.DEFENCE,
        conditions="delivered by the secretariat of the competent parquet",
    ),
    # Art 8 — bulletin N°2
    _national(2, "8", "1)", _ADMINISTRATIONS, Purpose.ADMINISTRATIVE_APPLICATION, consent=True),
    _national(
        2,
        "8",
        "2)",
        "Service de renseignement de l'État, on its request",
        Purpose.INTELLIGENCE,
        conditions="the SRE sends the judicial supervisory authority a quarterly list of its requests "
        "and motives",
    ),
    _national(
        2,
        "8",
        "3)",
        "ministry keeping the national electronic register of road transport undertakings (ERRU)",
        Purpose.ERRU,
        conditions="may be transmitted electronically",
    ),
    _national(
        2,
        "8",
        "3bis)",
        "minister for immigration and asylum as the ETIAS national unit",
        Purpose.ETIAS,
        legal=False,
    ),
    _national(
        2,
        "8",
        "3ter)",
        "minister for consular affairs as the visa authority (VIS)",
        Purpose.VISA,
        legal=False,
    ),
    _national(
        2,
        "8",
        "3quater)",
        "minister for immigration and asylum assessing a threat to public order, public security or national "
        "security (entry, stay, removal, international or temporary protection)",
        Purpose.IMMIGRATION_PUBLIC_ORDER,
        legal=False,
    ),
    _foreign(2, "8", "4)", _EU, ("1)", "2)")),
    _foreign(2, "8", "4bis)", _TCN, ("1)", "2)")),
    _third_country(2, "8", "5)"),
    # Art 8-1(3) — bulletin N°3
    _national(
        3,
        "8-1(3)",
        "1)",
        "the person, or a third party with a power of attorney and a copy of the person's valid "
        "identity document",
        Purpose.OWN_REQUEST,
        legal=False,
    ),
    _national(
        3,
        "8-1(3)",
        "2)",
        "a person able to bind the legal person (valid identity document and recent RCS "
        "extract), or a third party with a recent RCS extract, the power of attorney of such a person "
        "and a copy of the signatory's identity document",
        Purpose.OWN_REQUEST,
        natural=False,
    ),
    _national(3, "8-1(3)", "3)", _ADMINISTRATIONS, Purpose.ADMINISTRATIVE_APPLICATION, consent=True),
    _foreign(3, "8-1(3)", "4)", _EU, ("1)", "2)", "3)")),
    _foreign(3, "8-1(3)", "4bis)", _TCN, ("1)", "2)", "3)")),
    _third_country(3, "8-1(3)", "5)"),
    # Art 8-2(2) — bulletin N°4, natural persons only
    _national(
        4,
        "8-2(2)",
        "1)",
        "the person, or a third party with a power of attorney and a copy of the person's valid "
        "identity document",
        Purpose.OWN_REQUEST,
        legal=False,
    ),
    _national(
        4,
        "8-2(2)",
        "2) a)",
        "ministry for transport: driving licence (issue, renewal, withdrawal, restitution) "
        "and approval as accompanying driver",
        Purpose.DRIVING_LICENCE,
        consent=True,
        legal=False,
    ),
    _national(
        4,
        "8-2(2)",
        "2) b)",
        "ministry for transport: licences and qualifications of aviation flight crew",
        Purpose.AVIATION_LICENCE,
        consent=True,
        legal=False,
    ),
    _national(
        4,
        "8-2(2)",
        "2) c)",
        "ministry for transport: railway licences",
        Purpose.RAIL_LICENCE,
        consent=True,
        legal=False,
    ),
    _national(
        4,
        "8-2(2)",
        "2) d)",
        "ministry for transport: taxi driver or operator licences",
        Purpose.TAXI_LICENCE,
        consent=True,
        legal=False,
    ),
    _foreign(4, "8-2(2)", "3)", _EU_NATURAL, ("1)", "2) a)", "2) b)", "2) c)", "2) d)")),
    _foreign(4, "8-2(2)", "3bis)", _TCN, ("1)", "2) a)", "2) b)", "2) c)", "2) d)")),
    _third_country(4, "8-2(2)", "4)", legal=False),
    # Art 8-3(2) — bulletin N°5, natural persons only
    _national(
        5,
        "8-3(2)",
        "1)",
        "the person, or a third party with a power of attorney and a copy of the person's valid "
        "identity document",
        Purpose.OWN_REQUEST,
        legal=False,
        conditions="a recruiter for activities with regular contact with minors receives it only with the "
        "person's agreement (8-3(1))",
    ),
    _national(
        5,
        "8-3(2)",
        "2)",
        "communal authorities examining job applications in teaching or in a communal school foyer",
        Purpose.COMMUNAL_TEACHING_EMPLOYMENT,
        consent=True,
        legal=False,
    ),
    _foreign(5, "8-3(2)", "3)", _EU_NATURAL, ("1)", "2)")),
    _foreign(5, "8-3(2)", "3bis)", _TCN, ("1)", "2)")),
    _third_country(5, "8-3(2)", "4)", legal=False),
)


def recipients_of(bulletin: int) -> tuple[Recipient, ...]:
    """The points under which bulletin N°``bulletin`` is delivered, in the law's order."""
    return tuple(r for r in RECIPIENTS if r.bulletin == bulletin)


def recipient(bulletin: int, point: str) -> Recipient:
    """The row of point ``point`` (e.g. ``"3bis)"``, ``"2) a)"``) of bulletin N°``bulletin``."""
    for row in RECIPIENTS:
        if row.bulletin == bulletin and row.point == point:
            return row
    raise InvalidRequest(f"bulletin N°{bulletin} has no recipient point {point}")


def foreign_central_authority_case(bulletin: int, subject: ForeignSubject) -> Recipient | None:
    """Arts 6 3)/3bis), 8 4)/4bis), 8-1(3) 4)/4bis), 8-2(2) 3)/3bis), 8-3(2) 3)/3bis) — the point
    under which a Member State's central authority may receive bulletin N°``bulletin`` about
    ``subject``; None when the law gives it none (e.g. N°4 or N°5 of a legal person)."""
    for row in RECIPIENTS:
        if row.bulletin == bulletin and row.foreign_central_authority and subject in row.subjects:
            return row
    return None


def foreign_consent_required(bulletin: int, foreign_point: str, equivalent_point: str) -> bool:
    """Art 8 last al., 8-1(3), 8-2(2), 8-3(2) (R-CONSENT) — whether a foreign central authority's
    request under ``foreign_point``, made for purposes equivalent to national ``equivalent_point``,
    needs the person's consent."""
    row = recipient(bulletin, foreign_point)
    if not row.foreign_central_authority:
        raise InvalidRequest(
            f"point {foreign_point} of bulletin N°{bulletin} is not a foreign central authority's"
        )
    if not row.equivalent_to:
        return False
    if equivalent_point not in row.equivalent_to:
        raise InvalidRequest(
            f"point {foreign_point} of bulletin N°{bulletin} is equivalent to points "
            f"{', '.join(row.equivalent_to)}, not {equivalent_point}"
        )
    return recipient(bulletin, equivalent_point).consent is Consent.REQUIRED


def may_receive(row: Recipient, *, legal_person: bool) -> bool:
    """Whether the point may concern a natural person, or a legal person."""
    return row.legal_persons if legal_person else row.natural_persons


def recipient_at(reference: str) -> Recipient:
    """The row cited as ``reference``, its article and point as the table writes them (``"8-3(2) 2)"``,
    ``"8-2(2) 2) a)"``, ``"6 1)"``); spaces are not significant. InvalidRequest for no such point."""
    wanted = "".join(reference.split())
    for row in RECIPIENTS:
        if "".join(row.article.split()) == wanted:
            return row
    raise InvalidRequest(f"no recipient point {reference!r} in Arts 6, 8, 8-1(3), 8-2(2), 8-3(2) (e.g. '8-1(3) 1)')")


def delivery_allowed(row: Recipient, *, bulletin: int, legal_person: bool, consent: bool) -> Ruling:
    """Arts 6, 8, 8-1(3), 8-2(2), 8-3(2) and R-CONSENT (Art 8 last al., repeated in 8-1(3), 8-2(2),
    8-3(2)) — whether bulletin N°``bulletin`` may be delivered to the recipient of point ``row``: the point
    must deliver that bulletin, concern this kind of person (``may_receive``) and, where it says so, the
    person's written or electronic consent must have been collected (``consent``). A foreign central
    authority's point depends on the purpose its request is equivalent to: it is decided with that
    purpose (Art 15, ``request_routing.py``), not here. Art 9: a bulletin asked in breach of these
    conditions is refused whole."""
    if row.bulletin != bulletin:
        return Ruling(False, f"ce point délivre le bulletin N°{row.bulletin}, non le N°{bulletin}", row.article)
    if row.foreign_central_authority:
        return Ruling(
            False,
            "la demande d'une autorité centrale d'un État membre se décide selon sa finalité (art. 15)",
            row.article,
        )
    if not may_receive(row, legal_person=legal_person):
        kind = "une personne morale" if legal_person else "une personne physique"
        return Ruling(False, f"ce point ne vise pas {kind}", row.article)
    if row.consent is Consent.REQUIRED and not consent:
        return Ruling(
            False, "consentement écrit ou électronique de la personne requis et non recueilli", row.article
        )
    given = " avec le consentement de la personne" if row.consent is Consent.REQUIRED else ""
    return Ruling(True, f"destinataire prévu par la loi{given}", row.article)
