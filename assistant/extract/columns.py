"""The one synonym table of column roles: which header words name which field.

Provinces print the same column under many names (三级指标 / 指标名称, 分值 / 权重 / 指标权重 /
参考分值, 实际完成值 / 全年完成值 / 全年实际值 …). A header cell is given the role of the first
entry one of whose words it contains, so longer, more specific words come first
(得分系数 before 得分, 年初预算 before 预算数).
"""
import functools
import re
from collections.abc import Sequence

from assistant.values import COMPARATOR_SIGNS, QUALITATIVE_WORDS, SIGN_COMPARATOR, SUFFIX_COMPARATORS, WORD_COMPARATOR, \
    normalize_text

Roles = tuple[tuple[str, tuple[str, ...]], ...]

# Hubei's score sheet scores its 项目决策 and 项目管理 rows under a head of their own: 项目权重 (the 一级, its points in
# its name: 项目管理13分) | 评价内容 (the indicator) | 分值 | 自评分 | 复核分 | 评价标准及依据.
HUBEI_LEVEL1_HEAD = "项目权重"
REVIEW_SCORE_HEAD = "复核分"  # the score the reviewing bureau fills in beside the unit's 自评分: no field keeps it
# Words that name a column only as the whole cell: a score sheet's 项目 | 考核内容 | 考核指标 heads its levels,
# while 项目名称, 项目实施单位 … are no level; Ningxia's 总体目标 heads the expected goal, while the label 年度总体目标 or
# 总体目标完成情况 heads none; a copy that keeps a cell's first line only heads a level column 一级 (一级 / 指标); an
# Anhui score sheet scores under 县级评分 (the county's own) and 市级评分, where 评分 in a longer cell is no column's
# (绩效评价指标评分 a section's title, 评分标准 the criteria's).
WHOLE_CELL_ROLES = {"项目": "level1", "总体目标": "expected", HUBEI_LEVEL1_HEAD: "level1", "一级": "level1",
                    "二级": "level2", "三级": "level3", "评分": "score", "县级评分": "score", "市级评分": "score",
                    # Wuxi's target sheet: 目标名称 | 目标值 | 评价指标 | 标准值 | 目标完成值 | 评价指标值 | 权重分值 |
                    # 评分规则 | 得分 (each target judged by an indicator of its own, its value no 指标值 of the row's)
                    "目标名称": "level3", "评价指标": "explanation", "评价指标值": "explanation", "评分规则": "criteria"}

INDICATOR_ROLES: Roles = (
    ("level1", ("一级指标", "分解目标")),  # Jiangxi's 整体支出 form: 分解目标 (管理指标, 产出指标 …) | 自评权重 | 二级指标
    ("level2", ("二级指标", "考核内容")),
    ("level3", ("三级指标", "指标名称", "具体指标", "考核指标", "绩效内容")),
    ("score_factor", ("得分系数",)),
    # A score sheet's text columns: how the score is worked out (得分计算方法 before 得分: not the 得分 column), and
    # what the indicator means (指标说明及评分标准 is the former: the earlier role wins a tie).
    ("criteria", ("指标说明及评分标准", "得分计算", "计分方法", "评分方法", "计分标准", "评分标准", "评价标准")),
    ("explanation", ("指标解释", "指标说明")),
    ("core", ("是否核心指标", "核心指标")),
    ("nature", ("指标性质",)),
    ("direction", ("指标方向",)),
    ("measure_unit", ("计量单位", "度量单位")),
    ("adjusted_target", ("调整指标值", "调整后指标值")),
    ("actual", ("完成值", "实际完成", "实际值", "全年实际", "实施进度")),
    ("target", ("指标值", "目标值", "年度目标", "预期值", "预期目标", "工作目标")),
    ("weight", ("分值", "权重", "权数")),
    ("score", ("得分", "自评分")),  # Hubei's forms: 权重 | 自评分
    ("deviation_note", ("偏差", "原因分析", "改进措施", "未完成原因", "备注")),
)

FUND_ROLES: Roles = (
    # Ningde's budget parts: 年初部门预算安排金额 | 历年结余结转 | 年中调整金额 | 小计 (the full-year budget) ‖
    # 年度拨付金额 | 支出实现率; Guangshui's sources: 中央 | 省、地 | 本级 | 其他 | 合计 (the full-year budget) | 执行数 | 执行率.
    ("initial_budget", ("年初预算", "年初数", "年初部门预算")),
    ("full_year_budget", ("全年预算", "调整后预算", "预算数", "小计", "合计")),
    ("executed", ("执行数", "实际支出", "决算数", "支出数", "拨付金额")),
    ("weight", ("分值", "权重")),
    ("execution_rate", ("执行率", "实现率")),
    ("score", ("得分",)),
)

# The goals' column words: 年度目标完成情况 names the achieved column, 项目年度目标 the expected one (a tie goes to the
# role listed first).
GOAL_ROLES: Roles = (("achieved", ("实际完成", "年度目标完成情况", "完成情况")),
                     ("expected", ("预期目标", "年度目标", "设定目标", "年初绩效目标")))
# How a goal column's word opens (年度目标完成情况, 全年目标实际完成情况, 预期目标, 年初绩效目标); a goal's own text that
# holds such a word opens on what was done (按期完成年度目标, 完成情况良好).
GOAL_LABEL_OPENINGS = ("年度", "全年", "年初", "当年", "预期", "实际", "项目", "总体", "设定", "目标")
GOAL_LABEL_LENGTH = 12  # characters, most, of a goal column's word (年度总体目标完成情况综述)

# Roles that only an indicator table has; three known roles make a header, one of them must be one of these.
INDICATOR_ANCHORS = {"level1", "level2", "level3", "target", "nature", "direction", "measure_unit", "score_factor"}
NUMERIC_ROLES = {"weight", "level1_weight", "level2_weight", "score", "score_factor", "initial_budget",
                 "full_year_budget", "executed", "execution_rate"}
PERCENT_ROLES = {"execution_rate", "score_factor"}  # the numeric columns printed as percentages
MONEY_ROLES = ("initial_budget", "full_year_budget", "executed")  # the numeric columns that are sums of money, in order
NUMBER_CELL = re.compile(r"^[-+]?\d[\d,，]*(?:\.\d+)?[%％]?$")
DASHES = ("/", "-", "—", "——")  # what a table prints in a cell it leaves empty
PERCENT_SIGNS = ("%", "％")  # a rate typed half- or full-width
COMPARATOR_CELL = re.compile(rf"^(?:{SIGN_COMPARATOR}|{WORD_COMPARATOR})$")
LEVEL_NAME = re.compile(r"指标(?:[（(]\d+(?:\.\d+)?分[)）])?$")
WEIGHT_SUFFIX = re.compile(r"^[（(]\d+(?:\.\d+)?分[)）]$")  # a level's weight printed after or under its name: (50分)
# A sum of money in 万元 printed with 万 alone ("5.8万").
WAN_AMOUNT = re.compile(r"^\d[\d,，]*(?:\.\d+)?万$")
# A figure with its measure word (1.5亩, 192只, 12头): what an indicator's target or result prints.
MEASURED = re.compile(r"^\d[\d,，]*(?:\.\d+)?\s*[^\d\s%％.分元]{1,3}$")
# A sum of money an indicator targets or reports (162万元, 730.54万元): a value, never an indicator's name.
AMOUNT = re.compile(r"^\d[\d,，]*(?:\.\d+)?\s*[万亿]?元$")
# A date a target or result prints whole (2024年12月31日前, 2024年12月): a deadline, never an indicator's name.
DEADLINE = re.compile(r"^\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:之前|以前|前|底|末)?$")
# Columns a row fills itself, whatever the rows above span: its name, target and result.
FILLED_ROLES = {"level3", "target", "actual"}
TEXT_ROLES = ("explanation", "criteria")  # a score sheet's columns of words, never a row's figures
# An ellipsis a template prints for rows left out: "……", "…" or a run of dots ("...", "。。"), never one dot alone.
PLACEHOLDER = re.compile(r"[…．.。·]{2,}|…")
NUMBERED_INDICATOR = re.compile(r"指标\d+")  # a template's numbered indicator (指标2), its name after it or none
SERIAL = re.compile(r"^\d{1,3}$")  # a row's number under 序号
# A sheet's section rows over its indicators, numbered as an outline's heads (Wuxi's target sheet: 一、投入目标, then
# 1.数量目标 under 三、产出目标): its 一级 and 二级, and the rows a copy with no row ends is cut at.
SECTION_LEVEL1 = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．](?=\S)")
SECTION_LEVEL2 = re.compile(r"^\d{1,2}[、.．](?!\d)")
UNIT_LENGTH = 4  # characters, most, of a 度量单位 (%, 人次, 万元, 年末前), unless it is a rate (元/人、天)
PER_UNIT = re.compile(r"^[\u4e00-\u9fa5]{1,3}(?:/[\u4e00-\u9fa5、]{1,4}){1,3}$")  # 元/人、天, 万元/人/年, 件/万人
WEIGHTED_LEVELS = ("level1", "level2")
LEVEL_ROLES = ("level1", "level2", "level3")
STAGES = ("产出指标", "效益指标", "满意度指标")  # the national template's 一级指标
# Parts of a target printed in columns of their own, joined in this order into Indicator.target.
TARGET_PARTS = ("nature", "direction", "target", "measure_unit")

# One head cell spanning the 一级 and 二级 columns (Ningde 2023: 评价内容 over 产出目标 | 数量目标).
LEVEL_PAIR_HEAD = "评价内容"
# The column words forms print as a header cell of their own: a one-cell-a-line dump's header is found by them
# (a line is a column word only whole, or a broken word joined whole). Their roles are the synonym table's.
PRINTED_COLUMN_WORDS = (
    "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "指标值", "度量单位", "计量单位", "实际完成值", "完成值",
    "全年实际值", "分值", "权重", "得分", "自评得分", "自评分", "偏差原因分析及改进措施", "偏差原因", "未完成原因分析",
    "未完成原因及改进措施", "未完成原因和改进措施", "未完成原因及拟采取的改进措施", "指标分值",
    # Jiangxi's 整体支出 form: 分解目标 | 自评权重 (the 一级's points) | 二级指标 | … | 得分 | 偏差及原因分析.
    "自评权重", "偏差及原因分析",
    # The transfer-payment forms' words, whole where a narrow column breaks them ("全年实" "际完成值").
    "全年实际完成值", "全年完成值",
    # A score sheet explains each indicator and how it is scored, in text columns of their own.
    "指标解释", "指标说明", "计分标准", "评分标准", "得分计算方法", "指标说明及评分标准", "评价标准", "评价标准及依据")
# The word a stacked indicator header prints over its level columns (一级 | 二级 | 三级指标), or a header row opens with,
# merged down its rows; it names no column.
LEVELS_GROUP = "绩效指标"
# The indicator block's label, a row of its own between the goals and the indicators: 绩效指标, 绩效指标(90分),
# 年度绩效指标完成情况.
INDICATOR_BLOCK_LABEL = re.compile(rf"(?:年度)?{LEVELS_GROUP}(?:完成情况)?(?:[（(]\d{{1,3}}(?:\.\d{{1,2}})?分[)）])?")
# Whole header cells naming a column no field keeps: the group head over the level columns (绩效指标), a score
# sheet's row numbers (Anhui's 序号 | 一级指标 | …), Fujian's head over the 一级 and 二级 columns, a column read only
# to pass it (a rate the others give, Hubei's 复核分 that the reviewing bureau fills in).
SERIAL_HEAD = "序号"  # the head of a score sheet's row numbers (Anhui's 序号 | 一级指标 | …)
LAYOUT_COLUMN_WORDS = {LEVELS_GROUP: None, SERIAL_HEAD: "serial", LEVEL_PAIR_HEAD: "level_pair", "累计完成率": "other",
                       "完成率": "other", REVIEW_SCORE_HEAD: "other"}


SCORE_WORDS = (("得分", "score"), ("自评分", "score"), ("权重", "weight"), ("分值", "weight"))
MONEY_UNIT_CELL = re.compile(r"^[（(]万?元[)）]$")  # a money column's unit, a cell or a line under its word: (万元)
BRACKETED = re.compile(r"[（(][^（()）]*[)）]")


def open_brackets(text: str) -> int:
    """How many more brackets the text opens than it closes."""
    return text.count("(") + text.count("（") - text.count(")") - text.count("）")


def ranked_role(text: str | None, roles: Roles) -> tuple[str, int] | None:
    """The role a header cell names and the rank of the word that named it (0 = the most specific).

    The word printed first decides ("得分(20分*执行率)" is a 得分 column); on a tie, the earlier role.
    """
    cell = normalize_text(text)
    if not cell or len(cell) > 20:
        return None
    return cell_role(cell, roles)


@functools.lru_cache(maxsize=16384)
def cell_role(cell: str, roles: Roles) -> tuple[str, int] | None:
    """`ranked_role` of a normalised cell of at most 20 characters, worked out once: every stage asks it again."""
    words_of = dict(roles)
    if WHOLE_CELL_ROLES.get(cell) in words_of:
        return WHOLE_CELL_ROLES[cell], 0
    # A 分值 or 得分 word at the end names the column, whatever it scores: 执行率权重, 执行率得分(分) (Chongqing).
    head = BRACKETED.sub("", cell)
    for word, name in SCORE_WORDS:
        if head.endswith(word) and word in words_of.get(name, ()):
            return name, words_of[name].index(word)
    found = [(cell.find(word), order, name, rank) for order, (name, words) in enumerate(roles)
             for rank, word in enumerate(words) if word in cell]
    if not found:
        return None
    _, _, name, rank = min(found)
    return name, rank


def with_level_weights(names: list[str | None]) -> list[str | None]:
    """Column roles where each level carries its own 分值 (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分):
    a 分值 right after a level column is that level's (level1_weight), the last one the indicator's."""
    return [f"{previous}_weight" if name == "weight" and previous in WEIGHTED_LEVELS else name
            for previous, name in zip([None, *names], names)]


def role_of(text: str | None, roles: Roles) -> str | None:
    """The role a header cell names, or None."""
    found = ranked_role(text, roles)
    return found[0] if found else None


def indicator_roles(texts: Sequence[str]) -> set[str]:
    return {role for role in (role_of(t, INDICATOR_ROLES) for t in texts) if role}


def is_indicator_header(texts: Sequence[str]) -> bool:
    """At least three known indicator column roles, one of which only an indicator table has."""
    roles = indicator_roles(texts)
    return len(roles) >= 3 and bool(roles & INDICATOR_ANCHORS) and bool(roles & {"weight", "score", "actual"})


def is_value(text: str) -> bool:
    """A cell that holds a figure or a dash, never a label."""
    text = text.replace(" ", "")
    return bool(NUMBER_CELL.match(text)) or text in DASHES


def is_comparison(cell: str) -> bool:
    """A comparator alone or before a figure (≤760元, >=90%): a target's cell; "<监管覆盖率" is a name."""
    rest = cell.lstrip(COMPARATOR_SIGNS)
    return cell[0] in COMPARATOR_SIGNS and (not rest or rest[0].isdigit())


def is_placeholder(text: str) -> bool:
    """Whether a cell is a template's slot, a row printed with no indicator of its own: an ellipsis ("……", "…",
    "..."; one dot alone, or nothing, is none) or a bare numbered indicator ("指标2", "指标12").

    The readers ask it of a cell they are placing: a slot is a row's 三级指标, never a level, a value or a note, and
    it opens a row of its own. A numbered indicator with its name after it (指标1.药品抽验品种) is a real indicator,
    no slot: it is read as any name is; where only its number matters (it names no level, it starts a cell of its
    own) callers test NUMBERED_INDICATOR.match besides."""
    cell = normalize_text(text)
    return bool(PLACEHOLDER.fullmatch(cell) or NUMBERED_INDICATOR.fullmatch(cell))


def without_bound(unit: str) -> str:
    """A 度量单位 without the bound's word printed after it (个工作日以内 → 个工作日)."""
    bound = max((word for word, _ in SUFFIX_COMPARATORS if unit.endswith(word)), key=len, default="")
    return unit[:len(unit) - len(bound)]


def unit_shaped(cell: str) -> bool:
    """Whether a cell has a 度量单位's shape: no figure, and short or a rate (人次, %, 元/人、天), a bound's word
    after it or not (个工作日以内)."""
    unit = without_bound(cell)
    return not any(character.isdigit() for character in cell) \
        and (len(unit) <= UNIT_LENGTH or PER_UNIT.match(unit) is not None) and not (cell and is_comparison(cell))


SCRAMBLED_NATURES = [sorted("定性指标"), sorted("定量指标")]  # 指标性质 words, in any order of their characters


def fits(role: str, text: str) -> float:
    """How well a data cell's type fits its column's role: > 0 fits, < 0 does not, 0 says nothing."""
    cell = normalize_text(text)
    if not cell:
        return 0.0
    number = bool(NUMBER_CELL.match(cell))
    if role in NUMERIC_ROLES:
        if role in MONEY_ROLES and WAN_AMOUNT.match(cell):
            return 1.0
        if MEASURED.match(cell) or cell[0] in COMPARATOR_SIGNS or AMOUNT.match(cell) and role not in MONEY_ROLES:
            return -1.0  # 1.5亩, 192只, ≤760元/批次: a target or a result, never a weight, a score or a sum of money;
            # 6.47亿元: a sum of money is no 分值 or 得分
        if number and cell.endswith(PERCENT_SIGNS):
            # "100%" under 执行率, never under 全年执行数; a 权重 (分值) may be printed as one ("10%").
            return 1.0 if role in PERCENT_ROLES else (-0.5 if role in MONEY_ROLES else 0.0)
        # (a numbered indicator's name, 指标1.药品抽验品种, holds a digit and is no figure)
        return 1.0 if number else (0.5 if cell == "/" or re.search(r"\d", cell) and not NUMBERED_INDICATOR.match(cell)
                                   else -1.0)
    if role in ("level1", "level2"):
        # (a placeholder, "……", and a template's numbered indicator, "指标2" or "指标1.药品抽验品种", name no level)
        return 1.0 if LEVEL_NAME.search(cell) else -1.0 if number or MEASURED.match(cell) \
            or is_placeholder(cell) or NUMBERED_INDICATOR.match(cell) else 0.0
    if role in ("nature", "direction"):
        # (a viewer's copy of a vertical cell scrambles its characters: 性标定指 is 定性指标)
        return 1.0 if COMPARATOR_CELL.match(cell) or cell.startswith(("定量", "定性", "正向", "反向")) \
            or sorted(cell) in SCRAMBLED_NATURES else -0.5
    if role == "measure_unit" and any(word in cell for word in QUALITATIVE_WORDS):
        return -0.5  # a verdict (有效, 达标) is a word target or result, never a unit
    if role == "serial":
        return 1.0 if SERIAL.match(cell) else -1.0
    if role in ("level3", "measure_unit"):
        return -1.0 if number or is_comparison(cell) or (MEASURED.match(cell) or AMOUNT.match(cell)
                                                         or DEADLINE.match(cell)) and role == "level3" else 0.5
    return 0.0


def is_fund_header(texts: list[str]) -> bool:
    """At least three known funds column roles, a budget and an execution among them, and no indicator header."""
    found = {role for role in (role_of(t, FUND_ROLES) for t in texts) if role}
    return len(found) >= 3 and bool(found & {"full_year_budget", "initial_budget"}) and "executed" in found \
        and not is_indicator_header(texts)


# Every column word printed whole, with the role it names.
HEADER_WORDS = {word: role_of(word, INDICATOR_ROLES) for word in PRINTED_COLUMN_WORDS} | LAYOUT_COLUMN_WORDS


def is_goal_label(text: str | None) -> bool:
    """A goals' column word (预期目标, 全年目标实际完成情况), never a goal's text that holds one (按期完成年度目标)."""
    cell = normalize_text(text)
    return ranked_role(cell, GOAL_ROLES) is not None and len(cell) <= GOAL_LABEL_LENGTH \
        and cell.startswith(GOAL_LABEL_OPENINGS) and not any(character.isdigit() for character in cell)
