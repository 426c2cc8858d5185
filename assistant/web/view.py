"""What the pages show, computed from a reviewed report: labels, lines to highlight, score gaps.

Pure functions of the contract models; the templates only lay them out.
"""
from dataclasses import dataclass

from assistant.render import KIND_NAMES, SEVERITY_NAMES, number
from assistant.review.memo import RULE_NAMES, table_name
from schemas import Draft, Evidence, Finding, ReviewedReport, Table

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def rule_label(rule: str) -> str:
    return RULE_NAMES.get(rule, rule)


def severity_label(severity: str) -> str:
    return SEVERITY_NAMES.get(severity, severity)


def evidence_links(evidence: list[Evidence], line_count: int) -> list[Evidence]:
    """One link per distinct source line (the first quote on it), for compact lists of places."""
    seen: set[int] = set()
    links = []
    for item in evidence:
        if item.line and 1 <= item.line <= line_count and item.line not in seen:
            seen.add(item.line)
            links.append(item)
    return links


def sorted_findings(report: ReviewedReport) -> list[tuple[int, Finding]]:
    """Findings with their index in the report, errors first, then by table and line."""
    def key(pair: tuple[int, Finding]):
        index, finding = pair
        first_line = min((e.line for e in finding.evidence if e.line), default=0)
        return SEVERITY_RANK.get(finding.severity, 3), -1 if finding.table is None else finding.table, first_line, index

    return sorted(enumerate(report.findings), key=key)


def severity_counts(report: ReviewedReport) -> dict[str, int]:
    return {severity: sum(f.severity == severity for f in report.findings) for severity in SEVERITY_RANK}


def row_severities(report: ReviewedReport) -> dict[tuple[int, str], str]:
    """The worst severity found on each (table, row label), to mark rows in the tables tab."""
    worst: dict[tuple[int, str], str] = {}
    for finding in report.findings:
        if finding.table is None or not finding.row:
            continue
        key = (finding.table, finding.row)
        if key not in worst or SEVERITY_RANK[finding.severity] < SEVERITY_RANK[worst[key]]:
            worst[key] = finding.severity
    return worst


@dataclass
class ScoreRow:
    table: int
    label: str
    self_score: float | None
    recomputed_score: float | None
    rows: list[dict]

    @property
    def gap(self) -> float | None:
        if self.self_score is None or self.recomputed_score is None:
            return None
        return round(self.recomputed_score - self.self_score, 4)


def score_rows(report: ReviewedReport) -> list[ScoreRow]:
    """Self score vs recomputed score per table, with the per-row detail the checkers may add."""
    return [ScoreRow(score.table, table_name(report, score.table), score.self_score, score.recomputed_score,
                     [row for row in (score.model_extra or {}).get("rows", []) if isinstance(row, dict)])
            for score in report.scores]


def draft_label(report: ReviewedReport, draft: Draft) -> str:
    return table_name(report, draft.table) + (f" · {draft.row}" if draft.row else "")


def signed(value: float | None) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "") + number(value)


def table_kind(table: Table) -> str:
    return KIND_NAMES.get(table.kind, table.kind)
