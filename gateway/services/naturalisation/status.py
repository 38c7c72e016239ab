"""Where each naturalisation transfer stands (``naturalisation status``): rows done, requests awaiting an
answer, answers inscribed, fallbacks to the supplied extract, problems."""

from __future__ import annotations

from collections import Counter
from typing import Any

from gateway.ports import MessagingUnitOfWork, NaturalisationPersonState, NaturalisationRequestOutcome


def transfer_status(uow: MessagingUnitOfWork, *, year: int | None = None) -> list[dict[str, Any]]:
    """One dict per transfer (stable English keys), oldest first."""
    out: list[dict[str, Any]] = []
    with uow:
        for transfer in uow.naturalisation.transfers(year=year):
            rows = uow.naturalisation.person_rows(transfer.id)
            states = Counter(r.state for r in rows)
            outcomes = Counter(r.outcome for r in uow.naturalisation.requests(transfer_id=transfer.id))
            out.append({
                "transfer": transfer.id, "year": transfer.year, "reference": transfer.reference,
                "source": transfer.source, "started_at": transfer.started_at.isoformat(), "rows": transfer.rows,
                "rows_done": len(rows), "rows_left": transfer.rows - len(rows),
                "persons_complete": states[NaturalisationPersonState.COMPLETE],
                "persons_awaiting_answers": states[NaturalisationPersonState.AWAITING_ANSWERS],
                "invalid_rows": states[NaturalisationPersonState.INVALID],
                "requests_sent": sum(outcomes.values()),
                "requests_awaiting": outcomes[NaturalisationRequestOutcome.AWAITING],
                "answers_inscribed": outcomes[NaturalisationRequestOutcome.ANSWER_INSCRIBED],
                "fallbacks_applied": outcomes[NaturalisationRequestOutcome.EXTRACT_INSCRIBED],
                "convictions_inscribed": sum(r.convictions_inscribed for r in rows),
                "rows_with_problems": sum(1 for r in rows if r.problems),
            })
    return out
