"""Every figure a report states, as a `Fact` the chat can find by name.

Table facts come from the structured report (fund lines, breakdown items, indicators, 总分,
basic-data cells, name cells such as 实施单位); narrative facts are every number with a unit
in the prose. Each fact carries the words that name it — `label` right at the figure,
`context` around it with a lower weight — and the source cell or clause it was read from.
"""
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from assistant.document import Document, Row
from assistant.extract.figures import NarrativeFigure, read_figures
from assistant.retrieval import Passage
from assistant.values import normalize_text, parse_number, parse_target, to_ascii
from schemas import CheckedReport, FundLine, Indicator, Table, TableRow

KIND_WORDS = {
    "department_overall": "部门整体支出绩效自评表 部门整体支出 部门 自评表",
    "project": "项目支出绩效自评表 专项资金绩效自评表 项目 专项 自评表",
    "basic_data": "整体支出绩效评价基础数据表 基础数据表",
}
# Column id → how answers name it.
COLUMN_NAMES = {
    "initial_budget": "年初预算数",
    "full_year_budget": "全年预算数",
    "executed": "全年执行数",
    "budget": "预算数",
    "final": "决算数",
    "weight": "分值",
    "execution_rate": "执行率",
    "score": "得分",
    "target": "年度指标值",
    "actual": "实际完成值",
    "deviation_note": "偏差原因分析及改进措施",
    "total_score": "总分",
    "recomputed_score": "复核得分",
    "total_weight": "总分分值",
    "expected_goal": "预期目标",
    "achieved_goal": "实际完成情况",
}
FUND_COLUMNS = ["initial_budget", "full_year_budget", "executed", "weight", "execution_rate", "score"]
MONEY_COLUMNS = {"initial_budget", "full_year_budget", "executed"}
# The words a question uses for what a unit counts ("退休人员多少名" asks for people).
UNIT_WORDS = {"人": "人员 人数", "名": "人员 人数 名额", "万元": "金额", "元": "金额", "亿元": "金额",
              "%": "比例 比率 占比", "件": "件数 数量", "起": "起数 数量", "户": "户数", "家": "家数"}
# 按支出性质 items; every other breakdown item is 按收入性质 (funding source).
BY_NATURE_OF_SPENDING = ("基本支出", "项目支出")
# The fields of a self-evaluation table's head that a text fills in ("主管部门 | 石鼓区政府"), its 名称 rows aside.
FORM_KEY = re.compile(r"主管部门|实施单位|负责人|联系人|联系电话|项目类型|项目属性|实施期限|资金用途")
KEY_CELL = re.compile(rf"(名称|{FORM_KEY.pattern})$")
# A form's fields written out on a line below a table ("填表人：潘菲丽  填报日期：2025.4.29   联系电话：…"): the label, then
# what is filled in up to the next label or a wide gap; a field left blank ("单位负责人签字：") gives nothing.
FORM_FIELD = re.compile(r"(?P<key>填表人|填报人|填报日期|填表日期|报送日期|联系电话|联系人|(?:单位|部门)?负责人(?:签字)?|审核人)"
                        r"\s*[：:]\s*(?P<value>[^\s：:]+?)(?=\s{2,}|\t|$|\s*(?:填表|填报|报送|联系|(?:单位|部门)?负责人|审核人)\S{0,3}[：:])")
CLAUSE_BREAK = re.compile(r"[，,；;。！!？?]")
# Units that often come before the thing counted ("发展10家ODR企业", "检定计量器具30余台" both occur).
COUNTED_BEFORE_NOUN = frozenset({"家", "个", "项", "名", "台", "辆", "件", "批次", "户", "所", "条", "笔", "处", "场",
                                 "套"})
# A clause right after a figure that says what it is ("，为上级补助资金", "，主要用于…").
APPOSITIVE = re.compile(r"(?:为|系|是|属于|均为|全部为|主要用于|用于)[^，,；;。]*")
DIGIT = re.compile(r"\d")
NAME_JOINT = re.compile(r"、|和|及|与")
FIGURE_JOINT = re.compile(r"[、和及与，,]")  # what joins the figures of a 分别 list, once stripped of spaces
CONTINUES = re.compile(r"^\s*其中")  # a sentence opening with 其中 breaks down the one before
LIST_JOINT = re.compile(r"(?:和|及|与|、|以及)\s*$")
UNIT_IN_HEADER = re.compile(r"[（(]\s*(万元|元|人|个|辆|㎡|m²)\s*[)）]")
HEADER_YEAR = re.compile(r"(20\d{2})\s*年")
NUMERIC_CELL = re.compile(r"[-+]?[\d.,]+%?")
CHINESE = re.compile(r"[\u4e00-\u9fa5]")
# How a basic-data row says it is a part of another: numbered ("1、", "2."), or "其中：" after its whole.
NUMBERED_ROW = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[、.．]|^\s*[（(]\s*\d{1,2}\s*[）)]")
OF_WHICH = re.compile(r"^\s*其中\s*[:：]?")
ROW_PREFIX = re.compile("|".join((OF_WHICH.pattern, NUMBERED_ROW.pattern, r"[:：]\s*$")))  # what row_name strips
PART_TOLERANCE = 0.011  # parts printed to two decimals add up to their whole within rounding
HEADING_LENGTH = 30  # a paragraph this short just above a sentence is its heading
# A row a form leaves for more entries ("……", "…", "--"): it names nothing, so nothing in it is an answer.
PLACEHOLDER = re.compile(r"[.。…·•\-—－_~～\s]*")


def is_placeholder(name: str | None) -> bool:
    """A row's name that names nothing: a placeholder, or none at all."""
    return bool(PLACEHOLDER.fullmatch(name or ""))


@dataclass(frozen=True)
class Fact:
    """A figure (or a short text such as a unit's name) the report states, and where."""

    label: str
    value: float | None
    text: str
    unit: str | None
    source: str  # "table" | "narrative"
    kind: str  # fund | breakdown | indicator | total | group | basic | cell | goal | review | narrative
    quote: str
    line: int | None
    context: tuple[tuple[str, float], ...] = ()
    table: int | None = None
    column: str | None = None
    year: int | None = None
    row: str | None = None
    group: str | None = None
    paragraph: int | None = None
    offset: int | None = None
    primary: bool = field(default=False, compare=False)
    place: str | None = None  # the table as answers name it: 部门整体支出绩效自评表, 药品监管专项, 基础数据表
    heading: str | None = None  # a basic-data column as printed: 2024年决算数
    parent: str | None = None  # the row this row is a part of (公车运行维护 of 公务用车购置和维护经费), when the table shows it

    @property
    def names(self) -> list[tuple[str, float]]:
        """The texts that name the fact, with their weights; its unit names it too ("批次", "人数", "金额")."""
        unit = [(f"{self.unit} {self.unit}数 {UNIT_WORDS.get(self.unit, '')}", 1.0)] if self.unit else []
        return [(self.label, 1.0), *unit, *self.context]

    def describe(self) -> str:
        """A short Chinese name for answers: "药品监管专项·年度资金总额·全年执行数"."""
        if self.source == "narrative":
            return self.quote
        if self.kind == "basic":
            parts = [self.place, self.row, self.heading]
        elif self.kind == "total":
            parts = [self.place, COLUMN_NAMES.get(self.column or "", "")]
        else:
            parts = [self.place, self.group, self.row, COLUMN_NAMES.get(self.column or "", "")]
        named = [p for p in parts if p]
        return "·".join(p for i, p in enumerate(named) if i == 0 or p != named[i - 1])


class SourceCells:
    """The raw table cells of a document, to point every table fact at the cell it was read from."""

    def __init__(self, document: Document):
        self.rows: dict[int, Row] = {}
        for block in document.tables:
            for row in block.rows:
                for cell in row.cells:
                    self.rows.setdefault(cell.line, row)
        self.cells = sorted((cell for block in document.tables for row in block.rows for cell in row.cells),
                            key=lambda cell: cell.line)

    def locate(self, line: int | None, anchor_line: int | None,
               wanted: list[tuple[str, str | float | None]]) -> dict[str, tuple[str, int]]:
        """The cell of each wanted value in the row at `line`, scanning left to right after the anchor cell.

        `wanted` is (key, value) in printed column order; a float matches a cell whose number
        equals it, a string a cell whose text equals it. Returns key → (quote, line).
        """
        found: dict[str, tuple[str, int]] = {}
        row = self.rows.get(line or -1)
        if row is None:
            return found
        position = next((i + 1 for i, c in enumerate(row.cells) if c.line == anchor_line), 0)
        for key, value in wanted:
            if value is None:
                continue
            for index in range(position, len(row.cells)):
                text = normalize_text(row.cells[index].text)
                if text and ((parse_number(text) == value) if isinstance(value, float) else (text == value)):
                    found[key] = (text, row.cells[index].line)
                    position = index + 1
                    break
        return found

    def find(self, start: int | None, end: int | None, wanted: Callable[[str], bool]) -> tuple[str, int] | None:
        """The first cell from line `start` up to `end` whose whitespace-free text satisfies `wanted`."""
        for cell in self.cells:
            text = normalize_text(cell.text)
            if (start or 0) <= cell.line < (end or 1 << 30) and text and wanted(text):
                return text, cell.line
        return None


def place_of(table: Table) -> str:
    if table.kind == "department_overall":
        return "部门整体支出绩效自评表"
    if table.kind == "basic_data":
        return "基础数据表"
    return table.name or table.title or "项目支出绩效自评表"


def table_context(table: Table, year: int | None) -> tuple[tuple[str, float], ...]:
    head = " ".join(p for p in [table.name, table.title, KIND_WORDS[table.kind], f"{year}年" if year else ""] if p)
    return ((head, 0.8),)


def fund_facts(cells: SourceCells, index: int, table: Table, year: int | None, end: int | None) -> list[Fact]:
    facts = []
    context = table_context(table, year)
    unit = table.money_unit
    lines: list[FundLine] = ([table.funds_total] if table.funds_total else []) + table.fund_lines
    for line in lines:
        values = {c: getattr(line, c) for c in FUND_COLUMNS}
        found = cells.locate(line.line, line.line, list(values.items()))
        for column, value in values.items():
            if value is None:
                continue
            quote, source_line = found.get(column, (f"{value:g}", line.line))
            facts.append(Fact(
                label=f"{line.label} {COLUMN_NAMES[column]}", value=value, text=quote,
                unit=unit if column in MONEY_COLUMNS else ("%" if column == "execution_rate" else "分"),
                source="table", kind="fund", quote=quote, line=source_line, context=context, table=index,
                column=column, row=line.label, primary=line is table.funds_total, place=place_of(table)))
    for label, value in table.breakdown.items():
        nature = "按支出性质分" if label in BY_NATURE_OF_SPENDING else "按收入性质分"
        quote, source_line = cells.find(table.line, end, breakdown_cell(label, value)) or (f"{value:g}", table.line)
        facts.append(Fact(
            label=label, value=value, text=f"{value:g}", unit=unit, source="table",
            kind="breakdown", quote=quote, line=source_line, context=context + ((f"{nature} 年度资金总额", 0.9),),
            table=index, row=label, place=place_of(table)))
    return facts


def breakdown_cell(label: str, value: float) -> Callable[[str], bool]:
    """Whether a cell is the breakdown item "label：value"."""
    return lambda text: label in text and parse_number(text.split(label)[-1]) == value


def indicator_facts(cells: SourceCells, index: int, table: Table, year: int | None) -> list[Fact]:
    facts = []
    base = table_context(table, year)
    for indicator in table.indicators:
        name = indicator.level3 or indicator.level2 or ""
        if is_placeholder(name):
            continue
        context = base + ((f"{indicator.level1 or ''} {indicator.level2 or ''}", 0.8),)
        wanted = [("target", indicator.target), ("actual", indicator.actual), ("weight", indicator.weight),
                  ("score", indicator.score), ("deviation_note", indicator.deviation_note)]
        found = cells.locate(indicator.line, None, wanted)
        for column, printed in wanted:
            if printed is None:
                continue
            facts.append(indicator_fact(indicator, column, printed, found, name, context, index, place_of(table)))
    return facts


def indicator_fact(indicator: Indicator, column: str, printed: str | float, found: dict, name: str,
                   context: tuple, index: int, place: str) -> Fact:
    quote, source_line = found.get(column, (f"{printed:g}" if isinstance(printed, float) else printed, indicator.line))
    if isinstance(printed, float):
        value, unit, text = printed, "分", quote
    elif column in ("target", "actual"):
        quantity = parse_target(printed)
        value, unit, text = quantity.value, quantity.unit, printed
    else:
        value, unit, text = None, None, printed
    return Fact(label=f"{name} {COLUMN_NAMES[column]}", value=value, text=text, unit=unit, source="table",
                kind="indicator", quote=quote, line=source_line, context=context, table=index, column=column,
                row=name, group=indicator.level1, place=place)


def total_facts(cells: SourceCells, index: int, table: Table, year: int | None, end: int | None) -> list[Fact]:
    facts = []
    total = cells.find(table.line, end, lambda text: text in ("总分", "合计", "总计"))
    total_line = total[1] if total else None
    found = cells.locate(total_line, total_line,
                         [("total_weight", table.total_weight), ("total_score", table.total_score)])
    for column, value in (("total_score", table.total_score), ("total_weight", table.total_weight)):
        if value is None:
            continue
        quote, source_line = found.get(column, (f"{value:g}", total_line or table.line))
        label = "总分 自评总分 自评得分 自评分 绩效自评得分" if column == "total_score" else "总分 分值 满分"
        facts.append(Fact(label=label, value=value, text=quote, unit="分", source="table", kind="total",
                          quote=quote, line=source_line, context=table_context(table, year), table=index,
                          column=column, row="总分", place=place_of(table)))
    return facts


def is_header(row: TableRow) -> bool:
    """A basic-data row naming the columns below it ("经费控制情况(万元) | 2023年决算数 | …")."""
    values = [v or "" for v in row.values]
    return any(CHINESE.search(v) for v in values) and not any(NUMERIC_CELL.fullmatch(v) for v in values)


def basic_facts(cells: SourceCells, index: int, table: Table, year: int | None) -> list[Fact]:
    """Basic-data cells: a header row names the columns (2024年决算数 …) of the rows below it."""
    facts = []
    context = table_context(table, year)
    header: list[str] = []
    group, unit = "", None
    parents = row_parents(table.rows)
    for row, parent in zip(table.rows, parents):
        values = [v or "" for v in row.values]
        if is_header(row):
            header, group = values, row.label
            found = UNIT_IN_HEADER.search(row.label)
            unit = found.group(1) if found else None
            continue
        source = cells.locate(row.line, row.line, [(str(i), v) for i, v in enumerate(values)])
        for position, printed in enumerate(values):
            value = parse_number(printed)
            if value is None or position >= len(header) and row.label == "":
                continue
            column_name = header[position] if position < len(header) else ""
            fact = basic_fact(row, column_name, group, unit, printed, value, source.get(str(position)), context, index)
            # a part is named by its whole too ("三公经费中公务接待")
            facts.append(replace(fact, parent=row_name(parent), context=fact.context + ((row_name(parent), 0.8),))
                         if parent is not None else fact)
    return facts


def row_name(row: TableRow) -> str:
    """A basic-data row's name without its numbering or "其中：" ("1、出国经费" → 出国经费)."""
    return ROW_PREFIX.sub("", row.label).strip()


def amounts(row: TableRow) -> list[float | None]:
    return [parse_number(v) if v else None for v in row.values]


def adds_up_to(whole: TableRow, parts: list[TableRow], exactly: bool) -> bool:
    """Whether the parts fit in the whole in every column both print (Σ parts ≤ whole), with at least one such column;
    `exactly`: and Σ parts = whole in one of them."""
    columns = [[a[c] for a in map(amounts, parts) if c < len(a)] for c in range(len(whole.values))]
    shared = [(stated, sum(v for v in values if v is not None)) for stated, values in zip(amounts(whole), columns)
              if stated is not None and any(v is not None for v in values)]
    return bool(shared) and all(total <= stated + PART_TOLERANCE for stated, total in shared) and \
        (not exactly or any(abs(total - stated) <= PART_TOLERANCE for stated, total in shared))


def row_parents(rows: list[TableRow]) -> list[TableRow | None]:
    """The row each basic-data row is a part of, where the table shows it: numbered rows ("1、公务用车购置和维护经费",
    "2、出国经费") are parts of the unnumbered row they follow (三公经费); a "其中：" row and the plain rows after it
    are parts of the row above it while they fit in it (公车购置 and 公车运行维护 of the 公务用车 row); plain rows
    after a numbered row are its parts when they add up to it (the 本级专项资金 row's 市场监督专项 … 其他项目).
    Any other row stands on its own (None)."""
    parents: list[TableRow | None] = [None] * len(rows)
    top = item = whole = None  # the unnumbered row a numbering follows, its last numbered part, a 其中 row's whole
    under: list[TableRow] = []  # the parts of `whole` so far
    position = 0
    while position < len(rows):
        row = rows[position]
        if is_header(row):
            top = item = whole = None
        elif NUMBERED_ROW.match(row.label) and top is not None:
            parents[position], item, whole = top, row, None
        elif OF_WHICH.match(row.label) and position > 0 and not is_header(rows[position - 1]):
            whole, under = rows[position - 1], [row]
            parents[position] = whole
        elif whole is not None and adds_up_to(whole, under + [row], exactly=False):
            under.append(row)
            parents[position] = whole
        else:
            run = plain_parts(rows[position:], item) if item is not None else []
            if run:
                parents[position:position + len(run)] = [item] * len(run)
                position += len(run)
                item = whole = None
                continue
            top, item, whole = (row if not NUMBERED_ROW.match(row.label) else None), None, None
        position += 1
    return parents


def plain_parts(rows: list[TableRow], whole: TableRow) -> list[TableRow]:
    """The shortest run of plain rows at the head of `rows` that adds up to `whole`; none when no run does."""
    run: list[TableRow] = []
    for row in rows:
        if is_header(row) or NUMBERED_ROW.match(row.label) or OF_WHICH.match(row.label):
            break
        run.append(row)
        if not adds_up_to(whole, run, exactly=False):
            break
        if len(run) >= 2 and adds_up_to(whole, run, exactly=True):
            return run
    return []


def basic_fact(row: TableRow, column_name: str, group: str, unit: str | None, printed: str, value: float,
               source: tuple | None, context: tuple, index: int) -> Fact:
    year_match = HEADER_YEAR.search(column_name)
    label = row_name(row)
    name = f"{label} {column_name}" if label else column_name
    column = "final" if "决算" in column_name else ("budget" if "预算" in column_name else None)
    quote, line = source or (printed, row.line)
    return Fact(label=name, value=value, text=printed, unit="%" if "率" in column_name or "%" in printed else unit,
                source="table", kind="basic", quote=quote, line=line, context=context + ((group, 0.6),),
                table=index, column=column, year=int(year_match.group(1)) if year_match else None,
                row=label or column_name, group=group, place="基础数据表", heading=column_name)


def cell_facts(document: Document, report: CheckedReport) -> list[Fact]:
    """Name cells of the tables ("实施单位 | 药械化妆品监管股"): text answers, no number."""
    facts = []
    starts = [(t.line or 0, i) for i, t in enumerate(report.tables)]
    for block in document.tables:
        for row in block.rows:
            texts = [normalize_text(t) for t in row.texts()]
            for position, key in enumerate(texts[:-1]):
                answer = next((c for c in row.cells[position + 1:] if normalize_text(c.text)), None)
                if not KEY_CELL.search(key) or answer is None or parse_number(normalize_text(answer.text)) is not None \
                        or KEY_CELL.search(normalize_text(answer.text)):  # "主管部门 | | 实施单位": left blank
                    continue
                owner = max((i for start, i in starts if start <= row.line), default=None)
                context = table_context(report.tables[owner], report.year) if owner is not None else ()
                text = normalize_text(answer.text)
                facts.append(Fact(label=key, value=None, text=text, unit=None, source="table", kind="cell",
                                  quote=text, line=answer.line, context=context, table=owner, row=key,
                                  place=place_of(report.tables[owner]) if owner is not None else None))
    return facts


def form_facts(document: Document) -> list[Fact]:
    """The fields of a form filled in on a line of their own ("填表人：潘菲丽  填报日期：2025.4.29"): text answers."""
    return [Fact(label=match.group("key"), value=None, text=match.group("value"), unit=None, source="table",
                 kind="cell", quote=match.group().strip(), line=paragraph.line, row=match.group("key"))
            for paragraph in document.paragraphs for match in FORM_FIELD.finditer(normalize_text(paragraph.text))]


def report_facts(report: CheckedReport, document: Document) -> list[Fact]:
    """The unit the report is of and its year, each quoted from the first line that states it: text answers
    ("预算单位名称是什么", "报告是哪一年度的")."""
    facts = []
    for label, text, said in (("单位名称 预算单位名称 部门名称 填报单位 单位", report.unit_name, report.unit_name),
                              ("报告年度 年度 哪一年 年份", f"{report.year}年度" if report.year else None,
                               str(report.year or ""))):
        line = next((i for i, line in enumerate(document.lines, 1) if said and said in line), None)
        if text and line is not None:
            facts.append(Fact(label=label, value=None, text=text, unit=None, source="table", kind="cell",
                              quote=document.lines[line - 1].strip()[:80], line=line, row=label.split()[0]))
    return facts


def group_facts(cells: SourceCells, index: int, table: Table, year: int | None, end: int | None) -> list[Fact]:
    """The weights printed in 一级指标 headers ("产出指标(50分)")."""
    facts = []
    for name, weight in table.level1_weights.items():
        quote, line = cells.find(table.line, end, lambda text: text.startswith(name) and "分" in text) \
            or (f"{name}({weight:g}分)", table.line)
        facts.append(Fact(label=f"{name} 分值", value=weight, text=quote, unit="分", source="table", kind="group",
                          quote=quote, line=line, context=table_context(table, year), table=index, column="weight",
                          row=name, group=name, place=place_of(table)))
    return facts


def goal_facts(cells: SourceCells, index: int, table: Table, year: int | None, end: int | None) -> list[Fact]:
    facts = []
    for column, text in (("expected_goal", table.goals.expected), ("achieved_goal", table.goals.achieved)):
        if text:
            _, line = cells.find(table.line, end, lambda cell, goal=text: cell == goal) or (text, table.line)
            facts.append(Fact(label=f"年度总体目标 {COLUMN_NAMES[column]}", value=None, text=text, unit=None,
                              source="table", kind="goal", quote=text, line=line,
                              context=table_context(table, year), table=index, column=column, row="年度总体目标",
                              place=place_of(table)))
    return facts


def review_facts(report: CheckedReport, facts: list[Fact]) -> list[Fact]:
    """The scores the review recomputed (复核得分), of each table and of each row it rescored; their
    evidence is the self-score they stand beside (a table that prints none, a copy cut off before its 总分, has its
    rows' only), or the row's name (a row with none names nothing)."""
    reviewed = []
    for score in report.scores:
        if score.recomputed_score is None or not 0 <= score.table < len(report.tables):
            continue
        table = report.tables[score.table]
        total = next((f for f in facts if f.table == score.table and f.column == "total_score"), None)
        if total is not None or score.self_score is not None:
            reviewed.append(Fact(
                label="复核得分 复核总分 总分", value=score.recomputed_score, text=f"{score.recomputed_score:g}",
                unit="分", source="table", kind="review", quote=total.quote if total else f"{score.self_score:g}",
                line=total.line if total else table.line, context=table_context(table, report.year),
                table=score.table, column="recomputed_score", row="总分", place=place_of(table)))
        for row in (score.model_extra or {}).get("rows", []):
            if is_placeholder(row["row"]):
                continue
            reviewed.append(Fact(
                label=f"{row['row']} 复核得分", value=row["recomputed_score"], text=f"{row['recomputed_score']:g}",
                unit="分", source="table", kind="review", quote=row["row"], line=row.get("line"),
                context=table_context(table, report.year), table=score.table, column="recomputed_score",
                row=row["row"], place=place_of(table)))
    return reviewed


def table_facts(report: CheckedReport, document: Document) -> list[Fact]:
    """Every figure of every table, each pointing at its source cell."""
    cells = SourceCells(document)
    facts: list[Fact] = []
    ends = [t.line for t in report.tables[1:]] + [None]
    for index, (table, end) in enumerate(zip(report.tables, ends)):
        if table.kind == "basic_data":
            facts += basic_facts(cells, index, table, report.year)
            continue
        facts += fund_facts(cells, index, table, report.year, end)
        facts += indicator_facts(cells, index, table, report.year)
        facts += total_facts(cells, index, table, report.year, end)
        facts += goal_facts(cells, index, table, report.year, end)
        facts += group_facts(cells, index, table, report.year, end)
    facts += cell_facts(document, report) + form_facts(document) + report_facts(report, document)
    return facts + review_facts(report, facts)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the previous comma or stop to the next one."""
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)]
    left = breaks[-1] if breaks else 0
    right = CLAUSE_BREAK.search(text, end)
    return left, right.start() if right else len(text)


def narrative_facts(passages: list[Passage], paragraphs: list[str],
                    self_scores: set[tuple[int | None, float]]) -> list[Fact]:
    """Every figure of the prose (read by `assistant.extract.figures.read_figures`), named by the words around it.

    `label` is the clause before the number (back to the previous number); the rest of the
    sentence before it, the paragraph before the sentence (and a short heading above it) and
    the words after it are context, so "其中人员经费" under a sentence about 基本支出 is
    still found by "基本支出中人员经费", and "发展10家ODR企业" by "ODR企业". `self_scores`
    are the (line, value) of the self-scores the extractor found, named 自评分 as well.
    """
    facts = []
    for passage in passages:
        text = to_ascii(passage.text)
        figures = read_figures(text, passage.line)
        labels = respective_labels(text, figures)
        for position, figure in enumerate(figures):
            previous_end = figures[position - 1].end if position else 0
            next_start = figures[position + 1].start if position + 1 < len(figures) else len(text)
            facts.append(narrative_fact(passage, text, figure, previous_end, next_start, paragraphs, self_scores,
                                        labels.get(position)))
    return facts



def respective_clause(before: str) -> tuple[str, str] | None:
    """"检查人次数、检查企业数分别减少了" before the first of its figures ("27.9%和33.56%"): the names listed before
    分别 in the last clause, and the verb after it; None when the clause has no 分别 with names before it."""
    clause = before[max(before.rfind(mark) for mark in "，,；;。") + 1:]
    at = clause.find("分别")
    if at < 1 or DIGIT.search(clause[at + 2:]):
        return None
    return clause[:at], clause[at + 2:]


def respective_labels(text: str, figures: list[NarrativeFigure]) -> dict[int, str]:
    """The labels of figures a sentence gives "respectively" ("检查人次数、检查企业数分别减少了27.9%和33.56%":
    检查人次数减少了 for the first, 检查企业数减少了 for the second), by position; each name its own figure."""
    labels = {}
    for position, figure in enumerate(figures):
        left, _ = clause_bounds(text, figure.start, figure.end)
        previous_end = figures[position - 1].end if position else 0
        said = respective_clause(text[max(left, previous_end):figure.start])
        names = [n.strip() for n in NAME_JOINT.split(said[0])] if said else []
        run = figures[position:position + len(names)]
        joined = all(FIGURE_JOINT.fullmatch(text[a.end:b.start].strip()) for a, b in zip(run, run[1:]))
        if len(names) >= 2 and all(names) and len(run) == len(names) and joined:
            labels |= {position + k: f"{name}{said[1]}" for k, name in enumerate(names)}
    return labels


def narrative_fact(passage: Passage, text: str, figure: NarrativeFigure, previous_end: int, next_start: int,
                   paragraphs: list[str], self_scores: set[tuple[int | None, float]], label: str | None = None) -> Fact:
    """One figure of the prose; `label` when the sentence names it apart from the words before it (分别)."""
    left, right = clause_bounds(text, figure.start, figure.end)
    label = label or text[max(left, previous_end):figure.start]
    value, unit = figure.value, "万元" if figure.unit == "万" else figure.unit  # "万" alone is money missing its 元
    if (passage.line, value) in self_scores and unit == "分":
        label += " 自评分 自评得分 评分"
    above = paragraphs[passage.paragraph - 1] if passage.paragraph else ""
    before = paragraphs[passage.paragraph][:passage.offset] + (f" {above}" if len(above) <= HEADING_LENGTH else "")
    after = text[figure.end:min(right, next_start)]
    appositive = APPOSITIVE.match(text, right + 1) if right < len(text) else None  # "40万元，为上级补助资金"
    if unit in COUNTED_BEFORE_NOUN and LIST_JOINT.search(label):
        # "18个内设机构和7个市场监督管理所": after a 和 the words before 7 name the previous item
        label, after = after, label
    return Fact(
        label=label, value=value, text=passage.text[figure.start:figure.end].strip(),
        unit=unit, source="narrative", kind="narrative",
        quote=passage.text[left:right].strip(), line=passage.line,
        context=((text[:figure.start], 0.7), (before, 0.6 if CONTINUES.match(text) else 0.45),
                 (after, 0.85 if unit in COUNTED_BEFORE_NOUN else 0.3),
                 (appositive.group() if appositive else "", 0.8), (text[figure.end:], 0.3)),
        paragraph=passage.paragraph, offset=passage.offset + figure.start)
