"""Rules extraction of self-evaluation tables from rows of cells.

Tables are recognised by their header words (年初预算数, 全年执行数, 一级指标, 三级指标,
分值, 得分 …), never by position, and columns are mapped by those words; a data row
with fewer or more cells than its header is aligned on the right, where the numbers are.
"""
import re
from dataclasses import dataclass

from assistant.document import Row, TableBlock
from assistant.values import normalize_text, parse_number, parse_percent
from schemas import FundLine, Goals, Indicator, Table, TableRow

LEVEL_SUFFIX = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")
TOTAL_LABELS = ("总分", "合计", "总计", "得分合计")
NAME_LABELS = ("预算部门名称", "预算单位名称", "部门（单位）名称", "部门名称", "单位名称",
               "预算部门、单位名称", "项目支出名称", "项目名称")
START_LABELS = NAME_LABELS
BREAKDOWN_CELL = re.compile(r"^(?:其中[:：])?(?P<label>[^:：]+?)[:：](?P<value>.*)$")
# (field, words any of which names the column), tried in order: 年初 before 预算数.
FUND_COLUMNS = [
    ("initial_budget", ("年初预算", "年初数")),
    ("full_year_budget", ("全年预算", "调整后预算", "预算数")),
    ("executed", ("执行数", "实际支出", "决算数", "支出数")),
    ("weight", ("分值", "权重")),
    ("execution_rate", ("执行率",)),
    ("score", ("得分",)),
]
INDICATOR_COLUMNS = [
    ("level1", ("一级指标",)),
    ("level2", ("二级指标",)),
    ("level3", ("三级指标",)),
    ("nature", ("指标性质",)),
    ("direction", ("指标方向",)),
    ("measure_unit", ("计量单位",)),
    ("actual", ("完成值", "实际完成", "实际值", "全年实际")),
    ("target", ("指标值", "目标值", "年度目标", "预期值")),
    ("weight", ("分值", "权重")),
    ("score_factor", ("得分系数",)),
    ("score", ("得分",)),
    ("deviation_note", ("偏差", "原因分析", "改进措施", "备注")),
]


def clean(text: str | None) -> str:
    return normalize_text(text)


def level_name(text: str | None) -> str | None:
    name = LEVEL_SUFFIX.sub("", clean(text))
    return name or None


def fund_label(text: str) -> str:
    return re.sub(r"^其中[:：]", "", clean(text))


@dataclass
class ColumnMap:
    """Header positions of named columns; resolves a data row's cells by right alignment."""

    width: int
    positions: dict[str, int]

    @classmethod
    def from_header(cls, row: Row, columns: list[tuple[str, tuple[str, ...]]]) -> "ColumnMap":
        positions: dict[str, int] = {}
        for index, text in enumerate(clean(t) for t in row.texts()):
            for name, words in columns:
                if name not in positions and any(word in text for word in words):
                    positions[name] = index
                    break
        return cls(len(row.cells), positions)

    def index(self, row: Row, name: str) -> int | None:
        if name not in self.positions:
            return None
        index = self.positions[name] + len(row.cells) - self.width
        return index if 0 <= index < len(row.cells) else None

    def cell(self, row: Row, name: str) -> str | None:
        index = self.index(row, name)
        return row.cells[index].text if index is not None else None

    def first(self) -> int:
        return min(self.positions.values()) if self.positions else 0


def is_fund_header(row: Row) -> bool:
    text = "".join(clean(t) for t in row.texts())
    return ("执行数" in text or "实际支出" in text or "决算数" in text) and "预算" in text and "一级指标" not in text


def is_goal_header(row: Row) -> bool:
    texts = [clean(t) for t in row.texts()]
    return any("预期目标" in t or "年度总体目标" in t or "年度目标" == t for t in texts) and not is_indicator_header(row)


def is_indicator_header(row: Row) -> bool:
    texts = [clean(t) for t in row.texts()]
    has_level = any(t in ("一级指标", "二级指标", "三级指标") for t in texts)
    return has_level and any("分值" in t or "得分" in t or "权重" in t or "指标值" in t for t in texts)


def is_total_row(row: Row) -> bool:
    texts = [clean(t) for t in row.texts() if clean(t)]
    return bool(texts) and texts[0] in TOTAL_LABELS


def classify(block: TableBlock) -> str | None:
    """department_overall | project | basic_data, from the table's words and title."""
    title = "".join(clean(p.text) for p in block.title_lines)
    words = "".join(clean(t) for row in block.rows for t in row.texts())
    if "基础数据" in title or ("编制数" in words and "三公经费" in words):
        return "basic_data"
    if "项目支出名称" in words or "项目名称" in words or "项目支出绩效" in title or "专项资金" in title:
        return "project"
    if "年度资金总额" in words or "一级指标" in words or "整体支出绩效自评" in title:
        return "department_overall"
    return None


def split_tables(block: TableBlock) -> list[TableBlock]:
    """Cut a block where a second table starts without a heading between (a new 名称 row)."""
    parts: list[TableBlock] = []
    current: list[Row] = []
    for row in block.rows:
        first = next((clean(t) for t in row.texts() if clean(t)), "")
        starts = any(first.startswith(label) for label in START_LABELS)
        if starts and current and any(is_fund_header(r) or is_indicator_header(r) for r in current):
            parts.append(TableBlock(current))
            current = []
        current.append(row)
    parts.append(TableBlock(current))
    parts[0].title_lines = block.title_lines
    return parts


def table_title(block: TableBlock) -> str | None:
    lines = [p.text.strip() for p in block.title_lines if not re.fullmatch(r"[（(]\s*\d{4}\s*年度?\s*[)）]", p.text.strip())]
    return " ".join(lines) or None


def table_name(rows: list[Row]) -> str | None:
    for row in rows:
        texts = row.texts()
        for index, text in enumerate(texts):
            if clean(text) in NAME_LABELS:
                following = [clean(t) for t in texts[index + 1:] if clean(t)]
                if following:
                    return following[0]
    return None


def money_unit(texts) -> str:
    """The unit a table prints its amounts in: "（万元）" is the norm, some provinces use "（元）"."""
    for text in texts:
        match = re.search(r"[（(](万元|元|亿元)[)）]", clean(text))
        if match:
            return match.group(1)
    return "万元"


def parse_fund_row(row: Row, columns: ColumnMap) -> FundLine | None:
    first_value = min(i for i in (columns.index(row, n) for n in columns.positions) if i is not None) \
        if any(columns.index(row, n) is not None for n in columns.positions) else len(row.cells)
    label_cells = [c for c in row.cells[:first_value] if clean(c.text)]
    if not label_cells:
        return None
    values = {name: columns.cell(row, name) for name in columns.positions}
    return FundLine(
        label=fund_label(label_cells[-1].text),
        initial_budget=parse_number(values.get("initial_budget")),
        full_year_budget=parse_number(values.get("full_year_budget")),
        executed=parse_number(values.get("executed")),
        weight=parse_number(values.get("weight")),
        execution_rate=parse_percent(values.get("execution_rate")),
        score=parse_number(values.get("score")),
        line=label_cells[-1].line,
    )


def breakdown_items(row: Row) -> dict[str, float]:
    items: dict[str, float] = {}
    for text in row.texts():
        match = BREAKDOWN_CELL.match(clean(text))
        if match:
            value = parse_number(match.group("value"))
            if value is not None:
                items[match.group("label")] = value
    return items


def parse_goals(header: Row, row: Row) -> Goals:
    columns = ColumnMap.from_header(header, [("expected", ("预期目标",)), ("achieved", ("实际完成",))])
    if columns.positions:
        expected, achieved = columns.cell(row, "expected"), columns.cell(row, "achieved")
    else:
        texts = [t for t in row.texts() if clean(t)]
        expected, achieved = (texts[0] if texts else None), None
    return Goals(expected=clean(expected) or None, achieved=clean(achieved) or None)


def header_weight(text: str | None) -> float | None:
    """The weight a 一级指标 header prints: "产出指标(50分)" → 50."""
    match = LEVEL_SUFFIX.search(clean(text))
    return parse_number(match.group()) if match else None


def parse_indicator(row: Row, columns: ColumnMap, carried: dict[str, str | None],
                    level1_weights: dict[str, float]) -> Indicator | None:
    if not any(clean(t) for t in row.texts()):
        return None
    fields = {name: columns.cell(row, name) for name in columns.positions}
    weight = header_weight(fields.get("level1"))
    if weight is not None and level_name(fields.get("level1")):
        level1_weights[level_name(fields.get("level1"))] = weight
    for level in ("level1", "level2"):
        name = level_name(fields.get(level))
        if name:
            if level == "level1" and name != carried["level1"]:
                carried["level2"] = None
            carried[level] = name
    level3_index = columns.index(row, "level3")
    anchor = row.cells[level3_index] if level3_index is not None and clean(row.cells[level3_index].text) \
        else next(c for c in row.cells if clean(c.text))
    extras = {name: clean(fields.get(name)) or None for name in ("nature", "direction", "measure_unit", "score_factor")
              if name in fields}
    return Indicator(
        level1=carried["level1"],
        level2=carried["level2"],
        level3=level_name(fields.get("level3")),
        target=clean(fields.get("target")) or None,
        actual=clean(fields.get("actual")) or None,
        weight=parse_number(fields.get("weight")),
        score=parse_number(fields.get("score")),
        deviation_note=clean(fields.get("deviation_note")) or None,
        line=anchor.line,
        **extras,
    )


def parse_self_evaluation(block: TableBlock, kind: str) -> Table:
    """A department or project table: name, funds block, goals, indicators, 总分."""
    table = Table(kind=kind, title=table_title(block), name=table_name(block.rows), line=block.line)
    fund_columns: ColumnMap | None = None
    indicator_columns: ColumnMap | None = None
    goal_header: Row | None = None
    carried: dict[str, str | None] = {"level1": None, "level2": None}
    for row in block.rows:
        if is_total_row(row):
            numbers = [n for n in (parse_number(t) for t in row.texts()) if n is not None]
            # A 总分 row printing one number gives the score, the column reviewers fill in.
            table.total_weight = numbers[0] if len(numbers) > 1 else None
            table.total_score = numbers[-1] if len(numbers) == 1 else (numbers[1] if numbers else None)
            indicator_columns = None
        elif is_indicator_header(row):
            indicator_columns = ColumnMap.from_header(row, INDICATOR_COLUMNS)
            fund_columns = goal_header = None
        elif indicator_columns is not None:
            indicator = parse_indicator(row, indicator_columns, carried, table.level1_weights)
            if indicator:
                table.indicators.append(indicator)
        elif is_goal_header(row):
            goal_header, fund_columns = row, None
            if len([t for t in row.texts() if clean(t)]) == 2 and "预期目标" not in "".join(row.texts()):
                table.goals = parse_goals(row, Row(row.cells[1:]))
                goal_header = None
        elif goal_header is not None:
            table.goals = parse_goals(goal_header, row)
            goal_header = None
        elif is_fund_header(row):
            fund_columns = ColumnMap.from_header(row, FUND_COLUMNS)
            table.money_unit = money_unit(row.texts())
        elif fund_columns is not None:
            add_fund_row(table, row, fund_columns)
    return table


def add_fund_row(table: Table, row: Row, columns: ColumnMap) -> None:
    items = breakdown_items(row)
    if items or len(row.cells) < len(columns.positions):
        table.breakdown.update(items)
        return
    line = parse_fund_row(row, columns)
    if line is None:
        return
    if table.funds_total is None and ("总额" in line.label or "合计" in line.label or not table.fund_lines):
        table.funds_total = line
    else:
        table.fund_lines.append(line)


def parse_basic_data(block: TableBlock) -> Table:
    table = Table(kind="basic_data", title=table_title(block), name=table_name(block.rows), line=block.line)
    for row in block.rows:
        texts = [clean(t) for t in row.texts()]
        if not any(texts):
            continue
        table.rows.append(TableRow(label=texts[0], values=[t or None for t in texts[1:]], line=row.line))
    table.money_unit = money_unit(t for row in block.rows for t in row.texts())
    return table


def extract_tables(blocks: list[TableBlock]) -> tuple[list[Table], list[str]]:
    """Every self-evaluation table in source order, with warnings for tables not understood."""
    tables: list[Table] = []
    warnings: list[str] = []
    for block in blocks:
        for part in split_tables(block):
            kind = classify(part)
            if kind is None:
                continue
            table = parse_basic_data(part) if kind == "basic_data" else parse_self_evaluation(part, kind)
            if kind != "basic_data" and not table.indicators and table.funds_total is None:
                warnings.append(f"第{part.line}行的表格未能识别出资金或指标行，已跳过。")
                continue
            tables.append(table)
    return tables, warnings
