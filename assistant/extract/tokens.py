"""Run-together text: a table whose cells lost every separator ("年度资金总额:202010100.00%10").

`segment` cuts such text into cells at the header words and labels it knows and where text turns
into numbers; `split_numbers` splits a run of joined numbers with the table's own arithmetic
(执行率 = 执行数 ÷ 预算数, 得分 = 分值 × 执行率, 得分 ≤ 分值). A split that is not the only one the
arithmetic allows is not made: the caller leaves the values empty and warns. Never a guess.
"""
import functools
import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import combinations

from assistant.extract.columns import FUND_ROLES, INDICATOR_ROLES
from assistant.titles import TABLE_WORD, TITLE_YEAR
from assistant.values import decimals_printed, half_last_place

# Words that are cells of their own wherever they stand, longest first so 全年预算数 wins over 预算数.
VOCABULARY = sorted({word for _, words in FUND_ROLES + INDICATOR_ROLES for word in words} | {
    "年初预算数", "全年预算数", "全年执行数", "全年实际值", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
    "偏差原因分析及改进措施", "年度资金总额", "年度总体目标", "预期目标", "实际完成情况", "项目名称", "主管部门",
    # a county's goals head (年初设定目标 | 年度总体目标完成情况综述), never cut at the 年度总体目标 inside it
    "年初设定目标", "年度总体目标完成情况综述",
    "实施单位", "绩效指标", "总分", "合计", "得分合计", "分值", "执行率", "得分",
    # the transfer-payment (区域) forms' value columns, never cut at the 全年实际, 完成值 or 预算 inside them
    "全年实际完成值", "全年完成值", "预算执行率",
    # head labels a value would otherwise run into (主管部门及代码, 项目负责人及电话 谢凯 …)
    "主管部门及代码", "项目负责人及电话", "项目负责人", "联系电话", "联系人及电话", "部门联系人", "填报人", "联系方式",
    "是否公开", "单位名称", "填报日期", "项目类别", "项目属性",
    "项目类型", "项目总得分", "项目主管部门", "项目实施单位", "项目主管单位",
    # Jiangxi's 整体支出 form: 评价部门名称 | the unit | 下属单位个数 | a count
    "评价部门名称", "下属单位个数",
    # one label cell for two values printed "单位/人" (Ningxia: 实施单位/项目负责人 | 原州区农技中心/杨勃兴)
    "实施单位/项目负责人",
    # a score sheet's columns (Anhui's 序号 | 一级指标 | … | 指标分值 | 指标解释 | 指标说明及评分标准 | 自评得分, whose 得分 is
    # a word of its own already)
    "序号", "指标分值", "指标解释", "指标说明及评分标准",
    # one column named by both its words (Xinjiang: 分值权重 | 执行率; 指标分值权重 | 指标赋分规则), never two columns
    "分值权重", "指标分值权重",
    # a central transfer payment's form: its head labels, its funds rows and its goals head, never cut at the
    # 主管部门 or 实际完成情况 inside them
    "转移支付(项目)名称", "转移支付（项目）名称", "中央主管部门", "地方主管部门", "资金使用单位", "中央财政资金", "地方资金",
    "其他资金", "总体目标完成情况", "总体目标", "全年实际完成情况",
    # a province's 专项 form (专项名称 | … | 省级主管部门 | …) and the levels of government a 主管部门 is named by
    "专项名称", "专项资金名称", "省级主管部门", "市级主管部门", "县级主管部门", "自治区主管部门",
    # a department's form (Guizhou: 部门(单位)名称 | … ‖ 部门(单位)总体资金(万元) | 资金来源 | 年初预算数(A) | … | 得分计算方法
    # ‖ 年度总体目标 | 年初设定目标 | 年度总体目标完成情况), never cut at the 得分 or 年度总体目标 inside its words
    "部门(单位)名称", "部门（单位）名称", "得分计算方法", "年度总体目标完成情况",
    # Ningde's 定量目标 form (评价内容 | 绩效内容 | 绩效目标值 | 实际完成值 | 累计完成率)
    "绩效目标值", "累计完成率",
    # Sichuan's funds column (年初预算数 | 调整后预算数 | …), never cut at the 预算数 inside it
    "调整后预算数",
    # the note column's words in Yunnan's and Hubei's forms, never cut at the 偏差, 目标 or 改进措施 inside them, and
    # Hubei's result column (年初指标值 | 年终完成值)
    "偏差大或目标未完成原因分析", "未完成原因及改进措施", "未完成原因分析", "年终完成值",
    # the central transfer payment form's note column (… | 全年实际完成值 | 未完成原因和改进措施)
    "未完成原因和改进措施"}, key=len, reverse=True)
# The funds block's own label with its unit (项目资金(万元), 资金情况(万元), 部门(单位)总体资金(万元)), or with the
# block's first column word right after it (项目资金全年预算数): only so is it no prose.
FUNDS_LABEL_WORDS = (r"(?:部门(?:[（(]单位[)）])?总体资金|项目资金|资金情况|预算资金|年度预算申请|(?:部门)?预算执行情况|"
                     r"资金(?:投入|使用)情况|计划安排资金|实际到位资金|资金(?:结构|构成))")  # a funds block's label
FUNDS_LABEL = FUNDS_LABEL_WORDS + r"(?:\s?[（(]万?元[)）]|(?=(?:年初|全年|调整后)?预算数))"
WORD = re.compile("|".join([FUNDS_LABEL, *(re.escape(word) for word in VOCABULARY)]))
# A run of joined numbers: digits, decimal points and percent signs with nothing between them.
NUMBER_RUN = re.compile(r"\d[\d.%]*")
YEAR = re.compile(r"(?:19|20)\d{2}年")
DAY = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")
# A column's formula in letters whose closing bracket OCR read as "1" before the next word: "执行率(B/A1得分".
FORMULA_CLOSED_AS_ONE = re.compile(r"([(（][A-Z][A-Z/÷*+\-]*)1(?=[\u4e00-\u9fff])")
# A column's letter whose closing bracket the copy lost before the next word: "年初目标值(A实际完成值(B产出指标".
LETTER_UNCLOSED = re.compile(r"([(（][A-Z])(?=[\u4e00-\u9fff][^()（）]*(?:[(（]|$))")
# A bracketed note a header word or a name carries: what it says about the column is no cell of its own.
NOTE = re.compile(r"[(（][^()（）]{1,16}[)）]")
# An item's number opening the text after a word ("年度总体目标完成情况" "(1)积极履职…"): the text's, not the word's note.
ITEM_NUMBER = re.compile(r"[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]")
ATTACHED = re.compile(r"^(?:[:：]|[(（][^()（）]{0,16}[)）][:：]?)$")
PLAIN_NUMBER = re.compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?$")
RATE_TOLERANCE = 0.01  # percentage points, the rounding the rules allow
FULL_MARKS = 100.0  # the points a whole sheet gives
SUM_TOLERANCE = 0.011  # a total and the sum of its parts, each printed to two decimals
MONEY_UNIT = re.compile(r"万元|亿元|元")
PROJECT, PROJECT_NAME = "项目", "项目名称"
# A breakdown's "其中:" opens a funds row of its own, whatever text ran into it before ("…上限。其中:本年…拨款").
BREAKDOWN = re.compile(r"(?=其中[:：])")
# A table's title run into the head after it, as a document viewer prints a page ("部门整体支出绩效自评表部门金寨县…",
# "…卫生院整体支出绩效自评表(2021年度)评价部门名称…"): the title ends a cell, its year with it.
TITLE_END = re.compile(rf"{TABLE_WORD}(?:{TITLE_YEAR})?")
TITLE_LENGTH = 60  # characters, most, of a title with its year


def segment(text: str) -> list[str]:
    """Cells of a run-together line: known words, runs of numbers, and the text between them; a bracketed note
    stays whole with the words and numbers in it ("得分(20分*执行率)"). Each reader of the layout asks for a line's
    cells again: a line of up to `REMEMBERED_LINE` characters is cut once."""
    return list(_segments(text) if len(text) <= REMEMBERED_LINE else _segments.__wrapped__(text))


REMEMBERED_LINE = 4096  # characters: 512 lines so long are a few megabytes


@functools.lru_cache(maxsize=512)
def _segments(text: str) -> tuple[str, ...]:
    text = LETTER_UNCLOSED.sub(r"\1)", FORMULA_CLOSED_AS_ONE.sub(r"\1)", text))
    notes = note_spans(text)
    cells: list[str] = []
    position = 0
    for match in WORD.finditer(text):
        if match.start() < position or in_note(notes, match.start()):
            continue
        # A project's name keeps its closing 项目 where a label starts after it as well ("…建设项目主管部门": the name,
        # then 主管部门).
        label = WORD.match(text, match.start() + len(PROJECT)) if cells and cells[-1] == PROJECT_NAME \
            and match.start() > position and match.group().startswith(PROJECT) else None
        cells += numbers_apart(text[position:label.start() if label else match.start()])
        cells.append((label or match).group())
        position = (label or match).end()
    cells += numbers_apart(text[position:])
    merged: list[str] = []
    for cell in (part for c in cells for broken in BREAKDOWN.split(c) for part in title_apart(broken) if part):
        # "(A)", "(万元)" and a bare ":" belong to the word before them, so do the colon a value starts with
        # ("实施单位" ":北京市…中心") and the note the next label starts with ("得分" "(20分*执行率)年度财政资金总额").
        note = NOTE.match(cell) if not ITEM_NUMBER.match(cell) else None
        if merged and ATTACHED.match(cell):
            merged[-1] += cell
        elif merged and (cell[0] in ":：" or note) and WORD.fullmatch(merged[-1]):
            attached = note.end() if note else 1
            merged[-1] += cell[:attached]
            merged.append(cell[attached:])
        else:
            merged.append(cell)
    return tuple(merged)


def title_apart(cell: str) -> list[str]:
    """A cell holding a table's title and the text run in after it, the title printed twice or not: the title and
    the rest apart; any other cell as it is."""
    title = TITLE_END.search(cell, 0, TITLE_LENGTH)
    return [cell[:title.end()], *title_apart(cell[title.end():])] if title and title.end() < len(cell) else [cell]


def note_spans(text: str) -> list[tuple[int, int]]:
    """Where the closed bracketed notes of `text` stand ("(20分*执行率)", "(B/A)", "(2016年度)"), in order: found
    once per text, so a long line costs one pass however many words and numbers it holds."""
    return [note.span() for note in NOTE.finditer(text)]


def in_note(notes: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` is inside one of the (ordered, disjoint) note spans."""
    index = bisect_right(notes, (position, float("inf"))) - 1
    return index >= 0 and notes[index][0] < position < notes[index][1]


def numbers_apart(text: str) -> list[str]:
    """Text and the runs of numbers in it ("本年财政拨款" "2020"); a number after a comparator stays with
    it and its unit ("≥50个"), a number in a bracketed note with its word ("分值(10分)", "得分(20分*执行率)")."""
    notes = note_spans(text)
    cells: list[str] = []
    position = 0
    for match in NUMBER_RUN.finditer(text):
        if match.start() < position or in_note(notes, match.start()):
            continue  # inside a date cut out already, or a note
        before = text[position:match.start()]
        if date := DAY.match(text, match.start()):
            cells += [before, date.group()]  # a date "2022年12月30日" is a cell of its own, never cut at its numbers
            position = date.end()
            continue
        if before and before[-1] in "≥≧≤≦=<>＜＞" or YEAR.match(text, match.start()):
            continue  # "≥50个" and a year "2016年度" stay in one cell
        cells += [before, match.group()]
        position = match.end()
    cells.append(text[position:])
    return cells


# (numbers run into a rate of 10000% or more, "1484631.00%" for 148 | 46 | 31.00%, are no one rate either)
JOINED_RUN = re.compile(r"^\d[\d.]*%[\d.%]*\d%?$|^\d+\.\d+\.\d[\d.%]*$|^\d{5,}(?:\.\d+)?%$")


def is_joined_run(text: str | None) -> bool:
    """A cell holding several numbers printed without a separator ("202010100.00%10", "1.561.56")."""
    return bool(text) and bool(JOINED_RUN.match("".join(text.split())))


def number_splits(digits: str, parts: int) -> list[list[str]]:
    """Every way to read `digits` as `parts` plain numbers (no leading zeros, at most one decimal point each)."""
    splits = []
    for cuts in combinations(range(1, len(digits)), parts - 1):
        pieces = [digits[a:b] for a, b in zip((0, *cuts), (*cuts, len(digits)))]
        if all(PLAIN_NUMBER.match(piece) for piece in pieces):
            splits.append(pieces)
    return splits


def split_numbers(run: str, parts: int, valid: Callable[[list[float]], bool]) -> list[str] | None:
    """The one reading of a run of joined numbers as `parts` printed values that `valid` accepts, or of several the
    one whose decimals are printed alike ("884.861824.181824.18": 884.86 | 1824.18 | 1824.18, not 884.861 | 824.181 |
    824.18); None when none is, or several are (alike or not)."""
    readings = printed_alike([pieces for pieces in number_splits(run, parts) if valid([float(p) for p in pieces])])
    return readings[0] if len(readings) == 1 else None


def printed_alike(readings: list[list[str]]) -> list[list[str]]:
    """Of several readings of one run, those whose decimals are printed alike (884.86 | 1824.18 | 1824.18, not
    884.861 | 824.181 | 824.18); one reading or none as it is."""
    if len(readings) < 2:
        return readings
    return [pieces for pieces in readings if len({decimals_printed(p) for p in pieces if "." in p}) <= 1]


def split_fund_run(run: str, roles: list[str], sums: dict[str, float] | None = None) -> list[str] | None:
    """A funds row's values from one run of joined numbers, in the order of the header's `roles`:
    "202010100.00%10" under 全年预算数/全年执行数/分值/执行率/得分 → 20, 20, 10, 100.00%, 10.

    The rate is printed with its "%": the numbers before it are the columns before 执行率, the one or two after it
    the columns after (a form printing 权重 | 执行率得分 after 执行率: "100%1010" is 100%, 10, 10). The reading must be
    the only one where 执行率 = 执行数 ÷ 预算数 and, with a 分值, 得分 = 分值 × min(执行率, 100%) ≤ 分值 — and, for a
    total whose parts were read, each amount the sum of its parts' (`sums`, by role).
    """
    if "execution_rate" not in roles:
        return split_rateless_run(run, roles)
    if "score" in roles[roles.index("execution_rate"):]:
        # Columns after 得分 (得分计算方法, a note) print text of their own, not numbers of this run.
        roles = roles[:roles.index("score", roles.index("execution_rate")) + 1]
    if "%" not in run and "execution_rate" in roles:
        return split_ratio_run(run, roles)
    if run.count("%") != 1 or "execution_rate" not in roles:
        return None
    after_rate = len(roles) - 1 - roles.index("execution_rate")  # columns printed after the rate
    if after_rate > 2:
        return None
    before, score_text = run.split("%")
    if after_rate == 2:
        # 权重 and 得分 after the rate, run together ("100%1010": 10, 10): each way to cut them whose 得分 = 权重 ×
        # min(执行率, 100%), the numbers before the rate read as a form without the 权重 reads them.
        if set(roles[-2:]) != {"weight", "score"}:
            return None
        readings = []
        for pair in number_splits(score_text, 2):
            found = dict(zip(roles[-2:], pair))
            split = split_fund_run(f"{before}%{found['score']}", [*roles[:-2], "score"], sums)
            if split and 0 < float(found["weight"]) <= FULL_MARKS and scores_by_rate(
                    float(found["weight"]), float(split[-2].rstrip("%")) / 100, float(found["score"]),
                    half_last_place(decimals_printed(found["score"]))):
                readings.append([*split[:-1], *pair])
        return readings[0] if len(readings) == 1 else None
    rate_last = roles[-1] == "execution_rate"  # a form with no 分值 or 得分 (区域/转移支付): nothing after the rate
    # A 得分 left empty prints nothing after the rate ("…10102.59%"): only the rate is checked then.
    if rate_last and score_text or score_text and not PLAIN_NUMBER.match(score_text):
        return None
    score = float(score_text) if score_text else None
    names = roles if rate_last else roles[:-1]
    # A money unit printed after a number ends it: "50万元47.6895.00%" is 50, then 47.6895.00%.
    *printed, before = MONEY_UNIT.split(before)
    if not all(PLAIN_NUMBER.match(number) for number in printed) or len(printed) >= len(names):
        return None

    def consistent(values: list[float], names: list[str] = names) -> bool:
        found = dict(zip(names, values))
        if any(abs(found[role] - total) > SUM_TOLERANCE for role, total in (sums or {}).items() if role in found):
            return False
        rate = found["execution_rate"] / 100
        if score and rate == 0:  # nothing executed scores nothing
            return False
        # The rate within half a percent of itself, a whole rate within the half percent its rounding allows
        # ("2872871711060%6": 171 ÷ 287 = 59.58%, printed 60%).
        rounding = max(0.005 * rate, half_last_place(0) / 100 if found["execution_rate"].is_integer() else 0.0)
        return funds_row_holds({**found, "execution_rate": rate, "score": score}, RATE_TOLERANCE / 100 + rounding,
                               score_rounding=half_last_place(decimals_printed(score_text)))

    pieces = split_numbers(before, len(names) - len(printed),
                           lambda values: consistent([*map(float, printed), *values]))
    left_empty = []
    if not printed and names[0] == "initial_budget" and "full_year_budget" in names:
        # A 年初预算数 left empty, the 全年预算数 the row's budget ("3030100%1010" under 年初预算数 | 调整后预算数 | 执行数 |
        # 执行率 | 权重 | 得分: 30, 30, 100%, 10, 10, where no reading fills all three amounts). A 0% holds for any
        # budget, so no arithmetic tells a reading of nothing spent: "10200%" is 10, 2, 0, 0% as well as 102, 0, 0%.
        if pieces and float(pieces[-1]) == 0 and any(consistent([*map(float, split)], names[1:])
                                                    for split in number_splits(before, len(names) - 1)):
            return None
        if not pieces:
            pieces = split_numbers(before, len(names) - 1,
                                   lambda values: values[-1] > 0 and consistent(values, names[1:]))
            left_empty = [""]
    if not pieces and not printed and rate_last:
        pieces, left_empty = spent_whole(before, len(names) - 1), []
    if not pieces:
        return None
    return [*left_empty, *printed, *pieces[:-1], f"{pieces[-1]}%", *([] if rate_last else [score_text])]


def split_rateless_run(run: str, roles: list[str]) -> list[str] | None:
    """A funds row of a form with no 执行率 column run together (Guizhou: 年初预算数(A) | 全年执行数(B) | 分值 | 得分,
    "1172.551268.721010" → 1172.55, 1268.72, 10, 10): a reading whose amounts are printed alike (as many decimals
    each), with a 分值 of at most 100 and a 得分 no more than it, printed with the fewest decimals; of several, the
    only one where 得分 = 分值 × min(执行数 ÷ 预算数, 100%). The columns after 得分 print text of their own."""
    if "score" not in roles or "%" in run:
        return None
    roles = roles[:roles.index("score") + 1]
    if not {"weight", "executed"} <= set(roles) or not {"initial_budget", "full_year_budget"} & set(roles) \
            or any(role is None for role in roles):
        return None

    def alike(pieces: list[str]) -> bool:
        found = dict(zip(roles, map(float, pieces)))
        amounts = {decimals_printed(piece) for piece, role in zip(pieces, roles) if role in MONEY_COLUMNS}
        return len(amounts) == 1 and 0 < found["weight"] <= FULL_MARKS and found["score"] <= found["weight"] \
            and max(decimals_printed(pieces[roles.index(name)]) for name in ("weight", "score")) <= POINTS_DECIMALS

    def by_rate(pieces: list[str]) -> bool:
        found = dict(zip(roles, map(float, pieces)))
        budget = found.get("full_year_budget", found.get("initial_budget"))
        return bool(budget) and scores_by_rate(found["weight"], found["executed"] / budget, found["score"],
                                               half_last_place(decimals_printed(pieces[-1])))

    readings = [pieces for pieces in number_splits(run, len(roles)) if alike(pieces)]
    fewest = min((max(map(decimals_printed, pieces)) for pieces in readings), default=0)
    readings = [pieces for pieces in readings if max(map(decimals_printed, pieces)) == fewest]
    if len(readings) > 1:
        readings = [pieces for pieces in readings if by_rate(pieces)]
    return readings[0] if len(readings) == 1 else None


MONEY_COLUMNS = ("initial_budget", "full_year_budget", "executed")
POINTS_DECIMALS = 2  # decimals, most, a 分值 or 得分 prints


def spent_whole(run: str, amounts: int) -> list[str] | None:
    """A funds row of a form with nothing after its 执行率 whose budget was spent whole: the amounts printed alike,
    then 100 ("40004000100" → 4000, 4000, 100). Its arithmetic also allows readings of nothing spent at a 0% cut off
    the end of that 100 ("40004000", "10", "0"): the amounts printed alike at 100% are the row as printed."""
    body = run[:-len("100")] if run.endswith("100") else ""
    if not body or len(body) % amounts:
        return None
    amount = body[:len(body) // amounts]
    return [amount] * amounts + ["100"] if PLAIN_NUMBER.match(amount) and amount * amounts == body else None


def funds_row_holds(found: dict[str, float | None], rate_tolerance: float, score_rounding: float = 0.0) -> bool:
    """A funds row's figures (by role, 执行率 as a ratio: 0.95 for 95%) agree: 执行率 = 执行数 ÷ 预算数 (全年, else
    年初) within `rate_tolerance`, a 分值 is some of the sheet's 100 points, and 得分 = 分值 × min(执行率, 100%) ≤ 分值
    within RATE_TOLERANCE and the 得分's printed rounding (`score_rounding`)."""
    budget = found.get("full_year_budget", found.get("initial_budget"))
    executed = found.get("executed")
    if not budget or executed is None or abs(executed / budget - found["execution_rate"]) > rate_tolerance:
        return False
    weight, score = found.get("weight"), found.get("score")
    if weight is not None and not 0 < weight <= FULL_MARKS:
        return False
    return weight is None or score is None or scores_by_rate(weight, found["execution_rate"], score, score_rounding)


def scores_by_rate(weight: float, rate: float, score: float, score_rounding: float = 0.0) -> bool:
    """得分 = 分值 × min(执行率, 100%) and never above the 分值, within RATE_TOLERANCE and the 得分's printed
    rounding; `rate` as a ratio (0.95 for 95%)."""
    return score <= weight and abs(weight * min(rate, 1) - score) <= RATE_TOLERANCE + score_rounding


def split_ratio_run(run: str, roles: list[str]) -> list[str] | None:
    """A funds row whose 执行率 is printed with no "%", as the ratio B/A or as the percentage's number: "1.561.56120"
    under 预算数(A)/执行数(B)/执行率(B/A)/得分 → 1.56, 1.56, 100%, 20; "49.449.449.41010010" under 年初预算数/全年预算数/
    全年执行数/分值/执行率/得分 → 49.4, 49.4, 49.4, 10, 100%, 10. The reading must be the only one, taking the rate
    either way, where 执行率 = 执行数 ÷ 预算数 and, with a 分值, 得分 = 分值 × min(执行率, 100%) ≤ 分值; the rate is
    given back as the percentage it stands for."""
    def consistent(pieces: list[str], scale: float) -> bool:
        found = dict(zip(roles, map(float, pieces)))
        found["execution_rate"] /= scale
        if found.get("score") and not found["execution_rate"]:
            return False  # nothing executed scores nothing
        # The ratio within 0.005, the percentage's number within its printed rounding ("86" is 85.5% to 86.5%).
        printed_rate = pieces[roles.index("execution_rate")]
        tolerance = 0.005 if scale == 1 else (RATE_TOLERANCE + half_last_place(decimals_printed(printed_rate))) / 100
        return funds_row_holds(found, tolerance)

    rate = roles.index("execution_rate")
    readings = {(*pieces[:rate], f"{float(pieces[rate]) * 100 / scale:g}%", *pieces[rate + 1:])
                for scale in (1, 100) for pieces in printed_alike([pieces for pieces in number_splits(run, len(roles))
                                                                   if consistent(pieces, scale)])}
    return list(readings.pop()) if len(readings) == 1 else None


def split_part_run(run: str, totals: list[float]) -> list[str] | None:
    """A part's amounts run together under the block's total ("本年财政拨款 2020" under 年度资金总额 20 | 20): the only
    reading as one amount per total, none above its total (a part never exceeds the whole)."""
    return split_numbers(run, len(totals), lambda values: all(v <= total for v, total in zip(values, totals)))


# Chongqing's indicator table run together: each row ends with 得分系数, 指标权重 and 指标得分 joined, and 是/否
# (是否核心指标): "财政供养人员控制率%定量指标100%92%100%22否".
CHONGQING_HEADER = "是否核心指标"
CHONGQING_COLUMNS = ["指标名称", "计量单位", "指标性质", "年初指标值", "全年完成值", "得分系数", "指标权重", "指标得分",
                     "是否核心指标"]
# A row's tail: 得分系数 "100%", 指标权重 and 指标得分 run together "22", 是否核心指标 "否". The body before it is
# the text since the previous row (found by position, not by a lazy `.+?` that rescans the text at every start).
# Every part is bounded, so each start position costs a few steps however long a run of digits is.
CORE_TAIL = re.compile(r"(?P<factor>(?:0|[1-9]\d{0,2})(?:\.\d{1,4})?%)(?P<joined>\d{1,8}(?:\.\d{1,4})?)(?P<core>[是否])")
NATURE = re.compile(r"定[量性]指标")
NATURE_WORDS = ("定量指标", "定性指标")
GARBLED_UNIT = re.compile(r"(?<=[\u4e00-\u9fa5])[a-z]{1,4}[^\da-z]?$")
UNIT_TAIL = re.compile(r"[^\d.%]{0,2}$")  # the unit a value prints after its figure ("份" of "20份")
VALUE = re.compile(r"\d+(?:\.\d+)?%?[^\d%]{0,2}")


def core_indicator_rows(text: str) -> tuple[list[list[str]], str]:
    """Rows of a run-together Chongqing indicator table, and the text after the last row."""
    rows, end = [], 0
    for match in CORE_TAIL.finditer(text):
        body = text[end:match.start()].rsplit("\n", 1)[-1]
        if not body:
            continue  # the tail belongs to the next row's body, as a lazy body would have read it
        factor = float(match.group("factor")[:-1])
        split = split_numbers(match.group("joined"), 2,
                              lambda v: v[1] <= v[0] and abs(v[0] * factor / 100 - v[1]) <= RATE_TOLERANCE)
        weight, score = split if split else (match.group("joined"), "")
        rows.append([*indicator_parts(body), match.group("factor"), weight, score, match.group("core")])
        end = match.end()
    return rows, text[end:]


# The department form's funds row after its column words (…执行率(%)执行率权重执行率得分(分)): the three amounts
# (here lost to OCR: "O"), 执行率 with its "%", then 执行率权重 and 执行率得分 run together ("O76%107.6").
CORE_FUNDS = re.compile(r"执行率得分[(（]分[)）](?P<amounts>[^%]{0,40}?)(?P<rate>(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?)%"
                        r"(?P<joined>\d{1,6}(?:\.\d{1,4})?)")
CORE_FUNDS_COLUMNS = ["部门预算执行情况", "年初预算数", "全年预算数", "全年执行数", "执行率", "执行率权重", "执行率得分"]


def core_funds_row(text: str) -> list[str] | None:
    """The department form's funds row run together with its column words: the amounts (left empty unless printed
    as three numbers apart), 执行率, and 执行率权重 and 执行率得分 split where 得分 = 权重 × 执行率 (at most 100%)."""
    found = CORE_FUNDS.search(text)
    if not found:
        return None
    rate = float(found.group("rate")) / 100
    split = split_numbers(found.group("joined"), 2,
                          lambda v: scores_by_rate(v[0], rate, v[1]))
    if not split:
        return None
    amounts = found.group("amounts").split()
    return [*(amounts if len(amounts) == 3 and all(map(PLAIN_NUMBER.match, amounts)) else ["", "", ""]),
            f"{found.group('rate')}%", *split]


def nature_in(body: str) -> tuple[int, int, str] | None:
    """Where 指标性质 stands in a row's text, and the word: printed whole ("定量指标"), or its four characters out of
    order where OCR read a vertical cell ("性标定指" for 定性指标)."""
    whole = NATURE.search(body)
    if whole:
        return whole.start(), whole.end(), whole.group()
    return next(((at, at + 4, body[at:at + 4]) for at in range(len(body) - 3) for word in NATURE_WORDS
                 if sorted(body[at:at + 4]) == sorted(word)), None)


def garbled_target(head: str, values: list[str]) -> tuple[str, str, list[str]] | None:
    """A target whose figure OCR garbled ("第O份", "到0次"): the name, then the unit the results print, then the
    target's garbled opening before the first figure. Returns (name, unit, values) or None."""
    unit = UNIT_TAIL.search(values[0]).group()
    if not unit or not all(value.endswith(unit) for value in values) or unit not in head[:-1]:
        return None
    if len(values) == 1:
        # The whole target garbled: the text between the unit and the result is a value of that unit itself.
        at = head.find(unit)
        target = head[at + len(unit):]
        return (head[:at], unit, [target, *values]) if len(unit) < len(target) <= 4 and target.endswith(unit) else None
    at = head.rfind(unit)
    opening = head[at + len(unit):]  # one character: a figure read as a word ("到" for 2)
    return (head[:at], unit, [opening + values[0], *values[1:]]) if len(opening) == 1 else None


def indicator_parts(body: str) -> list[str]:
    """名称, 计量单位, 指标性质, 指标值, 完成值 from the front of a Chongqing row ("党性教育培训次数次26次12次")."""
    nature = nature_in(body)
    text = body[:nature[0]] + body[nature[1]:] if nature else body
    first = next((i for i, char in enumerate(text) if char.isdigit()), len(text))
    head, values = text[:first], VALUE.findall(text[first:])
    unit = ""
    garbled = garbled_target(head, values) if values and not head.endswith("%") else None
    if head.endswith("%"):
        head, unit = head[:-1], "%"
    elif garbled:
        head, unit, values = garbled
    elif values and GARBLED_UNIT.search(head):
        unit = GARBLED_UNIT.search(head).group()  # the unit column read as Latin letters ("tot扁" for 篇)
        head = head[:len(head) - len(unit)]
    elif values:
        unit = next((head[-n:] for n in (2, 1) if len(head) > n and all(v.endswith(head[-n:]) for v in values)), "")
        head = head[:len(head) - len(unit)]
    if not values:
        # A qualitative row prints its target and result as the same word twice: "高高", "好好".
        size = next((n for n in (4, 3, 2, 1) if len(head) > 2 * n and head[-2 * n:-n] == head[-n:]), 0)
        values = [head[-size:], head[-size:]] if size else []
        head = head[:len(head) - 2 * size]
    target, actual = (values + ["", ""])[:2] if len(values) <= 2 else (values[0], values[-1])
    return [head, unit, nature[2] if nature else "", target, actual]
