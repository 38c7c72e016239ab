"""Decisions of the register (Loi du 29 mars 2013, Arts 1 and 2): offences, penalties, later decisions."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import ClassVar

from gateway.model.partial_date import PartialDate


class DecisionKind(enum.StrEnum):
    CONVICTION = "conviction"
    SUSPENSION_OF_PRONOUNCEMENT = "suspension_of_pronouncement"
    PLACEMENT = "placement"


class PenaltyLevel(enum.StrEnum):
    CRIMINAL = "criminal"
    CORRECTIONAL = "correctional"
    POLICE = "police"


class LaterDecisionType(enum.StrEnum):
    PARDON = "pardon"
    REVISION = "revision"
    AMNESTY = "amnesty"
    REHABILITATION = "rehabilitation"
    CONDITIONAL_RELEASE = "conditional_release"
    RELEASE_REVOKED = "release_revoked"
    SENTENCE_END = "sentence_end"


class SuspensionType(enum.StrEnum):
    """CPP art 619: *simple* without conditions, *probatoire* with conditions."""

    SIMPLE = "simple"
    PROBATOIRE = "probatoire"


class SursisScope(enum.StrEnum):
    FULL = "full"
    PARTIAL = "partial"


class MinorInvolvement(enum.StrEnum):
    """Art 8-3: whether the offence was committed against or involves a minor, and how."""

    NONE = "none"
    CONSTITUTIVE = "constitutive"
    AGGRAVATING = "aggravating"


class FineNature(enum.StrEnum):
    CRIMINELLE = "criminelle"
    CORRECTIONNELLE = "correctionnelle"
    POLICE = "police"


class RightsSubtype(enum.StrEnum):
    INTERDICTION = "interdiction"
    INCAPACITE = "incapacite"
    DECHEANCE = "decheance"


class TransmissionRestriction(enum.StrEnum):
    """FD 2009/315 Art 7(2): a foreign decision passed on for criminal proceedings only."""

    CRIMINAL_PROCEEDINGS_ONLY = "criminal_proceedings_only"


NATIONAL_ORIGIN = "national"
EXTRACT_ORIGIN_PREFIX = "extract:"
"""``origin`` of a decision inscribed from a criminal-record extract the Minister of Justice transmitted with a
naturalised person's file (Art 14(3)): ``extract:XX``, XX the country that issued the extract."""


class InscriptionSource(enum.StrEnum):
    """Where an Art 14(3) inscription was read (RULES.md R-NAT step 3)."""

    EXTRACT = "extract"
    ECRIS_ANSWER = "ecris answer"


@dataclass(frozen=True, slots=True)
class InscriptionBasis:
    """Why a foreign decision is in the register when no notification put it there: Art 14(3), the annual
    naturalisation transfer. ``country`` is the former nationality it was asked of (or whose extract was
    read); ``extract_date`` the supplied extract's date (None for an ECRIS answer); ``transfer`` the
    transfer's identifier; ``inscribed_on`` the day of inscription (R-NAT step 3)."""

    source: InscriptionSource
    country: str
    transfer: str
    inscribed_on: date
    extract_date: date | None = None
    basis: str = "art-14-3"


@dataclass(frozen=True, slots=True)
class Sursis:
    """A suspended sentence (Art 1(4)), with the events that end or revive it."""

    type: SuspensionType
    scope: SursisScope = SursisScope.FULL
    suspended_months: int | None = None
    probation_years: int | None = None
    obligations: tuple[str, ...] = ()
    revoked_on: date | None = None
    forfeited_on: date | None = None
    non_avenue_on: date | None = None


@dataclass(frozen=True, slots=True)
class ConditionalRelease:
    released_on: date | None
    probation_expiry_date: date | None = None
    revoked_on: date | None = None


@dataclass(frozen=True, slots=True)
class Imprisonment:
    type: ClassVar[str] = "imprisonment"
    months: int
    executed_on: date | None = None
    conditional_release: ConditionalRelease | None = None
    sursis: Sursis | None = None


@dataclass(frozen=True, slots=True)
class Fine:
    """A fine. ``amount_eur`` is None for a foreign fine no reference rate could convert (AMB-29);
    ``eur_rate`` is the ECB reference rate used (units of ``currency`` for one euro) and
    ``eur_rate_date`` the day it was published for."""

    type: ClassVar[str] = "fine"
    amount_eur: Decimal | None
    nature: FineNature
    amount: Decimal | None = None
    currency: str | None = None
    sursis: Sursis | None = None
    eur_rate: Decimal | None = None
    eur_rate_date: date | None = None


@dataclass(frozen=True, slots=True)
class CommunityService:
    """Travail d'intérêt général (TIG)."""

    type: ClassVar[str] = "community_service"
    hours: int
    sursis: Sursis | None = None


@dataclass(frozen=True, slots=True)
class DrivingBan:
    type: ClassVar[str] = "driving_ban"
    months: int | None
    execution_end_date: date | None = None
    sursis: Sursis | None = None


@dataclass(frozen=True, slots=True)
class DeprivationOfRights:
    """Interdiction, incapacité or déchéance; ``end_date`` is its last day."""

    type: ClassVar[str] = "deprivation_of_rights"
    subtype: RightsSubtype
    label: str | None = None
    end_date: date | None = None
    perpetual: bool = False
    sursis: Sursis | None = None


@dataclass(frozen=True, slots=True)
class MinorsActivityBan:
    """Ban on activities involving direct and regular contact with minors (Art 8-3(1))."""

    type: ClassVar[str] = "minors_activity_ban"
    end_date: date | None = None
    perpetual: bool = False
    sursis: Sursis | None = None


@dataclass(frozen=True, slots=True)
class Closure:
    """Fermeture d'entreprise ou d'établissement (legal persons)."""

    type: ClassVar[str] = "closure"
    end_date: date | None = None
    sursis: Sursis | None = None


@dataclass(frozen=True, slots=True)
class Dissolution:
    type: ClassVar[str] = "dissolution"
    sursis: Sursis | None = None


@dataclass(frozen=True, slots=True)
class PublicProcurementExclusion:
    type: ClassVar[str] = "public_procurement_exclusion"
    end_date: date | None = None
    sursis: Sursis | None = None


@dataclass(frozen=True, slots=True)
class PlacementMeasure:
    """A placement measure ordered in criminal proceedings."""

    type: ClassVar[str] = "placement"
    sursis: Sursis | None = None


@dataclass(frozen=True, slots=True)
class Confiscation:
    """Confiscation (spéciale), an accessory penalty (Art 2 3), AMB-30): what was confiscated, its value."""

    type: ClassVar[str] = "confiscation"
    description: str | None = None
    value_eur: Decimal | None = None
    sursis: Sursis | None = None


@dataclass(frozen=True, slots=True)
class Publication:
    """Publication or posting of the decision, an accessory penalty (Art 2 3), AMB-30)."""

    type: ClassVar[str] = "publication"
    label: str | None = None
    sursis: Sursis | None = None


@dataclass(frozen=True, slots=True)
class ProfessionalBan:
    """Ban from a profession or activity (other than with minors), an accessory penalty (AMB-30);
    ``end_date`` is its last day."""

    type: ClassVar[str] = "professional_ban"
    label: str | None = None
    end_date: date | None = None
    perpetual: bool = False
    sursis: Sursis | None = None


@dataclass(frozen=True, slots=True)
class OtherPenalty:
    """Any other penalty pronounced (Art 2 3)), named by ``label``, so the register never refuses one."""

    type: ClassVar[str] = "other"
    label: str
    end_date: date | None = None
    sursis: Sursis | None = None


Penalty = (
    Imprisonment
    | Fine
    | CommunityService
    | DrivingBan
    | DeprivationOfRights
    | MinorsActivityBan
    | Closure
    | Dissolution
    | PublicProcurementExclusion
    | PlacementMeasure
    | Confiscation
    | Publication
    | ProfessionalBan
    | OtherPenalty
)

PENALTY_TYPES: tuple[type[Penalty], ...] = (
    Imprisonment,
    Fine,
    CommunityService,
    DrivingBan,
    DeprivationOfRights,
    MinorsActivityBan,
    Closure,
    Dissolution,
    PublicProcurementExclusion,
    PlacementMeasure,
    Confiscation,
    Publication,
    ProfessionalBan,
    OtherPenalty,
)

ACCESSORY_PENALTY_TYPES: tuple[type[Penalty], ...] = (Confiscation, Publication, ProfessionalBan, OtherPenalty)


@dataclass(frozen=True, slots=True)
class Offence:
    date: PartialDate | None
    qualification: str
    legal_provisions: str | None = None
    national_code: str | None = None
    ecris_category: str | None = None
    minor: MinorInvolvement = MinorInvolvement.NONE
    etias: str | None = None
    lu_max_custodial_months: int | None = None


@dataclass(frozen=True, slots=True)
class LaterDecision:
    type: LaterDecisionType
    date: date
    remarks: str | None = None


@dataclass(frozen=True, slots=True)
class Suspension:
    """Suspension of the pronouncement (Art 1(4)) with its obligations and their duration."""

    type: SuspensionType
    duration_years: int | None = None
    obligations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Decision:
    """One inscription: every datum of Art 2."""

    id: str
    court: str
    court_country: str
    reference: str | None
    decision_date: date
    final_date: date | None
    kind: DecisionKind
    penalty_level: PenaltyLevel | None
    police_contravention_class: int | None = None
    traffic_offence: bool = False
    parking_contravention: bool = False
    military_code: bool = False
    by_default_not_notified: bool = False
    opposition_decision: str | None = None
    notified_under_convention: bool | None = None
    act_is_offence_in_lu: bool | None = None
    offences: tuple[Offence, ...] = ()
    penalties: tuple[Penalty, ...] = ()
    later_decisions: tuple[LaterDecision, ...] = ()
    suspension: Suspension | None = None
    ecris_conviction_id: str | None = None
    origin: str = NATIONAL_ORIGIN
    transmission_restriction: TransmissionRestriction | None = None
    inscription_basis: InscriptionBasis | None = None

    @property
    def is_national(self) -> bool:
        return self.origin == NATIONAL_ORIGIN

    @property
    def origin_state(self) -> str | None:
        """The Member State a foreign decision was notified by (``ecris:XX``), else None."""
        return self.origin.removeprefix("ecris:") if self.origin.startswith("ecris:") else None

    def fines_total_eur(self) -> Decimal | None:
        """The sum in euros of every fine of the decision, suspended ones included; None when one
        fine has no euro value (a foreign fine no reference rate converted, AMB-29)."""
        amounts = [p.amount_eur for p in self.penalties if isinstance(p, Fine)]
        if any(amount is None for amount in amounts):
            return None
        return sum((amount for amount in amounts if amount is not None), Decimal(0))
