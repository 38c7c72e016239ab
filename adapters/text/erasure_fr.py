"""Erasure (Art 3, last paragraph) as a clerk reads it, in French: what `register erase-due` did or
would do, and what `register show` says of an erased person."""

from __future__ import annotations

from datetime import date

from adapters.text.french import day
from gateway.ports import Tombstone
from gateway.services.erasure import Erasure


def erasure_line(erasure: Erasure, *, dry_run: bool) -> str:
    """``1950010144444 : effacé — <reason> (art. 3 al.3)``; the reason is the law's, as given."""
    verb = "serait effacé" if dry_run else "effacé"
    return f"{erasure.person_id} : {verb} — {erasure.reason} (art. {erasure.article})"


REVIEW_REASON = "date de naissance inconnue : pas d'effacement automatique à 100 ans (AMB-2)"


def review_line(person_id: str) -> str:
    """A person whose birth date is wholly unknown, so no automatic erasure at 100 years (AMB-2,
    revised): listed for a clerk, never erased by the command."""
    return f"{person_id} : à examiner par un agent — {REVIEW_REASON}"


def nothing_to_erase(on: date) -> str:
    return f"rien à effacer le {day(on)}"


def tombstone_line(tombstone: Tombstone) -> str:
    return f"{tombstone.person_id} : inscriptions effacées le {day(tombstone.erased_on)} ({tombstone.reason})"
