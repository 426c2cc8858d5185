"""Grounding an LLM answer by position: a value reaches the contract only from its own place in the text.

A table value is taken only from the cell of its own column in its own row — a weight from
the 分值 cell, a target from the 指标值 cell, an executed amount from the 全年执行数 cell —
so a value printed in the wrong column (a swapped target and actual, a weight given as the
score) is dropped; in a row whose header names no such column, only from a cell no named
column claims. A table printed as lines of text has no cells: on a row whose cells run
together, the text after its name (a funds line's label, 总分) must be exactly the answer's
values in the order its header line prints their columns (spaces ignored, an empty value
printing nothing), else none of them is taken, so a swapped pair or an invented value never
fits. A breakdown amount must follow its label ("一般公共预算：1774.18"); a basic-data row's
values in its cells, in order; the 总分 row's weight before its score; the table kind
must agree with the words of the table. A figure's number must be printed in its quote
with its unit right after it, and its label right before it (else the printed words take
its place). Everything dropped is listed in one warning per chunk; found values are kept
as printed (≧ stays ≧) and give each row and figure its source line.
"""
import re
from dataclasses import dataclass, field

from assistant.document import TableBlock
from assistant.extract.chunks import SEPARATOR
from assistant.extract.columns import NUMERIC_ROLES
from assistant.extract.narrative import label_before
from assistant.extract.tables import TOTAL_LABELS, classify, fund_label, header_weight, level_name
from assistant.llm import usage
from assistant.llm.answers import (AnsweredFundLine, AnsweredIndicator, AnsweredRow, AnsweredSection,
                                   AnsweredTable)
from assistant.llm.chunking import Chunk
from assistant.llm.grounding import Grounder, fold_text, same_number
from assistant.values import normalize_text
from schemas import Figure, FundLine, Goals, Indicator, Table, TableRow

UNIT_AFTER = re.compile(r"\s{0,4}(?:余|多)?\s{0,4}(亿(?:余|多)?元|万(?:余|多)?元|元|万(?![\u4e00-\u9fa5])|分)")
LEVEL_WEIGHT = re.compile(r"\s{0,4}[（(]\s{0,4}\d{1,4}(?:\.\d{1,4})?\s{0,4}分\s{0,4}[)）]")
LABEL_GAP = 4  # characters a figure's label may stand before its number ("支出为", "合计：")
CLAUSE_BREAK = re.compile(r"[，,。；;！？!?]")
DROPS_SHOWN = 5
# the columns a field may be read from: a target split over 指标性质/方向/指标值/单位 is read from any of them
TARGET_COLUMNS = ("target", "nature", "direction", "measure_unit")
FIELD_WORDS = {"target": "指标值", "actual": "完成值", "weight": "分值", "score": "得分", "deviation_note": "偏差原因",
               "initial_budget": "年初预算数", "full_year_budget": "全年预算数", "executed": "全年执行数",
               "execution_rate": "执行率"}
FUND_FIELDS = ("initial_budget", "full_year_budget", "executed", "weight", "execution_rate", "score")
BREAKDOWN_GAP = re.compile(r"[\s:：]*")


def figure_text(value: float) -> str:
    return f"{value:.12g}"


Span = tuple[int, int]
NOWHERE: Span = (0, 0)  # the row of a value whose row could not be found: nothing is printed there


@dataclass
class Grounding:
    """Grounds one answer against its chunk and keeps what it had to drop."""

    chunk: Chunk
    grounder: Grounder = None
    dropped: list[str] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # the rows (by start offset) an indicator was read from

    def __post_init__(self) -> None:
        self.grounder = Grounder(self.chunk.text)

    @property
    def everywhere(self) -> Span:
        return 0, len(self.chunk.text)

    def placed(self, spans: list[Span], scope: Span, columns: tuple[str, ...] | None,
               whole_cell: bool = False) -> Span | None:
        """The first span inside `scope` that sits in one of `columns`' cells (filling it, with
        `whole_cell`); when the scope's header names none of them, in a cell no named column
        claims; with no columns, the first span."""
        inside = [s for s in spans if scope[0] <= s[0] and s[1] <= scope[1]]
        if columns is None:
            return inside[0] if inside else None
        wanted = set(columns) & self.chunk.roles_in(scope)
        for span in inside:
            cell = self.chunk.cell_at(span)
            role = cell.role if cell else None
            if whole_cell and (cell is None or fold_text(self.chunk.text[cell.start:cell.end])
                               != fold_text(self.chunk.text[span[0]:span[1]])):
                continue
            if (role in wanted) if wanted else role is None:
                return span
        return None

    def span(self, value: str | None, what: str, within: Span | None = None,
             columns: tuple[str, ...] | None = None, whole_cell: bool = False) -> Span | None:
        """Where `value` is printed (inside `within`, in one of `columns` when given)."""
        if not value:
            return None
        found = self.placed(self.grounder.find_all(value), within or self.everywhere, columns, whole_cell)
        if found is None:
            self.dropped.append(f"{what}「{value}」")
        return found

    def text(self, value: str | None, what: str, within: Span | None = None,
             columns: tuple[str, ...] | None = None) -> str | None:
        """The value as printed (whitespace removed), or None if it is not in its place: a cell value
        (`columns` named) must be the whole cell, not a piece of it ("90%" is not "≥90%")."""
        found = self.span(value, what, within, columns, whole_cell=bool(columns))
        return normalize_text(self.chunk.text[found[0]:found[1]]) if found else None

    def number_span(self, value: float, within: Span, columns: tuple[str, ...] | None) -> Span | None:
        spans = [(start, end) for number, start, end in self.grounder.numbers if same_number(value, number)]
        return self.placed(sorted(spans), within, columns)

    def number(self, value: float | None, what: str, within: Span | None = None,
               columns: tuple[str, ...] | None = None) -> float | None:
        if value is None:
            return None
        if self.number_span(value, within or self.everywhere, columns):
            return value
        self.dropped.append(f"{what}「{figure_text(value)}」")
        return None

    def printed_order(self, row: Span) -> tuple[str, ...] | None:
        """The columns the header prints, in order, for a row whose cells run together; None for a row of cells."""
        return self.chunk.orders.get(row[0])

    def run_together(self, lead: Span, values: dict[str, str | float | None],
                     columns: tuple[str, ...] | None = None) -> dict[str, Span] | None:
        """Where each value (by column role) is printed on the run-together row of `lead` (its name or label), when
        the row's text after `lead` is exactly the values of the columns its header prints after the name, in that
        order; None when it is not (a value of a column the header lacks, too). Nothing marks an empty column on
        such a row, so the printed values could as well sit one column over: the answer may leave empty only the
        columns after its last value, and in a row of amounts (every column a number, where any shift fits) none
        or all; `columns` limits the row to those columns, the caller judging empties."""
        order = self.printed_order(self.row(lead)) or ()
        following = order[order.index("level3") + 1:] if "level3" in order else order
        following = tuple(role for role in following if columns is None or role in columns)
        if any(value is not None and role not in following for role, value in values.items()):
            return None
        empties = "any" if columns else "none" if set(following) <= NUMERIC_ROLES else "last"
        return self.printed_after(lead, [(role, values.get(role)) for role in following], empties)

    def printed_after(self, lead: Span, values: list[tuple[str, str | float | None]],
                      empties: str) -> dict[str, Span] | None:
        """Where each (column, value) is printed when the text of `lead`'s row after it is exactly the values in this
        order, None when it is not; `empties` says which values may be empty: "last" (only after the last given
        one), "none" (none, unless all are) or "any"."""
        filled = [value is not None for _, value in values]
        if empties == "last" and any(later and not earlier for earlier, later in zip(filled, filled[1:])) or \
                empties == "none" and any(filled) and not all(filled):
            return None
        spans = self.grounder.in_order((lead[1], self.row(lead)[1]), [value for _, value in values])
        return None if spans is None else {column: span for (column, _), span in zip(values, spans) if span}

    def printed_values(self, leads: list[Span], values: dict[str, str | float | None], what: str,
                       columns: tuple[str, ...] | None = None) -> tuple[Span | None, dict[str, str | float | None]]:
        """The first of `leads` whose run-together row reproduces `values`, with the values as printed (numbers as
        given); (None, all empty) when none does, every offered value dropped."""
        for lead in leads:
            spans = self.run_together(lead, values, columns)
            if spans is not None:
                return lead, {role: (normalize_text(self.chunk.text[spans[role][0]:spans[role][1]])
                                     if isinstance(value, str) else value) if role in spans else None
                              for role, value in values.items()}
        self.dropped += [f"{what}.{FIELD_WORDS[role]}「{figure_text(value) if isinstance(value, float) else value}」"
                         "（与表头列序不符）" for role, value in values.items() if value is not None]
        return None, dict.fromkeys(values)

    def row(self, found: Span | None) -> Span:
        """The chunk line — one table row — holding a found span."""
        if found is None:
            return NOWHERE
        end = self.chunk.text.find("\n", found[1])
        return self.chunk.text.rfind("\n", 0, found[0]) + 1, len(self.chunk.text) if end < 0 else end

    def total_row(self) -> tuple[Span, Span | None]:
        """The 总分 row, and its label on a run-together row: the line whose first filled cell is 总分, 合计 …
        (label None), or a run-together row that starts with one."""
        offset = 0
        for line in self.chunk.text.split("\n"):
            cells = [normalize_text(cell) for cell in line.split(SEPARATOR) if normalize_text(cell)]
            if cells and cells[0] in TOTAL_LABELS:
                return (offset, offset + len(line)), None
            label = next((label for label in TOTAL_LABELS if cells and cells[0].startswith(label)), None)
            found = self.grounder.find(label, offset) if label and offset in self.chunk.orders else None
            if found:
                return (offset, offset + len(line)), found
            offset += len(line) + 1
        return NOWHERE, None

    def line(self, found: Span | None) -> int | None:
        return self.chunk.line_at(found[0]) if found else None

    def warning(self) -> str | None:
        if not self.dropped:
            return None
        shown = "、".join(self.dropped[:DROPS_SHOWN]) + ("等" if len(self.dropped) > DROPS_SHOWN else "")
        return f"LLM 抽取（{self.chunk.where}）：{len(self.dropped)} 个值不在原文中它所属的位置，已丢弃：{shown}。"


def grounded_fund_line(g: Grounding, answer: AnsweredFundLine) -> FundLine | None:
    found = g.span(answer.label, "资金行", columns=())
    if found is None:
        return None
    label, row = fund_label(g.chunk.text[found[0]:found[1]]), g.row(found)
    if g.printed_order(row) is not None:
        leads = [s for s in g.grounder.find_all(answer.label) if g.printed_order(g.row(s)) is not None]
        lead, values = g.printed_values(leads, {name: getattr(answer, name) for name in FUND_FIELDS}, label)
        return FundLine(label=label, **values, line=g.line(lead or found))
    return FundLine(
        label=label,
        initial_budget=g.number(answer.initial_budget, f"{label}.年初预算数", row, ("initial_budget",)),
        full_year_budget=g.number(answer.full_year_budget, f"{label}.全年预算数", row, ("full_year_budget",)),
        executed=g.number(answer.executed, f"{label}.全年执行数", row, ("executed",)),
        weight=g.number(answer.weight, f"{label}.分值", row, ("weight",)),
        execution_rate=g.number(answer.execution_rate, f"{label}.执行率", row, ("execution_rate",)),
        score=g.number(answer.score, f"{label}.得分", row, ("score",)),
        line=g.line(found),
    )


def holds_values(g: Grounding, row: Span, answer: AnsweredIndicator) -> bool:
    """Whether a row prints any of an indicator's values."""
    return any(g.grounder.has_number(n, row) for n in (answer.weight, answer.score) if n is not None) or \
        any(g.grounder.within(t, row) for t in (answer.target, answer.actual, answer.deviation_note) if t)


def levels(g: Grounding, answer: AnsweredIndicator) -> dict[str, str | None]:
    level1 = g.span(answer.level1, "一级指标", columns=("level1",))
    return dict(level1=level_name(g.chunk.text[level1[0]:level1[1]]) if level1 else None,
                level2=level_name(g.text(answer.level2, "二级指标", columns=("level2",))))


def printed_before(g: Grounding, name: str | None, what: str, before: int) -> str | None:
    """A level's name as printed last before an indicator's name (on its row, or above it: a merged cell)."""
    spans = [span for span in g.grounder.find_all(name) if span[1] <= before]
    if name and not spans:
        g.dropped.append(f"{what}「{name}」")
    return level_name(g.chunk.text[max(spans)[0]:max(spans)[1]]) if spans else None


def indicator_values(answer: AnsweredIndicator) -> dict[str, str | float | None]:
    return {"target": answer.target, "actual": answer.actual, "weight": answer.weight, "score": answer.score,
            "deviation_note": answer.deviation_note}


def run_together_indicator(g: Grounding, answer: AnsweredIndicator, names: list[Span]) -> tuple[Indicator | None, int]:
    """An indicator whose name is printed on rows whose cells run together: the first such row its values reproduce,
    else the first such row with no values (the row is printed there; its levels carry to the rows below)."""
    name, fields = g.printed_values(names, indicator_values(answer), answer.level3)
    name = name or names[0]
    row = g.row(name)
    g.taken.add(row[0])
    return Indicator(level1=printed_before(g, answer.level1, "一级指标", name[0]),
                     level2=printed_before(g, answer.level2, "二级指标", name[0]),
                     level3=level_name(g.chunk.text[name[0]:name[1]]), **fields, line=g.line(name)), row[1]


def grounded_indicator(g: Grounding, answer: AnsweredIndicator, cursor: int) -> tuple[Indicator | None, int]:
    """The indicator with its grounded fields, and where the next one's search starts.

    The row is where its 三级指标 is printed in the 三级指标 column — the first such place from
    the previous indicator on whose row also prints one of its values, since a name may recur
    in the goals text — or, without a name, where its target, actual or note is. One source
    row gives one indicator. A row printing its name and nothing else (a "……" placeholder) is
    kept as such; a name whose offered values are all refused is not. A row whose cells run
    together gives values only after its printed name (run_together_indicator).
    """
    names = [s for s in g.grounder.find_all(answer.level3, cursor)
             if g.row(s)[0] not in g.taken and g.placed([s], g.row(s), ("level3",))]
    if any(g.printed_order(g.row(s)) is not None for s in names):
        return run_together_indicator(g, answer, [s for s in names if g.printed_order(g.row(s)) is not None])
    anchor = next((span for span in names if holds_values(g, g.row(span), answer)), names[0] if names else None)
    if answer.level3 and anchor is None:
        g.dropped.append(f"三级指标「{answer.level3}」")
    row = g.row(anchor or next((found for found in (g.grounder.find(v, cursor) for v in
                                                   (answer.target, answer.actual, answer.deviation_note) if v)
                                if found), None))
    if g.printed_order(row) is not None:  # a row whose cells run together is read only from its printed name
        g.printed_values([], indicator_values(answer), answer.level3 or "")
        return None, cursor
    fields = dict(
        level3=level_name(g.chunk.text[anchor[0]:anchor[1]]) if anchor else None,
        target=g.text(answer.target, "指标值", row, TARGET_COLUMNS),
        actual=g.text(answer.actual, "完成值", row, ("actual",)),
        weight=g.number(answer.weight, "分值", row, ("weight",)),
        score=g.number(answer.score, "得分", row, ("score",)),
        deviation_note=g.text(answer.deviation_note, "偏差原因", row, ("deviation_note",)),
    )
    offered = any(value is not None for value in (answer.target, answer.actual, answer.weight, answer.score,
                                                  answer.deviation_note))
    if all(value is None for name, value in fields.items() if name != "level3") and (offered or anchor is None):
        return None, cursor  # a name alone, its values all refused, is no row of this table
    g.taken.add(row[0])
    return Indicator(**levels(g, answer), **fields, line=g.line(anchor or row)), row[1]


def level1_weight(g: Grounding, answer: AnsweredIndicator) -> tuple[str, float] | None:
    """A 一级指标 header's printed weight ("产出指标(50分)" → 50), read from the text after the name."""
    found = g.placed(g.grounder.find_all(answer.level1), g.everywhere, ("level1",)) if answer.level1 else None
    if not found:
        return None
    suffix = LEVEL_WEIGHT.match(g.chunk.text, found[1])
    weight = header_weight(g.chunk.text[found[0]:suffix.end()]) if suffix else None
    return (level_name(g.chunk.text[found[0]:found[1]]), weight) if weight is not None else None


def run_together_row(g: Grounding, answer: AnsweredRow) -> TableRow | None:
    """A basic-data row printed as one line: the first place of its label on such a line followed by exactly its
    values, in order, every one of them given (an empty one would leave the others' columns open)."""
    values = [(str(index), value or None) for index, value in enumerate(answer.values)]
    for lead in (s for s in g.grounder.find_all(answer.label) if g.printed_order(g.row(s)) is not None):
        spans = g.printed_after(lead, values, "none")
        if spans is not None:
            return TableRow(label=normalize_text(g.chunk.text[lead[0]:lead[1]]),
                            values=[normalize_text(g.chunk.text[spans[k][0]:spans[k][1]]) if k in spans else None
                                    for k, _ in values], line=g.line(lead))
    g.dropped += [f"{answer.label}「{value}」（与表头列序不符）" for _, value in values if value]
    return None


def grounded_row(g: Grounding, answer: AnsweredRow) -> TableRow | None:
    """A basic-data row: its label in one cell, its i-th value the whole of the i-th cell after it (on a row whose
    cells run together, its values one after another after it)."""
    if any(g.printed_order(g.row(s)) is not None for s in g.grounder.find_all(answer.label)):
        return run_together_row(g, answer)
    found = g.span(answer.label, "行名")
    label_cell = g.chunk.cell_at(found) if found else None
    if label_cell is None:
        return None
    row = g.row(found)
    cells = [c for c in g.chunk.cells if row[0] <= c.start and c.end <= row[1]]
    following = cells[cells.index(label_cell) + 1:]
    values = []
    for index, value in enumerate(answer.values):
        cell = following[index] if index < len(following) else None
        printed = g.chunk.text[cell.start:cell.end] if cell else ""
        if value and fold_text(printed) != fold_text(value):
            g.dropped.append(f"{answer.label}「{value}」")
            value = None
        values.append(normalize_text(printed) if value else None)
    return TableRow(label=normalize_text(g.chunk.text[found[0]:found[1]]), values=values, line=g.line(found))


def grounded_breakdown(g: Grounding, answer: AnsweredTable) -> dict[str, float]:
    """按收入/支出性质 items: each amount printed in the cell of its own label ("一般公共预算：1774.18")."""
    items = {}
    for item in answer.breakdown:
        found = g.span(item.label, "收支项")
        cell = g.chunk.cell_at(found) if found else None
        after = BREAKDOWN_GAP.match(g.chunk.text, found[1]).end() if found else 0
        if cell and item.value is not None and \
                (g.number_span(item.value, (after, cell.end), None) or NOWHERE)[0] == after:
            items[normalize_text(g.chunk.text[found[0]:found[1]]).rstrip(":：")] = item.value
        elif found:
            g.dropped.append(f"{item.label}「{figure_text(item.value) if item.value is not None else ''}」")
    return items


def grounded_totals(g: Grounding, answer: AnsweredTable) -> tuple[float | None, float | None]:
    """The 总分 row's weight and score, each from its own column, the weight printed before the score (on a
    run-together row, the weight and score its header's order gives)."""
    total, label = g.total_row()
    if label is not None:  # a lone number is the score, as in a row of cells
        offered = {"weight": answer.total_weight if answer.total_score is not None else None,
                   "score": answer.total_score}
        if answer.total_weight is not None and answer.total_score is None:
            g.dropped.append(f"总分.分值「{figure_text(answer.total_weight)}」（仅一个数时为得分）")
        _, values = g.printed_values([label], offered, "总分", columns=("weight", "score"))
        return values["weight"], values["score"]
    weight = g.number(answer.total_weight, "总分.分值", total, ("weight",))
    score = g.number(answer.total_score, "总分.得分", total, ("score",))
    if weight is not None and score is not None and \
            g.number_span(weight, total, ("weight",)) > g.number_span(score, total, ("score",)):
        g.dropped.append(f"总分「{figure_text(weight)}」与「{figure_text(score)}」次序颠倒")
        return None, None
    return weight, score


def grounded_kind(g: Grounding, answer: AnsweredTable, part: TableBlock) -> str:
    """The kind the table's own words give (名称 rows, header words, title), else the model's."""
    printed = classify(part, unsigned=None)
    if printed and printed != answer.kind:
        g.dropped.append(f"表格类型「{answer.kind}」（原文为 {printed}）")
    return printed or answer.kind


def ground_table(answer: AnsweredTable, chunk: Chunk, part: TableBlock) -> tuple[Table | None, str | None]:
    """The answer as a contract `Table` holding only values found in their place (None for a
    table that is not an evaluation table)."""
    if answer.kind == "other":
        return None, None
    g = Grounding(chunk)
    kind = grounded_kind(g, answer, part)
    title = g.span(answer.title, "表名", columns=())
    total_weight, total_score = grounded_totals(g, answer)
    table = Table(
        kind=kind,
        title=" ".join(chunk.text[title[0]:title[1]].split()) if title else None,
        name=g.text(answer.name, "名称", columns=()),
        funds_total=grounded_fund_line(g, answer.funds_total) if answer.funds_total else None,
        fund_lines=[line for line in (grounded_fund_line(g, f) for f in answer.fund_lines) if line],
        goals=Goals(expected=g.text(answer.expected_goal, "预期目标", columns=()),
                    achieved=g.text(answer.achieved_goal, "实际完成情况", columns=())),
        breakdown=grounded_breakdown(g, answer),
        total_weight=total_weight,
        total_score=total_score,
        line=min(chunk.lines, default=None),
    )
    cursor = 0
    for item in answer.indicators:
        indicator, cursor = grounded_indicator(g, item, cursor)
        if indicator:
            table.indicators.append(indicator)
        weight = level1_weight(g, item)
        if weight:
            table.level1_weights[weight[0]] = weight[1]
    table.rows = [row for row in (grounded_row(g, item) for item in answer.rows) if row]
    usage.record_dropped(len(g.dropped))
    return table, g.warning()


def printed_unit(text: str, end: int) -> str | None:
    """The unit printed right after a number ("500余万元" → 万元), None when there is none."""
    match = UNIT_AFTER.match(text, end)
    return re.sub("[余多]", "", match.group(1)) if match else None


def label_next_to(quote: str, label: str | None, number_start: int) -> bool:
    """Whether `label` is printed right before the number, in the same clause."""
    if not label:
        return False
    folded, head = fold_text(label), quote[:number_start]
    at = fold_text(head).rfind(folded)
    if at < 0:
        return False
    gap = fold_text(head)[at + len(folded):]
    return len(gap) <= LABEL_GAP and not CLAUSE_BREAK.search(gap)


def ground_section(answer: AnsweredSection, chunk: Chunk) -> tuple[list[Figure], str | None, int | None, str | None]:
    """Grounded figures, unit name and year of one section.

    A figure stays only if its quote is printed in the chunk, its number in the quote with a
    money unit or 分 printed right after it, and the unit the model gives (if any) is that
    one; a label not printed right before the number gives way to the words printed there.
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
        label = normalize_text(item.label) if label_next_to(quote, item.label, number[0]) else None
        if label is None:
            g.dropped.append(f"标签「{item.label}」（不在数字之前）")
            label = label_before(quote, number[0])
        figure = Figure(label=label, value=item.value, unit=unit, quote=quote, line=g.line(found))
        if figure not in figures:  # the same printed figure listed twice is one figure
            figures.append(figure)
    plausible = answer.year if answer.year and 1990 <= answer.year <= 2100 else None
    if answer.year and plausible is None:
        g.dropped.append(f"年度「{answer.year}」")
    year = g.number(plausible, "年度")
    usage.record_dropped(len(g.dropped))
    return figures, g.text(answer.unit_name, "单位名称"), int(year) if year else None, g.warning()
