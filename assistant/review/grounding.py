"""Grounding of drafted text: every number in it must be printed in the source or derived from it.

`ungrounded_numbers(text, document, derived)` lists the numbers of a text that are neither
printed in the report nor among `derived` (ratios, differences, recomputed scores: a
derived value grounds a printed one when it rounds to it at the printed precision).
`row_derivations(report, table, row)` gives, for a table row or a narrative subject, the
numbers any honest draft about it may state: the row's own figures, its recomputed score and
执行率, the figures of the findings on it, the table's scores, and what one or two
arithmetic steps make of them.
`ungrounded_in_draft(draft, report, document)` puts the two together for one draft: the
review step uses it to reject a model's draft, the evaluation to measure drafts.
"""
import re
from functools import lru_cache
from itertools import permutations

from assistant.check.funds import computed_rate
from assistant.check.scoring import recomputed_indicator_score
from assistant.document import Document
from assistant.values import decimals_printed, half_last_place, normalize_text, to_ascii
from schemas import CheckedReport, Draft

NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")
THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")
EXACT = 1e-9


def number(value: float | None) -> str:
    """A number as a draft prints it: 12.5, 0.43, 8876.29, 123456.78 — two decimals at most, no
    trailing zeros, never in exponent form; "—" for a missing value."""
    if value is None:
        return "—"
    return f"{round(value, 2):.2f}".rstrip("0").rstrip(".")


def printed_numbers(text: str) -> list[str]:
    """The numbers a text prints, as printed ("1,234.5" → "1234.5"; full-width digits read)."""
    return NUMBER.findall(THOUSANDS.sub("", to_ascii(text or "")))


@lru_cache(maxsize=32)
def _source_numbers(text: str) -> frozenset[float]:
    return frozenset(float(n) for n in printed_numbers(text))


def source_numbers(document: Document) -> frozenset[float]:
    """Every number printed anywhere in the report (narrative and tables)."""
    return _source_numbers("\n".join(document.lines))


def grounded(printed: str, source: frozenset[float], derived: list[float]) -> bool:
    value = float(printed)
    if value in source:
        return True
    tolerance = half_last_place(decimals_printed(printed)) + EXACT
    return any(abs(candidate - value) <= tolerance for candidate in derived)


def ungrounded_numbers(text: str, document: Document, derived=()) -> list[str]:
    """Numbers in `text` that the report does not print and that no value in `derived` rounds to."""
    source = source_numbers(document)
    candidates = [float(d) for d in derived]
    return [n for n in printed_numbers(text) if not grounded(n, source, candidates)]


def derive(values: set[float]) -> set[float]:
    """The values and what one or two steps make of them: a±b, a×b, a÷b, a÷b×100, c×a÷b."""
    base = {round(v, 6) for v in values}
    derived = set(base)
    for a, b in permutations(base, 2):
        derived |= {a + b, abs(a - b), a * b, a * b / 100}
        if b:
            derived |= {a / b, a / b * 100}
    ratios = [a / b for a, b in permutations(base, 2) if b]
    return derived | {c * r for c in base for r in ratios}


def row_figures(report: CheckedReport, table: int | None, row: str | None) -> set[float]:
    """The numbers printed in a row (or a narrative subject) and in the findings on it."""
    name = normalize_text(row)
    figures: set[float] = set()
    texts: list[str | None] = []
    if table is not None and 0 <= table < len(report.tables):
        current = report.tables[table]
        for indicator in current.indicators:
            if normalize_text(indicator.level3) == name:
                figures |= {v for v in (indicator.weight, indicator.score) if v is not None}
                figures.add(recomputed_indicator_score(indicator))
                texts += [indicator.target, indicator.actual]
        for fund in ([current.funds_total] if current.funds_total else []) + current.fund_lines:
            if normalize_text(fund.label) == name:
                rate = computed_rate(fund)
                figures |= {v for v in (fund.initial_budget, fund.full_year_budget, fund.executed, fund.weight,
                                        fund.execution_rate, fund.score, rate) if v is not None}
                if rate is not None and fund.weight is not None:
                    figures.add(min(rate, 100.0) / 100 * fund.weight)
        figures |= {v for s in report.scores if s.table == table
                    for v in (s.self_score, s.recomputed_score) if v is not None}
    for finding in report.findings:
        if finding.table == table and normalize_text(finding.row) == name:
            texts += [finding.expected, finding.actual, finding.message]
    figures |= {float(n) for text in texts for n in printed_numbers(text or "")}
    return figures


def row_derivations(report: CheckedReport, table: int | None, row: str | None) -> set[float]:
    """What a draft about this row may derive: its figures and one or two arithmetic steps on them."""
    return derive(row_figures(report, table, row))


def ungrounded_in_draft(draft: Draft, report: CheckedReport, document: Document) -> list[str]:
    """Numbers of a draft (cause and measures) neither printed in the report nor derived from its row."""
    return ungrounded_numbers(f"{draft.deviation_cause}\n{draft.improvement}", document,
                              row_derivations(report, draft.table, draft.row))
