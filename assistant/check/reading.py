"""Was a finding's table read well enough to assert it? A guard over the other checkers' findings.

On copies the reader reads imperfectly (cells run together, columns shifted, a value taken from the next cell) a
checker's arithmetic proves only the misreading. A finding that rests on a table's figures stands as an error or
warning only when those figures were read with confidence; otherwise it becomes an info "需人工核对" that says why
the read is doubtful, and claims no defect (`Finding.doubt`). Signs of a misread, each a cross-check of the table
against itself:
- the reader explained too little of the table (`Table.confidence`);
- several rows score above their 分值: the 分值 and 得分 columns are shifted;
- the rows' 分值 add up far beyond the 100 a form weighs: the 分值 column holds another column's numbers (a sign
  for the rules that compute with them, asked after the row's own signs, which say which cell slipped);
- a funds row whose 分值 no funds block weighs, or whose 执行率 repeats its 执行数 or 分值, or a printed 执行率
  off from its own amounts by a power of ten: a scale or column slip, not a computing error;
- a total whose parts add up to a multiple of it, that fails in every column, or whose part lost the cells it prints
  (a copy that drops empty cells moves the rest left) or reads as two of the block's figures glued ("20" "20" read
  as 2020);
- a basic-data total that is its parts' sum with more digits after it ("696855.87" for 696): the next cell ran in;
- 一级指标 weights that do not make 100 while their rows' do, a header weight that is one of its rows' 分值, or a
  block that lost most of its rows;
- a name that ran into its target ("不少于6种28种", "政策知晓率═"), a target of 0 ("100%" read as 分值 10 and 指标值
  "0%"), a row scored with no 分值 in a weighted table;
- a value cell holding characters no figure carries ("290$", "第O份", "5=50%", "3-"), or a year alone over a month
  ("2024年" | "12": a deadline split over two cells);
- values one column right of their own: the 完成值 holds the target ("≥1次") while the 指标值 holds the wrapped end
  of the name ("权益日宣传活动次数"), or one column left: a 指标值 read as the 分值 of a row with no 完成值, a 分值
  read as the 全年执行数 of a funds row with no 得分, a funds label run into its first figure;
- a 分值 that is the row's decimal 得分 with one digit more ("2.51" beside 2.5: figures run together, cut a digit off);
- a score twice its 分值, a 执行率 in the thousands, printed on a row with no amount read, or 100% less the
  recomputed one (the 结余率 beside it), a name of one character;
- a table where no row named as an indicator reads a target that sets one (the 指标值 column was not found, or names
  moved into it), for a row "scored without a target";
- a 一级指标 block's sums over a row whose cells ran together or that lost its 分值;
- a table "left unfilled" whose every 指标值 is a bare number no greater than the row's 分值 (its 得分 moved left);
- a 指标值 that is the row's 分值 or 得分 beside a 完成值 that is a name in words ("5" | "合理性": the next row's name
  and this row's figures moved into the value columns);
- a 完成值 or 偏差说明 holding a row's numbered name ("指标21:肺结核健康规范", ":举办健康教育知识讲座"), or a
  偏差说明 that is a bare number (the 得分 one column left);
- a value cell holding a level name the table's rows read ("产出指标", "资金管理"), or a unit of measure alone ("%",
  "元/人/天") in a name or target cell; a 偏差说明 holding a figure ("60%") beside a 完成值 in words;
- several rows weighing more than a row can (a 指标值 column read as 分值), all weights far beyond 100;
- for what rests on every row or on a whole column (总分, weights, a target column), a table where many rows show
  their cells slipped or run together (`askew`);
- a row that prints a 完成值 and lost its 指标值 in a table whose other rows print theirs; a 完成值 that is the row's
  分值 or 得分 beside a target in words; a 完成值 running on from its figure into the note; a name closing on a
  verdict ("…逐步提高");
- a row whose figures the reader left empty, unable to split a run of them (its own warning), or for what rests on
  every row, a table with such a row;
- a 分值 on a source line of the funds with no 得分 beside it, or two figures of a funds row that are one figure of
  the block cut in two ("251.89" read as 251.8 and 9);
- a value cell run into the next row's level name ("6台产出指标"), a name
  closing on a decimal or a percentage ("法治建设宣传次数0.5"), or opening with a 一级 name the table's rows read.
"""
import math
import re
from collections import Counter
from dataclasses import dataclass

from assistant.check.base import TOLERANCE, Context, fmt
from assistant.check.basic_data import find_row, numbers
from assistant.check.funds import FUND_COLUMNS, computed_rate, effective_rate, fund_parts
from assistant.check.scoring import scored
from assistant.extract.columns import BRACKETED, DASHES
from assistant.extract.run_rows import LEVEL1, LEVEL2
from assistant.values import (COMPARATOR_SIGNS, COMPARATORS, NOT_APPLICABLE, NUMBER, QUALITATIVE_WORDS, RESULT_WORDS,
                              normalize_text, parse_number, parse_target, to_ascii)
from schemas import Finding, FundLine, Indicator, Table

# Rules whose proof is arithmetic on a table's 分值, 得分 and amount columns: the columns a misread shifts.
FIGURE_RULES = {"execution_rate_mismatch", "execution_score_mismatch", "score_exceeds_weight",
                "subtotal_weight_mismatch", "total_score_mismatch", "sum_mismatch", "score_not_proportional",
                "target_not_met_full_score", "met_but_deducted", "text_table_mismatch"}
# Rules that rest on a funds row's 执行率.
RATE_RULES = {"execution_rate_mismatch", "execution_score_mismatch", "missing_deviation_note"}
# Below this share of its rows explained, a table's figures are not trusted (Table.confidence).
MIN_CONFIDENCE = 0.5
SHIFTED_ROWS = 2
# A form weighs its funds block and indicator rows to 100; a unit's slip adds a row or two (110), while 分值 adding to
# half as much again were read from another column (a 序号, a 指标值 or the next row's cells). One row's wild 分值
# (100, 2019) is that row's misread, doubted on its row: the sum counts the 分值 a row can weigh, up to ROW_WEIGHT.
WEIGHTS_CEILING = 150.0
FULL_MARKS = 100.0
ROW_WEIGHT = 30.0
# The most a funds block weighs: 10 in the national form, 20 in Yunnan's, Hubei's and Sichuan's forms; 30 leaves room
# for a province weighing it more without taking a 一级指标's 30 or 50 for it.
MAX_FUNDS_WEIGHT = 30.0
# A character no printed figure carries: a currency sign for %, OCR letters for 0 and 1, "=" inside a number, a dash
# closing a number (a range or a number "3-1" cut after its dash: a range prints its end, "2-3").
# A letter of a Latin word (SO2, CO2, PM2.5) is no OCR slip, nor a formula before a unit or a name (O3浓度): a
# letter read for a leading 0 or 1 heads a number ("O5", "l00%"); a 5 read as S is doubted only as the whole cell
# ("S"): 4S店 and S级 are names.
GARBLED = re.compile(r"[$#@&?？]|(?<=\d)[-—–]$|(?<=\d)[OoIl](?![A-Za-z])|(?<![A-Za-z])[OoIl](?=\d[\dOoIl]*(?:[.%]|$))|^[OoIlS]+$"
                     r"|(?<=[\u4e00-\u9fff])[OoIl](?=[\u4e00-\u9fff])|\d[=＝]\d|(?<![A-Za-z])[OoIl][\dOoIl]*%")
# A number printed twice with nothing between ("9090%": 90 | 90%, "12001200个"): two cells run together. Only a
# percentage above 100 or a repeat of three digits or more is doubted: ≥2020人 may be 2020 people.
DOUBLED = re.compile(r"(?<![\d.])(\d{2,}(?:\.\d+)?)\1(?![\d.])")
# A name cell that ran into its 指标值 cell: a comparator and a number inside the name ("不少于6种28种"), or a
# comparator closing it ("政策知晓率═").
NAMED_TARGET = re.compile(rf"(?:{'|'.join(re.escape(word) for word, _ in COMPARATORS)})(?:\s*\d|$)")
# A verdict ("长期", "不断提升", "有效") read where a name is due: a target or result cell slipped left. The whole name
# is the verdict: 持续时间, 有效期 and 有效率 are names.
VERDICT = re.compile(r"(?:不断|逐步|持续|明显|显著|有效)(?:提升|提高|改善|增强|加强|完善|推进)?|长期|良好")
# A 指标值 that is the end of a measure's name ("处置率", "权益日宣传活动次数"): a name wrapped onto the next line and
# read as the target. A target in words says what is to happen (提高, 达标, 按要求); a name's tail names a measure.
NAME_TAIL = re.compile(r"[^\d]{0,30}(?:率|数|量|比例|度)")  # a name's tail is a few words
# Words a 完成值 in words names a row with rather than judging it: a name has a few characters ("合理性", "资金使用").
NAME_LENGTH = 3
# The form's numbering of an indicator's name ("指标1:", "指标21："), or the colon after it: a value or note cell
# that starts with it holds a row's name, the row's cells slipped.
NUMBERED_NAME = re.compile(r"指标\s*\d+\s*[:：]|[:：]")
# A target that is a year alone ("2024年"): a deadline "2024年12月" split over two cells.
YEAR_ONLY = re.compile(r"\d{4}年")
# A cell holding a unit of measure alone ("%", "元/人/天", "个工作日以内"): the 度量单位 column's cell, its figure
# left in another column.
MEASURE_UNIT = re.compile(r"(?:%|万元|亿元|元|个工作日|工作日|人次|件/万人)(?:/[^\d/]{1,4}){0,3}(?:以内|以上|以下)?")
# A cell that is one figure: a number with a comparator before it or a few characters of unit after it ("60%",
# "2020年", "≥95%").
FIGURE = re.compile(rf"[{COMPARATOR_SIGNS}]?\d{{1,12}}(?:\.\d{{1,6}})?[^\d]{{0,4}}")
# A table is misread as a whole when at least this many of its rows, and this share of them, show their cells
# slipped or run together: a column the header places was found elsewhere, in rows with no sign of their own too.
SLIPPED_ROWS = 2
SLIPPED_SHARE = 0.15
# Rows weighing more than a row can (ROW_WEIGHT): this many, with all weights far beyond 100, mean the 分值 column
# is read from another column.
HEAVY_ROWS = 2
# Rules that rest on every row of a table or on one of its columns as a whole (a row "scored without a target" means
# the 指标值 column was found): a row's own judgement rests on its own cells and their signs.
SLIP_RULES = {"total_score_mismatch", "subtotal_weight_mismatch", "score_exceeds_weight", "not_applicable_scored",
              "missing_section"}
# Most rows print a 指标值: one that prints a 完成值 and no 指标值 lost the cell.
TARGETS_PRINTED = 0.8
# A figure followed by a clause of words ("60%部分项目延续至下年"): a 完成值 with the 偏差说明 run into it.
NOTE_RUN_ON = re.compile(rf"[{COMPARATOR_SIGNS}]?\d{{1,12}}(?:\.\d{{1,6}})?[%年月日个次人项家件]?[\u4e00-\u9fff][^\d]{{4,200}}")
# A qualitative target ("逐步提高", "长期") or a note ("加大宣传力度") closing a name: the name ran into that cell.
VERDICT_TAIL = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:(?:逐步|不断|加大)[\u4e00-\u9fff]{2,4}|长期)$")
# The reader's warning on a run of figures it could not split, whose values it left empty (extract/tables.py,
# extract/run_rows.py): "第3行的指标行“工程完工率1010010100”连在一起，无法唯一拆分，数值已留空".
UNSPLIT = re.compile(r"第(\d{1,7})行的[^“]{0,10}“([^”]{1,400})”连在一起，无法唯一拆分")
# A funds row's cells in the order the form prints them, and the fewest characters a figure cut in two has ("25.1").
ROW_COLUMNS = ("initial_budget", "full_year_budget", "executed", "weight", "execution_rate", "score")
SPLIT_DIGITS = 4
# A name closing on a decimal or a percentage ("法治建设宣传次数0.5", "知识产权培育服务90%"): the next cell ran into it.
# A formula's figure (PM2.5) follows a letter, not a Chinese character.
FIGURE_TAIL = re.compile(r"(?<=[\u4e00-\u9fff])(?:\d{1,6}\.\d{1,4}%?|\d{1,6}%)$")
# The fewest characters of a 一级指标 name ("项目决策", "部门预算管理") that a 三级 name opening with it ran on from.
LEVEL1_PREFIX = 4
# Rules that compare a row's 完成值 with its 指标值.
COMPARING_RULES = {"missing_deviation_note", "target_not_met_full_score", "score_not_proportional", "met_but_deducted",
                   "target_set_low", "unit_mismatch"}
# Header words read where a row's name is due.
NOTE_HEADER_WORDS = ("偏差原因", "未完成原因", "改进措施")
# A funds row's label that took in a neighbour cell: a figure after it ("年度资金总额43.2") or a header word before it.
FUND_LABEL_SLIP = re.compile(r"\d$|^(?:得分|分值|执行率|未完成原因|原因)")
# Rules that judge one indicator row: a row with no name read is a wrapped line or a slipped cell, not an indicator.
INDICATOR_RULES = {"score_not_proportional", "target_not_met_full_score", "met_but_deducted", "missing_deviation_note",
                   "unit_mismatch", "target_direction_suspect", "target_set_low", "not_applicable_scored"}


@dataclass(frozen=True)
class LevelNames:
    """The level names a table's rows read: every one (一级, 二级, 三级), and the 一级 ones a 三级 name may run on from."""

    every: frozenset[str]
    level1: frozenset[str]


def level_names(table: Table) -> LevelNames:
    """The level names of `table`'s rows: a value cell that prints one holds a row's name, and a 三级 name that opens
    with a 一级 name of a few words ran on from that cell."""
    every = frozenset(normalize_text(name) for i in table.indicators for name in (i.level1, i.level2, i.level3)
                      if name)
    level1 = frozenset(name for i in table.indicators if len(name := normalize_text(i.level1)) >= LEVEL1_PREFIX)
    return LevelNames(every, level1)


def shifted_scores(table: Table) -> int:
    """How many rows score above their 分值."""
    return sum(1 for i in table.indicators
               if i.score is not None and i.weight is not None and i.score > i.weight + 1e-6)


def table_doubt(table: Table, rule: str) -> str | None:
    """Cross-checks of a table against itself that a misread fails, for the rules that compute with its figures:
    the reader explained too little of it, or several rows score above their 分值."""
    if rule in FIGURE_RULES and table.confidence < MIN_CONFIDENCE:
        return f"该表仅{table.confidence:.0%}的行读取成功"
    if rule in FIGURE_RULES and shifted_scores(table) >= SHIFTED_ROWS:
        return f"该表有{shifted_scores(table)}行得分大于分值，分值、得分两列疑错位"
    if rule == "missing_section" and scores_as_targets(table):
        return "各行指标值都是不超过其分值的不带单位的数，像是得分左移入指标值列，疑为空格被略去"
    return None


def scores_as_targets(table: Table) -> bool:
    """Every row weighed reads as its 指标值 a bare number no greater than its 分值, and most rows the 分值 itself:
    the 得分 of a copy that printed no empty cell (most rows score full marks), moved left into the 指标值 column a
    form prints after the 分值. An unfilled form's targets carry their units and comparators (≥95%, 100人), and a
    bare count (2, 5) is its 分值 only by chance."""
    rows = [i for i in table.indicators if i.weight is not None and i.target]
    targets = [parse_number(target) if NUMBER.fullmatch(target := normalize_text(i.target)) else None for i in rows]
    return bool(rows) and all(t is not None and t <= i.weight for t, i in zip(targets, rows)) \
        and 2 * sum(t == i.weight for t, i in zip(targets, rows)) >= len(rows)


def weights_doubt(table: Table, rule: str) -> str | None:
    """A table whose rows' 分值, each one a row can weigh, add up far beyond 100, or where several rows weigh more than
    a row can and all of them far beyond 100: the rows' cells are not where the header puts them. A 偏差说明 is due
    on a row scored below its 分值, and a row "scored without a target" is one whose 分值 column holds a figure, so
    those judgements rest on the 分值 column too (a target read as the 分值 leaves the 指标值 empty)."""
    if rule not in FIGURE_RULES and rule not in ("missing_deviation_note", "not_applicable_scored"):
        return None
    weights = [i.weight for i in table.indicators if i.weight and i.weight <= 100]
    heavy = [w for w in weights if w > ROW_WEIGHT]
    light = funds_weight(table) + sum(w for w in weights if w <= ROW_WEIGHT)
    if light > WEIGHTS_CEILING or len(heavy) >= HEAVY_ROWS and light + sum(heavy) > WEIGHTS_CEILING:
        return f"该表各行分值合计{fmt(light + sum(heavy))}分，远超满分100分，分值一列疑读自其他栏"
    return None


def multiple_of(a: float | None, b: float | None) -> int | None:
    """The whole factor (2, 3, … 10, 100) by which a exceeds b, to 1%; None when a is no such multiple."""
    if not a or not b or abs(a) < abs(b) * 1.5:
        return None
    ratio = a / b
    return round(ratio) if abs(ratio - round(ratio)) < 0.01 * ratio else None


def power_of_ten_apart(a: float | None, b: float | None) -> bool:
    """a and b differ by a factor 10, 100, 1000 or 10000, either way (to 1%)."""
    if not a or not b:
        return False
    power = math.log10(abs(a / b))
    return 1 <= abs(round(power)) <= 4 and abs(power - round(power)) < 0.005


def glued(value: float | None, others: list[float]) -> bool:
    """`value` reads as two other figures of its block run together ("20" "20" → 2020)."""
    return value is not None and any(fmt(value) == fmt(a) + fmt(b) for a in others for b in others)


def funds_weight(table: Table) -> float:
    """The 执行率's 分值 when one a funds block can weigh was read, else 0 (a 分值 of 100 there is its own misread)."""
    weight = table.funds_total.weight if table.funds_total and table.funds_total.weight else 0.0
    return weight if weight <= MAX_FUNDS_WEIGHT else 0.0


def after_full_marks(value: float) -> bool:
    """`value` reads as the 总分 row's 分值 100 run into its score (10096: 100 | 96, 100100: 100 | 100)."""
    rest = fmt(value)[3:]
    score = parse_number(rest) if fmt(value).startswith("100") and not rest.startswith(".") else None
    return score is not None and 0 < score <= 100


def fund_line_doubt(line: FundLine) -> str | None:
    """Signs within one funds row that its cells were read into the wrong columns."""
    if line.weight is not None and line.weight > MAX_FUNDS_WEIGHT:
        return f"“{line.label}”分值读作{fmt(line.weight)}，执行率分值不会这样高，疑为读错列"
    # An amount of 100 spent at 100% is no coincidence to doubt; 10 spent at 10%, or a 分值 equal to the rate, is.
    for name, value in (("全年执行数", line.executed), ("分值", line.weight)):
        if value and value != 100 and value == line.execution_rate:
            return f"“{line.label}”的{name}与执行率同为{fmt(value)}，疑为同一格读入两列"
    amounts = {"年初预算数": line.initial_budget, "全年预算数": line.full_year_budget, "全年执行数": line.executed}
    for name, value in amounts.items():
        if line.score and line.score == value and line.score != line.execution_rate:
            return f"“{line.label}”的执行率得分与{name}同为{fmt(value)}，疑为金额读入得分列"
    # An overspend reaches 100-odd percent; a rate in the thousands is an amount and a 100% read as one number.
    if line.execution_rate is not None and line.execution_rate > 1000:
        return f"执行率读作{fmt(line.execution_rate)}%，不是比率，疑为金额与执行率两格连读"
    if FUND_LABEL_SLIP.search(normalize_text(line.label)):
        return f"资金行名称读作“{line.label}”，含相邻单元格的内容，疑为单元格连读"
    rate = computed_rate(line)
    # A copy that drops empty cells moves the 分值 left into an empty 全年执行数: a few 万元 spent of a budget, and
    # the 得分 column left empty because its figure moved too.
    if line.score is None and line.weight is not None and line.executed and line.executed <= MAX_FUNDS_WEIGHT \
            and rate is not None and rate < 25:
        return (f"“{line.label}”全年执行数读作{fmt(line.executed)}，仅为预算的{fmt(rate)}%，得分栏又为空，"
                "疑为空格被略去、分值左移读入执行数")
    if line.execution_rate and (line.executed == 0 or line.full_year_budget == 0):
        return f"“{line.label}”执行率填{fmt(line.execution_rate)}%，金额却读作0，疑为单元格缺失"
    if power_of_ten_apart(rate, line.execution_rate):
        return (f"执行率{fmt(line.execution_rate)}%与其金额算得的{fmt(rate)}%相差10的整数次幂倍，"
                "疑为单位或读数错误")
    return None


def block_figures(table: Table) -> list[float]:
    lines = [line for line in [table.funds_total, *table.fund_lines] if line]
    return [v for line in lines for v in (getattr(line, c) for c in FUND_COLUMNS) if v]


def prints_a_dash(ctx: Context, line: FundLine) -> bool:
    """The row prints a cell left empty on purpose ("/", "—"): a value it lacks was not lost in the copy."""
    cells = re.split(r"[|\s]+", ctx.document.line_text(line.line)) if line.line else []
    return any(cell in DASHES for cell in cells)


def fund_sum_doubt(ctx: Context, table: Table) -> str | None:
    """Signs that the 其中 lines were not read as the rows their total sums."""
    total = table.funds_total
    printed = [c for c in FUND_COLUMNS if getattr(total, c) is not None]
    figures = block_figures(table)
    parts = fund_parts(table)
    unsplit_lines = {line for line, _ in unsplit(ctx.report.warnings)}
    for part in parts:
        values = [getattr(part, c) for c in FUND_COLUMNS]
        if all(v is None for v in values) and part.line in unsplit_lines:
            return f"“{part.label}”一行的数字连在一起未能拆分，分项之和无从复核"
        if any(v is not None for v in values) and any(getattr(part, c) is None for c in printed) \
                and not prints_a_dash(ctx, part):
            return f"“{part.label}”一行缺少总额所列的数，其单元格疑已串读"
        glue = next((v for v in values if glued(v, figures)), None)
        if glue is not None:
            return f"“{part.label}”的{fmt(glue)}疑为两格数字连读"
        if split := split_figure(table, part):
            return split
    glue = next((getattr(total, c) for c in printed if glued(getattr(total, c), figures)), None)
    if glue is not None:
        return f"“{total.label}”的{fmt(glue)}疑为两格数字连读"
    sums = {c: sum(getattr(p, c) or 0.0 for p in parts) for c in printed}
    for column in printed:
        factor = multiple_of(sums[column], getattr(total, column))
        if factor:
            return f"各分项合计是总额的{factor}倍，疑为合计行被计入分项或单位错读"
    failing = [c for c in printed if abs(sums[c] - getattr(total, c)) > TOLERANCE]
    zero = all(not getattr(total, c) for c in printed) or all(not sums[c] for c in printed)
    if len(printed) >= 2 and len(failing) == len(printed) and not zero:
        return "总额在每一列都不等于分项之和，疑为行列错位"
    return None


def level1_doubt(table: Table, finding: Finding, names: LevelNames) -> str | None:
    """Signs that a 一级指标's header weight or its rows were misread."""
    level1 = normalize_text(finding.row)
    funds = funds_weight(table)
    rows = sum(i.weight or 0.0 for i in table.indicators)
    headers = sum(table.level1_weights.values())
    if abs(funds + rows - 100) <= TOLERANCE and abs(funds + headers - 100) > TOLERANCE:
        return f"各一级指标表头分值合计{fmt(funds + headers)}分而三级指标分值合计100分，疑表头分值读错"
    block = [i for i in table.indicators if (i.level1 or "") == level1]
    weighted = any(i.weight is not None for i in table.indicators)
    # The block's sums rest on every named row under it: one whose cells ran together or slipped, or lost its 分值,
    # is enough. A header weight against the national split (a warning) rests on the header alone.
    misread = next((i for i in block if i.level3 and (weighted and i.weight is None or cells_doubt(table, i, names))),
                   None)
    if misread is not None and finding.severity != "warning":
        why = cells_doubt(table, misread, names) or "没有读到分值"
        return f"“{level1}”下的“{misread.level3}”一行读取存疑（{why}），其合计无从复核"
    weights = [i.weight for i in block if i.weight is not None]
    under = sum(weights)
    header = table.level1_weights.get(level1)
    if header and header < under and header in weights:
        return f"“{level1}”表头分值{fmt(header)}分恰是其下一行的分值，疑为读错格"
    if header and under > header * 1.5:
        return f"“{level1}”下读到分值合计{fmt(under)}分，远超表头{fmt(header)}分，疑有单元格连读或错行"
    if header and under < header / 2:
        return f"“{level1}”下只读到分值合计{fmt(under)}分，不足表头{fmt(header)}分的一半，疑有指标行未读出"
    return None


def holds_level_name(name: str) -> bool:
    """A 三级指标 name that is a level name, or holds one named 指标 (数量指标培训人数); 质量目标达成率 is a name."""
    return any(level.fullmatch(name) or any(m.group().endswith("指标") for m in level.finditer(name))
               for level in (LEVEL1, LEVEL2))


def doubled(cell: str) -> bool:
    """A figure cell whose number is another printed twice: a percentage above 100, or a repeat of 3 digits or more."""
    target = parse_target(cell)
    repeat = DOUBLED.search(cell) if target.kind == "number" else None
    return bool(repeat) and (target.unit == "%" and (target.value or 0) > 100 or len(repeat.group(1)) >= 3)


def name_doubt(name: str) -> str | None:
    """Signs that a 三级指标 name cell holds another cell's text."""
    if NAMED_TARGET.search(to_ascii(name)):
        return f"指标名称“{name}”含指标值，名称与指标值两格疑已连读"
    if holds_level_name(name) or any(word in name for word in NOTE_HEADER_WORDS):
        return f"指标名称“{name}”含一级、二级指标名或表头，疑与相邻单元格连读"
    if NUMBER.fullmatch(name):
        return f"指标名称读作数字“{name}”，疑为分值或得分错入名称栏"
    if MEASURE_UNIT.fullmatch(name):
        return f"指标名称读作计量单位“{name}”，疑为度量单位一格错入名称栏"
    if FIGURE_TAIL.search(name):
        return f"指标名称“{name}”以一个数结尾，疑为名称与分值等格连读"
    if VERDICT.fullmatch(name) or VERDICT_TAIL.search(name):
        return f"指标名称读作“{name}”，是一句完成情况而非指标名，疑为单元格错位"
    half = len(name) // 2
    if len(name) >= 4 and len(name) % 2 == 0 and name[:half] == name[half:]:
        return f"指标名称“{name}”是同一段文字重复两次，疑为指标值与完成值连读"
    return None


def name_tail(cell: str) -> bool:
    """A 指标值 that reads as the wrapped end of a measure's name, not a target."""
    target = parse_target(cell)
    return target.kind == "qualitative" and target.comparator is None and bool(NAME_TAIL.fullmatch(cell)) \
        and not any(word in cell for word in QUALITATIVE_WORDS)


def sets_target(cell: str | None) -> bool:
    """A 指标值 that sets a target: a figure, a date, 不适用, or words that say what is to happen (提高, 达标) — not a
    bare name ("决策依据") moved right from a lost level."""
    target = parse_target(cell)
    return target.kind not in ("empty", "qualitative") or target.comparator is not None \
        or any(word in target.text for word in QUALITATIVE_WORDS)


def targets_read(table: Table) -> bool:
    """Some row named as an indicator reads a target that sets one; else the 指标值 column was lost, not every row's
    target. A header's broken cells are no row, a name moved right is no target, and a name several rows share is
    a merged level's, its row's own level lost."""
    names = Counter(normalize_text(i.level3) for i in table.indicators)
    return any(sets_target(i.target) for i in table.indicators
               if names[normalize_text(i.level3)] == 1 and not name_doubt(normalize_text(i.level3)))


def shifted_right(indicator: Indicator) -> str | None:
    """Signs that a row's values sit one column right of their own: the 完成值 holds the target (a comparator and a
    number) while the 指标值 holds words that set no target, or the 指标值 holds the end of the row's name."""
    target, actual = normalize_text(indicator.target), normalize_text(indicator.actual)
    if not target or not actual:
        return None
    reached = parse_target(actual)
    if reached.comparator and reached.kind == "number" and not any(c.isdigit() for c in target) \
            and not any(word in target for word in QUALITATIVE_WORDS):
        return f"完成值“{actual}”带比较符、像指标值，指标值“{target}”却没有数字，疑为名称折行、各格右移一列"
    if name_tail(target) and reached.kind == "number":
        return f"指标值“{target}”像指标名称的末尾而非目标，疑为名称折行、各格右移一列"
    if YEAR_ONLY.fullmatch(target) and reached.kind == "number" and reached.value in range(1, 13):
        return f"指标值“{target}”与完成值“{actual}”像一个日期（{target}{actual}月）拆成两格，疑为各格错位"
    return None


def characters_doubt(indicator: Indicator) -> str | None:
    """Signs that a row's 指标值 or 完成值 was misrecognised character by character (OCR letters, a number printed
    twice), its cells where they belong."""
    for name, cell in (("指标值", indicator.target), ("完成值", indicator.actual)):
        if cell and GARBLED.search(normalize_text(cell)):
            return f"{name}“{cell}”含数字以外的字符，疑为识读错误"
        if cell and doubled(normalize_text(cell)):
            return f"{name}“{cell}”的数字是同一个数连写两次，疑为两格连读"
    return None


BONUS_POINTS = 2  # points, most, a row's own bonus clause adds over its 分值 (最多加2分)


def figures_doubt(table: Table, indicator: Indicator, names: LevelNames) -> str | None:
    """Signs within one indicator row that its figures are not the row's own, whatever a checker computes from them:
    a 分值 or 得分 no row can hold, a value cell holding a row's name or the end of one, a 偏差说明 holding a value."""
    ceiling = table.level1_weights.get(indicator.level1 or "", 100.0 - funds_weight(table))
    if indicator.weight is not None and indicator.weight > ceiling + TOLERANCE:
        return f"该行分值读作{fmt(indicator.weight)}，超过其一级指标的{fmt(ceiling)}分，疑为读错格"
    # A unit that over-scores a row goes a point or two over (a bonus clause: 1 of 1 scored 2); a score twice the 分值
    # and more is another cell's number.
    if indicator.score is not None and indicator.weight and indicator.score >= 2 * indicator.weight \
            and indicator.score - indicator.weight > BONUS_POINTS:
        return f"该行得分读作{fmt(indicator.score)}，是分值{fmt(indicator.weight)}的两倍以上，疑为读错格"
    if digit_run_on(indicator.weight, indicator.score):
        return (f"该行分值读作{fmt(indicator.weight)}，是得分{fmt(indicator.score)}再多一位数字，"
                "疑为前后两格的数字连读、拆分错位")
    if indicator.actual and NUMBERED_NAME.match(normalize_text(indicator.actual)):
        return f"完成值“{indicator.actual}”是一行指标的名称，疑为各格错位"
    name = normalize_text(indicator.level3)
    opening = next((level for level in names.level1 if name.startswith(level)
                    and (name != level or level != normalize_text(indicator.level1))), None)
    if opening:
        return f"指标名称“{name}”以一级指标名“{opening}”开头，疑与一级指标一格连读"
    actual = normalize_text(indicator.actual)
    if NUMBER.fullmatch(actual) and parse_target(indicator.target).kind == "qualitative" \
            and float(actual) in (indicator.weight, indicator.score):
        return f"完成值读作“{actual}”，与该行分值或得分同数，而指标值是文字，疑为分值或得分错入完成值栏"
    target = normalize_text(indicator.target)
    if NUMBER.fullmatch(target) and parse_number(target) in (indicator.weight, indicator.score) \
            and len(actual) >= NAME_LENGTH and not any(c.isdigit() for c in actual) \
            and not any(word in BRACKETED.sub("", actual) for word in QUALITATIVE_WORDS + RESULT_WORDS):
        return (f"指标值读作与分值或得分同数的“{target}”，完成值却是一个名称“{actual}”，"
                "疑为下一行的名称和本行分值、得分错入指标值、完成值栏")
    for name, cell in (("指标值", indicator.target), ("完成值", indicator.actual), ("偏差说明", indicator.deviation_note)):
        text = normalize_text(cell)
        if text and (text in names.every or LEVEL1.fullmatch(text) or LEVEL2.fullmatch(text)):
            return f"{name}“{cell}”是表中的指标名称，疑为各格错位"
        if text and name != "完成值" and MEASURE_UNIT.fullmatch(text):
            return f"{name}只读到计量单位“{cell}”，其数字疑错入他列"
        if text and name != "偏差说明" and holds_level_name(text):
            return f"{name}“{cell}”含一级、二级指标名，疑与下一行的指标名连读"
    note = normalize_text(indicator.deviation_note)
    if FIGURE.fullmatch(note) and parse_target(note).kind in ("number", "date") \
            and parse_target(indicator.actual).kind in ("qualitative", "empty"):
        return f"偏差说明读作数值“{note}”而完成值读作“{indicator.actual or ''}”，完成值与偏差说明两格疑错位"
    return shifted_right(indicator)


def digit_run_on(weight: float | None, score: float | None) -> bool:
    """A 分值 that is its row's decimal 得分 and one digit more ("12.512.5" cut as 1 | 2.51 | 2.5): the cells' figures
    ran together and were cut one digit off; a 分值 of 2.51 beside a 得分 of 2.5 is no form's scoring."""
    if weight is None or score is None:
        return False
    printed_weight, printed_score = fmt(weight), fmt(score)
    return "." in printed_score and len(printed_weight) == len(printed_score) + 1 \
        and printed_weight.startswith(printed_score)


def slipped(table: Table, indicator: Indicator, names: LevelNames) -> str | None:
    """Signs that a row's cells ran into each other or slipped to another column: no name read, a name holding
    another cell, or figures that are not the row's own."""
    if not normalize_text(indicator.level3):
        return "该行没有读到指标名称"
    return name_doubt(normalize_text(indicator.level3)) or figures_doubt(table, indicator, names)


def cells_doubt(table: Table, indicator: Indicator, names: LevelNames) -> str | None:
    """Signs that a row's cells ran into each other, slipped, or were misrecognised."""
    return name_doubt(normalize_text(indicator.level3)) or characters_doubt(indicator) \
        or figures_doubt(table, indicator, names)


def askew(table: Table, names: LevelNames) -> str | None:
    """A table where many rows show cells slipped or run together: its columns were not found where the header puts
    them, so what rests on every row or on a column as a whole (a total, the weights, a target column) was read from
    the wrong cells too."""
    rows = [i for i in table.indicators if slipped(table, i, names)]
    if len(rows) >= SLIPPED_ROWS and len(rows) >= SLIPPED_SHARE * len(table.indicators):
        return f"该表{len(table.indicators)}行指标中有{len(rows)}行单元格疑错位或连读，全表读取存疑"
    return None


def indicator_doubt(table: Table, indicator: Indicator, rule: str, names: LevelNames) -> str | None:
    why = cells_doubt(table, indicator, names)
    if why:
        return why
    note = normalize_text(indicator.deviation_note)
    if rule == "missing_deviation_note" and NUMBERED_NAME.match(note):
        return f"偏差说明“{note}”是一行指标的名称，疑为下一行的名称错入说明栏"
    if (rule in FIGURE_RULES or rule == "missing_deviation_note") and NUMBER.fullmatch(note):
        return f"偏差说明读作数字“{note}”，疑为得分错入说明栏、各格错位"
    # A name of one character is the wrapped end of a name: the row it judges is not the one named.
    if len(normalize_text(indicator.level3)) == 1:
        return f"指标名称只读到一个字“{indicator.level3}”，疑为上一格折行的残段"
    # A row that says it does not apply ("不适应") is one whatever the table's columns.
    marked = any(word in (indicator.level3 or "") for word in NOT_APPLICABLE)
    if rule == "not_applicable_scored" and not marked and not targets_read(table):
        return "该表没有一行读到设定目标的指标值，疑指标值一列未识别或名称右移入指标值列"
    if (rule in FIGURE_RULES or rule == "missing_deviation_note") and indicator.weight \
            and not normalize_text(indicator.actual) and parse_target(indicator.target).value == indicator.weight:
        return f"分值读作{fmt(indicator.weight)}，与指标值同一个数而完成值为空，疑为空格被略去、指标值左移读入分值列"
    if rule == "not_applicable_scored" and indicator.weight is None and \
            any(i.weight is not None for i in table.indicators):
        return "该行没有读到分值，而同表其他行有分值，疑该行单元格缺失"
    others = [i for i in table.indicators if i is not indicator]
    if rule == "not_applicable_scored" and not marked and normalize_text(indicator.actual) and others \
            and sum(1 for i in others if normalize_text(i.target)) >= TARGETS_PRINTED * len(others):
        return "该行读到完成值却没有指标值，而同表其他行都有指标值，疑指标值一格在复制中缺失"
    # A 完成值 that runs on from its figure into words, beside an empty 偏差说明: the note ran into the 完成值.
    if rule == "missing_deviation_note" and not note and NOTE_RUN_ON.fullmatch(normalize_text(indicator.actual)):
        return f"完成值“{indicator.actual}”在数字后接一段文字，偏差说明疑已并入完成值"
    if rule in COMPARING_RULES and (why := actual_doubt(table, indicator)):
        return why
    if rule not in FIGURE_RULES:
        return None
    ceiling = table.level1_weights.get(indicator.level1 or "", 100.0 - funds_weight(table))
    if indicator.score is not None and indicator.score > ceiling + TOLERANCE:
        return f"该行得分读作{fmt(indicator.score)}，超过其一级指标的{fmt(ceiling)}分，疑为读错格"
    if rule != "score_exceeds_weight" and indicator.score is not None and indicator.weight is not None \
            and indicator.score > indicator.weight + 1e-6:
        return f"该行得分{fmt(indicator.score)}大于分值{fmt(indicator.weight)}，分值、得分疑读错列"
    target = parse_target(indicator.target)
    if target.kind == "number" and target.value == 0 and target.comparator in (None, "≥", ">"):
        return f"指标值“{indicator.target}”为0，无可达成的目标，疑为相邻数字串读（如“100%”读作10和0%）"
    return None


def actual_doubt(table: Table, indicator: Indicator) -> str | None:
    """Signs that a 完成值 compared with its target is another cell's figure: "0%" against a target of 100% (the
    "100%" cut into 10 and 0%), or a bare number against a target with a unit on a row that read neither 分值 nor
    得分 in a table that scores its rows (the two run together into the 完成值: "88" for 8 | 8)."""
    target, actual = parse_target(indicator.target), parse_target(indicator.actual)
    if actual.kind != "number" or target.kind != "number":
        return None
    if actual.value == 0 and actual.unit == "%" and target.value == 100:
        return f"完成值读作“{indicator.actual}”而指标值为100%，疑为“100%”拆成10与0%"
    if NUMBER.fullmatch(normalize_text(indicator.actual)) and target.unit and scored(table) \
            and indicator.weight is None and indicator.score is None:
        return (f"完成值只读到不带单位的数“{indicator.actual}”，该行分值、得分又都没有读到，"
                "疑为分值、得分等格连读入完成值")
    return None


def total_doubt(table: Table, rule: str) -> str | None:
    """Signs that the 总分 or the scores it adds were misread."""
    total = table.total_score
    if total is not None and total > 100 and after_full_marks(total):
        return f"总分读作{fmt(total)}，疑为两格数字连读"
    if rule != "total_score_mismatch":
        return None
    # Indicator rows' 得分 adding to more than any table can give (each 得分 at most its 分值, the 分值 to 100) were read
    # from other cells, or rows were read twice: the 总分 is not what is off. (A funds block's 得分 filled as 100 is a
    # unit's slip the check reports.)
    scores = sum(i.score or 0.0 for i in table.indicators)
    if scores > WEIGHTS_CEILING and (total is None or total <= FULL_MARKS):
        return f"各指标行得分合计{fmt(scores)}分，远超满分100分，得分一列疑读自其他栏或有行读了两遍"
    funds = table.funds_total
    if funds is not None and funds.score is None:
        return f"“{funds.label}”的执行率得分没有读到，总分无从复核"
    unscored = sum(1 for i in table.indicators if i.weight is not None and i.score is None)
    if unscored:
        return f"有{unscored}行读到分值却没有读到得分，总分无从复核"
    return fund_line_doubt(funds) if funds is not None else None


def score_cell_lost(table: Table, line: FundLine) -> bool:
    """The printed 总分 holds the 执行率得分 the row shows no cell for: the copy dropped the cell, the unit filled it."""
    rate = effective_rate(line)
    if table.total_score is None or line.weight is None or rate is None:
        return False
    rest = table.total_score - sum(i.score or 0.0 for i in table.indicators)
    # 0.05: the unit rounds the 执行率得分 it adds to the 总分 to one decimal, so the rest is that score to ±0.05.
    return abs(rest - min(rate, 100.0) / 100 * line.weight) < 0.05 and rest > TOLERANCE


def split_figure(table: Table, line: FundLine) -> str | None:
    """Two neighbouring figures of a funds row that are one figure of its block cut in two ("251.89" read as 251.8 and
    a 分值 9): a run of figures split at the wrong place."""
    figures = {fmt(v) for v in block_figures(table)}
    printed = [v for v in (getattr(line, c) for c in ROW_COLUMNS) if v is not None]
    for a, b in zip(printed, printed[1:]):
        whole = fmt(a) + fmt(b)
        if len(whole) >= SPLIT_DIGITS and whole in figures and whole not in (fmt(a), fmt(b)):
            return f"“{line.label}”的{fmt(a)}与{fmt(b)}恰是本表的{whole}拆成两格，疑为连写的数字拆错位置"
    return None


def funds_doubt(ctx: Context, table: Table, line: FundLine, rule: str) -> str | None:
    if rule == "execution_score_mismatch" and line.score is None and score_cell_lost(table, line):
        return "总分减去各指标得分正是应得的执行率得分，得分格疑在复制中丢失"
    # The 其中 lines of a funds block print amounts; a 分值 read on one with no 得分 beside it is another cell's figure.
    if rule == "execution_score_mismatch" and line is not table.funds_total and line.weight is not None \
            and line.score is None:
        return f"资金来源“{line.label}”读到分值{fmt(line.weight)}却没有得分，其分值疑读自他格"
    # A rate recomputed for a row that printed no amount was recomputed from other rows' figures.
    amounts = (line.initial_budget, line.full_year_budget, line.executed)
    if rule == "execution_rate_mismatch" and line.execution_rate is not None and all(v is None for v in amounts):
        return f"“{line.label}”只读到执行率{fmt(line.execution_rate)}%，金额一个也没有读到，疑为整行数字连读"
    # Tables that print the unspent share (结余率) beside the 执行率: a rate that is 100% less the recomputed one was
    # read from the wrong column (rounded to a whole percent, as 93% and 7% are printed).
    rate = computed_rate(line)
    if rule in RATE_RULES and rate is not None and line.execution_rate is not None \
            and 0 < line.execution_rate < 50 and abs(line.execution_rate + rate - 100) <= 0.5:
        return f"执行率读作{fmt(line.execution_rate)}%，与算得的{fmt(rate)}%相加为100%，疑为结余率读作执行率"
    why = fund_line_doubt(line) or split_figure(table, line)
    if why or rule != "sum_mismatch" or line is not table.funds_total:
        return why
    return fund_sum_doubt(ctx, table)


def basic_data_doubt(table: Table, finding: Finding, findings: list[Finding]) -> str | None:
    """A basic-data sum over a part row that prints fewer cells than its total, or whose total is the sum with the
    next cell run into it, or that fails in every column its total prints, or a 控制率 no rate can be."""
    if finding.row == "控制率":
        rate = parse_target(finding.actual).value
        # 控制率 = 决算数 ÷ 预算数 × 100: an overspend reaches 100-odd, tenfold is none; above 1000 an amount was read.
        return f"控制率读作{finding.actual}%，不是比率，疑为读错列" if rate is not None and rate > 1000 else None
    total = find_row(table, finding.row) if finding.row else None
    if total is None:
        return None
    quoted = {e.line for e in finding.evidence}
    short = next((r for r in table.rows if r is not total and r.line in quoted and len(r.values) < len(total.values)),
                 None)
    if short is not None:
        return f"“{short.label}”一行的单元格少于“{total.label}”行，空格疑被略去、数字已错列"
    if run_on(finding.expected, finding.actual):
        return f"“{finding.row}”读作{finding.actual}，是分项之和{finding.expected}后面又接了数字，疑为与下一格连读"
    printed = sum(v is not None for v in numbers(total))
    failing = sum(f.rule == "sum_mismatch" and f.table == finding.table and f.row == finding.row for f in findings)
    if printed >= 2 and failing >= printed:
        return f"“{finding.row}”在每一列都不等于分项之和，疑为行列错位"
    return None


def run_on(expected: str | None, printed: str | None) -> bool:
    """A printed figure that is the expected one with more digits after it ("696855.87" for 696): the next cell's
    figure ran into it."""
    return bool(expected and printed) and NUMBER.fullmatch(expected) is not None \
        and NUMBER.fullmatch(printed) is not None and len(printed) > len(expected) + 1 \
        and printed.startswith(expected) and printed[len(expected)].isdigit()


def unsplit(warnings: list[str]) -> list[tuple[int, str]]:
    """(line, text) of each run of figures the reader could not split and left empty, from its warnings."""
    return [(int(m.group(1)), normalize_text(m.group(2))) for w in warnings if (m := UNSPLIT.search(w))]


def left_empty(table: Table, runs: list[tuple[int, str]]) -> dict[str, str]:
    """The rows of `table` (by their name) whose figures the reader left empty, unable to split them, each with why:
    a row on the line of such a run that is the only row there or whose name opens the run."""
    rows = [(normalize_text(r.label), r.line) for r in (table.funds_total, *table.fund_lines) if r] + \
        [(normalize_text(i.level3), i.line) for i in table.indicators]
    on_line = Counter(line for _, line in rows)
    return {name: f"第{line}行的数字“{text}”连在一起无法拆分，已留空，该行读数不全"
            for line, text in runs for name, row_line in rows
            if row_line == line and (on_line[line] == 1 or name and text.startswith(name))}


@dataclass(frozen=True)
class TableRead:
    """What the guard reads off a self-evaluation table once for every finding on it: the level names its rows read,
    why its indicator rows as a whole are doubtful (`askew`, None when they are not), and the rows whose figures the
    reader left empty, unable to split them (`unsplit`)."""

    names: LevelNames
    askew: str | None
    unsplit: dict[str, str]

    @classmethod
    def of(cls, table: Table, warnings: list[str]) -> "TableRead":
        names = level_names(table)
        return cls(names, askew(table, names), left_empty(table, unsplit(warnings)))

    def empty_doubt(self, finding: Finding) -> str | None:
        """A finding on a row left empty, or one resting on every row of a table with such a row."""
        if finding.rule in SLIP_RULES and self.unsplit:
            return next(iter(self.unsplit.values()))
        return self.unsplit.get(normalize_text(finding.row))


def doubt(ctx: Context, finding: Finding, findings: list[Finding], read: TableRead | None) -> str | None:
    """Why the figures `finding` rests on may be a misread, or None when they were read with confidence: the row's
    own signs first (they say which cell slipped), the table's sum of 分值 and its rows read askew last."""
    if finding.table is None or read is None:
        return None
    table = ctx.report.tables[finding.table]
    if table.kind == "basic_data":
        return basic_data_doubt(table, finding, findings) if finding.rule == "sum_mismatch" else None
    row = normalize_text(finding.row)
    on_funds = any(line and normalize_text(line.label) == row for line in [table.funds_total, *table.fund_lines])
    return table_doubt(table, finding.rule) or row_doubt(ctx, table, finding, read.names) \
        or weights_doubt(table, finding.rule) or (read.askew if finding.rule in SLIP_RULES and not on_funds else None) \
        or read.empty_doubt(finding)


def row_doubt(ctx: Context, table: Table, finding: Finding, names: LevelNames) -> str | None:
    """Signs that the row `finding` names, its 一级指标 block, its funds line or the 总分 was misread."""
    if finding.rule in ("total_score_mismatch", "score_exceeds_weight") and finding.row in (None, "总分"):
        return total_doubt(table, finding.rule)
    row = normalize_text(finding.row)
    if not row:
        return "该行没有读到指标名称，疑为上一行折行或单元格错位" if finding.rule in INDICATOR_RULES else None
    if row in table.level1_weights and finding.rule in ("subtotal_weight_mismatch", "score_exceeds_weight"):
        return level1_doubt(table, finding, names)
    line = next((f for f in [table.funds_total, *table.fund_lines] if f and normalize_text(f.label) == row), None)
    if line is not None:
        return funds_doubt(ctx, table, line, finding.rule)
    indicator = next((i for i in table.indicators if normalize_text(i.level3) == row), None)
    return indicator_doubt(table, indicator, finding.rule, names) if indicator else None


def guard(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """The findings, each resting on a doubtful read turned into an info asking for a manual check."""
    tables = ctx.report.tables
    reads = {index: TableRead.of(tables[index], ctx.report.warnings) for index in {f.table for f in findings}
             if index is not None and index < len(tables)}
    doubts = [doubt(ctx, item, findings, reads.get(item.table)) for item in findings]
    for item, why in zip(findings, doubts):
        if why:
            item.severity = "info"
            item.doubt = why
            item.message = f"需人工核对（{why}）：{item.message}"
    return findings
