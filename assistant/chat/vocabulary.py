"""The words reviewers use in questions: table columns, units, where to look, years.

Shared by question understanding and by the lookup tool, so "全年执行数" means the same
column whether a reviewer or a model asks for it.
"""
import re

# (column id, the words naming it); alternatives are tried longest first. 预算数 / 决算数 are the
# basic-data table's columns; a self-evaluation table's 全年预算数 / 全年执行数 answer them too.
COLUMN_WORDS = [
    ("initial_budget", ("年初预算数", "年初预算", "年初数")),
    ("full_year_budget", ("全年预算数", "全年预算", "调整后预算数", "调整后预算", "调整预算数", "调整预算")),
    ("budget", ("预算数",)),
    ("executed", ("全年执行数", "执行数", "实际执行数", "执行金额")),
    ("final", ("决算数", "决算")),
    ("execution_rate", ("预算执行率", "执行率")),
    ("total_weight", ("总分值", "满分")),
    ("recomputed_score", ("复核后得分", "复核得分", "复核总分", "复核分", "重算得分", "重新计算的得分")),
    ("total_score", ("绩效自评得分", "自评总分", "自评得分", "自评分", "总分", "总得分", "评分")),
    ("weight", ("分值", "权重")),
    ("score", ("得了多少分", "得多少分", "得了几分", "得几分", "得分", "得了")),
    ("target", ("年度指标值", "指标值", "目标值")),
    ("actual", ("实际完成值", "完成值", "实际值", "实际完成")),
    ("deviation_note", ("偏差原因分析", "偏差原因", "改进措施")),
]
_ALTERNATIVES = sorted(((w, c) for c, words in COLUMN_WORDS for w in words), key=lambda p: -len(p[0]))
COLUMN = re.compile("|".join(re.escape(w) for w, _ in _ALTERNATIVES))
COLUMN_OF = dict(_ALTERNATIVES)
# A column asked for → the columns of facts that answer it.
ANSWERED_BY = {"budget": {"budget", "full_year_budget"}, "final": {"final", "executed"},
               "score": {"score", "total_score"}}
MONEY_COLUMNS = frozenset({"initial_budget", "full_year_budget", "budget", "executed", "final"})
SCORE_COLUMNS = frozenset({"weight", "score", "total_score", "total_weight", "recomputed_score"})

SCOPES = [
    ("narrative", re.compile(r"报告正文|正文所述|正文中|正文称|正文给出|正文|文中|文字部分|报告所述")),
    ("basic_data", re.compile(r"基础数据表")),
    ("table", re.compile(r"自评表|评分表|表中|表内|表格")),
]
# The funds rows of the self-evaluation template; the prose of a report names its money otherwise.
TABLE_ROWS = re.compile(r"年度资金总额|当年财政拨款|上年结转资金")
YEAR = re.compile(r"(20\d{2})\s*年(?!度?(?:部门|预算|项目)?(?:整体)?(?:支出)?(?:绩效)?(?:自评|评价))")
LAST_YEAR = re.compile(r"上年|去年|上一年|上年度")
PREVIOUS_YEAR = -1  # a year relative to the report's: the lookup reads it as report year − 1
MONEY_UNITS = frozenset({"万元", "元", "亿元"})
PEOPLE_UNITS = frozenset({"人", "名"})
MARKET_ENTITY_UNITS = frozenset({"家", "户"})  # market entities: "30265家企业", "10020户个体户" are counted alike
POINTS = re.compile(r"(?:多少|几)个?百分点")
COUNT_UNIT = re.compile(r"(?:多少|几)(人次|户次|家次|台次|人|名|辆|件|批次|户|家|起|个|次|份|台|项|条|例|笔|本)")
# A name ending in a counted thing ("食品抽检批次", "检查户数") asks for a count of it.
COUNTED_ALIKE = frozenset({"次", "个", "件", "台", "批次"})  # counting units a longer one ends with
COUNTED = re.compile(r"(人次|批次|户数|件数|次数|家数|个数)(?:的)?(?:实际完成值|完成值|年度指标值|指标值|$)")
RATE = re.compile(r"比例|占比|比重|百分比|百分之|[^分]率(?:是|为|有)?$|率(?:是|为)?多少")
SCORE = re.compile(r"多少分|几分|得分|分值|总分|自评分|评分|扣分")
MONEY = re.compile(r"金额|资金|经费|支出|收入|预算|拨款|多少钱|万元|费用|损失|罚没|融资|贷款|投资|决算")
# A number given in a question ("是否达到100%", "与100%相差多少"), with what it is compared by.
LITERAL = re.compile(r"^(?P<verb>为|是|等于|达到|超过|大于|高于|低于|小于|不足)?\s*(?P<value>\d+(?:\.\d+)?)\s*"
                     r"(?P<unit>%|万元|元|分|人|名|个|件|户|家)?$")
# A row that lost points, as reviewers say it ("扣分", "没拿满分", "得分低于分值").
NOT_FULL = re.compile(r"扣分|扣了分|被扣|(?:未|没有?|不是|不)(?:得|拿)?满分|(?<!损)失分|得分(?:低于|小于|少于|不足|不到|未达到?)(?:其)?分值")
# What a budget leaves unspent (结余 = 预算数 − 执行数), however a reviewer says it.
LEFT_OVER = re.compile(r"结余|节余|节约|剩余")
# A table by the number every human text gives it ("表3", "第二张自评表"), counted from 1.
TABLE_NUMBER = re.compile(r"(?<![-－—\d])表\s*(\d+)|第([一二三四五六七八九十\d]+)张(?:自评)?表")
EXTREME = re.compile(r"最高|最低|最多|最少|最大|最小")
# The groups of indicators, not their rows ("哪些一级指标扣了分", "二级指标有哪些").
GROUP_LEVEL = re.compile(r"[一二]级(?=指标)")
QUOTED = re.compile(r"[“\"「]([^”\"」]+)[”\"」]")
# A name, a date, a phone number: asked, no figure answers ("填表人和填报日期分别是什么": each side without its 什么).
TEXT_ANSWER = re.compile(r"哪个|哪家|哪一|哪天|哪年|谁|什么|名称|是否|何时|日期|电话|填表人|填报人|联系人|负责人")


# "部门整体支出", "部门总支出": the department table's 年度资金总额 (its 全年执行数 unless the question names a column), not the
# 基本支出 row a word-by-word match would find
WHOLE_SPENDING = re.compile(r"部门(?:整体|全部|总)支出(?:总额)?(?!绩效|自评|表)")


def whole_spending_named(text: str) -> str:
    """The question with "部门整体支出" said as the table says it ("部门整体的年度资金总额全年执行数")."""
    column = "" if COLUMN.search(text) or "预算" in text else "全年执行数"
    return WHOLE_SPENDING.sub(f"部门整体的年度资金总额{column}", text)


def columns_in(text: str) -> list[str]:
    """Column ids named in the text, in order."""
    return [COLUMN_OF[m.group()] for m in COLUMN.finditer(text)]


def columns_asked(text: str) -> list[str]:
    """The columns a text asks for side by side ("全年预算数、执行数和执行率"); a column word right before another
    names the row of the next ("执行率得分": the 得分 of the 执行率 row), so only the last of such a run counts."""
    found = list(COLUMN.finditer(text))
    return [COLUMN_OF[m.group()] for m, after in zip(found, found[1:] + [None])
            if after is None or after.start() > m.end()]


def column_words(text: str) -> list[str]:
    """The column words a text uses, as written ("全年预算数", "得分")."""
    return [m.group() for m in COLUMN.finditer(text)]


def strip_columns(text: str) -> str:
    return COLUMN.sub(" ", text)


def scope_of(text: str) -> str | None:
    """narrative | basic_data | table, when the text says where to look, or names a row only a self-evaluation table
    prints ("年度资金总额": a report without such a table does not state it, whatever its prose calls 资金)."""
    for scope, pattern in SCOPES:
        if pattern.search(text):
            return scope
    return "table" if TABLE_ROWS.search(text) else None


def strip_scope(text: str) -> str:
    for _, pattern in SCOPES:
        text = pattern.sub(" ", text)
    return text


def year_in(text: str) -> int | None:
    """The year a text names: 2024 for "2024年", PREVIOUS_YEAR for "上年"/"去年", else None."""
    match = YEAR.search(text)
    if match:
        return int(match.group(1))
    return PREVIOUS_YEAR if LAST_YEAR.search(text) else None


def expected_units(text: str, columns: list[str]) -> frozenset[str] | None:
    """The units an answer to the text can have, or None when any will do."""
    if POINTS.search(text):  # "低多少个百分点": a gap between rates, not a count of 个
        return frozenset({"%"})
    count = COUNT_UNIT.search(text)
    if count:
        unit = count.group(1)
        return PEOPLE_UNITS if unit in PEOPLE_UNITS else frozenset({unit})
    if "人数" in text:
        return PEOPLE_UNITS
    counted = COUNTED.search(text)
    if counted:
        return frozenset({counted.group(1).rstrip("数")})
    if columns and all(c == "execution_rate" for c in columns) or RATE.search(text):
        return frozenset({"%"})
    if columns and all(c in SCORE_COLUMNS for c in columns) or SCORE.search(text):
        return frozenset({"分"})
    if columns and all(c in ("target", "actual", "deviation_note") for c in columns):
        return None
    if MONEY.search(text) or any(c in MONEY_COLUMNS for c in columns):
        return MONEY_UNITS
    return None


def answers(asked: str | None, column: str | None) -> bool:
    """Whether a fact in `column` answers a question asking for column `asked` (None asks for none)."""
    return asked is None or column in ANSWERED_BY.get(asked, {asked})


def units_agree(unit: str | None, allowed: frozenset[str] | None) -> bool:
    """Whether a figure's unit is one asked for; a count asked in 次 or 个 also takes 人次, 台次 or 万个."""
    return allowed is None or unit is None or unit in allowed \
        or "/" not in unit and any(unit.endswith(a) for a in allowed if a in COUNTED_ALIKE)
