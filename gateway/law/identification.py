"""Who a notified conviction is about: the person of the register it is inscribed on (Art 1(2) 2), Art 3).

A Member State notifies Luxembourg of the convictions of Luxembourg nationals (FD 2009/315 Art 4(2)); the
register inscribes them on the person they concern (Art 1(2) 2)) with the identity data of Art 3. Which data
decide that a notification concerns a person already in the register, and when that is uncertain, is this
module's one rule, ``identify``: the register never guesses.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gateway.model.partial_date import PartialDate
from gateway.model.person import NaturalPerson, Person

LUXEMBOURG_NATIONAL_NUMBER_DIGITS = 13
"""The Luxembourg national identification number (matricule) has 13 digits."""


@dataclass(frozen=True, slots=True)
class IdentityClaim:
    """The identity a notification gives for the person (ECRIS ``dm:PersonType``), in the register's terms:
    ``surnames`` the current surname(s) first then former ones, ``birth_country`` ISO alpha-2."""

    surnames: tuple[str, ...]
    forenames: tuple[str, ...]
    birth_date: PartialDate | None
    birth_town: str | None = None
    birth_country: str | None = None
    identity_number: str | None = None


class Outcome(enum.StrEnum):
    IDENTIFIED = "identified"
    UNCERTAIN = "uncertain"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Identification:
    """``person_id`` when identified; ``candidates`` the persons a clerk must choose between when
    uncertain; a reason in French and the article."""

    outcome: Outcome
    reason: str
    article: str
    person_id: str | None = None
    candidates: tuple[str, ...] = ()


def name_key(text: str) -> str:
    """A name as the identification compares it: without accents, case, spaces, hyphens or apostrophes
    ("Müller-Weber" = "MULLER WEBER")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum()).casefold()


def search_keys(claim: IdentityClaim) -> tuple[tuple[str, ...], PartialDate | None]:
    """What the register is searched by before ``identify`` decides: every surname's key, and the birth
    date (persons born another year cannot match; one born the same day is a candidate whatever the
    surname, so that a person whose surname changed is still found)."""
    keys = tuple(dict.fromkeys(k for k in (name_key(s) for s in claim.surnames) if k))
    return keys, claim.birth_date


def person_keys(person: Person) -> tuple[tuple[str, ...], PartialDate | None]:
    """The same keys for a person of the register (current, former surnames and aliases; birth date)."""
    if not isinstance(person, NaturalPerson):
        return (), None
    names = [person.surname, *(n.surname for n in person.previous_names), *(n.surname for n in person.aliases)]
    return tuple(dict.fromkeys(k for k in (name_key(s) for s in names) if k)), person.birth.date


def _forenames_agree(claim: Iterable[str], person: Iterable[str]) -> bool:
    wanted = [name_key(f) for f in claim if name_key(f)]
    held = [name_key(f) for f in person if name_key(f)]
    if not wanted or not held:
        return False
    # "Jean Paul" and "Jean-Paul" agree; so does a first forename given alone.
    return "".join(wanted) == "".join(held) or (wanted[0] == held[0] and (len(wanted) == 1 or len(held) == 1))


def _place_agrees(claim: IdentityClaim, person: NaturalPerson) -> bool | None:
    """True or False when both sides name the birth town (and country); None when either does not."""
    town, held = claim.birth_town, person.birth.city
    if not town or not held or name_key(town) in ("", "unknown") or not name_key(held):
        return None
    if claim.birth_country and person.birth.country and claim.birth_country != person.birth.country:
        return False
    return name_key(town) == name_key(held)


def identify(claim: IdentityClaim, candidates: Sequence[Person]) -> Identification:
    """Art 1(2) 2) and Art 3 — the person of the register a notified conviction is inscribed on.

    1. The national identification number first (Art 3: the register's key): a person holding it is the
       one, provided the birth date does not contradict it; if it does, a clerk decides.
    2. Otherwise surname (current or former), forenames, birth date and birth place together: exactly one
       person agreeing on all four, the date complete and the place named on both sides, is the one.
    3. Anything less certain — several persons agreeing, one agreeing with a partial birth date or without
       a birth place to compare, or a person sharing the birth date and the surname or the forenames only —
       goes to a clerk, never to a guess. No candidate at all: the person is new to the register.
    Legal persons are never candidates (ECRIS notifies convictions of natural persons, FD Art 2(a)).
    """
    natural = [p for p in candidates if isinstance(p, NaturalPerson)]
    number = (claim.identity_number or "").strip()
    if number:
        holder = next((p for p in natural if p.id == number), None)
        if holder is not None:
            if _dates_contradict(claim.birth_date, holder.birth.date):
                return Identification(Outcome.UNCERTAIN, "le numéro d'identification national est celui "
                                      "d'une personne née à une autre date", "3", candidates=(holder.id,))
            return Identification(Outcome.IDENTIFIED, "numéro d'identification national", "3",
                                  person_id=holder.id)
    claimed = {name_key(s) for s in claim.surnames if name_key(s)}
    full: list[NaturalPerson] = []
    near: list[NaturalPerson] = []
    for person in natural:
        if _dates_contradict(claim.birth_date, person.birth.date) or _place_agrees(claim, person) is False:
            continue
        surname = bool(claimed & set(person_keys(person)[0]))
        forenames = _forenames_agree(claim.forenames, person.forenames)
        same_birth = claim.birth_date is not None and claim.birth_date.is_complete \
            and person.birth.date == claim.birth_date
        if surname and forenames:
            full.append(person)
        elif (surname or forenames) and same_birth:
            near.append(person)
    if len(full) == 1 and not near:
        person = full[0]
        if claim.birth_date is not None and claim.birth_date.is_complete and person.birth.date == claim.birth_date \
                and _place_agrees(claim, person):
            return Identification(Outcome.IDENTIFIED, "nom, prénoms, date et lieu de naissance", "3",
                                  person_id=person.id)
        return Identification(Outcome.UNCERTAIN, "une seule personne correspond, mais la date ou le lieu de "
                              "naissance n'est pas connu entièrement", "3", candidates=(person.id,))
    if full or near:
        ids = tuple(p.id for p in (*full, *near))
        reason = (f"{len(full)} personnes correspondent" if len(full) > 1
                  else "des personnes ne correspondent qu'en partie (nom ou prénoms, même naissance)")
        return Identification(Outcome.UNCERTAIN, reason, "3", candidates=ids)
    return Identification(Outcome.UNKNOWN, "aucune personne du registre ne correspond", "1(2) 2)")


def _dates_contradict(claimed: PartialDate | None, held: PartialDate | None) -> bool:
    """Two birth dates contradict each other when a part both give differs (1990 and 1990-07 do not)."""
    if claimed is None or held is None:
        return False
    pairs = ((claimed.year, held.year), (claimed.month, held.month), (claimed.day, held.day))
    return any(a is not None and b is not None and a != b for a, b in pairs)


def is_luxembourg_national_number(text: str | None) -> bool:
    """Art 3 — whether ``text`` has the form of a Luxembourg national identification number, the
    register's key for a natural person (13 digits)."""
    value = (text or "").strip()
    return len(value) == LUXEMBOURG_NATIONAL_NUMBER_DIGITS and value.isascii() and value.isdigit()
