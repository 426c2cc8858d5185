"""What every checker shares: the context it reads and how it states a finding.

A checker is a pure function `Context -> list[Finding]`. Its rule id, severity and the
Chinese sentence a reviewer can paste stand in the checker itself.
"""
import re
from dataclasses import dataclass, field
from functools import cached_property

from assistant.check.wording import RulesWording, Wording
from assistant.document import Document, Paragraph
from assistant.extract.narrative import as_simplified
from assistant.values import half_last_place, normalize_text
from schemas import Evidence, Finding, Indicator, Report, Table

TOLERANCE = 0.011  # printed figures carry two decimals; ±0.01 is rounding
NOTE_HEADINGS = ("偏差", "原因", "改进措施", "备注")
SCORE_REASON = re.compile("[得扣]分原因")
TAIL_LINES = 3
# The form's own 填表说明 printed in a cell the unit was to fill: "预算执行率未达到90%的需说明原因(100字以内)",
# "年中发生预算调整的…应单独说明理由", "其他资金包括:…", "对照年度目标,说明相关任务目标的完成情况(100字以内)".
FORM_INSTRUCTION = re.compile(r"(?:应|需|须|请)(?:单独)?(?:说明|填写|填报|注明|列明)|(?<!\d)\d++字以内|包括[:：]")
CLAUSE_END = re.compile(r"[;；。]|(?<![\d.])\d[.、．](?!\d)")
# What the report's title calls it. A 绩效监控 report ("项目支出绩效监控总结报告") reports the year so far: its 截至6月30日
# figures are its period, and it has no 自评分 or 自评结果应用 to give. An evaluation report by the finance bureau or
# a third party ("部门整体支出绩效评价报告") follows the evaluation outline (评价结论, 有关建议), with no 自评结果应用.
REPORT_KINDS = (("monitoring", re.compile(r"监控[^。，,；;]{0,12}报告")), ("evaluation", re.compile(r"(?<!自)评价报告")))
TITLE_LENGTH = 60


# Decimals enough for a figure shown as the report prints it ("18501.096"), float noise dropped.
PRINTED = 6


def fmt(value: float | None, decimals: int = 2) -> str:
    """A number as a reviewer writes it: 12.5, 0.43, 100; a figure the report prints keeps its decimals
    (`PRINTED`: 18501.096)."""
    if value is None:
        return "—"
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def form_instruction_only(text: str | None) -> bool:
    """The cell holds nothing but the form's 填表说明: each of its clauses tells the filler what to write."""
    clauses = [c for c in CLAUSE_END.split(normalize_text(text)) if c.strip("|.,，、:：()（）")]
    return bool(clauses) and all(FORM_INSTRUCTION.search(c) for c in clauses)


def in_wan(value: float | None, table: Table) -> float | None:
    """An amount of `table` in 万元, whatever unit the table prints (元 tables exist)."""
    if value is None:
        return None
    return {"元": value / 10_000, "亿元": value * 10_000}.get(table.money_unit, value)


def rate_tolerance(printed: float, decimals: int) -> float:
    """How far the exact rate may lie from one printed with `decimals` places: half its last place (a whole 95% stands
    for 94.5–95.5, 95.0% for 94.95–95.05), never under the ±0.01 of two-decimal figures; a whole 100% says the budget
    was spent in full and is held to ±0.01."""
    if decimals == 0 and printed == 100:
        return TOLERANCE
    return max(half_last_place(decimals), TOLERANCE) + 1e-9


def row_height(table: Table) -> int:
    """The most source lines one row of `table` takes: the widest gap between its indicator rows' first lines (its
    funds rows' when it has fewer than two indicators): 1 on a copy that prints each row on a line, the row's cell
    count on one that prints each cell on a line."""
    rows = table.indicators if len(table.indicators) > 1 else [table.funds_total, *table.fund_lines]
    starts = sorted({row.line for row in rows if row is not None and row.line})
    return max((b - a for a, b in zip(starts, starts[1:])), default=1)


def differs(a: float | None, b: float | None, tolerance: float = TOLERANCE) -> bool:
    return a is not None and b is not None and abs(a - b) > tolerance


@dataclass
class Context:
    """A report as the checkers see it: the extraction plus the source text for quotes, and the judge of
    wording the rules can only approximate."""

    report: Report
    document: Document
    notes: dict = field(default_factory=dict)
    wording: Wording = field(default_factory=RulesWording)

    @cached_property
    def self_evaluation_tables(self) -> list[tuple[int, Table]]:
        return [(i, t) for i, t in enumerate(self.report.tables) if t.kind != "basic_data"]

    @cached_property
    def narrative(self) -> list[Paragraph]:
        """The paragraphs as the checks read them: in simplified characters (`as_simplified`)."""
        return as_simplified(self.document.paragraphs)

    @cached_property
    def report_kind(self) -> str:
        """"monitoring" or "evaluation" when the report's title (a short line among its first few) calls it a 绩效监控
        or a 绩效评价 report, else "self_evaluation"."""
        titles = [p.text for p in self.narrative[:5] if len(p.text) <= TITLE_LENGTH]
        return next((kind for kind, title in REPORT_KINDS if any(title.search(t) for t in titles)), "self_evaluation")

    @cached_property
    def compact_lines(self) -> list[str]:
        """Every source line without whitespace, made once: evidence lookups scan many lines per finding."""
        return [normalize_text(line) for line in self.document.lines]

    def compact_line(self, line: int) -> str:
        return self.compact_lines[line - 1] if 1 <= line <= len(self.compact_lines) else ""

    def table_text(self, table: Table) -> str:
        """The source lines of `table`, from its title to its last indicator row."""
        lines = [line for line in [table.line] + [i.line for i in table.indicators] if line]
        return "".join(self.compact_line(line) for line in range(min(lines), max(lines) + 1)) if lines else ""

    def has_note_column(self, table: Table) -> bool:
        """The table has a 偏差原因 (未完成原因, 备注) column; some templates (重庆 10-column sheet, 云南 score-only
        sheet) have none, and a row there lacks no note."""
        text = SCORE_REASON.sub("", self.table_text(table))  # a score sheet's "扣分原因为：…" is why points were taken
        return not text or any(word in text for word in NOTE_HEADINGS)

    def ends_inside(self, table: Table) -> bool:
        """The copy stops inside `table` (a web excerpt, a truncated page): no 总分 row, and the text ends
        within a few lines of its last row's end, or nothing but the table's own cells follows its last row read, so
        what the table says further down is not there to read. A row printed one cell per line ends as many lines
        below its first as the rows' starts lie apart. A copy cut before the indicators ends after its funds rows."""
        rows = table.indicators or [table.funds_total, *table.fund_lines]
        last = max((row.line for row in rows if row is not None and row.line), default=table.line)
        if table.total_score is not None or last is None:
            return False
        followed = any(p.line and p.line > last and p.text.strip() for p in self.document.paragraphs) \
            or any(other.line and other.line > last for other in self.report.tables)
        return not followed or last + row_height(table) - 1 >= len(self.document.lines) - TAIL_LINES

    def quote(self, line: int | None, text: str | None = None) -> Evidence:
        """The source line as evidence; `text` when the line cannot be shown (LLM extraction)."""
        source = self.document.line_text(line).strip()
        return Evidence(quote=source[:200] if source else (text or ""), line=line)

    def cell(self, start: int | None, value: str | None, span: int = 40) -> Evidence | None:
        """The line, at or after `start`, whose cell prints `value` (a row's cells follow its first line)."""
        if start is None or not value:
            return None
        wanted = normalize_text(value)
        for line in range(start, min(start + span, len(self.document.lines)) + 1):
            if self.compact_line(line) == wanted:
                return Evidence(quote=self.document.line_text(line).strip(), line=line)
        return None

    def locate(self, start: int | None, text: str, span: int = 200) -> Evidence:
        """Evidence for a clause of a cell: the first line at or after `start` containing its opening words."""
        probe = normalize_text(text)[:12]
        for line in range(start or 1, min((start or 1) + span, len(self.document.lines)) + 1):
            if probe and probe in self.compact_line(line):
                return Evidence(quote=text, line=line)
        return Evidence(quote=text, line=start)

    def row_evidence(self, indicator: Indicator, *values: str | None) -> list[Evidence]:
        """The indicator's name line and the cells that hold the given values."""
        evidence = [self.quote(indicator.line, indicator.level3)]
        for value in values:
            found = self.cell(indicator.line, value)
            if found and found.line not in {e.line for e in evidence}:
                evidence.append(found)
        return evidence


def finding(rule: str, severity: str, message: str, evidence: list[Evidence], table: int | None = None,
            row: str | None = None, expected: str | float | None = None, actual: str | float | None = None) -> Finding:
    def text(value):
        return fmt(value) if isinstance(value, (int, float)) else value

    return Finding(rule=rule, severity=severity, table=table, row=row, message=message,
                   expected=text(expected), actual=text(actual), evidence=[e for e in evidence if e.quote])
