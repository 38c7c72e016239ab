"""The fines of a decision summed in euros, as the thresholds of Arts 7 and 8-1 read them
(RULES.md §A.2 ``fines_total``; AMB-29, AMB-31, AMB-32)."""

from __future__ import annotations

from gateway.law.wording import day, euros, number
from gateway.model.conviction import Decision, Fine


def fines_at_most(decision: Decision, threshold: int) -> bool:
    """Art 7(1) al.2, 8-1(1) 5), 8-1(2) 4) — whether the decision's fines are "inférieure ou égale"
    to ``threshold`` euros. Several fines are read by their total (AMB-31), every fine pronounced
    counts, suspended or not (AMB-32), and a fine with no euro value (a foreign fine no ECB
    reference rate converts) is never small: the total then exceeds every threshold (AMB-29)."""
    total = decision.fines_total_eur()
    return total is not None and total <= threshold


def cited_fine(fine: Fine) -> str:
    """AMB-29 — one fine as a ruling cites it: its euros and, for a foreign fine, the ECB rate it
    was converted at (``50 000 CHF converti au cours BCE du 04/03/2024 (0,9512 CHF pour 1 EUR)``)
    or that no rate exists."""
    if fine.currency is None or fine.currency == "EUR" or fine.amount is None:
        return "montant inconnu" if fine.amount_eur is None else euros(fine.amount_eur)
    foreign = f"{number(fine.amount)} {fine.currency}"
    if fine.amount_eur is None:
        return f"{foreign}, sans cours BCE pour le convertir"
    if fine.eur_rate is None:
        return f"{euros(fine.amount_eur)} ({foreign}, cours de conversion non enregistré)"
    rate_day = f" du {day(fine.eur_rate_date)}" if fine.eur_rate_date else ""
    return (
        f"{euros(fine.amount_eur)} ({foreign} converti au cours BCE{rate_day} "
        f"({number(fine.eur_rate)} {fine.currency} pour 1 EUR))"
    )


def fines_total_text(decision: Decision) -> str:
    """AMB-29, AMB-32 — the decision's fines as a ruling cites them: their total in euros, each
    foreign fine with the rate used; without a rate, that the total counts above every threshold."""
    fines = [p for p in decision.penalties if isinstance(p, Fine)]
    foreign = [cited_fine(f) for f in fines if f.currency not in (None, "EUR")]
    total = decision.fines_total_eur()
    if total is None:
        unknown = " ; ".join(cited_fine(f) for f in fines if f.amount_eur is None)
        return f"amendes de valeur en euros inconnue ({unknown}) : comptées au-delà de tout seuil (AMB-29)"
    detail = f" ({' ; '.join(foreign)})" if foreign else ""
    return f"amendes totalisant {euros(total)}{detail}"
