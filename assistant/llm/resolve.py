"""Resolving an answer against its chunk: only values the chunk prints reach the contract's shapes.

Text must be printed in the chunk; a table row's numbers, target, actual and note in the
row where its name is printed; a figure's number and unit in its quote. What fails is
dropped and listed in one warning per chunk. Found values are kept as printed (≧ stays ≧)
and give each row and figure its source line.
"""
import re
from dataclasses import dataclass, field

from assistant.extract.narrative import label_before
from assistant.extract.tables import TOTAL_LABELS, fund_label, header_weight, level_name
from assistant.llm.answers import (AnsweredFundLine, AnsweredIndicator, AnsweredRow, AnsweredSection,
                                   AnsweredTable)
from assistant.llm.chunking import SEPARATOR, Chunk
from assistant.llm.grounding import Grounder, fold_text, same_number
from assistant.values import normalize_text
from schemas import Figure, FundLine, Goals, Indicator, Table, TableRow

UNIT_AFTER = re.compile(r"\s*(?:余|多)?\s*(亿(?:余|多)?元|万(?:余|多)?元|元|万(?![\u4e00-\u9fa5])|分)")
LEVEL_WEIGHT = re.compile(r"\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
DROPS_SHOWN = 5


def figure_text(value: float) -> str:
    return f"{value:.12g}"


Span = tuple[int, int]
NOWHERE: Span = (0, 0)  # the row of a value whose row could not be found: nothing is printed there


@dataclass
class Grounding:
    """Grounds one answer against its chunk and keeps what it had to drop.

    Text is looked up in the whole chunk or, given `within`, in one row; numbers of a
    table row must be printed in the row where the row's name was found, so a number
    printed elsewhere in the chunk (another row, an attachment number) does not pass.
    """

    chunk: Chunk
    grounder: Grounder = None
    dropped: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.grounder = Grounder(self.chunk.text)

    def span(self, value: str | None, what: str, within: Span | None = None) -> Span | None:
        """Where `value` is printed (inside `within` when given)."""
        if not value:
            return None
        found = self.grounder.within(value, within) if within else self.grounder.find(value)
        if found is None:
            self.dropped.append(f"{what}「{value}」")
        return found

    def text(self, value: str | None, what: str, within: Span | None = None) -> str | None:
        """The value as printed (whitespace removed), or None if it is not there."""
        found = self.span(value, what, within=within)
        return normalize_text(self.chunk.text[found[0]:found[1]]) if found else None

    def number(self, value: float | None, what: str, within: Span | None = None) -> float | None:
        if value is None:
            return None
        if self.grounder.has_number(value, within):
            return value
        self.dropped.append(f"{what}「{figure_text(value)}」")
        return None

    def row(self, found: Span | None) -> Span:
        """The chunk line — one table row — holding a found span."""
        if found is None:
            return NOWHERE
        end = self.chunk.text.find("\n", found[1])
        return self.chunk.text.rfind("\n", 0, found[0]) + 1, len(self.chunk.text) if end < 0 else end

    def total_row(self) -> Span:
        """The 总分 row: the line whose first filled cell is 总分, 合计 …"""
        offset = 0
        for line in self.chunk.text.split("\n"):
            cells = [normalize_text(cell) for cell in line.split(SEPARATOR) if normalize_text(cell)]
            if cells and cells[0] in TOTAL_LABELS:
                return offset, offset + len(line)
            offset += len(line) + 1
        return NOWHERE

    def line(self, found: Span | None) -> int | None:
        return self.chunk.line_at(found[0]) if found else None

    def warning(self) -> str | None:
        if not self.dropped:
            return None
        shown = "、".join(self.dropped[:DROPS_SHOWN]) + ("等" if len(self.dropped) > DROPS_SHOWN else "")
        return f"LLM 抽取（{self.chunk.where}）：{len(self.dropped)} 个值在原文中找不到，已丢弃：{shown}。"


def grounded_fund_line(g: Grounding, answer: AnsweredFundLine) -> FundLine | None:
    found = g.span(answer.label, "资金行")
    if found is None:
        return None
    label, row = fund_label(g.chunk.text[found[0]:found[1]]), g.row(found)
    return FundLine(
        label=label,
        initial_budget=g.number(answer.initial_budget, f"{label}.年初预算数", row),
        full_year_budget=g.number(answer.full_year_budget, f"{label}.全年预算数", row),
        executed=g.number(answer.executed, f"{label}.全年执行数", row),
        weight=g.number(answer.weight, f"{label}.分值", row),
        execution_rate=g.number(answer.execution_rate, f"{label}.执行率", row),
        score=g.number(answer.score, f"{label}.得分", row),
        line=g.line(found),
    )


def holds_values(g: Grounding, row: Span, answer: AnsweredIndicator) -> bool:
    """Whether a row prints any of an indicator's values."""
    return any(g.grounder.has_number(n, row) for n in (answer.weight, answer.score) if n is not None) or \
        any(g.grounder.within(t, row) for t in (answer.target, answer.actual, answer.deviation_note) if t)


def grounded_indicator(g: Grounding, answer: AnsweredIndicator, cursor: int) -> tuple[Indicator | None, int]:
    """The indicator with its grounded fields, and where the next one's search starts.

    The row is where its 三级指标 is printed — the first place from the previous indicator on
    whose row also prints one of its values, since a name may recur in the goals text — or,
    without a name, where its target, actual or note is; 一级/二级 names may sit rows above.
    """
    names = g.grounder.find_all(answer.level3, cursor)
    anchor = next((span for span in names if holds_values(g, g.row(span), answer)), names[0] if names else None)
    if answer.level3 and anchor is None:
        g.dropped.append(f"三级指标「{answer.level3}」")
    row = g.row(anchor or next((found for found in (g.grounder.find(v, cursor) for v in
                                                   (answer.target, answer.actual, answer.deviation_note) if v)
                                if found), None))
    level1 = g.span(answer.level1, "一级指标")
    fields = dict(
        level3=level_name(g.chunk.text[anchor[0]:anchor[1]]) if anchor else None,
        target=g.text(answer.target, "指标值", row),
        actual=g.text(answer.actual, "完成值", row),
        weight=g.number(answer.weight, "分值", row),
        score=g.number(answer.score, "得分", row),
        deviation_note=g.text(answer.deviation_note, "偏差原因", row),
    )
    if all(value is None for value in fields.values()):
        return None, cursor
    return Indicator(level1=level_name(g.chunk.text[level1[0]:level1[1]]) if level1 else None,
                     level2=level_name(g.text(answer.level2, "二级指标")), **fields,
                     line=g.line(anchor or row)), row[1]


def level1_weight(g: Grounding, answer: AnsweredIndicator) -> tuple[str, float] | None:
    """A 一级指标 header's printed weight ("产出指标(50分)" → 50), read from the text after the name."""
    found = g.grounder.find(answer.level1) if answer.level1 else None
    if not found:
        return None
    suffix = LEVEL_WEIGHT.match(g.chunk.text, found[1])
    weight = header_weight(g.chunk.text[found[0]:suffix.end()]) if suffix else None
    return (level_name(g.chunk.text[found[0]:found[1]]), weight) if weight is not None else None


def grounded_row(g: Grounding, answer: AnsweredRow) -> TableRow | None:
    """A basic-data row: its label and values printed in one row (an unlabelled row anchored on a value)."""
    found = g.span(answer.label, "行名")
    anchor = found or next((f for f in (g.grounder.find(v) for v in answer.values if v) if f), None)
    if anchor is None or (answer.label and found is None):
        return None
    row = g.row(anchor)
    return TableRow(label=normalize_text(g.chunk.text[found[0]:found[1]]) if found else "",
                    values=[g.text(v, answer.label or "数据行", row) for v in answer.values], line=g.line(anchor))


def ground_table(answer: AnsweredTable, chunk: Chunk) -> tuple[Table | None, str | None]:
    """The answer as a contract `Table` holding only grounded values (None for a non-evaluation table)."""
    if answer.kind == "other":
        return None, None
    g = Grounding(chunk)
    title = g.span(answer.title, "表名")
    total = g.total_row()
    table = Table(
        kind=answer.kind,
        title=" ".join(chunk.text[title[0]:title[1]].split()) if title else None,
        name=g.text(answer.name, "名称"),
        funds_total=grounded_fund_line(g, answer.funds_total) if answer.funds_total else None,
        fund_lines=[line for line in (grounded_fund_line(g, f) for f in answer.fund_lines) if line],
        goals=Goals(expected=g.text(answer.expected_goal, "预期目标"),
                    achieved=g.text(answer.achieved_goal, "实际完成情况")),
        total_weight=g.number(answer.total_weight, "总分.分值", total),
        total_score=g.number(answer.total_score, "总分.得分", total),
        line=min(chunk.lines, default=None),
    )
    for item in answer.breakdown:
        found = g.span(item.label, "收支项")
        value = g.number(item.value, item.label, g.row(found))
        if found and value is not None:
            table.breakdown[normalize_text(chunk.text[found[0]:found[1]]).rstrip(":：")] = value
    cursor = 0
    for item in answer.indicators:
        indicator, cursor = grounded_indicator(g, item, cursor)
        if indicator:
            table.indicators.append(indicator)
        weight = level1_weight(g, item)
        if weight:
            table.level1_weights[weight[0]] = weight[1]
    table.rows = [row for row in (grounded_row(g, item) for item in answer.rows) if row]
    return table, g.warning()


def printed_unit(text: str, end: int) -> str | None:
    """The unit printed right after a number ("500余万元" → 万元), None when there is none."""
    match = UNIT_AFTER.match(text, end)
    return re.sub("[余多]", "", match.group(1)) if match else None


def ground_section(answer: AnsweredSection, chunk: Chunk) -> tuple[list[Figure], str | None, int | None, str | None]:
    """Grounded figures, unit name and year of one section.

    A figure stays only if its quote is printed in the chunk, its number in the quote with a
    money unit or 分 printed right after it, and the unit the model gives (if any) is that
    one; a label the text does not print gives way to the words printed before the number.
    Quotes are looked up in answer order from where the previous one was found, so a clause
    printed twice ("基本支出1747.78万元") is placed at its own occurrence.
    """
    g = Grounding(chunk)
    figures, cursor = [], 0
    for item in answer.figures:
        found = g.grounder.find(item.quote, cursor)
        quote = chunk.text[found[0]:found[1]].strip() if found else ""
        in_quote = Grounder(quote)
        number = next(((start, end) for value, start, end in in_quote.numbers if same_number(value, item.value)), None)
        unit = printed_unit(quote, number[1]) if number else None
        if unit is None or (item.unit and fold_text(item.unit) != fold_text(unit)):
            g.dropped.append(f"{item.label}「{figure_text(item.value)}{item.unit or ''}」")
            continue
        cursor = found[0] + 1
        label = g.text(item.label, "标签") or label_before(quote, number[0])
        figure = Figure(label=label, value=item.value, unit=unit, quote=quote, line=g.line(found))
        if figure not in figures:  # the same printed figure listed twice is one figure
            figures.append(figure)
    plausible = answer.year if answer.year and 1990 <= answer.year <= 2100 else None
    if answer.year and plausible is None:
        g.dropped.append(f"年度「{answer.year}」")
    year = g.number(plausible, "年度")
    return figures, g.text(answer.unit_name, "单位名称"), int(year) if year else None, g.warning()
