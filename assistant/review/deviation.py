"""Which rows of a checked report need a 偏差原因分析 / 改进措施, and the arithmetic behind each.

A row deviates when its target is missed, its 得分 is below its 分值, or (a funds row) its
执行率 is below 100%. Deviations are read from the extracted tables with the checkers' own
target assessment, so the drafts see every deviation whatever findings exist; a row with
no deviation still gets a draft when an error finding points at it, and error findings that
name no row (the narrative, a 一级指标 subtotal, a goals cell) are drafted one by one.
"""
from dataclasses import dataclass, field

from assistant.check.assess import Assessment, assess, comparable, direction
from assistant.check.funds import computed_rate
from assistant.check.indicators import deviates
from assistant.check.wording import note_states_cause
from assistant.check.scoring import recomputed_indicator_score
from assistant.values import normalize_text
from schemas import CheckedReport, Finding, FundLine, Indicator, Table

ROUNDING = 0.005


@dataclass
class RowDeviation:
    """A table row (an indicator or a funds line) whose deviation the unit has to explain."""

    table: int
    row: str | None
    line: int | None
    indicator: Indicator | None = None
    fund: FundLine | None = None
    assessment: Assessment | None = None
    completion: float | None = None  # percent of the target achieved, direction-aware
    reasons: list[str] = field(default_factory=list)
    recomputed_score: float | None = None
    execution_rate: float | None = None  # recomputed 执行率, percent (funds rows)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class ReportIssue:
    """Error findings that point at no row: the narrative, a total, a subtotal, a goals cell."""

    table: int | None
    row: str | None
    findings: list[Finding] = field(default_factory=list)


def completion(indicator: Indicator, assessment: Assessment) -> float | None:
    """Percent of the target achieved: 完成值/指标值 for ≥ targets, 指标值/完成值 for ≤ ones (the worst part)."""
    if assessment.status == "met":
        return 100.0
    if assessment.status != "missed":
        return None
    ratios = []
    for part in assessment.parts:
        values = comparable(part, assessment.actual) if part.kind == "number" else None
        if values is None or assessment.actual.kind != "number":
            continue
        goal, done = values
        if direction(part, indicator) == "≤":
            ratios.append(goal / done * 100 if done else 100.0)
        elif goal:
            ratios.append(done / goal * 100)
    return min(min(ratios), 100.0) if ratios else None


def note_reason(indicator: Indicator) -> str:
    if not normalize_text(indicator.deviation_note):
        return "note_missing"
    return "note_states_cause" if note_states_cause(indicator.deviation_note) else "note_insufficient"


def indicator_row(table: int, indicator: Indicator, reasons: list[str]) -> RowDeviation:
    assessment = assess(indicator)
    return RowDeviation(table, indicator.level3, indicator.line, indicator=indicator, assessment=assessment,
                        completion=completion(indicator, assessment), reasons=reasons,
                        recomputed_score=round(recomputed_indicator_score(indicator), 2)
                        if indicator.weight is not None else None)


def indicator_deviation(table: int, indicator: Indicator) -> RowDeviation | None:
    assessment = assess(indicator)
    if not deviates(indicator, assessment):
        return None
    reasons = ["target_missed"] if assessment.status == "missed" else []
    if indicator.score is not None and indicator.weight is not None and indicator.score < indicator.weight - ROUNDING:
        reasons.append("score_below_weight")
    return indicator_row(table, indicator, reasons + [note_reason(indicator)])


def execution_score(fund: FundLine, rate: float | None) -> float | None:
    """执行率得分 = min(执行率, 100%) × 分值."""
    if rate is None or fund.weight is None:
        return None
    return round(min(rate, 100.0) / 100 * fund.weight, 2)


def fund_row(table: int, fund: FundLine, reasons: list[str]) -> RowDeviation:
    rate = computed_rate(fund)
    return RowDeviation(table, fund.label, fund.line, fund=fund, reasons=reasons,
                        recomputed_score=execution_score(fund, rate), execution_rate=rate)


def fund_deviation(table: int, fund: FundLine) -> RowDeviation | None:
    rates = [r for r in (computed_rate(fund), fund.execution_rate) if r is not None]
    if not any(r < 100 - 0.01 for r in rates):
        return None
    return fund_row(table, fund, ["execution_below_full"])


def row_deviations(report: CheckedReport) -> list[RowDeviation]:
    """Every deviating indicator and funds-total row, in table order."""
    deviations = []
    for index, table in enumerate(report.tables):
        if table.kind == "basic_data":
            continue
        if table.funds_total and (deviation := fund_deviation(index, table.funds_total)):
            deviations.append(deviation)
        deviations += [d for i in table.indicators if (d := indicator_deviation(index, i))]
    return deviations


def same_name(a: str | None, b: str | None) -> bool:
    return bool(normalize_text(a)) and normalize_text(a).rstrip("：:") == normalize_text(b).rstrip("：:")


def name_key(table: int | None, name: str | None) -> tuple[int | None, str]:
    """What `same_name` compares, with the table: rows and findings meet on equal keys."""
    return table, normalize_text(name).rstrip("：:")


def add_row(named: dict[tuple[int | None, str], list[RowDeviation]], row: RowDeviation) -> None:
    if normalize_text(row.row):
        named.setdefault(name_key(row.table, row.row), []).append(row)


def finding_lines(finding: Finding) -> set[int]:
    return {e.line for e in finding.evidence if e.line}


def pick_row(candidates: list, finding: Finding) -> list:
    """Among rows of one name, the ones on the finding's evidence lines (all of them if none is)."""
    on_line = [c for c in candidates if c.line in finding_lines(finding)]
    return on_line or candidates


def table_row(table: Table, index: int, finding: Finding) -> RowDeviation | None:
    """The non-deviating indicator or funds line an error finding names, as a row to draft."""
    indicators = pick_row([i for i in table.indicators if same_name(i.level3, finding.row)], finding)
    if indicators:
        return indicator_row(index, indicators[0], [])
    funds = pick_row([f for f in ([table.funds_total] if table.funds_total else []) + table.fund_lines
                      if same_name(f.label, finding.row)], finding)
    return fund_row(index, funds[0], []) if funds else None


def collect(report: CheckedReport) -> tuple[list[RowDeviation], list[ReportIssue]]:
    """Rows to draft (deviating rows, with the findings on them, then rows only an error finding
    puts in question) and the error findings no row absorbs."""
    rows = row_deviations(report)
    issues: list[ReportIssue] = []
    # Rows by table and name, so each finding finds its rows without scanning them all (long reports).
    named: dict[tuple[int | None, str], list[RowDeviation]] = {}
    for row in rows:
        add_row(named, row)
    for finding in report.findings:
        owners = pick_row(list(named.get(name_key(finding.table, finding.row), [])), finding)
        if owners:
            for owner in owners:
                owner.findings.append(finding)
        elif finding.severity == "error":
            row = None
            if finding.table is not None and 0 <= finding.table < len(report.tables):
                row = table_row(report.tables[finding.table], finding.table, finding)
            if row is not None:
                row.findings.append(finding)
                rows.append(row)
                add_row(named, row)
            else:
                issues.append(ReportIssue(finding.table, finding.row, [finding]))
    rows.sort(key=lambda r: (r.table, r.line or 0))
    return rows, merge_issues(issues)


def merge_issues(issues: list[ReportIssue]) -> list[ReportIssue]:
    """One issue per named subject (a subtotal with two findings is one draft); unnamed ones stay apart."""
    merged: list[ReportIssue] = []
    for issue in issues:
        same = next((m for m in merged if issue.row and m.table == issue.table and same_name(m.row, issue.row)), None)
        if same:
            same.findings += issue.findings
        else:
            merged.append(issue)
    return merged
