"""Random but reproducible Parties and reports, for speed checks."""

from __future__ import annotations

import datetime as dt
import random

from cpbmonitor.core.formats import Questionnaire
from cpbmonitor.core.indicators import REGIONS, PartyFacts, ReportFacts


def synthetic(
    n: int, formats: dict[int, Questionnaire], seed: int = 1
) -> tuple[list[PartyFacts], list[ReportFacts]]:
    """``n`` Parties, each with a report in cycles 4 and 5 answering ~90% of questions."""
    rnd = random.Random(seed)
    parties = [
        PartyFacts(
            f"p{i}",
            REGIONS[i % 5] if i else None,
            dt.date(2003, 9, 11),
            dt.date(2018, 3, 5) if i % 3 == 0 else None,
            i % 2 == 0,
        )
        for i in range(n)
    ]
    questions = {c: [q for q in f.all_questions() if q.options] for c, f in formats.items()}
    reports = [
        ReportFacts(
            p.government,
            cycle,
            dt.date(2019, 9, 1),
            rnd.random() < 0.9,
            {
                q.key: frozenset([rnd.choice(q.options).value])
                for q in questions[cycle]
                if rnd.random() < 0.9
            },
        )
        for p in parties
        for cycle in (4, 5)
    ]
    return parties, reports
