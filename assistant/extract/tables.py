"""Rules extraction of self-evaluation tables from rows of cells.

Tables are recognised by their header words (年初预算数, 全年执行数, 一级指标, 三级指标,
分值, 得分 …), never by position, and columns are mapped by those words; a data row
with fewer or more cells than its header is aligned on the right, where the numbers are.
"""
import re

from assistant.document import Cell, Row, TableBlock
import assistant.extract.columns as roles
from assistant.extract.columns import COMPARATOR_CELL, DASHES, FUND_ROLES, GOAL_ROLES, INDICATOR_ROLES, MONEY_ROLES, \
    PERCENT_SIGNS, SECTION_LEVEL1, SECTION_LEVEL2, TARGET_PARTS, is_goal_label, is_placeholder
from assistant.extract.header import ColumnMap, header_values, in_place, is_head_label, is_sub_header, \
    without_unit_note
from assistant.extract.headerless import with_inferred_header
from assistant.extract.run_rows import LEVEL1, LEVEL2
from assistant.extract.tokens import RATE_TOLERANCE, is_joined_run
from assistant.titles import SITE_REMARK
from assistant.values import NUMBER, decimals_printed, half_last_place, normalize_text, parse_number, parse_percent
from schemas import FundLine, Goals, Indicator, Table, TableRow

# A level's points after its name: 产出指标(50分), Hubei's 项目管理13分, a score sheet's 决策(10).
LEVEL_SUFFIX = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$"
                          r"|(?<=[\u4e00-\u9fa5])(?:\d+(?:\.\d+)?分|[（(]\d+(?:\.\d+)?[)）])$")
TOTAL_LABELS = ("总分", "合计", "总计", "得分合计")
NAME_LABELS = ("预算部门名称", "预算单位名称", "评价部门名称", "部门（单位）名称", "部门名称", "单位名称",
               "预算部门、单位名称", "项目支出名称", "项目名称", "专项（项目）名称",
               # The transfer-payment forms: 中央对地方转移支付区域绩效自评表, a county's 专项资金绩效目标自评表, a
               # county's 项目绩效目标自评表 naming a policy or project (Sichuan: 政策(项目)名称).
               "转移支付名称", "转移支付（项目）名称", "专项资金名称", "专项名称", "政策（项目）名称")
START_LABELS = NAME_LABELS
# The labels that name the project (or the transfer payment) itself, before any unit's name.
PROJECT_NAME_LABELS = ("项目支出名称", "项目名称", "转移支付名称", "转移支付（项目）名称", "专项资金名称", "专项名称",
                       "专项（项目）名称", "政策（项目）名称")
# The transfer payment's form a unit fills in for its region (中央对地方专项转移支付区域绩效目标自评表).
REGION_FORM = "区域绩效"
# A bare 部门 label names the table too (Anhui 2023: 部门 | 金寨县…服务中心), but starts none: 部门决策 is a level.
HEAD_NAME_LABELS = (*NAME_LABELS, "部门")
# A project table names its project first (classify), so a 部门（单位） left in its words is the department's.
DEPARTMENT_LABELS = ("预算部门名称", "评价部门名称", "部门（单位）", "部门名称", "单位名称", "预算部门、单位名称", "预算单位名称")
# A department's own scoring levels (部门决策, 部门管理, 部门预算管理(80分) …): a department score sheet.
DEPARTMENT_LEVEL = re.compile(r"^部门(?:预算)?(?:决策|管理|产出|效益|效果|履职)")
# Indicators only a unit's whole budget has (its 一般公共预算支出, 结转结余, 三公经费, 预决算公开), never a project's.
DEPARTMENT_INDICATOR = re.compile(r"^[“\"]?(?:一般公共预算支出|结转结余|三公经费|预决算(?:信息)?公开)")
# "其中：财政拨款：50" is a breakdown item; "其中：本年一般公共预算拨款" alone labels a funds row.
BREAKDOWN_CELL = re.compile(r"^(?:其中[:：])?(?P<label>(?!其中)[^:：]+?)[:：](?P<value>.*)$")


def clean(text: str | None) -> str:
    return normalize_text(text)


def label(text: str | None) -> str:
    """A label cell as the label lists spell it: half-width brackets made full-width (部门(单位)名称)."""
    return clean(text).replace("(", "（").replace(")", "）")


def level_name(text: str | None) -> str | None:
    name = LEVEL_SUFFIX.sub("", clean(text))
    return name or None


def fund_label(text: str) -> str:
    return re.sub(r"^其中[:：]|[:：]$", "", clean(text))


def is_fund_header(row: Row) -> bool:
    return roles.is_fund_header(row.texts())


ACHIEVED_LABELS = ("实际完成情况", "年度目标完成情况")  # a goal header's second label, not a goal's text


def is_goal_header(row: Row) -> bool:
    texts = [clean(t) for t in row.texts()]
    # Chongqing: 当年绩效目标 | 年初绩效目标 | 全年(调整)绩效目标 | 全年目标实际完成情况.
    goals_against_results = any(t.endswith("绩效目标") for t in texts) and any("完成情况" in t for t in texts)
    return (goals_against_results or any("预期目标" in t or "年度总体目标" in t or t.endswith(("年度目标", "设定目标"))
                                         or roles.WHOLE_CELL_ROLES.get(t) == "expected" for t in texts)) \
        and not is_indicator_header(row)


def is_indicator_header(row: Row) -> bool:
    return roles.is_indicator_header(row.texts())


def is_levels_header(row: Row) -> bool:
    """A header of the three level columns and nothing else: a table cut off before its value columns' words."""
    texts = [clean(t) for t in row.texts() if clean(t)]
    return [roles.role_of(t, INDICATOR_ROLES) for t in texts] == list(roles.LEVEL_ROLES)


def is_total_row(row: Row) -> bool:
    """A 总分/合计 row; or a row a web page glued after another one's cells (其他需要说明事项 | 无 | 总分 | 100 | 96 |
    优): a 总分 cell with its numbers after it."""
    texts = [clean(t) for t in row.texts() if clean(t)]
    if texts and is_total_label(texts[0]):
        return True
    at = next((i for i, text in enumerate(texts) if text == "总分"), None)
    return at is not None and any(map(has_figure, texts[at + 1:])) and not any(map(has_figure, texts[:at]))


def is_total_label(text: str) -> bool:
    """总分, 合计 …, with the points the form gives the whole table or not (Yunnan: 总分(100分))."""
    return clean(text) in TOTAL_LABELS or level_name(text) in TOTAL_LABELS


# The rows a form closes its indicators with (Hubei's and Yunnan's 20/80 forms): the reasons for a deviation, the
# measures and how the result is used, the notes on how the figures were counted.
CLOSING_LABELS = ("偏差大或目标未完成原因分析", "改进措施及结果应用方案", "备注", "预算执行情况口径", "定量指标完成数汇总原则")


def is_closing_row(row: Row) -> bool:
    """A row whose first cells spell one of the form's closing labels, a narrow cell's lines in cells of their own or
    not (偏差大或 | 目标未完成 | 原因分析), or the header of another table the copy printed on (序号 | 学校性质 | …)."""
    texts = [clean(text) for text in row.texts()]
    return "".join(texts[:3]).startswith(CLOSING_LABELS) \
        or texts[:1] == [roles.SERIAL_HEAD] and not is_indicator_header(row)


def has_figure(text: str) -> bool:
    """Whether a cell holds a number in digits: a Chinese numeral in a label (三公经费控制) is none."""
    return NUMBER.search(clean(text)) is not None


def total_cells(row: Row) -> dict[str, int]:
    """The 总分 row's number cells by role: two numbers are the weight then the score; one alone is
    the score, the column reviewers fill in (the LLM chunks go by this; the rules' `read_total` may
    still read a lone number as the weight when the table's own sums say so)."""
    numbers = [index for index, text in enumerate(row.texts()) if has_figure(text) and not is_total_label(text)]
    return {"score": numbers[0]} if len(numbers) == 1 else dict(zip(("weight", "score"), numbers))


def classify(block: TableBlock, unsigned: str | None = "project") -> str | None:
    """department_overall | project | basic_data, from the table's words and title; a table whose words name
    neither a department nor a project is `unsigned` (a project's, unless the report says otherwise)."""
    title = "".join(clean(p.text) for p in block.title_lines)
    words = "".join(label(t) for row in block.rows for t in row.texts())
    if "基础数据" in title or ("编制数" in words and "三公经费" in words):
        return "basic_data"
    # A transfer payment's (区域) self-evaluation is read as a project's, whatever unit fills it in.
    if "项目支出名称" in words or "项目名称" in words or "项目支出绩效" in title or "专项资金" in title \
            or "转移支付" in title:
        return "project"
    # (a head that prints its funds as label–value cells is a self-evaluation's: 计划安排资金(万元) | 1088.00 | …)
    if "年度资金总额" not in words and not any(is_indicator_header(row) or is_fund_header(row)
                                         or "planned_funds" in header_values(row) for row in block.rows):
        return None
    department = "整体支出" in title or "部门整体" in title or any(label in words for label in DEPARTMENT_LABELS) \
        or any(DEPARTMENT_LEVEL.match(clean(t)) or DEPARTMENT_INDICATOR.match(clean(t))
               for row in block.rows for t in row.texts())
    return "department_overall" if department else unsigned


def split_tables(block: TableBlock) -> list[TableBlock]:
    """Cut a block where a second table starts without a heading between (a new 名称 row)."""
    parts: list[TableBlock] = []
    current: list[Row] = []
    for row in joined_headers(block.rows):
        first = next((clean(t) for t in row.texts() if clean(t)), "")
        starts = any(first.startswith(label) for label in START_LABELS)
        if starts and current and any(is_fund_header(r) or is_indicator_header(r) for r in current):
            parts.append(TableBlock(current))
            current = []
        current.append(row)
    parts.append(TableBlock(current))
    parts[0].title_lines = block.title_lines
    return parts


YEAR_AFTER_TITLE = re.compile(r"\s{0,8}[（(]?\s{0,4}\d{4}\s{0,4}年度?\s{0,4}[)）]$")
# What a title run together with the lines above it opens with: the 、 of a viewer's page number ("1、"), the year
# printed above it ("（2021年度）广水市…自评表").
YEAR_BEFORE_TITLE = re.compile(r"^[、\s]*(?:[（(]\s{0,4}\d{4}\s{0,4}年度?\s{0,4}[)）])?\s*")


def table_title(block: TableBlock) -> str | None:
    # The year printed after the title, on its own line or after it ("……自评表(2023年度)"), is not part of it, nor is
    # a site's remark before it, nor what a run-together copy ran into its start.
    lines = [YEAR_BEFORE_TITLE.sub("", YEAR_AFTER_TITLE.sub("", SITE_REMARK.sub("", p.text.strip())))
             for p in block.title_lines]
    # (a title printed twice, above the table and again with its year in its first row, is one title)
    return " ".join(dict.fromkeys(line for line in lines if line)) or None


def table_name(rows: list[Row], title: str | None = None) -> str | None:
    """The name the head gives: a project's own (项目名称) before its unit's; a 区域绩效 form's only its own (the
    unit that fills it in is no transfer payment's name). A label left blank has no value: the label after it
    (单位名称 ‖ 填报日期) is not its name."""
    names: dict[str, str] = {}
    for row in rows:
        texts = [clean(t) for t in row.texts()]
        for index, text in enumerate(texts):
            if label(text) in HEAD_NAME_LABELS and label(text) not in names:
                following = next((t for t in texts[index + 1:] if t), None)
                if following and not is_head_label(following):
                    names[label(text)] = without_unit_note(following)
    own = next((names[key] for key in PROJECT_NAME_LABELS if key in names), None)
    return own if title and REGION_FORM in title else own or next(iter(names.values()), None)


def money_unit(texts) -> str:
    """The unit a table prints its amounts in: "（万元）" is the norm, some provinces use "（元）"."""
    for text in texts:
        match = re.search(r"[（(](万元|元|亿元)[)）]", clean(text))
        if match:
            return match.group(1)
    return "万元"


def parse_fund_row(row: Row, columns: ColumnMap, first: bool = False) -> FundLine | None:
    """A funds row's line; None where no label names it, save the block's `first` row, whose label a copy may have
    lost (its values right under the column words are the total's)."""
    placed = {name: columns.index(row, name) for name in columns.positions}
    # A label that the row's alignment put under a number column (a web page dropped the empty 年初预算数 cell
    # before the values) is still the row's label.
    first_value = min((i for name, i in placed.items() if i is not None and roles.fits(name, row.cells[i].text) > -1),
                      default=len(row.cells))
    label_cells = [c for c in row.cells[:first_value] if clean(c.text)] or [row.cells[0]] * (first and first_value > 0)
    if not label_cells:
        return None
    # Joined numbers that no arithmetic could split are left empty, never guessed (extract_tables warns).
    values = {name: None if i is None or i < first_value or is_joined_run(row.cells[i].text) else row.cells[i].text
              for name, i in placed.items()}
    line = FundLine(
        label=fund_label(label_cells[-1].text),
        initial_budget=parse_number(values.get("initial_budget")),
        full_year_budget=parse_number(values.get("full_year_budget")),
        executed=parse_number(values.get("executed")),
        weight=parse_number(values.get("weight")),
        execution_rate=parse_percent(values.get("execution_rate")),
        score=parse_number(values.get("score")),
        line=label_cells[-1].line,
    )
    return rate_moved_left(line, values.get("weight"))


def rate_moved_left(line: FundLine, printed: str | None) -> FundLine:
    """A source's row that prints its 执行率 with no "%" and no 分值 or 得分, the empty cells left out, so that the rate
    lands under 分值 (Hainan: 单位资金: 120,000.00 120,000.00 30,000.00 25 under 年初预算数 | 全年预算数 | 执行数 | 分值 |
    执行率(%) | 得分): the number is the rate where it is 执行数 ÷ 预算数 (0 where nothing was budgeted or spent)."""
    budget = line.full_year_budget if line.full_year_budget is not None else line.initial_budget
    if line.weight is None or line.execution_rate is not None or line.score is not None \
            or budget is None or line.executed is None:
        return line
    rate = line.executed / budget * 100 if budget else 0.0 if not line.executed else None
    if rate is None or abs(rate - line.weight) > RATE_TOLERANCE + half_last_place(decimals_printed(clean(printed))):
        return line
    return line.model_copy(update={"weight": None, "execution_rate": line.weight})


def twice_printed_source(row: Row) -> FundLine | None:
    """A source of a head's planned funds printed twice side by side (name, planned, name, received: 省财政 | 570 |
    省财政 | 398.88): its planned amount is its full-year budget; what was received has no column of its own."""
    texts = [clean(text) for text in row.texts()]
    if len(texts) != 4 or not texts[0] or texts[0] != texts[2] \
            or any(text and parse_number(text) is None for text in texts[1::2]):
        return None
    return FundLine(label=texts[0], full_year_budget=parse_number(texts[1]), line=row.cells[0].line)


def breakdown_items(row: Row) -> dict[str, float]:
    items: dict[str, float] = {}
    for text in row.texts():
        match = BREAKDOWN_CELL.match(clean(text))
        if match:
            value = parse_number(match.group("value"))
            if value is not None:
                items[match.group("label")] = value
    return items


def unpadded(row: Row) -> Row:
    """The row without the empty cells a web page pads it with on the right."""
    texts = row.texts()
    width = max((i + 1 for i, t in enumerate(texts) if clean(t)), default=0)
    return Row(row.cells[:width])


# A numbered item of a block's label column ("1.项目年度目标完成情况", Sichuan's 2023 form): a row label, no column word.
NUMBERED_LABEL = re.compile(r"^\d{1,2}[.．、]")


def parse_goals(header: Row, row: Row) -> Goals:
    # A row as wide as the header that keeps every cell's place keeps its empty ones (the block's label merged down,
    # an achieved goal left empty).
    if not in_place(row, len(header.cells)):
        header = unpadded(header)
        # A row no wider than its header was not padded: an empty last cell is a goal left blank (实际完成情况).
        row = row if len(row.cells) <= len(header.cells) else unpadded(row)
    header = Row([Cell("", cell.line) if NUMBERED_LABEL.match(clean(cell.text)) else cell for cell in header.cells])
    if 0 < len(row.cells) < len(header.cells):
        # The values sit under the header's last cells; the cells before them label the block (项目基本情况 …).
        header = Row(header.cells[-len(row.cells):])
    # Beijing: 年初设定目标 | 年度总体目标完成情况综述; Chongqing: 年初绩效目标 | … | 全年目标实际完成情况.
    columns = ColumnMap.from_header(header, GOAL_ROLES)
    if columns.positions:
        expected, achieved = columns.cell(row, "expected"), columns.cell(row, "achieved")
    else:
        # No column words: the goals in the form's order, the expected one first (one text alone is the expected one).
        texts = [t for t in row.texts() if clean(t)]
        expected, achieved = (texts[0] if texts else None), (texts[1] if len(texts) == 2 else None)
    return Goals(expected=clean(expected) or None, achieved=clean(achieved) or None)


def header_weight(text: str | None) -> float | None:
    """The weight a 一级指标 header prints: "产出指标(50分)" → 50."""
    match = LEVEL_SUFFIX.search(clean(text))
    return parse_number(match.group()) if match else None


EMPTY_MARKS = (*DASHES, "无")


def joined_target(fields: dict[str, str | None]) -> str | None:
    """指标值 with the comparator and 度量单位 printed in columns of their own: "≧" "735" "人次" → "≧735人次"."""
    value = clean(fields.get("adjusted_target")) or clean(fields.get("target"))
    if not value or value in EMPTY_MARKS:
        return value or None
    parts = {name: clean(fields.get(name)) for name in TARGET_PARTS if name != "target"}
    prefix = next((parts[name] for name in ("nature", "direction") if COMPARATOR_CELL.match(parts[name])), "")
    unit = parts["measure_unit"] if parts["measure_unit"] not in EMPTY_MARKS else ""
    if prefix and not value[0].isdigit():
        prefix = ""
    if unit and (not value[-1].isdigit()):
        unit = ""
    return prefix + value + unit


def parse_indicator(row: Row, columns: ColumnMap, carried: dict[str, str | None],
                    level1_weights: dict[str, float]) -> Indicator | None:
    if not any(clean(t) for t in row.texts()):
        return None
    fields = {name: columns.cell(row, name) for name in columns.positions}
    weight = header_weight(fields.get("level1"))
    weight = parse_number(fields.get("level1_weight")) if weight is None else weight
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
        target=joined_target(fields),
        actual=clean(fields.get("actual")) or None,
        weight=parse_number(fields.get("weight")),
        score=parse_number(fields.get("score")),
        deviation_note=clean(fields.get("deviation_note")) or None,
        line=anchor.line,
        **extras,
    )


def lone_level(row: Row, carried: dict[str, str | None], level1_weights: dict[str, float],
               columns: ColumnMap | None) -> bool:
    """A row that is only a merged 一级 or 二级 cell printed on its own (产 出 指 标 (50分), 经济效益 指标): carried to
    the rows below at the level its name says (成本指标 is a 二级 under 产出指标, or under the 二级指标 column of a row
    as wide as the header, else a 一级), after its number under 序号 if the row prints one next to it (a row that
    prints an empty 一级 cell between them puts the name under its own column, no lone level: "4 |  | 成本指标")."""
    cells = [(index, text) for index, text in enumerate(map(clean, row.texts())) if text]
    numbered = len(cells) == 2 and roles.SERIAL.match(cells[0][1]) and cells[1][0] == cells[0][0] + 1
    filled = cells[1:] if numbered else cells
    # A 二级 with no indicator under it may print its 0 points in its row (Anhui: 生态效益指标 … 0): still a level.
    if len(filled) == 2 and LEVEL2.fullmatch(level_name(filled[0][1]) or "") and parse_number(filled[1][1]) == 0:
        filled = filled[:1]
    if len(filled) != 1:
        return False
    [(at, printed)] = [(index, re.sub(r"\s+", "", text)) for index, text in filled]
    name = level_name(printed) or ""
    under_level2 = columns is not None and len(row.cells) == columns.width and columns.positions.get("level2") == at
    if LEVEL2.fullmatch(name) and (not LEVEL1.fullmatch(name) or carried["level1"] == "产出指标" or under_level2):
        carried["level2"] = name
    elif LEVEL1.fullmatch(name):
        carried["level1"], carried["level2"] = name, None
        weight = header_weight(printed)
        if weight is not None:
            level1_weights[name] = weight
    elif SECTION_LEVEL1.match(printed):
        carried["level1"], carried["level2"] = printed, None
    elif SECTION_LEVEL2.match(printed) and LEVEL2.fullmatch(SECTION_LEVEL2.sub("", printed)):
        carried["level2"] = printed
    else:
        return False
    return True


def ends_bare_level(row: Row, bare: Indicator, carried: dict[str, str | None], columns: ColumnMap | None) -> bool:
    """Whether a row printed after a level's own row leaves that level empty: another level at the same or a higher
    rank (a 二级 under a bare 一级 fills it)."""
    after = dict(carried)
    return lone_level(row, after, {}, columns) and not (bare.level2 is None and after["level1"] == bare.level1)


def column_total(table: Table, column: str) -> float | None:
    """The sum of one column (weight or score) over the rows read so far, the funds row included."""
    rows = [*table.indicators, *([table.funds_total] if table.funds_total else [])]
    values = [getattr(row, column) for row in rows if getattr(row, column) is not None]
    return sum(values) if values else None


def total_by_column(row: Row, columns: ColumnMap | None) -> tuple[float | None, float | None] | None:
    """A 总分 row's (total_weight, total_score) from the cells under the 分值 and 得分 columns, when the row is
    a full grid row of the indicator header (a docx, sheet or web table); None when it is not or they are empty."""
    if columns is None or len(row.cells) != columns.width or not {"weight", "score"} & set(columns.positions):
        return None
    weight, score = parse_number(columns.cell(row, "weight")), parse_number(columns.cell(row, "score"))
    return (weight, score) if weight is not None or score is not None else None


def read_total(numbers: list[float], table: Table, columns: ColumnMap | None) -> tuple[float | None, float | None]:
    """A 总分/合计 row's (total_weight, total_score).

    Two numbers stand in the order of the header's 分值 and 得分 columns (得分 first where the header prints it
    first: 自评得分 | 指标分值), 分值 then 得分 where the header names only one of them. One number is the score,
    the column reviewers fill in — unless the table's own arithmetic says otherwise: nothing was scored, or the
    number is the 分值 column's sum and not the 得分 column's.
    """
    if len(numbers) > 1:
        positions = columns.positions if columns is not None else {}
        score_first = {"weight", "score"} <= set(positions) and positions["score"] < positions["weight"]
        return (numbers[1], numbers[0]) if score_first else (numbers[0], numbers[1])
    if not numbers:
        return None, None
    [number] = numbers
    weights, scores = column_total(table, "weight"), column_total(table, "score")
    unscored = bool(table.indicators) and scores is None
    adds_weights = weights is not None and abs(number - weights) < 0.005 \
        and (scores is None or abs(number - scores) >= 0.005)
    return (number, None) if unscored or adds_weights else (None, number)


def header_words(row: Row) -> list[str]:
    """The filled cells of a row when every one names an indicator column (一级指标, 年度 指标值, 实际 完成值), else []."""
    texts = [clean(t) for t in row.texts() if clean(t)]
    return texts if texts and all(roles.role_of(t, INDICATOR_ROLES) and not roles.NUMBER_CELL.match(t) for t in texts) else []


def joined_headers(rows: list[Row]) -> list[Row]:
    """An indicator header a web page broke over lines (一级指标 | 二级指标 | 三级指标 | 年度 指标值 | ‖ 实际 完成值 | ‖
    分值 | 得分 | 偏差原因…) as one row: rows of column words that only together name a full header."""
    joined: list[Row] = []
    index = 0
    while index < len(rows):
        row, end = rows[index], index + 1
        if header_words(row) and not is_indicator_header(row):
            cells = [cell for cell in row.cells if clean(cell.text)]
            while end < len(rows) and end - index <= 3 and header_words(rows[end]):
                cells += [cell for cell in rows[end].cells if clean(cell.text)]
                end += 1
            if end > index + 1 and is_indicator_header(Row(cells)):
                row = Row(cells)
        joined.append(row)
        index = end if row is not rows[index] else index + 1
    return joined


def parse_self_evaluation(block: TableBlock, kind: str) -> Table:
    """A department or project table: name, funds block, goals, indicators, 总分, key–value head cells."""
    title = table_title(block)
    table = Table(kind=kind, title=title, name=table_name(block.rows, title), line=block.line,
                  location=next((c.location for row in block.rows for c in row.cells if c.location), None))
    fund_columns: ColumnMap | None = None
    indicator_columns: ColumnMap | None = None
    indicator_header: Row | None = None
    goal_header: Row | None = None
    carried: dict[str, str | None] = {"level1": None, "level2": None}
    bare_level: Indicator | None = None  # the row of a level printed alone, until an indicator comes under it
    head: dict[str, str] = {}
    fund_weight: float | None = None
    explained = 0
    rows = [row for row in block.rows if any(clean(t) for t in row.texts())]
    for row in rows:
        known = header_values(row)
        head = {**known, **head}
        if bare_level is not None and (is_total_row(row) or is_indicator_header(row) or
                                       ends_bare_level(row, bare_level, carried, indicator_columns)):
            table.indicators.append(bare_level)  # a level printed with no indicator under it
            bare_level = None
        if is_total_row(row) and fund_columns is None:  # a 合计 row inside the funds block is the funds' total
            placed = total_by_column(row, indicator_columns)
            numbers = [parse_number(row.cells[index].text) for index in total_cells(row).values()]
            table.total_weight, table.total_score = placed or read_total(numbers, table, indicator_columns)
            if table.total_weight is None:  # (the points the label gives the table: 总分(100分))
                table.total_weight = header_weight(next(text for text in row.texts() if clean(text)))
            indicator_columns = None
        elif indicator_columns is not None and is_closing_row(row):
            indicator_columns = None  # the form's closing rows after its indicators: no indicator below
        elif is_indicator_header(row) or is_levels_header(row):
            indicator_header, indicator_columns = row, ColumnMap.from_header(row, INDICATOR_ROLES)
            fund_columns = goal_header = None
        elif indicator_header is not None and is_sub_header(row, INDICATOR_ROLES):
            indicator_columns = ColumnMap.from_header(indicator_header, INDICATOR_ROLES, row)
            indicator_header = None
        elif indicator_columns is not None and lone_level(row, carried, table.level1_weights, indicator_columns):
            indicator_header = None
            bare_level = Indicator(level1=carried["level1"], level2=carried["level2"], line=row.cells[0].line)
        elif indicator_columns is not None:
            indicator_header = None
            indicator = parse_indicator(row, indicator_columns, carried, table.level1_weights)
            if indicator is None:
                continue
            if bare_level is not None and (indicator.level3 is None or is_placeholder(indicator.level3) or
                                           indicator.level1 != bare_level.level1 or
                                           bare_level.level2 not in (None, indicator.level2)):
                table.indicators.append(bare_level)  # only "……" under the level: the level's own row stays
            bare_level = None
            table.indicators.append(indicator)
            if indicator.weight is None and indicator.score is None and (indicator.target or indicator.actual):
                continue  # a row with a target but no 分值 or 得分 read: not explained

        elif is_goal_header(row):
            goal_header, fund_columns = row, None
            filled = [clean(t) for t in row.texts() if clean(t)]
            labels_end = max((i + 1 for i, t in enumerate(row.texts()) if is_goal_label(t)), default=0)
            # A label and one goal's text, unless the second is a column word too (总体目标 | 全年实际完成情况).
            if len(filled) == 2 and "预期目标" not in "".join(filled) and not is_goal_label(filled[1]):
                table.goals = parse_goals(row, Row(row.cells[1:]))
                goal_header = None
            elif labels_end and any(clean(t) and not is_goal_label(t) for t in row.texts()[labels_end:]):
                # The goals printed in the labels' row (a web page that glued the rows): the texts after the labels
                # (年度目标完成情况 the block's label before its columns' words names no goal).
                table.goals = parse_goals(Row(row.cells[:labels_end]), Row(row.cells[labels_end:]))
                goal_header = None
        elif goal_header is not None:
            table.goals = parse_goals(goal_header, row)
            goal_header = None
        elif is_fund_header(row):
            fund_columns = ColumnMap.from_header(row, FUND_ROLES)
            table.money_unit = money_unit(row.texts())
            # The block's weight in its label when no 分值 column prints it: 预算执行情况(万元)(20分).
            fund_weight = next((w for w in map(header_weight, row.texts()) if w is not None), None)
        elif fund_columns is not None:
            if not add_fund_row(table, row, fund_columns):
                continue
        elif "planned_funds" in head and (source := twice_printed_source(row)) is not None:
            table.fund_lines.append(source)
        elif not known and table_name([row]) is None:
            continue
        explained += 1
    if bare_level is not None:
        table.indicators.append(bare_level)
    if table.funds_total is not None and table.funds_total.weight is None:
        table.funds_total.weight = fund_weight
    planned = parse_number(head.get("planned_funds"))
    if table.funds_total is None and planned is not None:
        table.funds_total = FundLine(label="计划投资额", full_year_budget=planned,
                                     executed=parse_number(head.get("used_funds")))
    if table.total_score is None and parse_number(head.get("total_score")) is not None:
        table.total_score = parse_number(head["total_score"])
    if "money_unit" in head:
        table.money_unit = head["money_unit"]
    table.name = table.name or head.get("name")
    table.confidence = round(explained / len(rows), 2) if rows else 0.0
    return table


def add_fund_row(table: Table, row: Row, columns: ColumnMap) -> bool:
    """Add a funds row or its breakdown items; False when the row carries neither."""
    items = breakdown_items(row)
    if items or len(row.cells) < len(columns.positions):
        table.breakdown.update(items)
        part = None if items else short_part(row, table.funds_total)
        if part is not None:
            table.fund_lines.append(part)
        return bool(items) or part is not None
    line = parse_fund_row(row, columns, first=table.funds_total is None and not table.fund_lines)
    if line is None:
        return False
    # A block that prints its parts alone (Jiangxi: 整体支出规模 | 其中：财政拨款 | … ‖ 其中：基本支出) has no total.
    printed_as_part = any(clean(text).startswith("其中") for text in row.texts())
    if table.funds_total is None and (is_funds_total(line) or not table.fund_lines and not printed_as_part):
        table.funds_total = line
    elif is_funds_total(line) and not is_funds_total(table.funds_total):
        # The 合计 row printed last (Ningde: 财政资金小计 … 合计): the first row read was one of its parts.
        table.fund_lines.insert(0, table.funds_total)
        table.funds_total = line
    else:
        table.fund_lines.append(line)
    return True


def short_part(row: Row, total: FundLine | None) -> FundLine | None:
    """A part of the funds printed with fewer cells than the header, its empty cells left out ("其中:当年财政 拨款 |
    387664.62 | 387664.62 | —" under a total that fills 全年预算数 and 全年执行数 only): its amounts under the money
    columns the total fills, in order; None unless the label names a part and no more amounts than those follow."""
    texts = [clean(text) for text in row.texts()]
    amounts = [text for text in texts[1:] if text and text not in DASHES and not text.endswith(PERCENT_SIGNS)]
    filled = [name for name in MONEY_ROLES if total is not None and getattr(total, name) is not None]
    if not texts[0] or parse_number(texts[0]) is not None or texts[0] in DASHES or not amounts \
            or len(amounts) > len(filled) or any(parse_number(amount) is None for amount in amounts):
        return None
    return FundLine(label=fund_label(texts[0]), line=row.cells[0].line,
                    **{name: parse_number(amount) for name, amount in zip(filled, amounts)})


def is_funds_total(line: FundLine) -> bool:
    return "总额" in line.label or "合计" in line.label


def parse_basic_data(block: TableBlock) -> Table:
    table = Table(kind="basic_data", title=table_title(block), name=table_name(block.rows), line=block.line)
    for row in block.rows:
        texts = [clean(t) for t in row.texts()]
        if not any(texts):
            continue
        table.rows.append(TableRow(label=texts[0], values=[t or None for t in texts[1:]], line=row.line))
    table.money_unit = money_unit(t for row in block.rows for t in row.texts())
    return table


CONTINUED = re.compile(r"[（(]续[)）]|续表")  # a title saying its table goes on from the page before
INFERRED_COLUMNS_CONFIDENCE = 0.7  # under settings.confidence (0.8), over check.reading.MIN_CONFIDENCE (0.5)


def is_continuation(block: TableBlock) -> bool:
    """Whether a block of indicator rows with no header goes on with the table above: no title of its own (a page
    break between), or one that says it goes on (项目支出绩效自评表（续）), and no head (项目名称) of its own."""
    title = "".join(clean(p.text) for p in block.title_lines)
    return (not title or CONTINUED.search(title) is not None) and table_name(block.rows) is None


def goes_on(above: Table, table: Table, part: TableBlock, headerless: bool) -> bool:
    """Whether a table's indicator rows, with no title or head of their own (`is_continuation`), go on with the table
    above: rows a page break carried away from their header (`headerless`) while the table above is open (no 总分 read
    yet); or rows under a header of their own below a table whose head, funds and goals were read and no indicator (a
    copy that prints an empty row as a blank line ends the table there: the goals' texts left empty)."""
    if above.kind == "basic_data" or not table.indicators or not is_continuation(part):
        return False
    if headerless:
        return above.total_score is None and above.total_weight is None
    return not above.indicators and above.kind == table.kind and not funds_read(table)


def funds_read(table: Table) -> bool:
    """Whether a figure of the table's funds block was read: a block of labels with their cells left empty (其他资金：)
    is no table read — the rows whose figures ran together are the LLM's to read."""
    return any(value is not None for line in (table.funds_total, *table.fund_lines) if line
               for key, value in line.model_dump().items() if key not in ("label", "line"))


def joined_runs(block: TableBlock) -> list[str]:
    """A warning for each cell whose figures run together could not be split (its values left empty)."""
    return [f"第{cell.line}行的数字“{clean(cell.text)}”连在一起，无法唯一拆分，已留空，请人工核对。"
            for row in block.rows for cell in row.cells if is_joined_run(cell.text)]


def continued(table: Table, rest: Table) -> None:
    """Add to `table` the indicator rows of `rest`, its part a page break cut off from its header: the levels its
    first rows leave empty (merged down from the page before) are those of the last row before the break."""
    last = table.indicators[-1] if table.indicators else Indicator()
    for indicator in rest.indicators:
        if indicator.level1 is not None:
            break
        indicator.level1, indicator.level2 = last.level1, indicator.level2 or last.level2
    table.indicators += rest.indicators
    table.confidence = min(table.confidence, rest.confidence)
    if rest.total_score is not None:
        table.total_weight, table.total_score = rest.total_weight, rest.total_score


def extract_tables(blocks: list[TableBlock], report_kind: str) -> tuple[list[Table], list[str]]:
    """Every self-evaluation table in source order, with warnings for tables not understood.

    A table's head (项目名称, 自评总分 …) printed as a grid of its own just above is read with it. A table whose
    words name neither a department nor a project (a copy cut below its title and head) is of the `report_kind`.
    """
    tables: list[Table] = []
    warnings: list[str] = []
    head: TableBlock | None = None
    head_table: Table | None = None  # the head read as a table of its own
    for block in blocks:
        warnings += block.warnings
        for part in split_tables(block):
            if head is not None:
                part = TableBlock(head.rows + part.rows, part.title_lines or head.title_lines)
            kind = classify(part, report_kind)
            table = None if kind is None else \
                parse_basic_data(part) if kind == "basic_data" else parse_self_evaluation(part, kind)
            if (table is None or not table.indicators and not funds_read(table) and kind != "basic_data") \
                    and (headed := with_inferred_header(part.rows)) is not None:
                rows, header = headed
                part = TableBlock(rows, part.title_lines)
                kind = classify(part, report_kind) or report_kind
                table = parse_self_evaluation(part, kind)
                # Columns told by the cells' types are less sure than columns a header names: the hybrid extractor
                # has the LLM read such a table again; the checkers still trust its figures.
                table.confidence = min(table.confidence, INFERRED_COLUMNS_CONFIDENCE)
                if table.indicators:
                    warnings.append(f"第{header.line}行起的指标行没有表头，已按“{'｜'.join(filter(None, header.texts()))}”"
                                    "的列序读取，请人工核对。")
                if tables and goes_on(tables[-1], table, part, headerless=True):
                    continued(tables[-1], table)
                    warnings += joined_runs(part)
                    head = None
                    continue
            if table is None:
                head = None
                continue
            if tables and goes_on(tables[-1], table, part, headerless=False):
                continued(tables[-1], table)
                warnings += joined_runs(part)
                head = None
                continue
            if kind != "basic_data" and not table.indicators and not funds_read(table):
                head = part if head is None and table.name else None
                head_table = table
                if head is None:
                    warnings.append(f"第{part.line}行的表格未能识别出资金或指标行，已跳过。")
                continue
            head = None
            tables.append(table)
            warnings += joined_runs(part)
    if head is not None and (head_table.goals.expected or head_table.goals.achieved):
        # The copy ends inside a table, after its name and goals (a page's excerpt cut off): what is there is read.
        tables.append(head_table)
        warnings.append(f"第{head.line}行的表格在资金和指标行之前截断，只读到名称和年度目标，请核对原件。")
    elif head is not None:
        warnings.append(f"第{head.line}行的表格未能识别出资金或指标行，已跳过。")
    return tables, warnings
