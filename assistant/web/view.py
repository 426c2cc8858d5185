"""What the pages show, computed from a reviewed report: labels, lines to highlight, score gaps.

Pure functions of the contract models; the templates only lay them out.
"""
from dataclasses import dataclass

from assistant.render import KIND_NAMES, SEVERITY_NAMES, number
from assistant.review.memo import RULE_NAMES, table_name
from schemas import Draft, Evidence, Finding, Location, ReviewedReport, Table

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def rule_label(rule: str) -> str:
    return RULE_NAMES.get(rule, rule)


def severity_label(severity: str) -> str:
    return SEVERITY_NAMES.get(severity, severity)


def location_label(location: Location | None) -> str | None:
    """Where a reviewer finds a value in the original file, as they would look for it:
    "第3页 表2 第4行第5列", "Sheet1!D14"; None when the reader gave no location."""
    if location is None:
        return None
    parts = []
    if location.page:
        parts.append(f"第{location.page}页")
    if location.sheet or location.cell:
        parts.append("!".join(part for part in (location.sheet, location.cell) if part))
    elif location.table or location.row:
        cell = (f"第{location.row}行" if location.row else "") + (f"第{location.col}列" if location.col else "")
        parts.append(" ".join(part for part in (f"表{location.table}" if location.table else "", cell) if part))
    return " ".join(parts) or None


def evidence_label(evidence: Evidence) -> str:
    """The link text of a piece of evidence: its place in the original file, else its line in the text."""
    return location_label(evidence.location) or f"第 {evidence.line} 行"


def evidence_links(evidence: list[Evidence]) -> list[Evidence]:
    """One link per distinct source line (the first quote on it), for compact lists of places."""
    seen: set[int] = set()
    links = []
    for item in evidence:
        if item.line and item.line >= 1 and item.line not in seen:
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
class Paged:
    """One page of a long list, for pages that stay small however long the report: the `items`
    of page `number` of `pages`."""

    items: list
    number: int
    pages: int
    total: int


def paged(items: list, number: int, size: int) -> Paged:
    """Page `number` (1-based, clamped) of `items` in pages of `size`."""
    pages = max(1, -(-len(items) // size))
    number = min(max(number, 1), pages)
    start = (number - 1) * size
    return Paged(items[start:start + size], number, pages, len(items))


def table_pages(report: ReviewedReport, rows_per_page: int) -> list[range]:
    """Table indices grouped into pages of about `rows_per_page` rows (whole tables; at least one per page)."""
    pages, start, rows = [], 0, 0
    for index, table in enumerate(report.tables):
        size = len(table.indicators) + len(table.rows) + len(table.fund_lines) + 1
        if index > start and rows + size > rows_per_page:
            pages.append(range(start, index))
            start, rows = index, 0
        rows += size
    pages.append(range(start, len(report.tables)))
    return pages


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
