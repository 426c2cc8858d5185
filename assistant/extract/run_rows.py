"""Indicator rows of a run-together table: the text under the header with every separator lost.

"质量指标项目(工程)验收合格率20100%100%20时效指标及时(按期)开工率10≥90%≥90%10" under the header
三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 is the rows (质量指标, 项目(工程)验收合格率, 20, 100%, 100%, 20) and
(时效指标, 及时(按期)开工率, 10, ≥90%, ≥90%, 10). A row is its level names, its indicator name, then one value
per column in the header's order (a score sheet's empty text columns print nothing; a note column is words or
nothing, a last one up to the next row; a sheet with 序号 opens each row with the next number in turn). The readings of the whole block
are enumerated and the one that explains the most of the text wins; a row's values are kept only when the table's
arithmetic leaves one reading of them (得分 ≤ 分值 ≤ the stage's printed total, "产出指标(70分)"; the 总分 row's 分值
the sum of the rows' or 100; target and result printed alike; a run of digits is one number unless it opens with
one value printed twice under a 分值 column that bounds the 得分 after it, "8工5%工5%8" → 8, 工5% twice, 8).
Otherwise its values are left empty and a warning names the text, never a guess.

A score sheet whose every level prints its points after its name ("项目决策20项目目标4目标内容44决策过程8…") is read by
the points each level gives out to the rows under it (`levelled_rows`): no level name need be known. One whose level
names are its own (投入 | 项目立项, 项目决策 | 科学决策) has them found where its rows open with them (`sheet_levels`):
printed again on every row, or once in the national frameworks' words; they then open rows as the national names do.
"""
import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate, product, takewhile
from os.path import commonprefix

from assistant.document import Cell, Paragraph, Row
from assistant.extract.columns import NUMBERED_INDICATOR, PLACEHOLDER, STAGES, TARGET_PARTS, TEXT_ROLES
from assistant.extract.figures import COUNT_UNITS, MEASURE_UNITS, MONEY_UNITS, TIME_UNITS
from assistant.extract.tokens import FULL_MARKS, number_splits, split_numbers
from assistant.values import (COMPARATOR_SIGNS, DATE, MONTH, SUFFIX_COMPARATORS, WORD_COMPARATOR, WORD_COMPARATORS,
                              normalize_text, parse_number, rule_share)

# Stages and their kinds, named 指标 or, in some provinces, 目标 (产出目标, 数量目标); Jiangxi's 整体支出 form names its
# 效益 stage 效果指标, Sichuan's (大英 2020) its 产出 stage 项目完成指标, and its 决算 forms a stage 项目决策 or 项目效益
# where a kind of indicator follows it (项目决策数量指标宣传次数…).
STAGE_NAME = r"(?:(?:项目)?(?:产出|效益|效果|满意度|成本|决策|过程|管理)(?:指标|目标)|项目完成指标" \
             r"|项目(?:决策|管理|产出|效益|过程)(?=(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|满意度)指标))"
LEVEL1 = re.compile(rf"{STAGE_NAME}(?:[（(](?P<total>\d+(?:\.\d+)?)分[)）])?")
# (Hubei's form names its 满意度 二级 "具体指标".)
LEVEL2 = re.compile(r"(?:数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|环境效益|"
                    r"可持续影响|服务对象满意度|满意度)(?:指标|目标)|具体指标")
# A level name filling its cell: a 一级 name, or a kind of indicator (数量指标, 经济效益指标, or as the transfer-payment
# forms name it, 数量目标), never a verdict on one (达成预期指标, 达到目标指标).
LEVEL1_CELL = re.compile(rf"^(?:{LEVEL1.pattern})$")
LEVEL2_CELL = re.compile(rf"^(?!达成|达到|完成|实现|已|未|超过|符合)(?:[\u4e00-\u9fa5]{{2,10}}指标|{LEVEL2.pattern})$")
# Some forms print a 二级 cell without its 指标 (Hubei's 2021 form: "成本", "时效", "经济效益", "可持续性"; Shanxi's:
# "产出数量"): such a name opens a new 二级 level only at the start of a row, never right after a 二级 name
# and never inside its own.
BARE_LEVEL2 = re.compile(r"(?:(?:产出)?(?:数量|质量|时效|成本)|经济效益|社会效益|生态效益|环境效益|可持续影响|可持续性|"
                         r"服务对象满意度)(?!指标|目标)")
# The stage each 二级 name belongs to: a bare 二级 name opens a level only under its own stage ("成本节约额" under
# 经济效益指标 is a row named so, not a 产出 二级 成本 over a row "节约额").
STAGE_OF_LEVEL2 = {"产出": ("数量", "质量", "时效", "成本"), "成本": ("成本", "经济成本", "社会成本", "生态环境成本"),
                   "效益": ("经济效益", "社会效益", "生态效益", "环境效益", "可持续影响", "可持续性"),
                   "满意度": ("服务对象满意度", "满意度")}
BARE_UNDER = {"满意度": "效益"}  # a 二级 printed bare under another stage: Shanxi's 满意度 under 效益指标
TOTAL = re.compile(r"(?P<label>得分合计|总分|合计)(?P<numbers>\d[\d.]*)?")  # (Sichuan's 专项 form: 得分合计100)
# Where reading resumes after a stretch it could not explain: the leftmost level name (社会效益指标, not the 效益指标
# inside it) or the 总分 row.
LEVEL_NAME = re.compile(f"(?P<level2>{LEVEL2.pattern})|(?P<level1>{LEVEL1.pattern})")  # the 二级 name where both start
# A 一级 name a form of its own prints with its points ("项目决策(20分)", "一般公共预算支出管理(50分)"), opening the
# row after a figure or a bracket, never inside a name; or one of the national stages.
STAGE = re.compile(rf"{LEVEL1.pattern}|(?<![\u4e00-\u9fa5])(?:(?!{STAGE_NAME}|{LEVEL2.pattern})[\u4e00-\u9fa5]){{2,10}}"
                   rf"[（(](?P<points>\d+(?:\.\d+)?)分[)）]")
# A 一级 cell of Hubei's 项目权重 column, its points printed right after its name: "项目决策2分", "项目管理13分".
NAME_WITH_POINTS = re.compile(r"(?:项目)?(?:决策|过程|管理|产出|效益|绩效|满意度)(?P<points>\d+(?:\.\d+)?)分")
ANCHOR = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in (LEVEL2, STAGE, TOTAL)))
# A score sheet's 一级 name in its own words, a stage of the national frameworks (财预〔2013〕53号: 投入, 过程, 产出,
# 效果; 财预〔2020〕10号: 决策, 过程, 产出, 效益) or a province's words for one (项目决策, 项目绩效, 综合管理, 一般公共预算支出
# 管理): the shortest that ends so.
SHEET_STAGE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:投入|决策|过程|管理|产出|效益|效果|绩效)")
# Its 二级 names in the frameworks' words (and Sichuan's and Hainan's): where one opens the row after its 一级 name, the
# 三级 name starts after it, however many rows open with the same words after it (资金落实 | 资金申请, 资金使用).
SHEET_LEVEL2 = ("项目立项", "绩效目标", "资金投入", "资金落实", "资金到位", "资金分配", "资金管理", "组织实施", "业务管理",
                "财务管理", "项目产出", "项目效益", "产出数量", "产出质量", "产出时效", "产出成本", "科学决策", "项目目标",
                "决策过程", "项目执行", "项目完成", "目标设定", "目标任务", "预算配置", "预算编制", "预算执行", "预算管理",
                "资产管理", "职责履行", "履职效益")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
DIGIT = re.compile(r"\d")
UNIT_AFTER = re.compile(r"[^\d.]*$")  # the unit a value prints after its number ("万元" of "1000万元")
DIGITS = re.compile(r"\d[\d.]*")
FIGURE_RUN = re.compile(r"[\d.%]+")  # figures run together, nothing between them
LEADING_ZERO = re.compile(r"0\d")  # no number is printed with one: "000" is not 0 printed twice
ZERO_TWICE = re.compile(r"(?<![\d.])00(?![\d.])")  # but "00" alone is ("…明显变质比例00时效指标": 0 | 0; not "1700")
TWICE_LIMIT = 16  # characters a value printed twice may run to ("2021.1.1-12.31" twice)
NUMBER_PREFIX = re.compile(r"\d{1,12}(?:\.\d{0,6})?")  # the longest text a plain number can be read from
CLOSING = re.compile(r"[^()（）]{0,12}[)）]")  # the rest of a bracket a name opened, up to its closing one
BRACKET = re.compile(rf"[(（]{CLOSING.pattern}")  # a bracket in a name, figures and all: (≥**平方米), (11kw)
# A bracket that opens words, however long: 结余率(计算方法为:结余数/预算数).
LONG_BRACKET = re.compile(rf"[(（](?=[^\d{COMPARATOR_SIGNS}])")
TEXT_VALUE = re.compile(rf"[^\d{COMPARATOR_SIGNS}%.…]+")
# A note after a row's scores (偏差原因分析及改进措施, "加大宣传力度"): words with no figure, or nothing where it is empty.
NOTE_TEXT = re.compile(rf"[^\d{COMPARATOR_SIGNS}%.…]{{1,60}}")
WORD_CHARACTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")  # a word value says something: not "," alone
# A word value of one character is an answer ("是", "无", "好"); any other is a piece of a name ("…资金金额": no 金 | 金).
ONE_CHARACTER_WORDS = "是否有无好优良中差高低一"
LATIN = re.compile(r"[A-Za-z]")
# A value's unit: up to three characters (万元, 人次, 元/人), or a rate per unit up to two either side of its slash
# (件/万人); four words are no unit ("0显著提升" is no figure: 显著提升 is a word target after the 分值 10).
UNIT_LIMIT = 5  # characters of the longest unit
UNIT_WORD = rf"[^\d{COMPARATOR_SIGNS}%.…(（,，、;；/]"
UNIT = re.compile(rf"%|[^\d{COMPARATOR_SIGNS}%.…(（,，、;；]{{1,3}}|{UNIT_WORD}{{1,2}}/{UNIT_WORD}{{1,2}}")
NUMERIC = ("weight", "score")
SUB_ITEM = re.compile(r"其中|含|包括")  # how an item a row breaks down opens (其中桃树种植面积), its values unscored
# A comparator in words printed after a figure (95%及以上, 3天以内, 5%及以下): the figure's, never a deadline's 前.
TRAILING_COMPARATOR = re.compile("及?(?:{})".format("|".join(word for word, _ in SUFFIX_COMPARATORS
                                                            if word.startswith(("以", "之")) and word != "之前")))
# A 分值 printed as the points a row earns when met ("完成得0.5分"): the number is the 分值.
EARNED = re.compile(r"完成得(?=\d)")
EARNED_UNIT = "分"
# "other": a column the reader does not keep (累计完成率), read to pass it. A score sheet's columns of words (指标解释,
# 指标说明及评分标准: TEXT_ROLES) are often left empty: an empty cell prints nothing.
VALUES = ("target", "actual", "other")
PARTNER = {"target": "actual", "actual": "target"}  # the value a row's target or result must agree with
TOLERANCE = 0.005
POINTS_LIKE = re.compile(r"(?:100|[1-9]?\d)(?:\.\d{1,2})?")  # a bare number a row's 分值 or 得分 may be
NEAR_FACTOR = 2.0  # a result read apart from the figures after it is near its target, within this factor
FAR_FACTOR = 5.0  # … and the other readings' results far from theirs, beyond this one (1900 of ≥800 may be a result)
# A name may start with a number only as a date: "12月底之前完成", "2022年底之前".
DATED_NAME = re.compile(r"\d{1,2}月|(?:19|20)\d{2}年[底末内]")
# A deadline: a year and what of it ("2022年底之前", "2023年6月底前").
DEADLINE = re.compile(r"(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|内)(?:之前|以前|前)?|"
                      r"(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:之前|以前|前)")
# The word a deadline closes with ("11月前", "2022年底之前"): no part of the date's unit ("9月前" is met by "7月").
DEADLINE_WORDS = "之前|以前|以内|前|内|底|末"
DEADLINE_WORD = re.compile(rf"(?:{DEADLINE_WORDS})$")
# The words a date closes with, its unit and deadline word: never a value of their own, the end of the date whose
# number is before them.
DATE_TAIL = re.compile(rf"[年月日]?(?:{DEADLINE_WORDS})?")
# A target set against a year opens with the comparison; an indicator's name never holds one.
COMPARED_WITH_YEAR = re.compile(r"(?:同比|较|比)(?:20|19)\d{2}年")
# The units a figure prints after its number.
FIGURE_UNITS = tuple(sorted({*MONEY_UNITS, *COUNT_UNITS, *MEASURE_UNITS, *TIME_UNITS, "%", "％"}, key=len, reverse=True))
WORD_UNITS = tuple(unit for unit in FIGURE_UNITS if len(unit) > 1)  # units no name opens with (人次, 万元; not 周)
# The characters units end in (次 of 人次, 元 of 万元): a figure printed with its unit ends in one.
UNIT_ENDS = "".join(sorted({unit[-1] for unit in FIGURE_UNITS if "\u4e00" <= unit[-1] <= "\u9fff"}))
# Figures run together, two decimal points in one run ("209.39.3"), no date ("2022.12.31"): values, never a name's.
JOINED_FIGURES = re.compile(r"(?<![\d.])(?!(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}(?![\d.]))\d+\.\d+\.\d")
# A name that opens with a measure: a figure, its unit, then words ("1290.3平方米冷库仓储建设及配套生产设备",
# "5000吨稻谷、500吨成品粮储备到位率").
MEASURED_NAME = re.compile(rf"(?<![\d.])(?:0|[1-9]\d*)(?:\.\d+)?"
                           rf"(?:{'|'.join(map(re.escape, (unit for unit in FIGURE_UNITS if unit not in '%％')))})"
                           r"[\u4e00-\u9fff]{2}")
# A result in words that says the target was met, under a target in words of its own (Anhui: 创业能力提升 then
# 达成预期指标).
VERDICT = re.compile(r"(?:已|均)?(?:达成|达到|实现|完成)了?(?:预期(?:指标|目标)?|年度(?:指标|目标)|指标|目标)值?"
                     r"|已(?:达成|达到|实现|完成)")
# Or the bare word after its target (Hubei: 统筹海绵城市项目谋划 then 完成), a word of its own (no name's "完成率"); never
# read before its target: a result column printed first would take the "完成" of any name ("经费" "完成" "进度").
MET = re.compile(rf"{VERDICT.pattern}|(?:完成|达标)(?![\u4e00-\u9fff])")
POINTS_TOLERANCE = 0.011  # points: a 得分 printed to two decimals
SAME_UNIT = {"万": "万元"}  # a unit printed short: "200万" budgeted, "195.5万元" spent
PROSE = re.compile(r"[。；;:：]|[,，]{2}")  # sentences: unexplained text holding them is the prose after the table
HEADER_REST = 30  # characters of header words that may stand before the first stage
NAME_LIMIT = 60  # characters an indicator's name may run to
FIGURES_LIMIT = 40  # characters, most, of a row's values printed as figures run together
# A row's name, its brackets whole, and the figures after it run together, up to the next row's words (the name holds
# no figure's character and the figures are bounded: a long run of digits or dots is read in linear time).
FIGURES_ROW = re.compile(rf"(?:[^\d{COMPARATOR_SIGNS}.%(（]|{BRACKET.pattern}){{1,{NAME_LIMIT}}}"
                         rf"(?P<figures>[\d.%]{{0,{FIGURES_LIMIT}}}\d)(?![\d.%])")
# A comparator in words before a figure ("不少于12种", "控制在5%"): the figure's, never a name's end.
WORDED_COMPARATOR = re.compile(rf"(?:{WORD_COMPARATOR})(?=\d)")
RANGE_SIGNS = "-－~～—至"  # what stands between the figures of a range ("0-6岁", "3~5年")
RANGE_END = re.compile(rf"[{RANGE_SIGNS}](?:0|[1-9]\d*)(?:\.\d+)?(?![\d.])")  # its sign and second figure
NUMBERED_NAME = re.compile(rf"{NUMBERED_INDICATOR.pattern}[:：]?")  # a name's row number, its colon with it
# A template's numbered row right after the figures, their unit, the "……" or the note's full stop of the row before
# it ("…100100指标2", "…150次指标5:举办…", "…提高预算准确度。指标2"; not the 指标 of a verdict, "达成预期指标1010"):
# where reading resumes.
NUMBERED_AFTER_VALUE = re.compile(rf"(?:(?<=[\d%…。])|(?<=\d[{UNIT_ENDS}])|(?<=\d[\u4e00-\u9fff][{UNIT_ENDS}]))"
                                  rf"{NUMBERED_INDICATOR.pattern}")
STAGE_CHOICES_LIMIT = 6  # rows of one stage, most, whose readings are chosen together by the stage's points
LEVEL_NAME_LIMIT = 14  # characters a level name may run to, LEVEL1 with its weight ("项目满意度指标(10.5分)")
STRETCH_LIMIT = 80  # characters of unexplained text after which the block has ended
SHEET_ROW_LIMIT = 600  # characters, most, of a score sheet's row whose columns of words print figures
SHEET_ROW_NAME = re.compile(rf"[^\d{COMPARATOR_SIGNS}.%]{{1,{NAME_LIMIT}}}(?=\d)")  # its name, up to its first value
LISTED_NAME_LIMIT = 200  # characters a name listing items with their figures may run to, its values after it
# Two figures with no more than a unit between them ("100%100%", "50人60人"): a row's values, never in a name's list.
FIGURES_SIDE_BY_SIDE = re.compile(r"\d[%\u4e00-\u9fff]{1,3}\d")
SHEET_OPENINGS = 300  # row openings, most, compared for a score sheet's own level names
SHEET_TEXTS_KEPT = 8  # blocks whose level names are kept: a block is read several ways (`run_together_rows`)
SHORTEST_LEVEL = 2  # characters of the shortest level or indicator name
SHORTEST_SHARED_LEVEL = 4  # characters of the shortest 二级 name rows share that the frameworks do not name
BLOCK_LIMIT = 6000  # characters read as one block (some 150 rows): the reading's cost grows with its length
POSITIONS_KEPT = 2 * BLOCK_LIMIT  # positions whose values are kept, a block's and the next one's


def stage_points(stage: re.Match | None) -> str | None:
    """The points a stage's name prints ("50" of "产出指标(50分)"), None where it prints none."""
    return stage and (stage.group("total") or stage.group("points"))


@dataclass
class RunRows:
    """Rows read from a run-together block: each a {column: text} (level1, level2, level3 and the value columns),
    where the block ends in the text, and the rows whose values no arithmetic could tell apart."""

    columns: list[str]
    rows: list[dict[str, str]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # where each row starts in the text
    end: int = 0
    ambiguous: list[str] = field(default_factory=list)

    def add(self, cells: dict[str, str], start: int) -> None:
        self.rows.append(cells)
        self.starts.append(start)



# A stage's name whose characters a copy of a vertical merged cell scrambled (出标产指 for 产出指标), as printed.
SCRAMBLED_STAGES = frozenset("".join(sorted(name)) for name in (*STAGES, "成本指标", "效果指标", "管理指标"))


def is_level_cell(text: str) -> bool:
    return bool(LEVEL1_CELL.match(text) or LEVEL2_CELL.match(text))


def is_level_copy(text: str) -> bool:
    """A level name as a viewer's copy prints it: a form's, or a stage's name it scrambled (出标产指)."""
    return is_level_cell(text) or "".join(sorted(text)) in SCRAMBLED_STAGES


def numbers_at(text: str, start: int, limit: float) -> list[tuple[str, int]]:
    """Every plain number the digits at `start` can begin with, no larger than `limit`: "1020万元" → 1, 10, 102."""
    digits = NUMBER_PREFIX.match(text, start)
    if not digits:
        return []
    found = []
    for end in range(1, len(digits.group()) + 1):
        piece = digits.group()[:end]
        if not NUMBER.fullmatch(piece):
            continue
        if float(piece) > limit + TOLERANCE:
            break  # a longer piece is a larger number
        found.append((piece, start + end))
    return found


@functools.lru_cache(maxsize=POSITIONS_KEPT)
def values_at(text: str, start: int) -> tuple[tuple[str, int], ...]:
    """Every target or actual value that can start at `start`: a comparator, a number and its unit ("≥266米",
    "100%", "20万元"), or a word with no number ("显著提升"). Worked out once per text and position: every reading that
    reaches a position asks again (a word column read every way, then another, reach the same places thousands of
    times)."""
    found = []
    position = start
    while position < len(text) and text[position] in COMPARATOR_SIGNS:
        position += 1
    worded = WORDED_COMPARATOR.match(text, position)
    if worded:
        position = worded.end()  # a comparator in words opens a figure too ("不少于12种")
    digits = DIGITS.match(text, position)
    if digits:
        # A value's number is the whole run of digits: only 分值 and 得分 are ever printed joined to it (or the
        # value itself, printed twice: printed_twice reads that).
        after = digits.end()
        deadline = DEADLINE.match(text, position)
        if deadline:
            found.append((text[start:deadline.end()], deadline.end()))  # "2022年底之前": a date is a value whole
        date = DATE.match(text, position)
        if date and date.group(2) and not (deadline and deadline.end() == date.end()):
            found.append((text[start:date.end()], date.end()))  # "2022年12月", "2022年12月31日" whole too
        ranged = RANGE_END.match(text, after) if NUMBER.fullmatch(digits.group()) else None
        if ranged:
            # A range of figures is one value with its unit ("1-12月", "3~5年"), never cut at its sign.
            found += [(text[start:ranged.end() + len(unit)], ranged.end() + len(unit)) for unit in FIGURE_UNITS
                      if text.startswith(unit, ranged.end())]
        elif NUMBER.fullmatch(digits.group()):
            found.append((text[start:after], after))
            for length in range(1, min(UNIT_LIMIT, len(text) - after) + 1):  # (a unit the text ends in, once)
                if UNIT.fullmatch(text, after, after + length):
                    found.append((text[start:after + length], after + length))
            # A comparator in words after the figure is the target's ("60%及以上"): the value runs on to its end.
            found += [(text[start:trailing.end()], trailing.end()) for _, end in list(found)
                      for trailing in [TRAILING_COMPARATOR.match(text, end)] if trailing]
    elif position == start:
        word = TEXT_VALUE.match(text, start)
        if word:
            found += [(text[start:end], end) for end in range(start + 1, word.end() + 1)
                      if WORD_CHARACTER.search(text, start, end) and not DATE_TAIL.fullmatch(text, start, end)
                      and (end - start > 1 or text[start] in ONE_CHARACTER_WORDS)]
        compared = COMPARED_WITH_YEAR.match(text, start)
        if compared:
            # A target set against a year ("同比2022年销量显著提高"): its words run on past the year's digits.
            tail = TEXT_VALUE.match(text, compared.end())
            found += [(text[start:end], end) for end in range(compared.end() + 1, tail.end() + 1)] if tail else []
    # A value never stops inside a date printed with its month ("2022年" then "12月31日前").
    return tuple((value, end) for value, end in found if not inside_date(text, end))


@functools.lru_cache(maxsize=POSITIONS_KEPT)
def figures_at(text: str, start: int) -> tuple[tuple[str, int], ...]:
    """The values of `values_at` with a number in them."""
    return tuple((value, end) for value, end in values_at(text, start) if not is_word(value))


def ends_in_unit(text: str, start: int) -> bool:
    """Whether the run of digits at `start` ends in a unit ("19578件"): its last number is a figure with its unit, no
    得分 a result and a 分值 ran into."""
    digits = DIGITS.match(text, start)
    return bool(digits) and text.startswith(FIGURE_UNITS, digits.end())


@functools.lru_cache(maxsize=POSITIONS_KEPT)
def printed_twice(text: str, start: int) -> tuple[tuple[str, int], ...]:
    """Every value with a number in it printed twice from `start`, target then result: "6620" is 6, 6 (then 20),
    "工5%工5%" is 工5% twice; where the end of the second copy is."""
    found = []
    for length in range(1, TWICE_LIMIT + 1):
        value = text[start:start + length]
        if len(value) < length:
            break
        if DIGIT.search(value) and (not LEADING_ZERO.match(text, start) or ZERO_TWICE.match(text, start)) \
                and text.startswith(value, start + length):
            found.append((value, start + 2 * length))
    return tuple(found)


class TooManyReadings(Exception):
    """A block whose text reads so many ways that enumerating them would take more memory than a report may (a whole
    document flattened into one run, its narrative and all): no reading of it is guessed."""


# Readings, most, a block's positions hold (a table's run holds a few thousand, a sample flattened whole 105,000).
READINGS_MOST = 150_000


def row_values(text: str, start: int, columns: list[str], stage_total: float, serials: frozenset[int] = frozenset(),
               unscored: bool = False, split_result: bool = False) -> list[tuple[dict[str, str], int]]:
    """Every reading of one row's value columns from `start`: ({column: text}, end); a reading may end before
    the digits of the next row's serial number (`serials`, where they start).

    In a table read as `unscored` (left unscored under a header that names 分值 and 得分), a row read with no 分值 or
    得分 takes the place of the scored readings that end where it does when it cuts fewer printed figures in two than
    any of them: "100%100%" is 100% twice, not 分值 10, 0%, 得分 10, 0%.

    A result run into the numbers after it is read apart (`split_result`) only with its 分值 and its 得分 read: the
    arithmetic that tells where it ends needs both."""
    scored = column_readings(text, start, columns, stage_total, serials, split_result)
    if split_result:
        scored = [(values, end, cuts) for values, end, cuts in scored if all(values.get(column) for column in NUMERIC)]
    if not unscored or not set(columns) & set(NUMERIC):
        return [(values, end) for values, end, _ in scored]
    fewest: dict[int, int] = {}  # where scored readings end: the fewest figures any of them cuts
    for _, end, cuts in scored:
        fewest[end] = min(cuts, fewest.get(end, cuts))
    bare = [(values, end, cuts) for values, end, cuts in
            column_readings(text, start, [c for c in columns if c not in NUMERIC], stage_total, serials)
            if cuts < fewest.get(end, cuts)]
    least = {end: min(cuts for _, stop, cuts in bare if stop == end) for end in {end for _, end, _ in bare}}
    return [(values, end) for values, end, _ in scored if end not in least] + \
        [(values, end) for values, end, cuts in bare if cuts == least[end]]


def column_readings(text: str, start: int, columns: list[str], stage_total: float, serials: frozenset[int],
                    split_result: bool = False) -> list[tuple[dict[str, str], int, int]]:
    """Every reading of `columns` from `start` as row_values reads them, with how many printed figures it cuts in
    two: values where one ends and the next starts between two digits ("10" then "0%")."""
    readings: list[tuple[dict[str, str], int, int]] = [({}, start, 0)]
    # A target or result is kept only where it agrees with the other one (`agrees`), worked out once per position and
    # value before its reading is built: a result in words read first allows its target few values.
    agreeing: dict[tuple[int, str, str], list[tuple[str, int]]] = {}
    for column in columns:
        following = []
        for values, position, cuts in readings:
            if column in values and column != "note":  # the result, read with its target as one value printed twice
                following.append((values, position, cuts))
                continue
            inside_figure = int(0 < position < len(text) and text[position - 1:position + 1].isdigit())
            if column == "target" and "actual" in columns:
                # Read only where a 分值 column bounds the 得分 after it ("8工5%工5%8"), or where no 分值 or 得分 column
                # follows at all (the region form: "2020" under 指标值 | 全年实际完成值 is 20 twice, the only way one
                # run of digits fills both); with a 得分 alone ("6620" under 年初目标值 | 实际完成值 | 得分) nothing in
                # the row confirms where the 得分 starts, unless the value holds words ("完成1部宣传片,2套方案" twice):
                # its words end it where no other reading can.
                bounded = "weight" in columns or not set(columns) & set(NUMERIC)
                following += [({**values, "target": value, "actual": value}, end, cuts + inside_figure)
                              for value, end in printed_twice(text, position)
                              if bounded or WORD_CHARACTER.search(value)]
            if column == "note":
                word = NOTE_TEXT.match(text, position)
                # A note never ends inside the next row's 指标 ("…力度" then "指标2…", not "…力度指" then "标2…").
                options = [("", position)] + ([(text[position:end], end) for end in range(position + 1, word.end() + 1)
                                              if WORD_CHARACTER.search(text, position, end)
                                              and not text.startswith("指标", end - 1)] if word else [])
            elif column in NUMERIC:
                limit = float(values["weight"]) if column == "score" and "weight" in values else stage_total
                earned = EARNED.match(text, position)
                numbers = numbers_at(text, position, limit)
                options = numbers if not earned else \
                    [(number, end + 1) for number, end in numbers_at(text, earned.end(), limit)
                     if text.startswith(EARNED_UNIT, end)]
                if column == "weight":
                    # A 权重 printed as the share of the 100 points it weighs ("20%", Sichuan's 普惠金融 form).
                    options = options + [(number, end + 1) for number, end in numbers if text.startswith("%", end)]
            elif column in TEXT_ROLES:
                # Words, or nothing: a figure there is the next column's (得分) printed right after 分值.
                options = [("", position)] + [(value, end) for value, end in values_at(text, position)
                                              if not value[0].isdigit()]
            elif column == "actual" and is_word(values.get("target")):
                # A word target: the result is the same word printed again, a verdict on it, or none.
                target, verdict = values["target"], MET.match(text, position)
                options = [(target, position + len(target))] if text.startswith(target, position) else []
                options += [(verdict.group(), verdict.end())] if verdict and verdict.group() != target \
                    and len(target) > 1 else []
            elif column == "target" and is_word(values.get("actual")) and not VERDICT.fullmatch(values["actual"]):
                # A result in words printed before its target (实际完成值 | … | 年度指标值): the target is the same word
                # printed again, or a figure the words may meet (a deadline: "12月" then "已完成").
                actual = values["actual"]
                options = [(actual, position + len(actual))] if text.startswith(actual, position) else []
                options += figures_at(text, position)
            elif column == "actual" and COMPARED_WITH_YEAR.match(values.get("target") or ""):
                # Against a year, the result is the target's closing words printed again ("显著提高").
                target = values["target"]
                options = [(target[cut:], position + len(target) - cut) for cut in range(len(target) - 1)
                           if is_word(target[cut:]) and text.startswith(target[cut:], position)]
            else:
                options = values_at(text, position)
                if split_result and column == "actual" and set(columns[columns.index(column) + 1:]) & set(NUMERIC) \
                        and not ends_in_unit(text, position):
                    # A result printed as a bare number runs into the 分值 and 得分 after it ("≥3次31010": 3, 10,
                    # 10): any number its digits begin with, the arithmetic and the stage's points to tell.
                    options += tuple((text[position:end], end) for _, end in numbers_at(text, position, float("inf"))
                                     if end < len(text) and text[end].isdigit())
            partner = PARTNER.get(column)
            if partner in values:
                key = (position, column, values[partner])
                if key not in agreeing:
                    agreeing[key] = [(value, end) for value, end in options
                                     if agrees({column: value, partner: values[partner]})]
                options = agreeing[key]
            # A second note column (备注 after 未完成原因分析) adds its words to the row's note.
            following += [({**values, column: values.get("note", "") + value if column == "note" else value}, end,
                           cuts + (inside_figure if value else 0)) for value, end in options]
            if len(following) > READINGS_MOST:
                raise TooManyReadings
        # A value printed twice is also read the ordinary way ("100%100%"): one reading of it, not two.
        unique: dict[tuple, tuple[dict[str, str], int, int]] = {}
        for values, end, cuts in following:
            key = (tuple(values.items()), end)
            if key not in unique or cuts < unique[key][2]:
                unique[key] = (values, end, cuts)
        readings = list(unique.values())
    return [(values, end, cuts) for values, end, cuts in readings
            if (end in serials or not continues_number(text, end))
            and not any(start <= serial < end for serial in serials)  # a row never runs over the next one's number
            and not any(pattern.search(text, start, end) for pattern in (LEVEL1, LEVEL2))
            and not ends_in_level_name(text, start, end)
            and not any("指标" in value and not (column == "actual" and VERDICT.fullmatch(value))
                        for column, value in values.items())]


def stages_of(name: str, level: str) -> set[str]:
    """The stages a level name may stand under: a 一级 name's own, a 二级 name's by its words (成本 under 产出 or
    成本)."""
    if level == "level1":
        return {stage for stage in STAGE_OF_LEVEL2 if name.lstrip("项目").startswith(stage)}
    words = re.sub(r"(?:指标|目标)$", "", name.removeprefix("产出"))
    return {stage for stage, names in STAGE_OF_LEVEL2.items() if words in names} | \
        ({BARE_UNDER[name]} if name in BARE_UNDER else set())


def ends_in_level_name(text: str, start: int, end: int) -> bool:
    """A row's values never take the first characters of the level name after them: "已完成" then "成本指标" is not
    the word "成" printed twice."""
    return any(match.end() > end for position in range(max(start, end - LEVEL_NAME_LIMIT), end)
               for pattern in (LEVEL1, LEVEL2) for match in [pattern.match(text, position)] if match)


def agrees(values: dict[str, str]) -> bool:
    """A row's target and result are printed alike: both words or both numbers, two words side by side read only
    as the same word printed twice ("及时及时"), two numbers with the same unit where both print one (a unit on the
    target only is common: "≥50个" then "50"); a deadline alone may be met in words ("12月已完成")."""
    target, actual = values.get("target"), values.get("actual")
    if target is None or actual is None:
        return True
    worded = [is_word(value) for value in (target, actual)]
    if worded == [False, True] and (MONTH.match(target.lstrip(COMPARATOR_SIGNS)) or DEADLINE.fullmatch(target) or
                                    COMPARED_WITH_YEAR.match(target) and target.endswith(actual)):
        return True  # a deadline met in words ("12月" then "已完成"); a comparison's closing words ("显著提高")
    if any(worded):
        return (target == actual or bool(MET.fullmatch(actual))) if all(worded) else False
    if all(MONTH.match(value.lstrip(COMPARATOR_SIGNS)) or DATE.fullmatch(DEADLINE_WORD.sub("", value))
           for value in (target, actual)):
        return True  # dates, however closely each is printed ("2022年12月31日前" met in "2022年12月")
    units = [SAME_UNIT.get(unit, unit) for unit in
             (without_comparator(DEADLINE_WORD.sub("", UNIT_AFTER.search(value).group())) for value in (target, actual))
             if unit]
    return len(set(units)) <= 1


def without_comparator(unit: str) -> str:
    """A value's unit without the comparator in words printed after it ("%及以上" is "%")."""
    trailing = next((found for found in TRAILING_COMPARATOR.finditer(unit) if found.end() == len(unit)), None)
    return unit[:trailing.start()] if trailing else unit


def near_target(values: dict[str, str], factor: float = NEAR_FACTOR) -> bool:
    """Whether a row's result is a number within `factor` of its target's figure, printed bare or with the target's
    unit or sign (735 of "≧735人次", not 7351; no date: "2024年12月31日前" is no 2024; a bare "2" is digits of
    anything)."""
    target, actual = values.get("target") or "", values.get("actual") or ""
    figure = NUMBER.match(actual)
    if not figure or NUMBER.fullmatch(target) or actual[figure.end():] not in ("", UNIT_AFTER.search(target).group()) \
            or DATED_NAME.search(target) or DEADLINE.search(target):
        return False
    wanted, found = parse_number(target), float(figure.group())
    return wanted is not None and wanted > 0 and found > 0 and 1 / factor <= found / wanted <= factor


def points_fit(values: dict[str, str]) -> bool:
    """Whether a row's 得分 is its 分值 times its result's share of the target, as the rules score it: all of it where
    the result is the target printed again or reaches it ("≥1290.3平方米" then "1290.3平方米": 10.3, 10.3, not 10.31,
    0.3), that share of it where a figure falls short (90% of 100%: 12.5, 11.25, not 12.51, 1.25)."""
    weight, score = (parse_number(values.get(column)) for column in NUMERIC)
    target, actual = values.get("target"), values.get("actual")
    if weight is None or score is None or not target or not actual:
        return False
    wanted, found = parse_number(target), parse_number(actual)
    share = 1.0 if target == actual else rule_share(wanted, found)[1] if wanted and found is not None else None
    return share is not None and abs(score - weight * share) <= POINTS_TOLERANCE


def is_word(value: str | None) -> bool:
    """A value that is a word, with no number in it ("显著提升")."""
    return value is not None and not DIGIT.search(value)


def continues_number(text: str, end: int) -> bool:
    """A reading may not stop in the middle of a number or before its percent sign, nor inside a date printed with
    its month ("2022年|12月31日前", "2022年12月31日|前")."""
    return end < len(text) and end > 0 and text[end - 1].isdigit() and (text[end].isdigit() or text[end] in ".%") \
        or inside_date(text, end)


def inside_date(text: str, position: int) -> bool:
    """Whether `position` falls inside a date printed with its month (`dates_in`)."""
    return any(start < position < stop for start, stop in dates_in(text))


DATED_TEXTS = 8  # texts whose dates are kept: one run-together block is read at a time


@functools.lru_cache(maxsize=DATED_TEXTS)
def dates_in(text: str) -> tuple[tuple[int, int], ...]:
    """Where the dates printed with their month stand in `text` ("2022年12月", "2022年12月31日前"; not "2022年底之前",
    which a row may print as its name): found once per text."""
    return tuple(date.span() for date in DATE.finditer(text) if date.group(2)) \
        + tuple(deadline.span() for deadline in DEADLINE.finditer(text) if "月" in deadline.group())


Step = tuple[str, dict[str, str], int, float]  # an item read at a position: (kind, cells, end, the stage total after)


class Block:
    """The readings of one run-together indicator block, enumerated once per position."""

    def __init__(self, text: str, columns: list[str], numbered: bool = False, unscored: bool = False,
                 own_levels: bool = True) -> None:
        self.text = text
        self.columns = columns
        self.unscored = unscored
        # A score sheet's own level names, where its rows print them (none where a national form's are printed): they
        # open rows and are where reading resumes, as the national names are.
        self.sheet = sheet_levels(text) if own_levels else {}
        # (a 二级 name alone opens a row only after the row before's figures or a 一级 name's points)
        sheet_names = "|".join(re.escape(names) if "level1" in self.sheet[names] else rf"(?<=[\d)）]){re.escape(names)}"
                               for names in sorted(self.sheet, key=len, reverse=True))
        self.sheet_name = re.compile(sheet_names) if sheet_names else None
        self.sheet_ends = {m.end() for m in self.sheet_name.finditer(text)} if self.sheet_name else set()
        self.anchor = re.compile(f"{ANCHOR.pattern}|{sheet_names}") if sheet_names else ANCHOR
        self.serials = serial_numbers(text, self.anchor, bool(self.sheet)) if numbered else {}
        self.serial_starts = frozenset(self.serials)
        self.serial_ends = frozenset(self.serials.values())
        # Where the 二级 names end and what they say: a bare 二级 name is placed against them (and never opens a level
        # right after a sheet's own: "项目效益经济效益(可选项)" is a row).
        self.level2_ends = {m.end() for pattern in (LEVEL2, BARE_LEVEL2, self.sheet_name) if pattern
                            for m in pattern.finditer(text)}
        # The level names printed with their 指标 (a 一级 name where no 二级 name starts), in order: the one above a
        # bare 二级 name is found by bisection, as (starts, names, the stages each may belong to).
        levels = [(m.start(), m.group(), m.lastgroup) for m in LEVEL_NAME.finditer(text)]
        self.level_starts = [start for start, _, _ in levels]
        self.level_names = [(name, level) for _, name, level in levels]
        self.found: dict[tuple[int, float], tuple[Step, ...]] = {}
        self.cost: dict[tuple[int, float], tuple[int, int, int, int]] = {}
        self.values_found: dict[tuple[int, float, bool], list[tuple[dict[str, str], int]]] = {}
        self.readings = 0  # steps and values held in `found` and `values_found`: at most READINGS_MOST

    def held(self, readings: int) -> None:
        self.readings += readings
        if self.readings > READINGS_MOST:
            raise TooManyReadings

    def total_at(self, position: int) -> int | None:
        match = TOTAL.match(self.text, position)
        return match.end() if match else None

    def steps(self, position: int, stage_total: float) -> tuple[Step, ...]:
        """Every item that can start at `position`: a level name, a "……" placeholder row or an indicator row,
        as (kind, cells, end, the stage total after it)."""
        key = (position, stage_total)
        if key not in self.found:
            self.found[key] = self.items(position, stage_total)
            self.held(len(self.found[key]))
        return self.found[key]

    def items(self, position: int, stage_total: float) -> tuple[Step, ...]:
        text = self.text
        if position in self.serials:
            return (("serial", {}, self.serials[position], stage_total),)
        sheet = self.sheet_name.match(text, position) if self.sheet_name else None
        worded = self.worded_row(position, stage_total) if not sheet and (
            position in self.sheet_ends or self.sheet and position in self.serial_ends) else None
        if worded:
            return (worded,)
        if sheet:
            cells = self.sheet[sheet.group()]
            return (("level1", cells, sheet.end(), FULL_MARKS) if "level1" in cells
                    else ("level2", cells, sheet.end(), stage_total),)
        level1 = LEVEL1.match(text, position)
        # A bare 成本指标 is a level-2 name here, unless it prints its own stage weight ("成本指标(20分)") or a 二级
        # name follows it ("满意度指标服务对象满意度指标": the stage, then its 二级).
        if level1 and (level1.group("total") or not LEVEL2.match(text, position) or LEVEL2.match(text, level1.end())):
            total = float(level1.group("total")) if level1.group("total") else 100.0
            return (("level1", {"level1": level1.group()}, level1.end(), total),)
        level2 = LEVEL2.match(text, position)
        if level2:
            return (("level2", {"level2": level2.group()}, level2.end(), stage_total),)
        pointed = STAGE.match(text, position)
        if pointed and pointed.group("points"):
            return (("level1", {"level1": pointed.group()}, pointed.end(), float(pointed.group("points"))),)
        bare = self.bare_level2(position)
        # Listed first: where the bare name and a row named with its words explain the text alike, it is the 二级 cell.
        found = [("level2", {"level2": bare.group()}, bare.end(), stage_total)] if bare else []
        placeholder = PLACEHOLDER.match(text, position)
        if placeholder:
            return (("row", {"level3": placeholder.group()}, placeholder.end(), stage_total),)
        numbered = NUMBERED_NAME.match(text, position)
        if numbered and (numbered.end() == len(text) or self.anchor.match(text, numbered.end())
                         or PLACEHOLDER.match(text, numbered.end()) or NUMBERED_INDICATOR.match(text, numbered.end())):
            # The template's numbered row left empty ("指标2" or "指标1:" then the next level name, the next numbered
            # row or the "……" row left out after it): a row with no values.
            return (("row", {"level3": numbered.group()}, numbered.end(), stage_total),)
        # A name opens with a figure only as a date, right after a 二级 name printed bare (时效 "1年"), or right after
        # a 二级 name as a measure of words ("数量指标" "1290.3平方米冷库仓储建设…": no figures before it to run into).
        figure_first = text[position:position + 1].isdigit() and not DATED_NAME.match(text, position) \
            and not (position in self.level2_ends and MEASURED_NAME.match(text, position))
        if position >= len(text) or text[position] in COMPARATOR_SIGNS or \
                figure_first and not self.after_bare(position):
            return tuple(found)
        # A result run into the 分值 and 得分 after it is read apart only where no row reads otherwise.
        rows = self.rows_at(position, stage_total, False) or self.rows_at(position, stage_total, True)
        return tuple(found) + rows

    def rows_at(self, position: int, stage_total: float, split_result: bool) -> tuple[Step, ...]:
        """Every indicator row that can start at `position`: its name, then its values (`row_values`)."""
        text = self.text
        found = []
        bracketed = 0  # brackets the name has opened and not closed: "公猪舍(≥**平方米)" holds its comparator
        # (a name holds no figures run together, "…购置及安装550209.39.3配套…": those are a row's values)
        joined = JOINED_FIGURES.search(text, position, position + NAME_LIMIT)
        # (a name that opens with its row number holds it whole and a word after it: "指标1安全率", never "指标" then a
        # value "1安全率"; "指标9:0-6岁儿童健康管理数", never "指标9:" then "0-" and "6")
        numbered = NUMBERED_NAME.match(text, position)
        for name_end in range(numbered.end() + 1 if numbered else position + 1,
                              min(len(text), position + NAME_LIMIT, joined.start() + 1 if joined else len(text))):
            bracketed = max(0, bracketed + (text[name_end - 1] in "(（") - (text[name_end - 1] in ")）"))
            if text[name_end - 1] in COMPARATOR_SIGNS and not bracketed or \
                    any(pattern.match(text, name_end - 1) for pattern in
                        (STAGE, LEVEL2, NUMBERED_INDICATOR, COMPARED_WITH_YEAR, self.sheet_name)
                        if pattern and name_end - 1 > position):
                break  # a name holds no comparator outside its brackets, no level name and no row number: those
                # start values and rows
            if not self.name_ends_at(name_end) or bracketed and CLOSING.match(text, name_end):
                continue  # (a name ends outside its brackets: "粉碎拌合机(11kw)(≥台)" holds its figures)
            for values, end in self.values_from(name_end, stage_total, split_result):
                if values.get("note") and not self.opens_next(end):
                    continue  # a note ends where the next row, level or 总分 starts: not before its values
                found.append(("row", {"level3": text[position:name_end], **values}, end, stage_total))
        return tuple(found)

    def values_from(self, start: int, stage_total: float, split_result: bool) -> list[tuple[dict[str, str], int]]:
        """`row_values` from `start`, worked out once: every name that ends there reads the same values."""
        key = (start, stage_total, split_result)
        if key not in self.values_found:
            self.values_found[key] = row_values(self.text, start, self.columns, stage_total, self.serial_starts,
                                                self.unscored, split_result)
            self.held(len(self.values_found[key]))
        return self.values_found[key]

    def opens_next(self, position: int) -> bool:
        """Whether the next row, level name or 总分 starts at `position` (or the block ends there): a note does not
        end where no row can be read."""
        return position >= len(self.text) or self.total_at(position) is not None or \
            not (self.text[position].isdigit() or self.text[position] in COMPARATOR_SIGNS) \
            and bool(self.steps(position, 100.0))

    def bare_level2(self, position: int) -> re.Match | None:
        """A 二级 name printed without its 指标 at `position`, where a row or a 一级 name ended (not right after a 二级
        name: "数量指标成本控制" is a row named 成本控制), the 二级 level above is not the same one ("成本指标" then
        a row named "成本控制率") and the level name above is of its stage (成本 under 产出指标, not 经济效益指标)."""
        bare = BARE_LEVEL2.match(self.text, position)
        if not bare or position == 0 or position in self.level2_ends:
            return None
        index = bisect_left(self.level_starts, position)
        if not index:
            return bare
        name, level = self.level_names[index - 1]
        if level == "level2" and name.startswith(bare.group()):
            return None
        return bare if stages_of(name, level) & stages_of(bare.group(), "level2") else None

    def after_bare(self, position: int) -> bool:
        """Whether a 二级 name printed bare ends right before `position`."""
        return any(bare.end() == position for start in range(max(0, position - LEVEL_NAME_LIMIT), position)
                   for bare in [self.bare_level2(start)] if bare)

    def name_ends_at(self, position: int) -> bool:
        """Whether a name can end before `position`: where a number or a comparator starts, or a word value when
        the first value column is a target (never inside a number or a date, never between a comparator and its
        number)."""
        text, before = self.text, self.text[position - 1]
        if before in COMPARATOR_SIGNS or before.isdigit() or before in ".%":
            return False
        if any(start < position <= stop for start, stop in dates_in(text)):
            return False  # a date with its month ends no name: it is the row's target ("…时间2022年12月31日前")
        if LATIN.match(before) and LATIN.match(text, position):
            return False  # a name's Latin word stays whole: "福彩APP" is not "福彩A" then the word "P" twice
        if text[position].isdigit() and text.endswith(WORD_COMPARATORS, 0, position):
            return False  # nor with a comparator in words, the figure's after it: "…资料" | "不少于12种", not "…资料不少于"
        if before in RANGE_SIGNS and text[position - 2:position - 1].isdigit():
            return False  # nor a range of figures: "0-36月龄中医药规范管理数" is not "0-" then a value "36月"
        return text[position].isdigit() or text[position] in COMPARATOR_SIGNS or \
            (self.columns[0] in VALUES and bool(TEXT_VALUE.match(text, position)))

    def next_anchor(self, position: int) -> int | None:
        """Where the next level name or the 总分 row starts after `position`: where reading can resume; None when
        none is near (a longer stretch no row explains is the prose after the table)."""
        anchor = self.anchor.search(self.text, position + 1, position + STRETCH_LIMIT)
        numbered = NUMBERED_AFTER_VALUE.search(self.text, position + 1, anchor.start() if anchor
                                               else position + STRETCH_LIMIT)
        anchor = numbered or anchor
        if not anchor:
            return None
        # A row's serial number opens it before its level name.
        return next((start for start, end in self.serials.items() if end == anchor.start() and start > position),
                    anchor.start())

    def next_row(self, position: int, stage_total: float) -> int | None:
        """Where reading resumes after a stretch no reading explains when no level name is near (a row whose values
        read no way, among many rows of one 二级 level): the row start within reach, right after a figure (the row
        before ends in its 得分), that leaves the least of the rest of the block unread, the last such (a name takes
        no figures of the row before it); None when no row starts there."""
        text = self.text
        starts = [start for start in range(position + 1, min(len(text), position + STRETCH_LIMIT))
                  if text[start - 1].isdigit() and not (text[start].isdigit() or text[start] in ".%")
                  and any(kind == "row" for kind, *_ in self.steps(start, stage_total))]
        if not starts:
            return None
        return min(starts, key=lambda start: (self.unread(start, stage_total), -start))

    def worded_row(self, position: int, stage_total: float) -> Step | None:
        """A score sheet's row under its own level names (`sheet_levels`) whose columns of words print figures of
        their own ("目标制定10评价部门绩效目标…1.绩效目标编制要素完整的,得5分,…打分。9" then the next row's levels): the
        text up to the next row's level names or number within reach (or the block's end) is its name, the value
        columns before the words read one way right after the name, the words, and the value columns after them read
        at the end. None where no value column stands between the name and the words, or those values read more than
        one way."""
        words_at = [index for index, column in enumerate(self.columns) if column in TEXT_ROLES]
        if not words_at or not words_at[0]:
            return None
        text = self.text
        following = self.sheet_name.search(text, position + 1, position + SHEET_ROW_LIMIT)
        stops = [found.start() for found in [following] if found] + \
            [start for start in self.serial_starts if start > position]
        end = min(stops) if stops else len(text) if len(text) - position <= SHEET_ROW_LIMIT else None
        name = SHEET_ROW_NAME.match(text, position, end) if end is not None else None
        if name is None:
            return None
        readings = {tuple(values.items()): stop for values, stop in
                    row_values(text, name.end(), self.columns[:words_at[0]], stage_total)
                    if stop < end and not (text[stop].isdigit() or text[stop] in ".%")}
        if len(readings) != 1:
            return None
        [(values, words_start)] = readings.items()
        values_start = figures_start(text, words_start, end, ".%")
        after = self.columns[words_at[-1] + 1:]
        closing = next((found for count in range(len(after), 0, -1) if values_start < end
                        for found in [stretch_values(text, values_start, end, after[:count], stage_total,
                                                     self.serial_starts)] if found), None)
        words = text[words_start:values_start if closing else end]
        return ("row", {"level3": name.group(), **dict(values), self.columns[words_at[0]]: words, **(closing or {})},
                end, stage_total)

    def listed_row(self, position: int, stage_total: float) -> tuple[int, int, dict[str, str]] | None:
        """A row whose name lists items with their figures, too long to be read as a name ("慰问伤残军人50人;革命烈士遗属
        50人;…边海防官兵320人。100%100%20" then 产出指标): the text up to the next level name within reach, its values
        the figures it ends in where they read one way, every figure before them printed with its unit and apart from
        the next by words (two side by side are a row's values, a bare number a row's points or number: that text holds
        more than one row). As (where its values start, where the row ends, its values); None otherwise."""
        level = LEVEL_NAME.search(self.text, position + 1, position + LISTED_NAME_LIMIT)
        if not level:
            return None
        values_start = figures_start(self.text, position, level.start(), f".%{COMPARATOR_SIGNS}")
        if values_start in (position, level.start()) or FIGURES_SIDE_BY_SIDE.search(self.text, position, values_start) \
                or not all(self.text.startswith(FIGURE_UNITS, figure.end())
                           for figure in DIGITS.finditer(self.text, position, values_start)):
            return None
        values = stretch_values(self.text, values_start, level.start(), self.columns, stage_total)
        return (values_start, level.start(), values) if values else None

    def figures_end(self, position: int) -> int | None:
        """Where a row ends whose values read no way and no row or level name follows within reach: after its name
        and the run of figures its values print joined, as long as it has values at least ("22.822.81", "1801803"),
        before the next row's words (周转猪舍: a one-character unit opens names too); None where the figures run into a
        unit of more (120人次: the prose after the table)."""
        row = FIGURES_ROW.match(self.text, position)
        if not row or len(row.group("figures")) < len(self.columns) or self.text.startswith(WORD_UNITS, row.end()):
            return None
        return row.end()

    def after(self, step: Step) -> tuple[int, int, int, int]:
        """The best reading of the block that takes `step` next."""
        kind, cells, end, total = step
        chars, unread, rows, notes = self.unread(end, total)
        return chars, unread, rows - (kind == "row"), notes + len(cells.get("note", ""))

    def unread(self, position: int, stage_total: float) -> tuple[int, int, int, int]:
        """The best reading of the rest of the block from `position` up to its 总分 row or its end: the fewest
        characters left unread (a stretch no reading explains is skipped to the next level name), then the fewest
        such stretches, then the most rows read (a name does not swallow a row), then the fewest characters read as
        notes (a name is the next row's, not the note's); as (characters, stretches, -rows, note characters).

        Worked out from the end backwards with a stack of its own: every step moves forward, and a long block
        would run deeper than Python's recursion allows."""
        pending = [(position, stage_total)]
        while pending:
            key = pending[-1]
            if key in self.cost:
                pending.pop()
                continue
            at, total = key
            if at >= len(self.text) or self.total_at(at) is not None:
                self.cost[pending.pop()] = (0, 0, 0, 0)
                continue
            anchor = self.next_anchor(at)
            following = [(end, after) for _, _, end, after in self.steps(at, total)]
            missing = [state for state in following + ([(anchor, total)] if anchor is not None else [])
                       if state not in self.cost]
            if missing:
                pending += missing
                continue
            chars, unread, rows, notes = self.cost[(anchor, total)] if anchor is not None else (0, 0, 0, 0)
            skip = (chars + (anchor if anchor is not None else len(self.text)) - at, unread + 1, rows, notes)
            self.cost[pending.pop()] = min([skip] + [self.after(step) for step in self.steps(at, total)])
        return self.cost[(position, stage_total)]


def stretch_values(text: str, start: int, end: int, columns: list[str], stage_total: float,
                   serials: frozenset[int] = frozenset()) -> dict[str, str] | None:
    """The values of a row whose name only a stretch of its own explains (a name opening with its row number): the
    one reading of its columns from `start` (a value never running into a row number: `serials`, where they start)
    that ends where the stretch does, or, where the copy is cut off there inside a word, of its first columns (what
    the last row printed before the cut: "同比2022年销量显著提"; digits at the cut may be a number cut short or several
    joined, never read); None when there is none or more than one."""
    cut_in_word = end == len(text) and end > start and not text[end - 1].isdigit() and text[end - 1] not in ".%"
    counts = range(len(columns), 0, -1) if cut_in_word else (len(columns),)
    for count in counts:
        readings = {tuple(values.items()) for values, stop in row_values(text, start, columns[:count], stage_total,
                                                                         serials) if stop == end}
        if readings:
            return dict(readings.pop()) if len(readings) == 1 else None
    return None


def unscored_item(text: str, start: int, end: int, columns: list[str], stage_total: float) -> dict[str, str] | None:
    """The values of an item (其中…) a scored row read right breaks down, left unscored ("★补助各类瓜果蔬菜种植面积 20
    29.5亩 29.5亩 20", then "其中桃树种植面积1.5亩1.5亩"): where no reading of the row's columns ends at `end`, the one
    reading of its columns but 分值 and 得分 that does, each value a figure with its unit (a bare number is a row's
    points, a unit alone is no note: "1.5亩1.5亩" is 1.5亩 twice)."""
    bare = [column for column in columns if column not in NUMERIC]
    if len(bare) == len(columns) or any(stop == end for _, stop in row_values(text, start, columns, stage_total)):
        return None
    readings = {tuple(values.items()) for values, stop in row_values(text, start, bare, stage_total)
                if stop == end and any(values.values())
                and all(DIGIT.search(value) and value.endswith(FIGURE_UNITS) for value in values.values() if value)}
    return dict(readings.pop()) if len(readings) == 1 else None


def cut_off_target(stretch: str) -> dict[str, str] | None:
    """The last row of a copy cut off inside its result, the result a word target printed again ("…提供医疗服务" "服务范围
    扩大" "服务范"): its name and target; None when the stretch does not end so, or ends so more than one way.

    The splits of one repeat differ only in where the name ends inside the target's opening printed again ("…医疗服务"
    "服务范围扩大" or "…医疗服务服" "务范围扩大服"): the cut copy is read whole, the longest. Repeats of different lengths
    ("…满意满意度满意满意度", targets 满意度 or 满意满意度) are different targets: no guess, the name alone."""
    splits = []  # (the target's length, the cut copy's length, where the target starts)
    for size in range(min(len(stretch) // 3, LEVEL_NAME_LIMIT), 1, -1):
        end = len(stretch) - size
        at = stretch.find(stretch[-size:], 1, end)
        while at != -1:
            if size < end - at <= LEVEL_NAME_LIMIT and is_word(stretch[at:end]) and is_word(stretch[:at]):
                splits.append((end - at, size, at))
            at = stretch.find(stretch[-size:], at + 1, end)
    if len({length for length, _, _ in splits}) != 1:
        return None
    length, _, at = max(splits, key=lambda split: split[1])
    return {"level3": stretch[:at], "target": stretch[at:at + length]}


def figures_start(text: str, start: int, end: int, marks: str) -> int:
    """Where the figures `text` prints right before `end` start (digits and `marks`: ".%", signs), no earlier than
    `start`."""
    while end > start and (text[end - 1].isdigit() or text[end - 1] in marks):
        end -= 1
    return end


def serial_numbers(text: str, anchor: re.Pattern[str], own_levels: bool = False) -> dict[int, int]:
    """Where a score sheet's row numbers stand (1, 2, 3 … each right before its row's level name, an `anchor`:
    "…12.5122产出指标" is 得分 12, then row 2), as {start: end}: the next number in turn, found where the next level
    name starts — or, in a sheet of its own level names (`own_levels`), printed once over their rows, where any row's
    name starts right after the figures of the row before ("…目标任务制定222具体项目落实663…": 得分 2, then row 2), a
    unit's word never ("得5分")."""
    named = {name.start() for name in anchor.finditer(text)}
    unnamed = {words.start() for words in CJK_RUN.finditer(text, 1) if own_levels
               and text[words.start() - 1].isdigit() and not text.startswith(FIGURE_UNITS, words.start())}
    found: dict[int, int] = {}
    after = 0
    for name in sorted(named | unnamed):
        number = str(len(found) + 1)
        start = name - len(number)
        # (a row's number under no level name follows the figures of the row before: "要求。2" ends a 分值 "依据2")
        if start >= after and text.startswith(number, start) and (name in named or text[start - 1:start].isdigit()):
            found[start] = name
            after = name
    return found


@functools.lru_cache(maxsize=SHEET_TEXTS_KEPT)
def sheet_levels(text: str) -> dict[str, dict[str, str]]:
    """A score sheet's own 一级 and 二级 names, printed again on every row and run into its 三级 name ("1投入项目立项目标
    任务制定222投入项目立项具体项目落实663投入资金落实资金申请33…"), as {the names run together: their cells}. They are
    the words rows open with (at the block's start or after a figure: the row before's 得分, or the row's number) and
    share with other rows: the 一级 name the shortest that ends in a stage's word (`SHEET_STAGE`), the 二级 name after
    it the frameworks' (`SHEET_LEVEL2`) or else what the row shares with another (the longest). A 一级 name printed
    with its points ("项目决策(20分)科学决策必要性…") is the grammar's: the 二级 name after it opens the row's words.
    None where no two rows open with one 一级 name so, or where a row opening with a national form's level name
    (产出指标, 数量指标) comes first: those the grammar reads."""
    pointed = {m.end() for m in STAGE.finditer(text) if stage_points(m)}
    openings = [(m.start(), m.group()) for m in CJK_RUN.finditer(text)
                if m.start() == 0 or text[m.start() - 1].isdigit() or m.start() in pointed][:SHEET_OPENINGS]
    levels: dict[str, dict[str, str]] = {}
    first: dict[str, int] = {}  # where each 一级 name (or the 二级 names after points, "") first opens a row
    rows: Counter[str] = Counter()  # the rows each opens
    for start, opening in openings:
        shared = max((len(commonprefix([opening, other])) for at, other in openings if at != start), default=0)
        stage = None if start in pointed else SHEET_STAGE.match(opening)
        if stage is None and start not in pointed or stage and stage.end() > shared or LEVEL_NAME.match(opening):
            continue
        after = stage.end() if stage else 0
        level2 = framework_level2(opening, after) or opening[after:shared]
        if not SHORTEST_SHARED_LEVEL <= len(level2) <= LEVEL_NAME_LIMIT and level2 not in SHEET_LEVEL2 \
                or after + len(level2) >= len(opening):
            continue  # (a row names its 三级 indicator after its levels; words of a sentence two rows open with
            # are no level: "评价部门绩效目标是否…", "评价部门绩效目标实际…" share no 二级 "目标")
        level1 = stage.group() if stage else ""
        levels[level1 + level2] = {"level1": level1, "level2": level2} if stage else {"level2": level2}
        first.setdefault(level1, start)
        rows[level1] += 1
    national = next((start for start, opening in openings if LEVEL_NAME.match(opening)), len(text))
    return {names: cells for names, cells in levels.items()
            if rows[cells.get("level1", "")] > 1 and first[cells.get("level1", "")] < national} \
        or framework_levels([opening for start, opening in openings if start < national])


def framework_level2(opening: str, at: int) -> str | None:
    """The frameworks' 二级 name a row's words print at `at`, if any (`SHEET_LEVEL2`)."""
    return next((word for word in SHEET_LEVEL2 if opening.startswith(word, at)), None)


def framework_levels(openings: list[str]) -> dict[str, dict[str, str]]:
    """The level names of a score sheet in the frameworks' words whose merged level cells print each name once, on
    the first of its rows ("投入项目立项目标任务制定22具体项目落实66改造方式确定22资金落实资金申请33…"): where the sheet's
    first row opens with a 一级 name and a 二级 name of the frameworks, every row that opens with a frameworks' 二级
    name, a 一级 name before it or not, opens that level, where a name of its own follows (one of four characters or
    more after a 二级 name alone: "绩效目标合理性" is a row of 项目立项, not a 二级 绩效目标 over a row "合理性")."""
    levels: dict[str, dict[str, str]] = {}
    for opening in openings:
        stage = SHEET_STAGE.match(opening)
        at = stage.end() if stage and framework_level2(opening, stage.end()) else 0
        level2 = framework_level2(opening, at)
        named = len(opening) - at - len(level2 or "") >= (SHORTEST_LEVEL if at else SHORTEST_SHARED_LEVEL)
        if not levels and not (at and level2 and named):
            return {}  # (the first row opens with both levels, or the sheet is none of the frameworks')
        if level2 and named:
            levels[opening[:at + len(level2)]] = {"level1": opening[:at], "level2": level2} if at \
                else {"level2": level2}
    return levels


def first_stage(text: str) -> int | None:
    """Where the first level name stands within the header words' reach."""
    found = [m.start() for pattern in (STAGE, LEVEL2) for m in [pattern.search(text, 0, HEADER_REST)] if m]
    return min(found) if found else None


def read_run_rows(text: str, columns: list[str], numbered: bool = False, unscored: bool = False,
                  own_levels: bool = True) -> RunRows:
    """The rows of a run-together indicator block whose value columns are `columns` in the header's order
    (weight, target, actual, score), each opening with its serial number where the header has a 序号 column
    (`numbered`); the block ends at its 总分 row, whose numbers stay for the caller.

    The readings kept are those that leave the least text unread; a stretch none explains becomes a row with
    its name (and its values where they read one way to the stretch's end, `stretch_values`), else it is listed in
    `ambiguous`, as is a row whose values have more than one reading."""
    if not columns:
        return RunRows(columns)
    try:
        return read_block(Block(text, columns, numbered, unscored, own_levels))
    except TooManyReadings:
        return RunRows(columns, ambiguous=[text])  # (no row guessed: the block is left whole, to the LLM)


def read_block(block: Block) -> RunRows:
    """`read_run_rows` of one block."""
    text, columns = block.text, block.columns
    result = RunRows(columns)
    # Header words the header did not take (a long 未完成原因及拟采取的改进措施) stand before the first stage.
    first = first_stage(text)
    position = first if first is not None and not block.steps(0, 100.0) else 0
    stage_total = 100.0
    printed_total: float | None = None  # the stage's points as its name prints them ("产出指标(50分)")
    # Rows whose values read more than one way, each with its readings and its stage's printed points.
    choices: list[tuple[int, list[dict[str, str]], float, str]] = []
    level_row: dict[str, str] = {}
    level_start = position
    while position < len(text) and block.total_at(position) is None:
        best = block.unread(position, stage_total)
        steps = [step for step in block.steps(position, stage_total) if block.after(step) == best]
        steps = echoing(repeated_over_verdict(twice_over_far(unit_kept(steps))))
        start = level_start if level_row else position
        if not steps:
            anchor = block.next_anchor(position)
            listed = block.listed_row(position, stage_total) if anchor is None else None
            if listed:
                values_start, end, values = listed
                result.add({**level_row, "level3": text[position:values_start], **values}, start)
                level_row, position = {}, end
                continue
            if anchor is None and len(text) - position <= STRETCH_LIMIT:
                anchor = len(text)  # the last row, cut off where the text ends
            elif anchor is None:
                anchor = block.next_row(position, stage_total)
            if anchor is None:
                anchor = block.figures_end(position)
            stretch = text[position:anchor]
            if "level2" in level_row and anchor is not None and NUMBER.fullmatch(stretch):
                # A 二级 level printed with no row of its own but a number in one of its cells ("生态效益指标 … 0"):
                # an empty level, as in Word; which column the number stood in, nothing tells. (A 一级 name's number
                # is its points, "管理指标30", before rows of a form the grammar may not know.)
                result.add(level_row, start)
                level_row, position = {}, anchor
                continue
            compared = COMPARED_WITH_YEAR.search(stretch, 1)
            # A name may open with its row number, 指标 and all or the number alone where the OCR merged 指标 into the
            # 二级 name before it ("生态效益指标1病害减少,…"). Its brackets are its own, figures and all, and a long
            # one of words.
            name = re.match(rf"(?:指标\d+|[1-9]\d?(?=[\u4e00-\u9fff]))?(?:[^\d{COMPARATOR_SIGNS}(（]|{BRACKET.pattern}"
                            rf"|{LONG_BRACKET.pattern})+", stretch[:compared.start()] if compared else stretch)
            # Sentences are the prose after the table, unless the rows print a scoring rule in words or a stage with
            # its points comes next ("…加大宣传力度;加大项目支持力度满意度指标(20分)": a row's note, the table goes on), or
            # the rows print a note and a level name or numbered row comes next ("…低于预算金额。提高预算准确度。37.24产出指标…",
            # "…提高预算准确度。指标2……").
            stage = STAGE.match(text, anchor) if anchor is not None else None
            noted = "note" in columns and anchor is not None \
                and bool(LEVEL_NAME.match(text, anchor) or NUMBERED_INDICATOR.match(text, anchor))
            if anchor is None or name is None or PROSE.search(text, position, anchor) and "criteria" not in columns \
                    and not stage_points(stage) and not noted:
                break
            values = stretch_values(text, position + name.end(), anchor, columns, stage_total)
            scored = next((cells for cells in reversed(result.rows) if any(map(cells.get, NUMERIC))), None) \
                if values is None and SUB_ITEM.match(stretch) else None
            if scored and (scored.get("target") == scored.get("actual") or near_target(scored)):
                values = unscored_item(text, position + name.end(), anchor, columns, stage_total)
            if values is None:
                result.ambiguous.append(text[position:anchor])
            cut = cut_off_target(stretch) if values is None and anchor == len(text) and columns[0] == "target" \
                else None
            if result.rows or level_row:  # text before the first level name is the header's, not a row
                result.add({**level_row, **(cut or {"level3": name.group(), **(values or {})})}, start)
            level_row, position = {}, anchor
            continue
        kind, cells, end, total = steps[0]
        if kind == "serial":
            position = end  # the row's number: no field, but where its row starts
            continue
        if kind != "row" and level_row.get(kind) == cells[kind]:
            position = end  # a merged cell's name the OCR printed twice ("数量指标数量指标福彩APP…"): one level
            continue
        if kind != "row":
            if kind in level_row or (kind == "level1" and level_row):
                result.add(level_row, start)  # a level printed with no row of its own: an empty row, as in Word
                level_row = {}
            if not level_row:
                level_start = position
            level_row.update(cells)
            if kind == "level1":
                printed_total = total if stage_points(STAGE.match(text, position)) else None
            position, stage_total = end, total
            continue
        ends = {s[2] for s in steps}
        near = [step for step in steps if near_target(step[1])] \
            if len(ends) == 1 and len(steps) > 1 and len({cells.get("level3") for _, cells, _, _ in steps}) == 1 \
            else []
        if len(near) == 1 and sum(near_target(step[1], FAR_FACTOR) for step in steps) == 1:
            # Readings of one name that differ in where its figures part ("≧735人次7351010": 735, 10, 10 or 7351, 0,
            # 10; "100%12.512.5100%" under 完成值 | 得分 | 分值 | … | 指标值: 12.5, 12.5, 100% or 1, 2.5, 12.5100%): the
            # one whose result is near its target, where every other is far from its own.
            steps = near
            kind, cells, end, total = steps[0]
        fit = [step for step in steps if points_fit(step[1])] if len(ends) == 1 and len(steps) > 1 and len(
            {tuple(cells.get(column) for column in ("level3", "target", "actual")) for _, cells, _, _ in steps}) == 1 \
            else []
        if len(fit) == 1:
            # Readings of one row that differ only in where its 分值 and 得分 part ("10.310.3": 10.3, 10.3 or 10.31,
            # 0.3): the one whose 得分 the rules give its result, where no other's is.
            steps = fit
            kind, cells, end, total = steps[0]
        if len(ends) > 1 or len(steps) > 1:
            same = {column: cells[column] for column in cells
                    if all(s[1].get(column) == cells[column] for s in steps)}
            if len(ends) > 1 and "level3" in same and FIGURE_RUN.fullmatch(text, min(ends), max(ends)):
                # Readings that end apart inside one run of figures ("22.822.81" as 22.8, 22.8, 1 or 22.8, 22.81):
                # the row ends where the run does, its values left empty.
                end, ends = max(ends), {max(ends)}
            if len(ends) > 1 or "level3" not in same:
                # Rows that end in more than one place: none is read, reading resumes at the next level name.
                anchor = block.next_anchor(position)
                result.ambiguous.append(text[position:anchor])
                if anchor is None:
                    break
                level_row, position = {}, anchor
                continue
            cells = same
            result.ambiguous.append(text[position:end])
            if printed_total is not None:
                choices.append((len(result.rows), [step[1] for step in steps], printed_total, text[position:end]))
        result.add({**level_row, **cells}, start)
        level_row = {}
        position = end
    if level_row:
        result.add(level_row, level_start)
    for index, reading in by_stage_points(result.rows, choices).items():
        result.rows[index].update(reading)
        result.ambiguous.remove(next(stretch for row, *_, stretch in choices if row == index))
    # A 一级 name printed mid-way down its merged cell, after the block's first rows (数量指标…12.5 产出指标(50分)
    # 质量指标…): the rows above it, in a stage of no name yet, are under it too when their 二级 kind is of its stage
    # (not 数量指标 … 质量指标 above 效益指标 社会效益指标: those stand under none printed).
    first_stage_row = next((cells for cells in result.rows if "level1" in cells), None)
    for cells in takewhile(lambda cells: "level1" not in cells, result.rows if first_stage_row else []):
        if "level2" in cells and stages_of(first_stage_row["level1"], "level1") & stages_of(cells["level2"], "level2"):
            cells["level1"] = first_stage_row["level1"]
    result.end = position
    return result


def repeated_over_verdict(steps: list[Step]) -> list[Step]:
    """Of rows read alike but for where the name ends, those whose result in words repeats its target ("及时完成" |
    "及时完成") over those that read a bare verdict off its end (name "…及时完成", target "及时", result "完成")."""
    repeated = [step for step in steps if step[0] == "row" and is_word(step[1].get("target"))
                and step[1].get("target") == step[1].get("actual")]
    if not repeated or len(repeated) == len(steps) or len({step[2] for step in steps}) != 1 \
            or not all(step[0] == "row" and MET.fullmatch(step[1].get("actual") or "")
                       for step in steps if step not in repeated):
        return steps
    return repeated


def unit_kept(steps: list[Step]) -> list[Step]:
    """Of rows read alike but for where the result ends, the one whose result prints its target's unit ("0起" |
    "0起") over one that leaves that unit to open the next row's name ("0起" | "0", then "起市民满意度调查")."""
    if len({step[2] for step in steps}) < 2 or any(step[0] != "row" for step in steps) \
            or len({(step[1]["level3"], step[1].get("target")) for step in steps}) != 1:
        return steps
    kept = [step for step in steps if DIGIT.search(step[1].get("actual") or "")
            and (unit := UNIT_AFTER.search(step[1].get("target") or "").group())
            and UNIT_AFTER.search(step[1]["actual"]).group() == unit]
    return kept if kept and len({step[2] for step in kept}) == 1 else steps


def twice_over_far(steps: list[Step]) -> list[Step]:
    """Of rows read alike but for where the name ends, the one whose figure is printed twice as its target and result
    ("…二级公路32.1公里" | "20" | "20") over those whose result is far from their target ("…二级公路" | "32.1公里" |
    "2020"): a name may hold a measure, a result is not dozens of times its target."""
    twice = [step for step in steps if step[0] == "row" and DIGIT.search(step[1].get("target") or "")
             and step[1].get("target") == step[1].get("actual")]
    if len(twice) != 1 or len(steps) == 1 or len({step[2] for step in steps}) != 1 \
            or not all(step[0] == "row" and DIGIT.search(step[1].get("target") or "")
                       and DIGIT.search(step[1].get("actual") or "") and not near_target(step[1], FAR_FACTOR)
                       for step in steps if step not in twice):
        return steps
    return twice


def echoing(steps: list[Step]) -> list[Step]:
    """Of rows read alike but for where the name ends, those whose target restates the end of the name, as the forms
    print it ("科技特派员创业能力提升" | "创业能力提升" | "达成预期指标", "2022年底之前" | "2022年底之前"): where they
    share one name and end, the others split the name at no printed boundary. (A level name read there instead, a
    bare 二级 时效 before "1年1年", keeps every reading.)"""
    echoed = [step for step in steps if step[0] == "row" and step[1].get("target")
              and step[1]["level3"].endswith(step[1]["target"])]
    if len(echoed) == len(steps) or any(step[0] != "row" for step in steps) \
            or len({(step[1]["level3"], step[2]) for step in echoed}) != 1:
        return steps
    return echoed


def by_stage_points(rows: list[dict[str, str]],
                    choices: list[tuple[int, list[dict[str, str]], float, str]]) -> dict[int, dict[str, str]]:
    """The rows whose values read more than one way (`choices`: row, readings, the stage's printed points, text) that
    one reading of each explains: the one choice, of all their readings together, under which the rows of each stage
    add up to the points its name prints ("产出指标(50分)": 10 + 20 + 10 + 10; "≥3次31010" is 3, 10, 10, not 310, 1,
    0) — where every other row of the stage reads its 分值. None of a stage's rows where no choice or more than one
    does."""
    stages = list(accumulate((cells.get("level1") for cells in rows), lambda above, own: own or above))
    chosen: dict[int, dict[str, str]] = {}
    for stage in {stages[index] for index, *_ in choices}:
        open_rows = [(index, readings, points) for index, readings, points, _ in choices if stages[index] == stage]
        if len(open_rows) > STAGE_CHOICES_LIMIT:
            continue
        others = [cells.get("weight") for number, cells in enumerate(rows) if stages[number] == stage
                  and cells.get("level3") and number not in {index for index, _, _ in open_rows}]
        if any(parse_number(weight or "") is None for weight in others):
            continue
        left = open_rows[0][2] - sum(parse_number(weight) for weight in others)
        fitting = [combination for combination in product(*(readings for _, readings, _ in open_rows))
                   if all(parse_number(reading.get("weight") or "") is not None for reading in combination)
                   and abs(sum(parse_number(reading["weight"]) for reading in combination) - left) < TOLERANCE]
        if len(fitting) == 1:
            chosen.update({index: reading for (index, _, _), reading in zip(open_rows, fitting[0])})
    return chosen


def total_numbers(run: str, rows: list[dict[str, str]], columns: list[str]) -> list[str]:
    """The 总分 row's numbers in the order the header prints its `columns`: 分值 and 得分 printed together ("100100",
    "94.75100" under 得分 | 分值) are split where the 分值 is the rows' sum or the sheet's 100 points and the 得分 no
    more; a number no larger than the rows' 分值 or 100 (the 分值 the stages outside the rows, such as 预算执行率,
    make up) is one number; else none."""
    if not run:
        return []
    weights = [float(cells["weight"]) for cells in rows if cells.get("weight")]
    total = sum(weights) if weights else 100.0
    weight = int({"weight", "score"} <= set(columns) and columns.index("score") < columns.index("weight"))
    # The 分值 is the rows' sum, or the sheet's full 100 points (the funds' 10 among them, or rows left unread).
    for full in dict.fromkeys([total, 100.0]):
        pieces = split_numbers(run, 2, lambda v: abs(v[weight] - full) <= TOLERANCE and v[1 - weight] <= v[weight])
        if pieces:
            return pieces
    return [run] if NUMBER.fullmatch(run) and float(run) <= max(total, 100.0) + TOLERANCE else []


def swallows_levels(rows: list[Row], slots: list[str | None]) -> bool:
    """Rows read by another grammar whose indicator names hold level names ("质量指标保证财政建设补助专款专用")."""
    if "level3" not in slots:
        return False
    index = slots.index("level3")
    return any(pattern.search(text) and not pattern.fullmatch(text) for row in rows
               for text in row.texts()[index:index + 1] for pattern in (LEVEL1, LEVEL2))


def read_fully(read: RunRows) -> int:
    """How many rows were read with a name and every value."""
    return sum(all(cells.get(column) for column in read.columns if column not in ("note", *TEXT_ROLES))
               and "level3" in cells for cells in read.rows)


def value_columns(slots: list[str | None]) -> list[str]:
    """The columns a row prints after its indicator name, in the header's order; a scoring rule in words (得分计算方法)
    is the row's criteria; a note column after a value column is read in its place as the row's note (未完成原因分析
    between 权重 and 全年完成值, or last, its words running into the next row's name otherwise), one right after the
    name is left to the text (its words would run into the name). A target printed over columns of its parts (指标性质 |
    指标值 | 度量单位) runs together into one target ("≥150个"): one column. No columns when there is no value column."""
    after = slots[slots.index("level3") + 1:] if "level3" in slots else []
    columns: list[str] = []
    for slot in after:
        if slot in TARGET_PARTS or slot == "note" and columns:  # a note right after the name runs into it: unread
            part = "target" if slot in TARGET_PARTS else "note"
            columns += [] if columns[-1:] == [part] else [part]
        elif slot != "note":
            columns.append(slot if slot in NUMERIC + VALUES + TEXT_ROLES else "other")
    return columns if set(columns) - {"note"} else []


def unscrambled_stages(text: str) -> str:
    """A 一级 name printed in a vertical merged cell that OCR read out of order ("出标产指" for 产出指标), right before
    a 二级 name: put back in order (the text keeps its length, so offsets into it still hold)."""
    for level2 in LEVEL2.finditer(text):
        for stage in STAGES:
            start = level2.start() - len(stage)
            if start >= 0 and sorted(text[start:level2.start()]) == sorted(stage):
                text = text[:start] + stage + text[level2.start():]
    return text


def scored_only_by_cuts(text: str, read: RunRows) -> bool:
    """Whether every 分值 or 得分 the rows were read with runs on into a digit in its row's text ("10" of "100%"), so
    each may be a printed figure cut in two: the table may be one left unscored."""
    spans = zip(read.rows, read.starts, [*read.starts[1:], read.end])
    scores = [(cells[column], text[start:end]) for cells, start, end in spans for column in NUMERIC if cells.get(column)]
    return bool(scores) and all(re.search(re.escape(score) + r"\d", row) for score, row in scores)


def points_add_up(rows: list[dict[str, str]]) -> bool:
    """Whether the rows' arithmetic confirms every reading: each row read with its 分值, every stage printing its
    points ("产出指标(50分)"), and the 分值 of each stage's rows adding up to them."""
    read: dict[str, float] = {}  # each stage's points: its rows' 分值 added up
    printed: dict[str, float] = {}  # each stage's points as its name prints them
    stage = None
    for cells in rows:
        stage = cells.get("level1", stage)
        if "level3" not in cells:
            continue  # a level printed with no row of its own
        weight = parse_number(cells.get("weight") or "")
        named = LEVEL1.fullmatch(stage or "")
        if weight is None or not named or not named.group("total"):
            return False
        printed[stage] = float(named.group("total"))
        read[stage] = read.get(stage, 0.0) + weight
    return bool(read) and all(abs(points - printed[stage]) < TOLERANCE for stage, points in read.items())


LEVEL_PAIR = ("level1", "level2")
# A level's or an indicator's name and the figures after it, in a sheet whose every level prints its points
# ("项目决策20项目目标4目标内容44"): the name holds no figure.
NAMED_POINTS = re.compile(rf"(?P<name>[^\d{COMPARATOR_SIGNS}%]{{1,{NAME_LIMIT}}}?)"
                          r"(?P<digits>\d+(?:\.\d+)?(?:\d+(?:\.\d+)?)?)")


def points_of(digits: str, limit: float) -> list[tuple[float, float]]:
    """The (分值, 得分) a row's run of digits reads as: 得分 ≤ 分值 ≤ `limit`, neither printed with a leading zero
    ("44" → 4, 4; "1010" → 10, 10 under 10 points, not 101, 0)."""
    return [(weight, score) for weight, score in (map(float, pieces) for pieces in number_splits(digits, 2))
            if score <= weight + TOLERANCE and weight <= limit + TOLERANCE]


def levelled_rows(text: str, slots: list[str | None]) -> tuple[list[tuple[int, list[str]]], int, list[str]] | None:
    """Rows of a score sheet whose levels print their points after their names (一级指标 | 分值 | 二级指标 | 分值 |
    三级指标 | 分值 | 得分), run together: "项目决策20项目目标4目标内容44决策过程8决策依据33…". A level opens where the
    one before has given out its points (决策过程's 3 + 5 make its 8); a name printed again with its points on every
    row is the level above still. A row's digits are its 分值 and 得分: of their readings (得分 ≤ 分值 ≤ the points
    left), the one after which more of the sheet reads; where two read as far, the values are left empty with a
    warning. Returns the rows (where each starts, a text per slot), where they end in the text and the warnings; None
    where the slots are no such sheet or no row reads."""
    levels = [slot for slot, after in zip(slots, slots[1:]) if slot in LEVEL_PAIR and after == "weight"]
    if not levels or levels != [slot for slot in slots if slot in LEVEL_PAIR] or "level3" not in slots \
            or value_columns(slots) != ["weight", "score"] \
            or any(slot not in (*LEVEL_PAIR, "level3", "weight", "score") for slot in slots):
        return None  # (every level prints its points, else its name runs into the next one's)
    at = {slot: index for index, slot in reversed(list(enumerate(slots)))}  # each level's column, its points after

    def read_from(position: int, left: dict[str, float],
                  names: dict[str, tuple[str, float | None]]) -> tuple[list[tuple[int, list[str]]], int, list[str]]:
        """The rows from `position`, with the points each level has still to give out and the names open."""
        left, names = dict(left), dict(names)
        rows: list[tuple[int, list[str]]] = []
        row = [""] * len(slots)
        end = start = position
        while (pair := NAMED_POINTS.match(text, position)) is not None:
            start = start if any(row) else position
            name, digits = pair.group("name"), pair.group("digits")
            if any(names.get(level) == (name, parse_number(digits)) for level in levels):
                position = pair.end()  # a merged level's name and points printed again on this row
                continue
            opening = next((level for level in levels if left[level] <= TOLERANCE), None)
            if opening is not None:
                outer = levels[levels.index(opening) - 1] if levels.index(opening) else None
                points = parse_number(digits)
                if points is None or not 0 < points <= (left[outer] if outer else FULL_MARKS) + TOLERANCE:
                    break
                names[opening], left[opening] = (name, points), points
                left.update({inner: 0.0 for inner in levels[levels.index(opening) + 1:]})
                row[at[opening]], row[at[opening] + 1] = name, digits
                position = pair.end()
                continue
            readings = points_of(digits, left[levels[-1]])
            if not readings:
                break
            row[at["level3"]] = name
            if len(readings) > 1:
                reads = [read_from(pair.end(), {level: left[level] - weight for level in levels}, names)
                         for weight, _ in readings]
                best = max(len(rows) for rows, _, _ in reads)
                fullest = [index for index, (rows, _, _) in enumerate(reads) if len(rows) == best]
                rest, rest_end, warnings = reads[fullest[0]]
                if len(fullest) > 1:
                    warnings = [f"指标行“{pair.group()}”的分值与得分连在一起，无法唯一拆分，数值已留空，请人工核对。",
                                *warnings]
                else:
                    row[-2:] = [f"{value:g}" for value in readings[fullest[0]]]
                return rows + [(start, row)] + rest, max(rest_end, pair.end()), warnings
            (weight, score), = readings
            row[-2:] = [f"{weight:g}", f"{score:g}"]
            for level in levels:
                left[level] -= weight
            rows.append((start, row))
            row = [""] * len(slots)
            position = end = pair.end()
        return rows, end, []

    rows, end, warnings = read_from(0, {level: 0.0 for level in levels}, {})
    return (rows, end, warnings) if rows else None


def run_together_rows(lines: list[Paragraph], header: Row, slots: list[str | None], confirmed: bool = False,
                      own_levels: bool = True) -> tuple[Row, list[Row], int, list[str]]:
    """Rows of an indicator block printed as one run-together line after its `header` (`lines` are the cells that
    line was cut into), in the header's columns (and 一级指标 and 二级指标 columns before them when the header
    printed none but the rows name them); returns the header, the rows, how many of `lines` they used and a
    warning for each stretch whose values could not be told apart (left empty). With `confirmed`, rows only where
    their 分值 add up to every stage's printed points (`points_add_up`); else none. Without `own_levels`, a score
    sheet's own level names are not looked for (a line cut at its spaces, read cell by cell as well: there each is a
    cell, and the grammar, which runs the cells together, would read "40" as 4 | 0)."""
    texts = [normalize_text(p.text) for p in lines]
    text = unscrambled_stages("".join(texts)[:BLOCK_LIMIT])
    ends = list(accumulate(len(t) for t in texts))  # where each of `lines` ends in `text`
    # (the head over the 一级 and 二级 columns, 评价内容, is one word over both: each row prints the two names)
    slots = [name for column in slots for name in (LEVEL_PAIR if column == "level_pair" else (column,))]

    def line_at(offset: int) -> int:
        return lines[min(bisect_right(ends, offset), len(lines) - 1)].line

    levelled = levelled_rows(text, slots)
    if levelled:
        read_rows, end, warnings = levelled
        rows = [Row([Cell(cell, line_at(start)) for cell in cells]) for start, cells in read_rows]
        total, end = total_row(text, end, [], [], line_at)
        return header, rows + total, lines_used(ends, end), warnings
    columns = value_columns(slots)
    if not set(columns) - {"note"} or len(set(columns) - {"note"}) < 2 and not (own_levels and sheet_levels(text)):
        # A name and one number run together cannot be told apart by any arithmetic, unless the sheet's own level
        # names open every row: the number is what stands between a name and the next row's levels.
        return header, [], 0, []
    numbered = "serial" in slots[:slots.index("level3")] if "level3" in slots else False
    read = read_run_rows(text, columns, numbered, own_levels=own_levels)
    leading = first_stage(text)
    if leading and not (numbered and text[:leading].isdigit()):  # the first row's serial number is no header word
        # Header words left before the first stage may name one more column whose values the rows print
        # (累计完成率) or a note column they leave empty: the reading that explains more of the rows decides.
        more = read_run_rows(text, [*columns, "other"], numbered, own_levels=own_levels)
        if (read_fully(more), -len(more.ambiguous)) > (read_fully(read), -len(read.ambiguous)):
            read = more
    read = unscored_reading(text, read, numbered, own_levels)
    if scored_only_by_cuts(text, read):
        # A table left unscored under a header that names 分值 and 得分 (the region form): where its rows read with
        # no 分值 or 得分 but those that cut a figure in two to find them, it is read so ("100%100%" is no 10, 0%).
        # Its rows then print each result as its target ("100%100%"); "101000万元1000万元" holds a score.
        bare = read_run_rows(text, read.columns, numbered, unscored=True, own_levels=own_levels)
        if bare.rows and not any(cells.get(column) for cells in bare.rows for column in NUMERIC) \
                and all(cells.get("target") == cells.get("actual") for cells in bare.rows if cells.get("target")):
            read = bare
    if not read.rows or confirmed and not points_add_up(read.rows):
        return header, [], 0, []
    for level, word in (("level2", "二级指标"), ("level1", "一级指标")):
        if level not in slots and any(level in cells for cells in read.rows):
            header, slots = Row([Cell(word, header.line), *header.cells]), [level, *slots]
    rows = [Row([Cell(cells.get(slot, "") if slot else "", line_at(start)) for slot in slots])
            for cells, start in zip(read.rows, read.starts)]
    warnings = [f"第{line_at(text.index(stretch))}行的指标行“{stretch}”连在一起，无法唯一拆分，数值已留空，请人工核对。"
                for stretch in read.ambiguous]
    total, end = total_row(text, read.end, read.rows, columns, line_at)
    return header, rows + total, lines_used(ends, end), warnings


def unscored_reading(text: str, read: RunRows, numbered: bool, own_levels: bool) -> RunRows:
    """A table left unscored under a header that names its 得分 and 权重 (偏差… | 得分 | 指标权重 after 年度指标值 |
    实际完成值), where no row read its points: its rows read by the columns they print, each target with its result
    ("100%100%", "≤50万元47.68万元", "12月已完成"), where that reads more rows whole and loses none; else `read`.

    Not so where a row's values are a scored row's figures: a bare number of points printed twice ("44": 分值 and
    得分), a figure far from its target ("=100%22.5": its points), or a character printed twice around a note, a
    name cut up ("会议培训举办次数(次)": 次, 数(, 次)."""
    printed = [column for column in read.columns if column not in NUMERIC]
    if len(printed) == len(read.columns) or not {"target", "actual"} <= set(printed) \
            or any(cells.get(column) for cells in read.rows for column in NUMERIC):
        return read
    unscored = read_run_rows(text, printed, numbered, own_levels=own_levels)
    valued = [cells for cells in unscored.rows if cells.get("target") and cells.get("actual")]
    if (read_fully(unscored), -len(unscored.ambiguous)) > (read_fully(read), -len(read.ambiguous)) \
            and len(unscored.rows) >= len(read.rows) \
            and not any(POINTS_LIKE.fullmatch(cells["target"]) or cells.get("note") for cells in valued) \
            and all(cells["target"] == cells["actual"] or near_target(cells) or is_word(cells["actual"])
                    for cells in valued):
        return unscored
    return read


def total_row(text: str, end: int, rows: list[dict[str, str]], columns: list[str],
              line_at: Callable[[int], int]) -> tuple[list[Row], int]:
    """The 总分 row printed after the rows (`end`), its numbers read apart (`total_numbers`), and where the block
    ends after it; no row, and the block ending at `end`, where none follows."""
    total = TOTAL.match(text, end)
    if not total:
        return [], end
    line = line_at(end)
    numbers = total_numbers(total.group("numbers") or "", rows, columns)
    return [Row([Cell(total.group("label"), line)] + [Cell(number, line) for number in numbers])], total.end()


def lines_used(ends: list[int], end: int) -> int:
    """How many of the block's lines, ending at `ends` in its text, the rows read up to `end` take."""
    return bisect_left(ends, end) + 1 if end else 0
